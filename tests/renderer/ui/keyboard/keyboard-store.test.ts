import { describe, expect, it } from 'vitest';
import type { ActiveField, KeyboardLayout } from '../../../../renderer/ui/keyboard/keyboard-field';
import { KeyboardStore } from '../../../../renderer/ui/keyboard/keyboard-store';
import { fakePinyinEngine } from './fake-pinyin-engine';

/**
 * A field as a page keeps it: its value changes only through onChange, as a form's state would;
 * its caret is null (the keys write at the end) until a test puts it somewhere, as a finger does.
 */
function field(id: string, layout: KeyboardLayout, maxLength = 200) {
  const state: { value: string; caret: number | null } = { value: '', caret: null };
  const make = (): ActiveField => ({
    id,
    layout,
    maxLength,
    get value() {
      return state.value;
    },
    onChange(value: string) {
      state.value = value;
    },
    caret: () => state.caret,
  });
  return { state, field: make() };
}

function keyboard() {
  const store = new KeyboardStore();
  store.setEngine(fakePinyinEngine);
  const press = (keys: string) => {
    for (const key of keys) store.press(key);
  };
  return { store, press };
}

describe('the on-screen keyboard (with a stand-in pinyin engine)', () => {
  it('keeps pinyin letters out of a Chinese field until a candidate is picked, and leaves the letters it did not use', () => {
    const { store, press } = keyboard();
    const name = field('name', 'pinyin');
    store.activate(name.field);
    press('shenfu');
    expect(name.state.value).toBe('');
    expect(store.snapshot().composing).toBe('shenfu');
    store.pick({ text: '沈', consumed: 4 });
    expect(name.state.value).toBe('沈');
    expect(store.snapshot().composing).toBe('fu');
    // Space picks the first candidate.
    store.press('{space}');
    expect(name.state.value).toBe('沈抚');
    expect(store.snapshot().composing).toBe('');
  });

  it("takes ' as a syllable divider while composing, once between letters, and as an apostrophe otherwise", () => {
    const { store, press } = keyboard();
    const name = field('name', 'pinyin');
    store.activate(name.field);
    press("shen''fu");
    expect(store.snapshot().composing).toBe("shen'fu");
    expect(name.state.value).toBe('');
    store.press('{bksp}');
    store.press('{bksp}');
    store.press('{bksp}');
    expect(store.snapshot().composing).toBe('shen');
    store.press('{space}');
    store.press("'");
    expect(name.state.value).toBe("沈'");
  });

  it('takes backspace off the composition first, then off the field', () => {
    const { store, press } = keyboard();
    const name = field('name', 'pinyin');
    store.activate(name.field);
    press('nan');
    store.press('{space}');
    press('sh');
    store.press('{bksp}');
    expect(store.snapshot().composing).toBe('s');
    store.press('{bksp}');
    store.press('{bksp}');
    expect(store.snapshot().composing).toBe('');
    expect(name.state.value).toBe('');
  });

  it('完成 writes what is still composed as its first candidates, never as raw pinyin', () => {
    const { store, press } = keyboard();
    const name = field('name', 'pinyin');
    store.activate(name.field);
    press('nan');
    store.press('{done}');
    expect(name.state.value).toBe('南');
    expect(store.snapshot().active).toBeNull();
    expect(store.snapshot().composing).toBe('');
  });

  it('leaving a Chinese field for another one writes its composition there, and the next field starts empty in its own layout', () => {
    const { store, press } = keyboard();
    const name = field('name', 'pinyin');
    const phone = field('phone', 'phone');
    store.activate(name.field);
    press('ceshi');
    store.activate(phone.field);
    expect(name.state.value).toBe('测试');
    expect(store.snapshot()).toMatchObject({ composing: '', latin: false });
    press('138');
    expect(phone.state.value).toBe('138');
  });

  it('letters the engine cannot turn into anything stay letters on 完成', () => {
    const { store, press } = keyboard();
    const name = field('name', 'pinyin');
    store.activate(name.field);
    press('shenxq');
    store.press('{done}');
    expect(name.state.value).toBe('沈xq');
  });

  it('英 writes the composition as typed, then types letters straight into the field; 拼音 composes again', () => {
    const { store, press } = keyboard();
    const name = field('name', 'pinyin');
    store.activate(name.field);
    press('ab');
    store.press('{lang}');
    expect(name.state.value).toBe('ab');
    press('c');
    expect(name.state.value).toBe('abc');
    store.press('{lang}');
    press('nan');
    expect(name.state.value).toBe('abc');
  });

  it('a digit or a punctuation key while composing writes the composition first', () => {
    const { store, press } = keyboard();
    const address = field('address', 'pinyin');
    store.activate(address.field);
    press('nan');
    press('8');
    expect(address.state.value).toBe('南8');
  });

  it('keeps to the field length, a 汉字 counting one', () => {
    const { store, press } = keyboard();
    const short = field('short', 'pinyin', 3);
    store.activate(short.field);
    press('ceshi');
    store.press('{space}');
    press('ceshi');
    store.press('{space}');
    expect(short.state.value).toBe('测试测');
  });

  it('writes at the field’s caret, puts the caret after what went in, and backspace takes the character before it', () => {
    const { store, press } = keyboard();
    const name = field('name', 'pinyin');
    store.activate(name.field);
    press('shenfu');
    store.press('{space}');
    press('nan');
    store.press('{space}');
    expect(name.state.value).toBe('沈抚南');
    expect(store.snapshot().caretAfterWrite).toEqual({ at: 'end' });
    // The finger between 抚 and 南: 测试 goes in there, and the caret is shown after it.
    name.state.caret = 2;
    press('ceshi');
    store.press('{space}');
    expect(name.state.value).toBe('沈抚测试南');
    expect(store.snapshot().caretAfterWrite).toEqual({ at: 4 });
    name.state.caret = 4;
    store.press('{bksp}');
    expect(name.state.value).toBe('沈抚测南');
    expect(store.snapshot().caretAfterWrite).toEqual({ at: 3 });
    name.state.caret = 0;
    store.press('{bksp}');
    expect(name.state.value).toBe('沈抚测南');
  });

  it('a composition goes in where it began, and touching the text elsewhere finishes it there first', () => {
    const { store, press } = keyboard();
    const name = field('name', 'pinyin');
    store.activate(name.field);
    press('ceshi');
    store.press('{space}');
    name.state.caret = 0;
    press('shen');
    // The finger after 测 (index 1 of the text as shown): 沈 goes in at the start, the caret after 测.
    name.state.caret = 1;
    store.touch('name', 1);
    expect(name.state.value).toBe('沈测试');
    expect(store.snapshot()).toMatchObject({ composing: '', caretAfterWrite: { at: 2 } });
    // Another field's touch is not this keyboard's business.
    press('nan');
    store.touch('other', 0);
    expect(store.snapshot().composing).toBe('nan');
  });

  it('keeps to the field length when writing in the middle, cutting what is written', () => {
    const { store, press } = keyboard();
    const short = field('short', 'pinyin', 3);
    store.activate(short.field);
    press('ceshi');
    store.press('{space}');
    short.state.caret = 0;
    press('shenfu');
    store.press('{space}');
    expect(short.state.value).toBe('沈测试');
    expect(store.snapshot().caretAfterWrite).toEqual({ at: 1 });
  });

  it('forgets everything at the end of the visit: nothing composed is written anywhere', () => {
    const { store, press } = keyboard();
    const name = field('name', 'pinyin');
    store.activate(name.field);
    press('shen');
    store.discard();
    expect(name.state.value).toBe('');
    expect(store.snapshot()).toMatchObject({ active: null, composing: '' });
  });

  it('without the engine yet, letters are kept and 完成 writes them as typed', () => {
    const store = new KeyboardStore();
    const name = field('name', 'pinyin');
    store.activate(name.field);
    for (const key of 'nan') store.press(key);
    expect(store.candidates('nan', 5)).toEqual([]);
    store.press('{done}');
    expect(name.state.value).toBe('nan');
  });
});
