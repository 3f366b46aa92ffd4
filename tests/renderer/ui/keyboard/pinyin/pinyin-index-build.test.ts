import { describe, expect, it } from 'vitest';
import { syllablesOf } from '../../../../../renderer/ui/keyboard/pinyin/pinyin-dictionary';
import { buildIndexEntries, scoreOfFrequency } from '../../../../../vite-pinyin-index';
import { builtDictionary } from './pinyin-fixtures';

describe('the built pinyin index', () => {
  const dictionary = builtDictionary();
  const readingsOf = (text: string) =>
    Array.from({ length: dictionary.wordCount }, (_, i) => i)
      .filter((i) => dictionary.textOf(i) === text)
      .map((i) => syllablesOf(dictionary, i).join(' '))
      .sort();

  it('has the common characters the modern dictionary lacks on their own (信 公 是 道 元 科)', () => {
    expect(readingsOf('信')).toEqual(['xin']);
    expect(readingsOf('公')).toEqual(['gong']);
    expect(readingsOf('是')).toEqual(['shi']);
    expect(readingsOf('道')).toEqual(['dao']);
    expect(readingsOf('元')).toEqual(['yuan']);
    expect(readingsOf('科')).toEqual(['ke']);
  });

  it('has a polyphonic character under each of its readings', () => {
    expect(readingsOf('行')).toEqual(expect.arrayContaining(['hang', 'xing']));
  });

  it('has phrases, and the names of places the modern dictionary lacks', () => {
    expect(readingsOf('有限公司')).toEqual(['you xian gong si']);
    expect(readingsOf('测试')).toEqual(['ce shi']);
    expect(readingsOf('辽宁省')).toEqual(['liao ning sheng']);
    expect(readingsOf('沈阳')).toEqual(['shen yang']);
  });

  it('takes from the keyboard table only characters the dictionary never uses, at the lowest score', () => {
    const entries = buildIndexEntries({ modern: { 信息: ['xìn xī', 1e-8] } }, { shen: '信 沈', xin: '信 鑫' });
    expect(entries).toEqual(
      expect.arrayContaining([
        { text: '信', syllables: ['xin'], score: expect.any(Number) as number },
        { text: '沈', syllables: ['shen'], score: 0 },
        { text: '鑫', syllables: ['xin'], score: 0 },
      ]),
    );
    expect(entries.filter((e) => e.text === '信')).toHaveLength(1);
  });

  it('leaves out words that are not all Chinese characters or whose reading does not fit', () => {
    const entries = buildIndexEntries({ modern: { A型: ['A xíng', 1e-9], 一下: ['yí', 1e-9], 一会儿: ['yí huì er', 1e-9] } }, {});
    expect(entries.map((e) => e.text)).toEqual(['一会儿', '一', '会', '儿']);
  });

  it('adds the complete dictionary’s common words of simplified characters, and its characters’ own frequency', () => {
    const entries = buildIndexEntries(
      {
        modern: { 中心: ['zhōng xīn', 1e-8], 国家: ['guó jiā', 1e-8], 西部: ['xī bù', 1e-9], 安全: ['ān quán', 1e-9] },
        complete: {
          中国: ['zhōng guó', 1.3e-7],
          西安: ['xī ān', 2.6e-9],
          中西: ['zhōng xī', 1e-11],
          中國: ['zhōng guó', 1e-8],
          中: ['zhōng', 1e-5],
        },
      },
      {},
    );
    const texts = entries.map((e) => e.text);
    expect(texts).toEqual(expect.arrayContaining(['中国', '西安']));
    // Too rare to be more than a fragment; a traditional character neither the modern dictionary nor the table has.
    expect(texts).not.toContain('中西');
    expect(texts).not.toContain('中國');
    expect(texts).not.toContain('國');
    expect(entries.find((e) => e.text === '中')?.score).toBe(scoreOfFrequency(1e-5));
  });
});
