import { describe, expect, it } from 'vitest';
import {
  loadPinyinDictionaryInSlices,
  readingOf,
  segmentText,
  syllablesOf,
  wordsOfTexts,
} from '../../../../../renderer/ui/keyboard/pinyin/pinyin-dictionary';
import { buildPinyinIndexText } from '../../../../../vite-pinyin-index';
import { builtDictionary } from './pinyin-fixtures';

const dictionary = builtDictionary();

describe('the pinyin dictionary', () => {
  it('decodes in slices, pausing between them, to the same words as at once', async () => {
    let pauses = 0;
    const sliced = await loadPinyinDictionaryInSlices(
      buildPinyinIndexText(),
      () => {
        pauses++;
        return Promise.resolve();
      },
      5000,
    );
    expect(pauses).toBeGreaterThan(5);
    expect(sliced.wordCount).toBe(dictionary.wordCount);
    for (const word of [0, 1234, dictionary.wordCount - 1]) {
      expect(sliced.textOf(word)).toBe(dictionary.textOf(word));
      expect(syllablesOf(sliced, word)).toEqual(syllablesOf(dictionary, word));
    }
  });

  it('reads a hall’s text by its words, the most common reading of each', () => {
    const text = '沈抚新区行政审批局';
    const words = wordsOfTexts(dictionary, [text]);
    expect(segmentText(words, text)).toEqual(['沈', '抚', '新区', '行政', '审批', '局']);
    expect(readingOf(dictionary, words, text)).toEqual(['shen', 'fu', 'xin', 'qu', 'xing', 'zheng', 'shen', 'pi', 'ju']);
    // 行 is hang in 银行: the word decides, not the character alone.
    expect(readingOf(dictionary, wordsOfTexts(dictionary, ['银行']), '银行')).toEqual(['yin', 'hang']);
  });

  it('gives no reading for a text with a character it does not have', () => {
    expect(readingOf(dictionary, wordsOfTexts(dictionary, ['A座']), 'A座')).toBeUndefined();
  });
});
