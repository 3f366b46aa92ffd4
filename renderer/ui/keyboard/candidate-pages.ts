/** What one row of the candidate bar has room for, in CSS pixels as laid out. */
export interface CandidateRoom {
  /** Width of the row the candidates share with the paging buttons; 0 when not laid out (then `fallbackPerPage`). */
  widthPx: number;
  /** The candidates' font size. */
  fontPx: number;
  /** The smallest target (a one-character candidate is still this wide). */
  targetPx: number;
  gapPx: number;
}

/** Per page when nothing could be measured (a test's DOM without layout). */
const FALLBACK_PER_PAGE = 8;
/** Horizontal padding of a candidate, in em of its font (both sides together). */
const PADDING_EM = 1;

/**
 * The candidates cut into pages of one row each, in the engine's order: as many as fit beside
 * the two paging buttons (上一页 and 更多 keep their room so that candidates do not jump when one
 * appears). Every page holds at least one candidate, however long.
 */
export function candidatePages<T extends { readonly text: string }>(candidates: readonly T[], room: CandidateRoom): T[][] {
  if (room.widthPx <= 0) {
    const pages: T[][] = [];
    for (let i = 0; i < candidates.length; i += FALLBACK_PER_PAGE) pages.push(candidates.slice(i, i + FALLBACK_PER_PAGE));
    return pages;
  }
  // 上一页 in a smaller type (keyboard.css): about four of the candidates' characters wide.
  const pager = Math.max(room.targetPx, 4 * room.fontPx) + room.gapPx;
  const available = room.widthPx - 2 * pager;
  const pages: T[][] = [];
  let page: T[] = [];
  let used = 0;
  for (const candidate of candidates) {
    const width = Math.max(room.targetPx, (Array.from(candidate.text).length + PADDING_EM) * room.fontPx) + room.gapPx;
    if (page.length > 0 && used + width > available) {
      pages.push(page);
      page = [];
      used = 0;
    }
    page.push(candidate);
    used += width;
  }
  if (page.length > 0) pages.push(page);
  return pages;
}
