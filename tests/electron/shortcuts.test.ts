import { describe, expect, it } from 'vitest';
import { keyVerdict, type KeyInput } from '../../electron/shortcuts';

/** A keyDown like Electron's before-input-event gives it: `code` plus modifiers. */
function key(combo: string, type = 'keyDown'): KeyInput {
  const parts = combo.split('+');
  const code = parts.pop() ?? '';
  const has = (m: string) => parts.includes(m);
  return { type, code, key: code, control: has('Ctrl'), alt: has('Alt'), shift: has('Shift'), meta: has('Meta') };
}

const BREAKS_KIOSK = [
  'Alt+F4',
  'Ctrl+KeyW',
  'Ctrl+Shift+KeyW',
  'Ctrl+KeyQ',
  'Ctrl+KeyR',
  'Ctrl+Shift+KeyR',
  'F5',
  'Ctrl+F5',
  'F11',
  'F10',
  'Ctrl+KeyP',
  'Ctrl+KeyS',
  'Ctrl+KeyO',
  'Ctrl+KeyN',
  'Ctrl+KeyT',
  'Ctrl+KeyF',
  'Ctrl+Equal',
  'Ctrl+Minus',
  'Ctrl+Digit0',
  'Ctrl+Tab',
  'Alt+ArrowLeft',
  'Alt+ArrowRight',
  'BrowserBack',
  'BrowserRefresh',
  'ContextMenu',
];
const DEVTOOLS = ['F12', 'Ctrl+Shift+KeyI', 'Ctrl+Shift+KeyJ', 'Ctrl+Shift+KeyC', 'Meta+Shift+KeyI'];
/** What the page must still get: the counter's function keys, a scanner's digits and Enter, typing. */
const PAGE_KEYS = [
  'F1',
  'F2',
  'F3',
  'F4',
  'F6',
  'F7',
  'F8',
  'Digit7',
  'Enter',
  'KeyA',
  'Shift+KeyA',
  'Backspace',
  'Tab',
  'Space',
  'Escape',
];

describe('shell-logic: shortcut blocking', () => {
  it('swallows every key that leaves or breaks a kiosk or display window', () => {
    for (const role of ['kiosk', 'display'] as const)
      for (const combo of [...BREAKS_KIOSK, ...DEVTOOLS]) expect(keyVerdict(key(combo), role), `${role} ${combo}`).toBe('block');
  });

  it('passes the keys the pages need', () => {
    for (const role of ['kiosk', 'display', 'counter', 'technician'] as const)
      for (const combo of PAGE_KEYS) expect(keyVerdict(key(combo), role), `${role} ${combo}`).toBe('allow');
  });

  it('leaves a normal (counter, technician) window its usual keys but never opens developer tools', () => {
    for (const role of ['counter', 'technician'] as const) {
      for (const combo of ['Ctrl+KeyR', 'F5', 'Ctrl+KeyP', 'Alt+F4', 'F11']) expect(keyVerdict(key(combo), role)).toBe('allow');
      for (const combo of DEVTOOLS) expect(keyVerdict(key(combo), role)).toBe('block');
    }
  });

  it('opens the technician console on Ctrl+Alt+Shift+T in every role, and only on that', () => {
    for (const role of ['kiosk', 'display', 'counter', 'technician'] as const)
      expect(keyVerdict(key('Ctrl+Alt+Shift+KeyT'), role)).toBe('technician');
    expect(keyVerdict(key('Ctrl+Alt+KeyT'), 'kiosk')).toBe('block');
    expect(keyVerdict(key('Alt+Shift+KeyT'), 'kiosk')).toBe('allow');
    expect(keyVerdict(key('Ctrl+Shift+KeyT'), 'kiosk')).toBe('block');
  });

  it('judges key-downs only (the key-up of a swallowed key does nothing)', () => {
    expect(keyVerdict(key('Alt+F4', 'keyUp'), 'kiosk')).toBe('allow');
    expect(keyVerdict(key('Alt+F4', 'rawKeyDown'), 'kiosk')).toBe('block');
  });
});
