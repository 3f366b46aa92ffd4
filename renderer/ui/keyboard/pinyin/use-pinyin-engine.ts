import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useApi } from '../../../api/context';
import { boostedWords, hallTexts } from './hall-words';
import { loadPinyinDictionaryInSlices, type PinyinDictionary } from './pinyin-dictionary';
import { createPinyinEngine, type PinyinEngine } from './pinyin-engine';

/**
 * The dictionary, loaded once per page: the index is a data file of its own (1.1 MB, 530 kB
 * gzipped; vite-pinyin-index.ts), fetched the first time a pinyin field needs it or when a screen
 * with one prefetches it, never with the first paint. A failed load (the host restarting) is
 * tried again at the next use.
 */
let loading: Promise<PinyinDictionary> | undefined;
let loaded: PinyinDictionary | undefined;

function loadDictionary(): Promise<PinyinDictionary> {
  if (loading) return loading;
  const started = import('virtual:pinyin-index')
    .then((module) => module.default())
    .then((text) => loadPinyinDictionaryInSlices(text, nextTask))
    .then((dictionary) => (loaded = dictionary));
  // A failed load is forgotten, so the next use tries again; its callers still see the failure.
  started.catch(() => {
    if (loading === started) loading = undefined;
  });
  loading = started;
  return started;
}

/** Yields to the page between slices of decoding: a tap waiting meanwhile is handled first. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => window.setTimeout(resolve, 0));
}

/** Starts loading the index when the page is idle (a form with a Chinese field just opened). */
export function prefetchPinyinEngine(): void {
  if (loading) return;
  const start = () => void loadDictionary().catch(() => undefined);
  if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(start, { timeout: 2000 });
  else window.setTimeout(start, 0);
}

/**
 * The engine, with the hall's own words boosted: null while the index loads. The hall's words come
 * from what the kiosk already has in its query cache (hall info, services, catalog); this hook
 * never fetches them itself. Nothing typed is kept: the engine has no memory of picks.
 */
export function usePinyinEngine(): PinyinEngine | null {
  const api = useApi();
  const [dictionary, setDictionary] = useState<PinyinDictionary | null>(loaded ?? null);
  useEffect(() => {
    if (dictionary) return;
    let mounted = true;
    loadDictionary().then(
      (d) => mounted && setDictionary(d),
      () => undefined,
    );
    return () => {
      mounted = false;
    };
  }, [dictionary]);
  const cached = { enabled: false, staleTime: Number.POSITIVE_INFINITY } as const;
  const hallInfo = useQuery({ queryKey: ['hall-info'], queryFn: api.hallInfo, ...cached }).data;
  const services = useQuery({ queryKey: ['services'], queryFn: api.services, ...cached }).data;
  const catalog = useQuery({ queryKey: ['catalog'], queryFn: api.catalog, ...cached }).data;
  // The services are fetched anew at every change of a waiting count: the engine is made again
  // only when the hall's texts themselves change.
  const texts = hallTexts({ hallInfo, services, catalog }).join('\n');
  return useMemo(
    () => dictionary && createPinyinEngine(dictionary, boostedWords(dictionary, texts.split('\n'))),
    [dictionary, texts],
  );
}
