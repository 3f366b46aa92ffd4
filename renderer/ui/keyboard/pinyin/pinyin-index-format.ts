/**
 * The compact pinyin index: the text the build writes (vite-pinyin-index.ts at the root, a Vite
 * plugin) and the kiosk reads once, lazily (use-pinyin-engine.ts).
 *
 * One line per reading, its toneless syllables separated by spaces, a tab, then the words of that
 * reading best first, each followed by one character that is its score:
 *
 *     you xian gong si<TAB>有限公司F
 *
 * A score is 0–63 in steps of 1/8 of an order of magnitude of the word's frequency, written as
 * the character '0' + score ('0'…'o'): never a CJK character, so words need no separator.
 */

export interface IndexEntry {
  readonly text: string;
  readonly syllables: readonly string[];
  readonly score: number;
}

export const MAX_SCORE = 63;
const SCORE_BASE = 48; // '0'

export class PinyinIndexError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`pinyin index line ${line}: ${message}`);
    this.name = 'PinyinIndexError';
  }
}

/** Calls `visit` for each word of the index, in the order written. */
export function decodePinyinIndex(text: string, visit: (entry: IndexEntry) => void): void {
  const cursor = { at: 0, line: 0 };
  let syllables: string[] = [];
  readPinyinIndexLines(
    text,
    cursor,
    Number.POSITIVE_INFINITY,
    (reading) => (syllables = reading),
    (start, end, score) => visit({ text: text.slice(start, end), syllables, score }),
  );
}

/** Where a reader of the index stands: the offset of the next line, and its number less one. */
export interface IndexCursor {
  at: number;
  line: number;
}

/**
 * Reads up to `lines` lines from the cursor and moves it on: each line's reading, then each word
 * of it as offsets into `text` with its score. No string or object per word: the kiosk reads
 * 60,000 of them, and makes a word's text only when it is offered.
 */
export function readPinyinIndexLines(
  text: string,
  cursor: IndexCursor,
  lines: number,
  reading: (syllables: string[]) => void,
  word: (start: number, end: number, score: number) => void,
): void {
  for (let n = 0; n < lines && cursor.at < text.length; n++) {
    let end = text.indexOf('\n', cursor.at);
    if (end < 0) end = text.length;
    const from = cursor.at;
    cursor.at = end + 1;
    cursor.line++;
    if (end === from) continue;
    const tab = text.indexOf('\t', from);
    if (tab <= from || tab > end) throw new PinyinIndexError(cursor.line, 'no reading before the words');
    reading(text.slice(from, tab).split(' '));
    let start = tab + 1;
    for (let i = start; i < end; i++) {
      const code = text.charCodeAt(i);
      if (code < SCORE_BASE || code > SCORE_BASE + MAX_SCORE) continue;
      if (i === start) throw new PinyinIndexError(cursor.line, 'a score without a word');
      word(start, i, code - SCORE_BASE);
      start = i + 1;
    }
    if (start !== end) throw new PinyinIndexError(cursor.line, 'a word without a score');
  }
}
