import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useApi } from '../../api/context';
import type { FlowId } from '../flows/flow-info';
import { FLOWS } from '../flows/registry';
import { prefetchFonts } from './prefetch-fonts';

/** The browser's idle callback; a short timer where there is none (DOMs without one, Safari). */
function whenIdle(run: () => void): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const handle = window.requestIdleCallback(run);
    return () => window.cancelIdleCallback(handle);
  }
  const timer = window.setTimeout(run, 50);
  return () => window.clearTimeout(timer);
}

/** A prefetched answer younger than this is not fetched again when the screen comes back. */
const FRESH_MS = 10_000;

/**
 * While the kiosk waits (the attract screen, the home tiles), fetches what the citizen's next taps
 * need, one piece per idle moment of the browser: the queue's services and windows (取号 shows its
 * tiles from them), the code of every flow this kiosk offers, in the home screen's order, and the
 * font files of the kiosk's words (prefetch-fonts.ts). On a weak board a tile then opens in a
 * frame or two instead of waiting for a chunk, an answer and a font (tests/bench/kiosk-visit.bench.ts). Public data only: nothing of a citizen is fetched ahead.
 */
export function useIdlePrefetch(waiting: boolean, hidden: readonly FlowId[]): void {
  const api = useApi();
  const queryClient = useQueryClient();
  const hiddenKey = hidden.join(',');
  useEffect(() => {
    if (!waiting) return;
    const offered = FLOWS.filter((flow) => !hiddenKey.split(',').includes(flow.id));
    const tasks: (() => Promise<unknown>)[] = [
      () => queryClient.prefetchQuery({ queryKey: ['services'], queryFn: api.services, staleTime: FRESH_MS }),
      ...offered.map((flow) => flow.preload),
      () => queryClient.prefetchQuery({ queryKey: ['windows'], queryFn: api.windows, staleTime: FRESH_MS }),
      prefetchFonts,
    ];
    let stopped = false;
    let cancel = () => {};
    const next = () => {
      const task = tasks.shift();
      if (task === undefined || stopped) return;
      cancel = whenIdle(() => {
        // A failed fetch is no error here: the tap that needs it fetches again and says so.
        void Promise.resolve()
          .then(task)
          .catch(() => undefined)
          .then(next);
      });
    };
    next();
    return () => {
      stopped = true;
      cancel();
    };
  }, [waiting, hiddenKey, api, queryClient]);
}
