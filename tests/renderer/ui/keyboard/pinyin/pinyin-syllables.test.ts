import { describe, expect, it } from 'vitest';
import { normalizeInput, splitSyllables } from '../../../../../renderer/ui/keyboard/pinyin/pinyin-syllables';
import { toneless } from '../../../../../vite-pinyin-index';

const syllables = new Set(['shen', 'she', 'fu', 'xi', 'an', 'xian', 'fang', 'fan', 'gan', 'a', 'e']);
const prefixes = new Set([...syllables].flatMap((s) => [...s].map((_, i) => s.slice(0, i + 1))));

describe('pinyin syllables', () => {
  it('builds the index with toned syllables spelt as they are typed', () => {
    expect(toneless('shěn')).toBe('shen');
    expect(toneless('lǜ')).toBe('lv');
    expect(toneless('nǚ')).toBe('nv');
    expect(toneless('ē')).toBe('e');
  });

  it('keeps only letters and dividers of the input', () => {
    expect(normalizeInput("Xi'an 1")).toBe("xi'an");
  });

  it('splits into the fewest whole syllables, the last one possibly unfinished', () => {
    expect(splitSyllables('shenfu', syllables, prefixes)).toEqual(['shen', 'fu']);
    expect(splitSyllables('xian', syllables, prefixes)).toEqual(['xian']);
    expect(splitSyllables("xi'an", syllables, prefixes)).toEqual(['xi', 'an']);
    expect(splitSyllables('shenf', syllables, prefixes)).toEqual(['shen', 'f']);
    expect(splitSyllables('fangan', syllables, prefixes)).toEqual(['fang', 'an']);
    // A letter no syllable here starts with stands alone.
    expect(splitSyllables('shenqfu', syllables, prefixes)).toEqual(['shen', 'q', 'fu']);
  });
});
