/**
 * A captured page's size bound: JPEG, its long side at most 2000 px (a page of text read at the
 * counter stays legible at about 240 dpi), at most 500 kB (a case of ten pages stays a few MB in
 * the outbox and on the hall's uplink). Quality is lowered step by step first, then the picture is
 * made smaller, so a plain page keeps its best quality and a busy one still fits.
 */
export const MAX_LONG_SIDE = 2_000;
export const MAX_PAGE_BYTES = 500_000;
export const QUALITY_STEPS: readonly number[] = [0.88, 0.8, 0.72, 0.64, 0.56, 0.48, 0.4];
/** Each shrink after the lowest quality still did not fit. */
const SHRINK = 0.8;
/** Below this long side a page is not readable any more: it is kept at the lowest quality. */
const MIN_LONG_SIDE = 600;

export interface PageSize {
  width: number;
  height: number;
}

/** `size` scaled down (never up) so its long side is at most `maxLongSide`, in whole pixels. */
export function boundedSize(size: PageSize, maxLongSide = MAX_LONG_SIDE): PageSize {
  const scale = Math.min(1, maxLongSide / Math.max(size.width, size.height));
  return { width: Math.max(1, Math.round(size.width * scale)), height: Math.max(1, Math.round(size.height * scale)) };
}

/** What one encoding produced. */
export interface Encoded {
  blob: Blob;
  size: PageSize;
  quality: number;
}

/**
 * Encodes at falling quality, then smaller, until the JPEG fits `maxBytes`; `encode` draws the
 * page at `size` and encodes it (the worker's OffscreenCanvas, a fake in tests).
 */
export async function encodeWithinBudget(
  size: PageSize,
  encode: (size: PageSize, quality: number) => Promise<Blob>,
  maxBytes = MAX_PAGE_BYTES,
): Promise<Encoded> {
  let current = boundedSize(size);
  for (;;) {
    let last: Encoded | null = null;
    for (const quality of QUALITY_STEPS) {
      const blob = await encode(current, quality);
      last = { blob, size: current, quality };
      if (blob.size <= maxBytes) return last;
    }
    const smaller = boundedSize(current, Math.floor(Math.max(current.width, current.height) * SHRINK));
    if (last === null || Math.max(smaller.width, smaller.height) < MIN_LONG_SIDE) {
      if (last === null) throw new Error('no quality steps');
      return last;
    }
    current = smaller;
  }
}
