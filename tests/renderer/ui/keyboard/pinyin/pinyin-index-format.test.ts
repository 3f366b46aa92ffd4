import { describe, expect, it } from 'vitest';
import {
  PinyinIndexError,
  decodePinyinIndex,
  type IndexEntry,
} from '../../../../../renderer/ui/keyboard/pinyin/pinyin-index-format';
import { encodePinyinIndex, scoreOfFrequency } from '../../../../../vite-pinyin-index';

const decodeAll = (text: string): IndexEntry[] => {
  const entries: IndexEntry[] = [];
  decodePinyinIndex(text, (entry) => entries.push(entry));
  return entries;
};

describe('the pinyin index format', () => {
  it('reads back what the build wrote, each reading’s words best first', () => {
    const entries: IndexEntry[] = [
      { text: '试', syllables: ['shi'], score: 20 },
      { text: '有限公司', syllables: ['you', 'xian', 'gong', 'si'], score: 30 },
      { text: '是', syllables: ['shi'], score: 63 },
      { text: '礻', syllables: ['shi'], score: 0 },
    ];
    const text = encodePinyinIndex(entries);
    expect(text).toBe('shi\t是o试D礻0\nyou xian gong si\t有限公司N');
    expect(decodeAll(text)).toEqual([entries[2], entries[0], entries[3], entries[1]]);
  });

  it('scores frequencies in eighths of an order of magnitude, within 0–63', () => {
    expect(scoreOfFrequency(1e-12)).toBe(1);
    expect(scoreOfFrequency(1e-11)).toBe(9);
    expect(scoreOfFrequency(1e-4)).toBe(63);
    expect(scoreOfFrequency(0)).toBe(0);
    expect(scoreOfFrequency(1e-15)).toBe(0);
  });

  it('refuses a damaged index with the line at fault', () => {
    expect(() => decodeAll('shi\t是o\n\t试D')).toThrow(new PinyinIndexError(2, 'no reading before the words'));
    expect(() => decodeAll('shi\to')).toThrow(PinyinIndexError);
    expect(() => decodeAll('shi\t是o试')).toThrow('pinyin index line 1: a word without a score');
  });
});
