import { decodePinyinIndex } from './pinyin-index-format';

/**
 * The decoded index, laid out for lookups by the engine (pinyin-engine.ts): flat arrays rather
 * than one object per word (60,000 words on a low-power kiosk), and each word listed under its
 * first syllable, best first.
 */
export interface PinyinDictionary {
  /** Every syllable of the index ('a' … 'zuo'), by id. */
  readonly syllableNames: readonly string[];
  readonly syllableIds: ReadonlyMap<string, number>;
  /** Every beginning of a syllable ('s', 'sh', 'she', 'shen', …). */
  readonly syllablePrefixes: ReadonlySet<string>;
  readonly texts: readonly string[];
  readonly scores: Uint8Array;
  /** Word i's syllable ids are syllables[starts[i]] … syllables[starts[i + 1] - 1]. */
  readonly starts: Uint32Array;
  readonly syllables: Uint16Array;
  /** First syllable id → the words starting with it, best score first, by what follows. */
  readonly byFirstSyllable: readonly FirstSyllableWords[];
  /** Text → its best-scored word (its most common reading). */
  readonly bestByText: ReadonlyMap<string, number>;
}

/**
 * The words of one first syllable: the characters alone, and the longer words by the first letter
 * of their second syllable (a–z → 0–25), so a keystroke reads only the words its next letter allows.
 */
export interface FirstSyllableWords {
  readonly single: Uint32Array;
  readonly byNextLetter: readonly Uint32Array[];
}

export function loadPinyinDictionary(indexText: string): PinyinDictionary {
  const syllableNames: string[] = [];
  const syllableIds = new Map<string, number>();
  const texts: string[] = [];
  const scoreList: number[] = [];
  const startList: number[] = [0];
  const syllableList: number[] = [];
  const bestByText = new Map<string, number>();
  const idOf = (name: string): number => {
    let id = syllableIds.get(name);
    if (id === undefined) {
      id = syllableNames.length;
      syllableNames.push(name);
      syllableIds.set(name, id);
    }
    return id;
  };
  decodePinyinIndex(indexText, ({ text, syllables, score }) => {
    const index = texts.length;
    texts.push(text);
    scoreList.push(score);
    for (const name of syllables) syllableList.push(idOf(name));
    startList.push(syllableList.length);
    const best = bestByText.get(text);
    if (best === undefined || (scoreList[best] ?? 0) < score) bestByText.set(text, index);
  });
  const starts = Uint32Array.from(startList);
  const syllables = Uint16Array.from(syllableList);
  const scores = Uint8Array.from(scoreList);
  // 26 letters, then the characters alone.
  const lists: number[][][] = syllableNames.map(() => Array.from({ length: 27 }, () => []));
  for (let i = 0; i < texts.length; i++) {
    const start = starts[i] ?? 0;
    const single = (starts[i + 1] ?? 0) - start === 1;
    const second = single ? 26 : (syllableNames[syllables[start + 1] ?? 0] ?? 'a').charCodeAt(0) - 97;
    lists[syllables[start] ?? 0]?.[second]?.push(i);
  }
  const bestFirst = (list: number[]) => Uint32Array.from(list.sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0)));
  const byFirstSyllable = lists.map((byLetter) => ({
    single: bestFirst(byLetter[26] ?? []),
    byNextLetter: byLetter.slice(0, 26).map(bestFirst),
  }));
  const syllablePrefixes = new Set<string>();
  for (const name of syllableNames) for (let n = 1; n <= name.length; n++) syllablePrefixes.add(name.slice(0, n));
  return { syllableNames, syllableIds, syllablePrefixes, texts, scores, starts, syllables, byFirstSyllable, bestByText };
}

/**
 * A reading for any Chinese text (a hall's name, a service): the longest dictionary words first,
 * left to right, each character alone where no word fits. Undefined when a character is not in
 * the index at all (a letter, a digit, a rare character).
 */
export function readingOf(dictionary: PinyinDictionary, text: string): string[] | undefined {
  const characters = [...text];
  const reading: string[] = [];
  for (let i = 0; i < characters.length;) {
    let matched = false;
    for (let end = Math.min(characters.length, i + 8); end > i; end--) {
      const word = dictionary.bestByText.get(characters.slice(i, end).join(''));
      if (word === undefined) continue;
      reading.push(...syllablesOf(dictionary, word));
      i = end;
      matched = true;
      break;
    }
    if (!matched) return undefined;
  }
  return reading;
}

export function syllablesOf(dictionary: PinyinDictionary, word: number): string[] {
  const names: string[] = [];
  const end = dictionary.starts[word + 1] ?? 0;
  for (let k = dictionary.starts[word] ?? 0; k < end; k++)
    names.push(dictionary.syllableNames[dictionary.syllables[k] ?? 0] ?? '');
  return names;
}
