import { describe, expect, it } from 'vitest';
import type { CatalogView } from '../../../../../contracts/cases';
import { boostedWords, hallPhrases, hallTexts } from '../../../../../renderer/ui/keyboard/pinyin/hall-words';
import { createPinyinEngine } from '../../../../../renderer/ui/keyboard/pinyin/pinyin-engine';
import { builtDictionary } from './pinyin-fixtures';

const dictionary = builtDictionary();

const catalog: CatalogView = {
  source: 'builtin',
  version: 1,
  fetchedAt: null,
  items: [
    {
      code: 'startup',
      name: '企业开办',
      category: 'startup-bundle',
      formFields: [{ key: 'street', label: '所在街道', type: 'select', required: true, options: ['榆林街道', '汪家街道'] }],
      materials: [{ code: 'lease', name: '住所使用证明（租赁合同）', required: true }],
      promisedWorkingDays: 1,
    },
  ],
};

describe('the hall’s own words', () => {
  it('reads the hall’s name, services, items, materials and form choices', () => {
    const texts = hallTexts({
      hallInfo: { hallName: '沈抚新区政务服务中心' },
      services: { services: [] },
      catalog,
    });
    expect(texts).toEqual(
      expect.arrayContaining([
        '沈抚新区政务服务中心',
        '企业开办',
        '住所使用证明（租赁合同）',
        '所在街道',
        '榆林街道',
        '汪家街道',
      ]),
    );
  });

  it('joins characters no word covers and pairs neighbouring words (沈抚, 沈抚新区, 沈抚改革)', () => {
    const phrases = hallPhrases(dictionary, ['沈抚改革创新示范区政务服务中心（东区）']);
    expect(phrases).toEqual(expect.arrayContaining(['沈抚', '沈抚改革', '改革创新', '政务', '东区']));
    // Longer than 12 characters: the whole name is not one phrase, its parts are.
    expect(phrases).not.toContain('沈抚改革创新示范区政务服务中心');
    expect(phrases.every((p) => [...p].length > 1)).toBe(true);
  });

  it('puts a street of the hall’s form first: yulin → 榆林, ylje → 榆林街道', () => {
    const engine = createPinyinEngine(dictionary, boostedWords(dictionary, hallTexts({ catalog })));
    expect(engine.candidates('yulin', 3)[0]?.text).toBe('榆林');
    expect(engine.candidates('yljd', 3)[0]?.text).toBe('榆林街道');
    expect(engine.candidates('wangjia', 3)[0]?.text).toBe('汪家');
    const without = createPinyinEngine(dictionary);
    expect(without.candidates('yljd', 3)[0]?.text).not.toBe('榆林街道');
  });

  it('moves the characters of the hall’s words up their syllable: shen → 沈 among the first five', () => {
    const hallInfo = { hallName: '沈抚新区政务服务中心' };
    const engine = createPinyinEngine(dictionary, boostedWords(dictionary, hallTexts({ hallInfo })));
    const first = (input: string) => engine.candidates(input, 5).map((c) => c.text);
    expect(first('shen')).toContain('沈');
    expect(first('fu')).toContain('抚');
    expect(
      createPinyinEngine(dictionary)
        .candidates('shen', 5)
        .map((c) => c.text),
    ).not.toContain('沈');
  });
});
