import { type RefObject, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { candidatePages, type CandidateRoom } from './candidate-pages';
import { keepFocus } from './KeyRows';
import { useKeyboardPart, useKeyboardStore } from './keyboard-context';
import type { KeyboardState } from './keyboard-store';
import type { PinyinCandidate } from './pinyin/pinyin-engine';

const isEngineReady = (state: KeyboardState) => state.engineReady;

/** How many candidates are asked of the engine for one composition: a few pages' worth. */
const CANDIDATE_LIMIT = 60;

/**
 * The top row of the keyboard for a Chinese field: the pinyin being composed, cut into its
 * syllables, then its candidates as big buttons (phrases first), one row at a time with 上一页 /
 * 更多 when there are more than fit.
 */
export function CandidateBar({ composing, onPick }: { composing: string; onPick: (candidate: PinyinCandidate) => void }) {
  const { t } = useTranslation();
  const store = useKeyboardStore();
  const engineReady = useKeyboardPart(isEngineReady);
  const list = useRef<HTMLDivElement>(null);
  const room = useCandidateRoom(list);
  const candidates = useMemo(
    () => (composing === '' || !engineReady ? [] : store.candidates(composing, CANDIDATE_LIMIT)),
    [composing, engineReady, store],
  );
  const syllables = useMemo(
    () => (composing === '' ? [] : engineReady ? store.syllables(composing) : [composing]),
    [composing, engineReady, store],
  );
  const pages = useMemo(() => candidatePages(candidates, room), [candidates, room]);
  // Each new composition starts on its first page.
  const [paging, setPaging] = useState({ composing, page: 0 });
  if (paging.composing !== composing) setPaging({ composing, page: 0 });
  const page = Math.min(paging.page, Math.max(0, pages.length - 1));
  const turn = (to: number) => setPaging({ composing, page: to });

  return (
    <div className="osk-bar">
      <p className="osk-composition" data-testid="osk-composition">
        {composing === '' ? (
          <span className="osk-composition-hint">{t('keyboard.pinyinHint')}</span>
        ) : (
          syllables.map((syllable, i) => (
            <span key={`${i}-${syllable}`} className="osk-syllable">
              {syllable}
            </span>
          ))
        )}
      </p>
      <div ref={list} className="osk-candidates" role="group" aria-label={t('keyboard.candidates')}>
        {composing !== '' && !engineReady && <span className="osk-loading">{t('keyboard.loading')}</span>}
        {(pages[page] ?? []).map((candidate, i) => (
          <button
            key={`${page}-${i}-${candidate.text}`}
            type="button"
            className="osk-candidate"
            onPointerDown={keepFocus}
            onMouseDown={keepFocus}
            onClick={() => onPick(candidate)}
          >
            {candidate.text}
          </button>
        ))}
        <span className="osk-pager">
          {page > 0 && (
            <button
              type="button"
              className="osk-page"
              onPointerDown={keepFocus}
              onMouseDown={keepFocus}
              onClick={() => turn(page - 1)}
            >
              {t('keyboard.previous')}
            </button>
          )}
          {page + 1 < pages.length && (
            <button
              type="button"
              className="osk-page"
              onPointerDown={keepFocus}
              onMouseDown={keepFocus}
              onClick={() => turn(page + 1)}
            >
              {t('keyboard.more')}
            </button>
          )}
        </span>
      </div>
    </div>
  );
}

/** The candidate row's width and sizes as laid out, measured again when it changes (长辈版, turning). */
function useCandidateRoom(list: RefObject<HTMLDivElement | null>): CandidateRoom {
  const [room, setRoom] = useState<CandidateRoom>({ widthPx: 0, fontPx: 22, targetPx: 60, gapPx: 8 });
  useEffect(() => {
    const box = list.current;
    if (box === null) return;
    const measure = () => {
      const style = getComputedStyle(box);
      // The row's font is the candidates' (keyboard.css); its min-height is their target size.
      const fontPx = Number.parseFloat(style.fontSize) || 22;
      const targetPx = Number.parseFloat(style.minHeight) || 60;
      const gapPx = Number.parseFloat(style.columnGap) || 8;
      const widthPx = box.clientWidth;
      setRoom((prev) =>
        prev.widthPx === widthPx && prev.fontPx === fontPx && prev.targetPx === targetPx && prev.gapPx === gapPx
          ? prev
          : { widthPx, fontPx, targetPx, gapPx },
      );
    };
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    return () => observer.disconnect();
  }, [list]);
  return room;
}
