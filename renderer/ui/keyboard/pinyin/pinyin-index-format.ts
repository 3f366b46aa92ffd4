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
  let lineNumber = 0;
  for (const line of text.split('\n')) {
    lineNumber++;
    if (line === '') continue;
    const tab = line.indexOf('\t');
    if (tab <= 0) throw new PinyinIndexError(lineNumber, 'no reading before the words');
    const syllables = line.slice(0, tab).split(' ');
    let start = tab + 1;
    for (let i = start; i < line.length; i++) {
      const code = line.charCodeAt(i);
      if (code < SCORE_BASE || code > SCORE_BASE + MAX_SCORE) continue;
      if (i === start) throw new PinyinIndexError(lineNumber, 'a score without a word');
      visit({ text: line.slice(start, i), syllables, score: code - SCORE_BASE });
      start = i + 1;
    }
    if (start !== line.length) throw new PinyinIndexError(lineNumber, 'a word without a score');
  }
}
