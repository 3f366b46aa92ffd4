import type { PinyinCandidate, PinyinEngine } from '../../../../renderer/ui/keyboard/pinyin/pinyin-engine';

/**
 * A stand-in for the pinyin engine in the keyboard's own tests (the real one loads an index built
 * from a dictionary, and has tests of its own): a handful of words, the ones covering more of
 * the input first, then in the order listed. Tests using it say so in their names.
 */
const FAKE_WORDS: readonly (readonly [string, string])[] = [
  ['shenfu', '沈抚'],
  ['shen', '沈'],
  ['shen', '深'],
  ['fu', '抚'],
  ['fu', '府'],
  ['nan', '南'],
  ['nan', '难'],
  ['ceshi', '测试'],
  ['ce', '测'],
  ['shi', '试'],
  ['shi', '市'],
];

export const fakePinyinEngine: PinyinEngine = {
  candidates(input: string, limit: number): PinyinCandidate[] {
    return FAKE_WORDS.filter(([pinyin]) => input.startsWith(pinyin))
      .map(([pinyin, text]) => ({ text, consumed: pinyin.length }))
      .sort((a, b) => b.consumed - a.consumed)
      .slice(0, limit);
  },
  syllables(input: string): string[] {
    const known = ['shen', 'shi', 'fu', 'nan', 'ce'];
    const out: string[] = [];
    let rest = input;
    while (rest !== '') {
      const syllable = known.find((s) => rest.startsWith(s)) ?? rest;
      out.push(syllable);
      rest = rest.slice(syllable.length);
    }
    return out;
  },
};

/** Many candidates for one input, for paging: 'a' → 阿1 … 阿40 (a stand-in as well). */
export const manyCandidatesEngine: PinyinEngine = {
  candidates: (input, limit) =>
    input === 'a' ? Array.from({ length: Math.min(limit, 40) }, (_, i) => ({ text: `阿${i + 1}`, consumed: 1 })) : [],
  syllables: (input) => [input],
};
