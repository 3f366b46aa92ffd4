import { PinyinIndexError, readPinyinIndexLines, type IndexCursor } from './pinyin-index-format';

/**
 * The decoded index, laid out for lookups by the engine (pinyin-engine.ts): typed arrays of
 * offsets into the index text rather than a string or an object per word (60,000 words, decoded
 * on a low-power kiosk), and each word filed under its first syllable and the first letter of its
 * second one, so that a keystroke reads only the words its letters allow.
 */
export interface PinyinDictionary {
  /** Every syllable of the index ('a' … 'zuo'), by id. */
  readonly syllableNames: readonly string[];
  readonly syllableIds: ReadonlyMap<string, number>;
  /** Every beginning of a syllable ('s', 'sh', 'she', 'shen', …). */
  readonly syllablePrefixes: ReadonlySet<string>;
  readonly wordCount: number;
  /** Word i's text, made when asked. */
  textOf(word: number): string;
  /** Whether every UTF-16 unit of word i's text is in `units` (no string made). */
  textWithin(word: number, units: ReadonlySet<number>): boolean;
  readonly scores: Uint8Array;
  /** Word i's syllable ids are syllables[starts[i]] … syllables[starts[i + 1] - 1]. */
  readonly starts: Uint32Array;
  readonly syllables: Uint16Array;
  /** Bucket b's words are bucketWords[bucketStarts[b]] … bucketWords[bucketStarts[b + 1] - 1] (bucketOf). */
  readonly bucketStarts: Uint32Array;
  readonly bucketWords: Uint32Array;
}

/** Words whose second syllable starts with letter 0–25 (a–z), or 26: the characters alone. */
export const SINGLE = 26;
const BUCKETS_PER_SYLLABLE = 27;

export function bucketOf(firstSyllable: number, next: number): number {
  return firstSyllable * BUCKETS_PER_SYLLABLE + next;
}

/** Decodes the whole index at once (the tests, the benchmark). */
export function loadPinyinDictionary(indexText: string): PinyinDictionary {
  const reader = dictionaryReader(indexText);
  while (!reader.done()) reader.readLines(Number.POSITIVE_INFINITY);
  return reader.finish();
}

/**
 * Decodes the index a slice of lines at a time, pausing between slices, so that a kiosk decoding
 * it (a few hundred milliseconds of a low-power board's CPU) still answers a tap within a slice.
 */
export async function loadPinyinDictionaryInSlices(
  indexText: string,
  pause: () => Promise<void>,
  linesPerSlice = 2000,
): Promise<PinyinDictionary> {
  const reader = dictionaryReader(indexText);
  while (!reader.done()) {
    reader.readLines(linesPerSlice);
    await pause();
  }
  return reader.finish();
}

/** A Uint32Array that grows as it is appended to. */
class Growing {
  values = new Uint32Array(1 << 16);
  length = 0;
  push(value: number): void {
    if (this.length === this.values.length) {
      const larger = new Uint32Array(this.values.length * 2);
      larger.set(this.values);
      this.values = larger;
    }
    this.values[this.length++] = value;
  }
  done(): Uint32Array {
    return this.values.slice(0, this.length);
  }
}

function dictionaryReader(indexText: string) {
  const syllableNames: string[] = [];
  const syllableIds = new Map<string, number>();
  const textStarts = new Growing();
  const textEnds = new Growing();
  const scores = new Growing();
  const starts = new Growing();
  const syllables = new Growing();
  starts.push(0);
  const idOf = (name: string): number => {
    let id = syllableIds.get(name);
    if (id === undefined) {
      id = syllableNames.length;
      syllableNames.push(name);
      syllableIds.set(name, id);
    }
    return id;
  };
  let ids: number[] = [];
  const reading = (names: string[]) => (ids = names.map(idOf));
  const word = (start: number, end: number, score: number) => {
    textStarts.push(start);
    textEnds.push(end);
    scores.push(score);
    for (const id of ids) syllables.push(id);
    starts.push(syllables.length);
  };
  const cursor: IndexCursor = { at: 0, line: 0 };
  return {
    done: () => cursor.at >= indexText.length,
    readLines: (count: number) => readPinyinIndexLines(indexText, cursor, count, reading, word),
    finish(): PinyinDictionary {
      if (textStarts.length === 0) throw new PinyinIndexError(cursor.line, 'the index has no words');
      const wordStarts = textStarts.done();
      const wordEnds = textEnds.done();
      const dictionary = {
        syllableNames,
        syllableIds,
        syllablePrefixes: prefixesOf(syllableNames),
        wordCount: wordStarts.length,
        textOf: (w: number) => indexText.slice(wordStarts[w] ?? 0, wordEnds[w] ?? 0),
        textWithin: (w: number, units: ReadonlySet<number>) => {
          const end = wordEnds[w] ?? 0;
          for (let at = wordStarts[w] ?? 0; at < end; at++) if (!units.has(indexText.charCodeAt(at))) return false;
          return true;
        },
        scores: Uint8Array.from(scores.done()),
        starts: starts.done(),
        syllables: Uint16Array.from(syllables.done()),
      };
      return { ...dictionary, ...fileIntoBuckets(syllableNames, dictionary.starts, dictionary.syllables) };
    },
  };
}

function prefixesOf(syllableNames: readonly string[]): Set<string> {
  const prefixes = new Set<string>();
  for (const name of syllableNames) for (let n = 1; n <= name.length; n++) prefixes.add(name.slice(0, n));
  return prefixes;
}

/** A counting sort of the words into their buckets: two passes, no array per bucket. */
function fileIntoBuckets(syllableNames: readonly string[], starts: Uint32Array, syllables: Uint16Array) {
  const words = starts.length - 1;
  const bucketOfWord = new Uint32Array(words);
  const bucketStarts = new Uint32Array(syllableNames.length * BUCKETS_PER_SYLLABLE + 1);
  for (let i = 0; i < words; i++) {
    const start = starts[i] ?? 0;
    const single = (starts[i + 1] ?? 0) - start === 1;
    const next = single ? SINGLE : (syllableNames[syllables[start + 1] ?? 0] ?? 'a').charCodeAt(0) - 97;
    const bucket = bucketOf(syllables[start] ?? 0, next);
    bucketOfWord[i] = bucket;
    bucketStarts[bucket + 1] = (bucketStarts[bucket + 1] ?? 0) + 1;
  }
  for (let b = 1; b < bucketStarts.length; b++) bucketStarts[b] = (bucketStarts[b] ?? 0) + (bucketStarts[b - 1] ?? 0);
  const filled = bucketStarts.slice(0, -1);
  const bucketWords = new Uint32Array(words);
  for (let i = 0; i < words; i++) {
    const bucket = bucketOfWord[i] ?? 0;
    const at = filled[bucket] ?? 0;
    bucketWords[at] = i;
    filled[bucket] = at + 1;
  }
  return { bucketStarts, bucketWords };
}

/**
 * The best-scored word (the most common reading) of each dictionary text made only of characters
 * found in `texts`: enough to read and split those texts (the hall's names), without a map of all
 * 60,000 words.
 */
export function wordsOfTexts(dictionary: PinyinDictionary, texts: readonly string[]): Map<string, number> {
  const units = new Set<number>();
  for (const text of texts) for (let i = 0; i < text.length; i++) units.add(text.charCodeAt(i));
  const words = new Map<string, number>();
  for (let w = 0; w < dictionary.wordCount; w++) {
    if (!dictionary.textWithin(w, units)) continue;
    const text = dictionary.textOf(w);
    const best = words.get(text);
    if (best === undefined || (dictionary.scores[best] ?? 0) < (dictionary.scores[w] ?? 0)) words.set(text, w);
  }
  return words;
}

/**
 * A reading for a Chinese text (a hall's name, a service): the longest dictionary words first,
 * left to right, each character alone where no word fits. Undefined when a character is not in
 * the index at all (a letter, a digit, a rare character). `words`: wordsOfTexts of the text.
 */
export function readingOf(dictionary: PinyinDictionary, words: ReadonlyMap<string, number>, text: string): string[] | undefined {
  const reading: string[] = [];
  for (const piece of segmentText(words, text)) {
    const word = words.get(piece);
    if (word === undefined) return undefined;
    reading.push(...syllablesOf(dictionary, word));
  }
  return reading;
}

/** The text split into dictionary words, longest first from the left; a character without a word stands alone. */
export function segmentText(words: ReadonlyMap<string, number>, text: string): string[] {
  const characters = [...text];
  const pieces: string[] = [];
  for (let i = 0; i < characters.length;) {
    let end = Math.min(characters.length, i + 8);
    while (end > i + 1 && !words.has(characters.slice(i, end).join(''))) end--;
    pieces.push(characters.slice(i, end).join(''));
    i = end;
  }
  return pieces;
}

export function syllablesOf(dictionary: PinyinDictionary, word: number): string[] {
  const names: string[] = [];
  const end = dictionary.starts[word + 1] ?? 0;
  for (let k = dictionary.starts[word] ?? 0; k < end; k++)
    names.push(dictionary.syllableNames[dictionary.syllables[k] ?? 0] ?? '');
  return names;
}
