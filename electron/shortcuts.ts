import type { TerminalRole } from '../contracts/terminal-settings';
import { isLockedRole } from './window-options';

/** The keyboard event of `before-input-event` (Electron's Input fits). */
export interface KeyInput {
  type: string;
  key: string;
  code: string;
  control: boolean;
  alt: boolean;
  shift: boolean;
  meta: boolean;
}

/**
 * What to do with a key: let the page have it, swallow it, or open the technician console.
 * The escape is Ctrl+Alt+Shift+T: three modifiers a citizen does not press by chance, on a
 * keyboard a technician plugs in (a touch kiosk has none). It toggles between the role's page
 * and /technician, where the PIN sign-in still guards everything.
 */
export type KeyVerdict = 'allow' | 'block' | 'technician';

const ctrlKeys = new Set([
  'KeyW',
  'KeyR',
  'KeyP',
  'KeyQ',
  'KeyN',
  'KeyT',
  'KeyO',
  'KeyS',
  'KeyL',
  'KeyF',
  'KeyG',
  'KeyH',
  'KeyJ',
  'KeyU',
  'KeyE',
  'KeyD',
  'KeyK',
]);
const zoomKeys = new Set(['Equal', 'Minus', 'Digit0', 'NumpadAdd', 'NumpadSubtract', 'Numpad0']);
const devToolsKeys = new Set(['KeyI', 'KeyJ', 'KeyC']);

function isTechnicianEscape(input: KeyInput): boolean {
  return input.control && input.alt && input.shift && input.code === 'KeyT';
}

function opensDevTools(input: KeyInput): boolean {
  if (input.code === 'F12') return true;
  return (input.control || input.meta) && input.shift && devToolsKeys.has(input.code);
}

/**
 * Keys that leave or break a locked (kiosk, display) window: close (Alt+F4, Ctrl+W/Q), reload
 * (F5, Ctrl+R), full screen (F11), developer tools (F12, Ctrl+Shift+I/J/C), print and save
 * dialogs, new windows, find, zoom, history (Alt+←/→, browser keys) and the menu key (F10). Alt+Tab, Ctrl+Alt+Del and Ctrl+Shift+Esc are taken by the OS before the page
 * sees them: the kiosk session (cage, build/README.md) has no window switcher or task manager.
 * Everything else reaches the page: the counter's F1–F8, a keyboard-wedge scanner's digits and
 * Enter, text typed in forms.
 */
function breaksKiosk(input: KeyInput): boolean {
  const { code } = input;
  if (code === 'F4' && input.alt) return true;
  if (['F5', 'F11', 'F10'].includes(code)) return true;
  if (['BrowserBack', 'BrowserForward', 'BrowserRefresh', 'BrowserHome', 'BrowserSearch', 'ContextMenu'].includes(code))
    return true;
  if (input.alt && (code === 'ArrowLeft' || code === 'ArrowRight' || code === 'Home')) return true;
  if (input.control || input.meta) {
    if (ctrlKeys.has(code) || zoomKeys.has(code) || code === 'Tab' || code === 'PageUp' || code === 'PageDown') return true;
    if (code === 'F4' || code === 'F5') return true;
  }
  return false;
}

export function keyVerdict(input: KeyInput, role: TerminalRole): KeyVerdict {
  if (input.type !== 'keyDown' && input.type !== 'rawKeyDown') return 'allow';
  if (isTechnicianEscape(input)) return 'technician';
  // Developer tools are off in every window (web preference); the keys are swallowed anyway.
  if (opensDevTools(input)) return 'block';
  if (isLockedRole(role) && breaksKiosk(input)) return 'block';
  return 'allow';
}
