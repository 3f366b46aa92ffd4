import { SINGLE, bucketOf, readingOf, wordsOfTexts, type PinyinDictionary } from './pinyin-dictionary';
import { splitSyllables } from './pinyin-syllables';

export interface PinyinCandidate {
  /** What a pick inserts, e.g. '有限公司'. */
  readonly text: string;
  /** How many characters of the input, from its start, it replaces (dividers after it included). */
  readonly consumed: number;
}

export interface PinyinEngine {
  /** Phrases first, then characters, best first; at most `limit`. Input: lower-case a–z and ' (a syllable divider the citizen may type). */
  candidates(input: string, limit: number): PinyinCandidate[];
  /** The input split into syllables for display above the candidates: 'shenfu' → ['shen','fu']. */
  syllables(input: string): string[];
}

/** A word the engine ranks above the dictionary's order (hall-words.ts says which and by how much). */
export interface BoostedWord {
  readonly text: string;
  /** Added to the word's score (8 per order of magnitude of frequency). */
  readonly boost: number;
  /** Its toneless syllables; worked out from the dictionary when absent. */
  readonly syllables?: readonly string[];
}

/** The score of a boosted phrase the dictionary does not have (沈抚): a fairly common word's. */
const UNKNOWN_PHRASE_SCORE = 24;
const DIVIDER = 39; // '

/**
 * Matches the input against every word of the dictionary that could start it. A syllable of a
 * word matches the input as
 * - the whole syllable ('shen');
 * - the beginning of a syllable still being typed, at the end of the input ('shenf' → 沈抚;
 *   'shen' → 生 too, after 身 and the other whole matches);
 * - its initial, abbreviating it: the first letter, or zh/ch/sh ('s', 'sh' for shen: 'sfxq' →
 *   沈抚新区, 'shenfxq' mixes both).
 * Candidates that replace more of the input come first; among those, the fewer abbreviations and
 * unfinished syllables, then the higher score. Characters are offered only for the longest
 * syllable they can match ('shenfu' offers 身 深 沈…, not 设 for 'she').
 */
export function createPinyinEngine(dictionary: PinyinDictionary, boosted: readonly BoostedWord[] = []): PinyinEngine {
  const extras = resolveBoosts(dictionary, boosted);
  const { syllableNames } = dictionary;

  function candidates(input: string, limit: number): PinyinCandidate[] {
    let start = 0;
    while (input.charCodeAt(start) === DIVIDER) start++;
    if (start >= input.length || limit <= 0) return [];
    const found = new Map<string, Found>();
    const keep = (text: string, packed: number, score: number, single: boolean) => {
      const seen = found.get(text);
      if (!seen || seen.packed < packed || (seen.packed === packed && seen.score < score))
        found.set(text, { text, packed, score, single });
    };
    const first = input.charCodeAt(start);
    const { bucketStarts, bucketWords } = dictionary;
    const visitBucket = (bucket: number, each: (word: number) => void) => {
      const end = bucketStarts[bucket + 1] ?? 0;
      for (let at = bucketStarts[bucket] ?? 0; at < end; at++) each(bucketWords[at] ?? 0);
    };
    for (let id = 0; id < syllableNames.length; id++) {
      const syllable = syllableNames[id] ?? '';
      if (syllable.charCodeAt(0) !== first) continue;
      const ends = syllableEnds(input, start, syllable);
      if (ends.length === 0) continue;
      let single = -1;
      let lettersSeen = 0;
      for (const packedEnd of ends) {
        let end = Math.floor(packedEnd / PACK);
        while (input.charCodeAt(end) === DIVIDER) end++;
        single = Math.max(single, end * PACK + (packedEnd % PACK));
        const letter = input.charCodeAt(end) - 97;
        if (letter < 0 || letter > 25 || lettersSeen & (1 << letter)) continue;
        lettersSeen |= 1 << letter;
        visitBucket(bucketOf(id, letter), (word) => {
          const from = dictionary.starts[word] ?? 0;
          const count = (dictionary.starts[word + 1] ?? 0) - from;
          const packed = matchWord(input, start, dictionary.syllables, from, count, syllableNames, 0);
          if (packed >= 0) keep(dictionary.textOf(word), packed, dictionary.scores[word] ?? 0, false);
        });
      }
      visitBucket(bucketOf(id, SINGLE), (word) => keep(dictionary.textOf(word), single, dictionary.scores[word] ?? 0, true));
    }
    for (const extra of extras) {
      const packed = matchWord(input, start, extra.ids, 0, extra.ids.length, syllableNames, 0);
      if (packed >= 0) keep(extra.text, packed, extra.score, extra.ids.length === 1);
    }
    let longestSingle = -1;
    for (const f of found.values()) if (f.single) longestSingle = Math.max(longestSingle, consumedOf(f.packed));
    return [...found.values()]
      .filter((f) => !f.single || consumedOf(f.packed) === longestSingle)
      .sort((a, b) => b.packed - a.packed || b.score - a.score)
      .slice(0, limit)
      .map((f) => ({ text: f.text, consumed: consumedOf(f.packed) }));
  }

  return {
    candidates,
    syllables: (input) => splitSyllables(input, dictionary.syllableIds, dictionary.syllablePrefixes),
  };
}

/**
 * A match packed in one number, larger is better: consumed × PACK + (PACK − 1 − penalty), where
 * an abbreviated syllable costs 2 and an unfinished one 1.
 */
const PACK = 64;
const ABBREVIATED = 2;
const UNFINISHED = 1;

interface Found {
  readonly text: string;
  readonly packed: number;
  readonly score: number;
  readonly single: boolean;
}

const consumedOf = (packed: number): number => Math.floor(packed / PACK);

interface Extra {
  readonly text: string;
  readonly ids: Uint16Array;
  readonly score: number;
}

function resolveBoosts(dictionary: PinyinDictionary, boosted: readonly BoostedWord[]): Extra[] {
  const extras: Extra[] = [];
  const words = wordsOfTexts(
    dictionary,
    boosted.map((w) => w.text),
  );
  for (const word of boosted) {
    const syllables = word.syllables ?? readingOf(dictionary, words, word.text);
    if (!syllables || syllables.length === 0 || syllables.length !== [...word.text].length) continue;
    const ids = syllables.map((s) => dictionary.syllableIds.get(s));
    if (ids.some((id) => id === undefined)) continue;
    const known = words.get(word.text);
    const base = known === undefined ? UNKNOWN_PHRASE_SCORE : (dictionary.scores[known] ?? 0);
    extras.push({ text: word.text, ids: Uint16Array.from(ids, (id) => id ?? 0), score: base + word.boost });
  }
  return extras;
}

/**
 * Where one syllable may end when it is matched at `pos`, each packed as end × PACK +
 * (PACK − 1 − penalty): whole, unfinished (the rest of the input is its beginning), or abbreviated.
 */
function syllableEnds(input: string, pos: number, syllable: string): number[] {
  const ends: number[] = [];
  if (input.charCodeAt(pos) !== syllable.charCodeAt(0)) return ends;
  let runEnd = pos;
  while (runEnd < input.length && input.charCodeAt(runEnd) !== DIVIDER) runEnd++;
  const run = runEnd - pos;
  const top = PACK - 1;
  if (input.startsWith(syllable, pos)) ends.push((pos + syllable.length) * PACK + top);
  else if (runEnd === input.length && run < syllable.length && syllable.startsWith(input.slice(pos)))
    ends.push(runEnd * PACK + top - UNFINISHED);
  if (syllable.length > 1 && run > 1) ends.push((pos + 1) * PACK + top - ABBREVIATED);
  const two = syllable.slice(0, 2);
  if ((two === 'zh' || two === 'ch' || two === 'sh') && syllable.length > 2 && run > 2 && input.startsWith(two, pos))
    ends.push((pos + 2) * PACK + top - ABBREVIATED);
  return ends;
}

/**
 * The best way the word's syllables k… match the input from `pos` (packed as above), or −1 when
 * they cannot. Words are at most 9 syllables, each with at most three ways to match.
 */
function matchWord(
  input: string,
  pos: number,
  syllables: ArrayLike<number>,
  from: number,
  count: number,
  names: readonly string[],
  k: number,
): number {
  while (input.charCodeAt(pos) === DIVIDER) pos++;
  let best = -1;
  for (const packedEnd of syllableEnds(input, pos, names[syllables[from + k] ?? 0] ?? '')) {
    let packed: number;
    if (k + 1 === count) {
      let end = Math.floor(packedEnd / PACK);
      while (input.charCodeAt(end) === DIVIDER) end++;
      packed = end * PACK + (packedEnd % PACK);
    } else {
      const rest = matchWord(input, Math.floor(packedEnd / PACK), syllables, from, count, names, k + 1);
      if (rest < 0) continue;
      packed = rest - (PACK - 1 - (packedEnd % PACK));
    }
    if (packed > best) best = packed;
  }
  return best;
}
