import { fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { KeyboardProvider } from '../../../../renderer/ui/keyboard/KeyboardProvider';
import { KioskField } from '../../../../renderer/ui/keyboard/KioskField';
import { OnScreenKeyboard } from '../../../../renderer/ui/keyboard/OnScreenKeyboard';
import { useKeyboard } from '../../../../renderer/ui/keyboard/keyboard-context';
import type { PinyinEngine } from '../../../../renderer/ui/keyboard/pinyin/pinyin-engine';
import { fakePinyinEngine, manyCandidatesEngine } from './fake-pinyin-engine';

/** A small form as a kiosk flow has one: a phone number and a name in Chinese, with an 退出 that ends the visit. */
function Form() {
  const [phone, setPhone] = useState('');
  const [name, setName] = useState('');
  const keyboard = useKeyboard();
  return (
    <>
      <KioskField label="联系电话" layout="phone" value={phone} onChange={setPhone} />
      <KioskField label="企业名称" layout="pinyin" value={name} onChange={setName} />
      <button type="button" onClick={() => keyboard.discard()}>
        退出
      </button>
    </>
  );
}

function kiosk(engine: PinyinEngine = fakePinyinEngine) {
  render(
    <KeyboardProvider engine={engine}>
      <Form />
      <OnScreenKeyboard />
    </KeyboardProvider>,
  );
}

const input = (label: string) => screen.getByLabelText<HTMLInputElement>(label);
const osk = () => screen.getByTestId('osk');
const key = (name: string) => within(osk()).getByRole('button', { name });
const candidates = () => within(osk()).getByRole('group', { name: '候选字词' });
const tap = (keys: string) => {
  for (const k of keys) fireEvent.click(key(k));
};

describe('the on-screen keyboard (a stand-in pinyin engine)', () => {
  it('straight from the phone field to a Chinese field (no 完成): pinyin keys and candidates, no letters in the field', () => {
    kiosk();
    fireEvent.focus(input('联系电话'));
    tap('138');
    expect(input('联系电话').value).toBe('138');
    expect(within(osk()).queryByRole('group', { name: '候选字词' })).toBeNull();

    fireEvent.focus(input('企业名称'));
    tap('shenfu');
    expect(input('企业名称').value).toBe('');
    expect(screen.getByTestId('osk-composition').textContent).toBe('shenfu');
    expect([...screen.getByTestId('osk-composition').children].map((s) => s.textContent)).toEqual(['shen', 'fu']);
    const offered = within(candidates())
      .getAllByRole('button')
      .map((b) => b.textContent);
    expect(offered.slice(0, 3)).toEqual(['沈抚', '沈', '深']);
    fireEvent.click(within(candidates()).getByRole('button', { name: '沈' }));
    expect(input('企业名称').value).toBe('沈');
    expect(screen.getByTestId('osk-composition').textContent).toBe('fu');
    fireEvent.click(key('空格'));
    expect(input('企业名称').value).toBe('沈抚');
    expect(input('联系电话').value).toBe('138');
  });

  it('完成 leaves no pinyin in the field, and touching the same field again brings the keyboard back', () => {
    kiosk();
    fireEvent.focus(input('企业名称'));
    tap('nan');
    fireEvent.click(key('完成'));
    expect(screen.queryByTestId('osk')).toBeNull();
    expect(input('企业名称').value).toBe('南');
    // The field still has the focus: no focus event comes, the touch alone must do.
    fireEvent.click(input('企业名称'));
    expect(osk()).toBeTruthy();
    expect(candidates()).toBeTruthy();
  });

  it('backspace takes a letter off the composition first, then a character off the field', () => {
    kiosk();
    fireEvent.focus(input('企业名称'));
    tap('ceshi');
    fireEvent.click(key('空格'));
    tap('n');
    fireEvent.click(key('删除'));
    expect(input('企业名称').value).toBe('测试');
    fireEvent.click(key('删除'));
    expect(input('企业名称').value).toBe('测');
  });

  it('英文 types letters into the Chinese field; 拼音 brings the candidates back', () => {
    kiosk();
    fireEvent.focus(input('企业名称'));
    fireEvent.click(key('英文'));
    tap('abc');
    expect(input('企业名称').value).toBe('abc');
    expect(within(osk()).queryByRole('group', { name: '候选字词' })).toBeNull();
    fireEvent.click(key('拼音'));
    expect(candidates()).toBeTruthy();
  });

  it('pages through many candidates with 更多 and 上一页', () => {
    kiosk(manyCandidatesEngine);
    fireEvent.focus(input('企业名称'));
    tap('a');
    const shown = () =>
      within(candidates())
        .getAllByRole('button')
        .map((b) => b.textContent ?? '')
        .filter((text) => text.startsWith('阿'));
    expect(shown()[0]).toBe('阿1');
    expect(within(candidates()).queryByRole('button', { name: '上一页' })).toBeNull();
    fireEvent.click(within(candidates()).getByRole('button', { name: '更多' }));
    expect(shown()[0]).not.toBe('阿1');
    fireEvent.click(within(candidates()).getByRole('button', { name: '上一页' }));
    expect(shown()[0]).toBe('阿1');
  });

  it('ending the visit forgets what was being composed: it is written nowhere and the keyboard is gone', () => {
    kiosk();
    fireEvent.focus(input('企业名称'));
    tap('shen');
    fireEvent.click(screen.getByRole('button', { name: '退出' }));
    expect(screen.queryByTestId('osk')).toBeNull();
    expect(input('企业名称').value).toBe('');
    expect(document.body.textContent).not.toContain('shen');
  });
});
