/**
 * Chinese line-breaking rules (禁则, after W3C clreq and GB/T 15834) for the printer's text
 * layout: where a line of a ticket or a receipt may end. A thermal printer has no margin to hang
 * a full stop in, so a line that would start with closing punctuation gives its last character to
 * the next line instead (推出: the stop travels with the character it closes).
 */

/**
 * May not start a line: closing punctuation and brackets, full- and half-width, the ellipsis,
 * iteration marks and the small kana of a Japanese name on a form. The middle dot `·` is left
 * out on purpose: the receipt starts its list lines with it.
 */
const NO_LINE_START = new Set(
  Array.from(
    '，。、；：？！）》」』】〕〉〗〙〛｝］〞’”…‥％‰℃々〻ゝゞヽヾー' +
      'ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ' +
      ',.;:?!)]}%',
  ),
);

/** May not end a line: opening brackets and quotes, full- and half-width. */
const NO_LINE_END = new Set(Array.from('（《「『【〔〈〖〘〚｛［〝‘“([{'));

/** Written as pairs that are never split across lines (……, ——). */
const UNSPLIT_PAIRS = new Set(['…', '—', '‥']);

/** One printer column for ASCII (Chinese mode prints it half-width), two for everything else. */
const isHalfWidth = (char: string): boolean => (char.codePointAt(0) ?? 0) < 0x80;

/** A character of an ASCII word (a URL, a case number, a time): such a word is kept whole. */
export const isWordChar = (char: string | undefined): boolean => char !== undefined && char !== ' ' && isHalfWidth(char);

/** The nearest character that is not a space, looking back from `from` (exclusive) or on from it. */
function visible(chars: readonly string[], from: number, direction: -1 | 1): string | undefined {
  for (let i = direction < 0 ? from - 1 : from; i >= 0 && i < chars.length; i += direction) {
    if (chars[i] !== ' ') return chars[i];
  }
  return undefined;
}

/**
 * Whether a line may end before `chars[end]`. ASCII words stay whole; `……` and `——` stay
 * together; no line starts with closing punctuation or ends with an opening one, looking past
 * the spaces a break swallows; no line is left empty.
 */
export function mayBreakAt(chars: readonly string[], end: number): boolean {
  const before = chars[end - 1];
  const after = chars[end];
  if (before === undefined || after === undefined) return true;
  if (isWordChar(before) && isWordChar(after)) return false;
  if (before === after && UNSPLIT_PAIRS.has(before)) return false;
  const lastShown = visible(chars, end, -1);
  const nextShown = visible(chars, end, 1);
  if (lastShown === undefined) return false;
  if (nextShown === undefined) return true;
  return !NO_LINE_START.has(nextShown) && !NO_LINE_END.has(lastShown);
}

/** Whether `char` may not start a line (closing punctuation, small kana…). */
export function mayNotStartLine(char: string): boolean {
  return NO_LINE_START.has(char);
}

/** Whether `char` may not end a line (opening brackets and quotes). */
export function mayNotEndLine(char: string): boolean {
  return NO_LINE_END.has(char);
}

/**
 * Where to end a line of `chars` that fits up to index `fits` (exclusive): the last allowed
 * break at or before it. When the line has none (one long word, a row of stops), it is cut at
 * `fits`: breaking a rule beats running off the paper.
 */
export function lineEnd(chars: readonly string[], fits: number): number {
  if (fits >= chars.length) return chars.length;
  for (let end = fits; end > 0; end--) {
    if (mayBreakAt(chars, end)) return end;
  }
  return Math.max(1, fits);
}
