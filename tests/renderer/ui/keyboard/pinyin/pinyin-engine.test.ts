import { describe, expect, it } from 'vitest';
import { createPinyinEngine } from '../../../../../renderer/ui/keyboard/pinyin/pinyin-engine';
import { boostedWords, hallTexts } from '../../../../../renderer/ui/keyboard/pinyin/hall-words';
import { SHENFU_HALL_NAME, builtDictionary, typeWithPicks } from './pinyin-fixtures';

const dictionary = builtDictionary();
const hallInfo = { hallName: SHENFU_HALL_NAME, kioskIdleSeconds: 90, elderAge: 60, evaluatorIdleSeconds: 30 };
const engine = createPinyinEngine(dictionary, boostedWords(dictionary, hallTexts({ hallInfo })));
const plain = createPinyinEngine(dictionary);
const texts = (input: string, limit = 12) => engine.candidates(input, limit).map((c) => c.text);

describe('the pinyin engine: the issue’s company name', () => {
  it('offers each part of 沈抚测试科技有限公司 first, in full pinyin', () => {
    expect(texts('shenfu')[0]).toBe('沈抚');
    expect(texts('ceshi')[0]).toBe('测试');
    expect(texts('keji')[0]).toBe('科技');
    expect(texts('youxiangongsi')[0]).toBe('有限公司');
  });

  it('types 沈抚测试科技有限公司 in at most 20 taps with initials, each pick the first candidate', () => {
    const typed = typeWithPicks(engine, [
      { keys: 'sf', pick: '沈抚' },
      { keys: 'ceshi', pick: '测试' },
      { keys: 'kj', pick: '科技' },
      { keys: 'yxgs', pick: '有限公司' },
    ]);
    expect(typed.text).toBe('沈抚测试科技有限公司');
    expect(typed.positions).toEqual([0, 0, 0, 0]);
    expect(typed.taps).toBe(17);
  });

  it('types it in full pinyin too, without a page turn, in one run of letters picked from the front', () => {
    const typed = typeWithPicks(engine, [
      { keys: 'shenfuceshikeji', pick: '沈抚' },
      { keys: '', pick: '测试' },
      { keys: '', pick: '科技' },
      { keys: 'youxiangongsi', pick: '有限公司' },
    ]);
    expect(typed.text).toBe('沈抚测试科技有限公司');
    expect(typed.positions).toEqual([0, 0, 0, 0]);
    expect(typed.taps).toBe(32);
  });
});

describe('the pinyin engine: initials and consumed letters', () => {
  it('matches initials, and initials mixed with whole syllables', () => {
    expect(texts('sfxq')[0]).toBe('沈抚新区');
    expect(texts('shenfxq')[0]).toBe('沈抚新区');
    expect(texts('yxzrgs')[0]).toBe('有限责任公司');
  });

  it('replaces only the letters of the candidate picked', () => {
    const shenfuce = engine.candidates('shenfuce', 20);
    expect(shenfuce.find((c) => c.text === '沈抚')?.consumed).toBe(6);
    expect(shenfuce.find((c) => c.text === '沈')?.consumed).toBe(4);
    expect(engine.candidates('sfxq', 5).find((c) => c.text === '沈抚')?.consumed).toBe(2);
    expect(engine.candidates('sfxq', 5)[0]).toEqual({ text: '沈抚新区', consumed: 4 });
  });

  it('counts a divider the citizen typed into the letters replaced', () => {
    const candidates = engine.candidates("xi'an", 40);
    expect(candidates.find((c) => c.text === '西')?.consumed).toBe(3);
    expect(candidates.every((c) => c.consumed <= 5)).toBe(true);
    expect(engine.candidates("'shen", 3)[0]?.consumed).toBe(5);
  });

  it('offers a phrase for a syllable still being typed at the end', () => {
    expect(texts('shenf')[0]).toBe('沈抚');
    expect(texts('youxiangongs')[0]).toBe('有限公司');
  });
});

describe('the pinyin engine: ranking', () => {
  it('puts phrases before characters, and the characters of the longest syllable only', () => {
    const candidates = engine.candidates('shenfu', 40);
    const firstCharacter = candidates.findIndex((c) => [...c.text].length === 1);
    expect(candidates.slice(0, firstCharacter).every((c) => [...c.text].length > 1)).toBe(true);
    expect(candidates.slice(firstCharacter).some((c) => c.text === '沈')).toBe(true);
    // 设 (she) is not offered for 'shenfu': only the characters of 'shen'.
    expect(candidates.map((c) => c.text)).not.toContain('设');
  });

  it('ranks by frequency: the common character before the rare one of the same syllable', () => {
    const shi = plain.candidates('shi', 60).map((c) => c.text);
    expect(shi.indexOf('是')).toBeLessThan(shi.indexOf('嗜'));
    expect(shi.indexOf('是')).toBeLessThan(8);
    const xin = plain.candidates('xin', 10).map((c) => c.text);
    expect(xin.slice(0, 3)).toContain('信');
  });

  it('prefers a whole syllable to a longer one being typed: shen → 身 before 生', () => {
    const shen = plain.candidates('shen', 60).map((c) => c.text);
    expect(shen.indexOf('身')).toBeLessThan(shen.indexOf('生'));
  });

  it('offers the parts of an address among the first five of their syllable', () => {
    for (const [input, word] of [
      ['sheng', '省'],
      ['shi', '市'],
      ['qu', '区'],
      ['jiedao', '街道'],
      ['lu', '路'],
      ['hao', '号'],
      ['xiaoqu', '小区'],
      ['danyuan', '单元'],
      ['shi', '室'],
    ] as const) {
      expect(texts(input, 5), `${input} → ${word}`).toContain(word);
    }
  });

  it('boosts the hall’s own words: without the hall, 沈抚 is not even a word', () => {
    expect(plain.candidates('shenfu', 60).map((c) => c.text)).not.toContain('沈抚');
    expect(texts('shenfu')[0]).toBe('沈抚');
  });

  it('returns at most `limit` candidates, and none for an empty input', () => {
    expect(engine.candidates('s', 7)).toHaveLength(7);
    expect(engine.candidates('', 7)).toEqual([]);
    expect(engine.candidates("'", 7)).toEqual([]);
  });
});

describe('the pinyin engine: syllables shown above the candidates', () => {
  it('splits the input into syllables', () => {
    expect(engine.syllables('shenfu')).toEqual(['shen', 'fu']);
    expect(engine.syllables('youxiangongsi')).toEqual(['you', 'xian', 'gong', 'si']);
    expect(engine.syllables('sfxq')).toEqual(['s', 'f', 'x', 'q']);
    expect(engine.syllables('shenfxq')).toEqual(['shen', 'f', 'x', 'q']);
    expect(engine.syllables("xi'an")).toEqual(['xi', 'an']);
    expect(engine.syllables('xian')).toEqual(['xian']);
  });
});
