import chinese from 'simple-keyboard-layouts/build/layouts/chinese';
import { z } from 'zod';
import type { KeyboardLayout } from './keyboard-context';

/**
 * Pinyin syllable → characters, most frequent first (from simple-keyboard-layouts). Its type
 * declaration leaves the table out, so it is checked here rather than assumed.
 */
export const pinyinCandidates: Record<string, string> = z
  .record(z.string(), z.string())
  .parse(Reflect.get(chinese, 'layoutCandidates'));

const LETTERS = ['q w e r t y u i o p', 'a s d f g h j k l', 'z x c v b n m {bksp}'];

/** Rows of each layout; braces are the keyboard's function keys. */
export const LAYOUT_ROWS: Record<KeyboardLayout, string[]> = {
  pinyin: ['1 2 3 4 5 6 7 8 9 0', ...LETTERS, '{lang} ， 。 {space} - {done}'],
  latin: ['1 2 3 4 5 6 7 8 9 0', ...LETTERS, ', . {space} @ - {done}'],
  digits: ['1 2 3', '4 5 6', '7 8 9', '{bksp} 0 {done}'],
  // Resident ID numbers end in a check character that may be X (GB 11643).
  id: ['1 2 3', '4 5 6', '7 8 9', 'X 0 {bksp}', '{done}'],
  phone: ['1 2 3', '4 5 6', '7 8 9', '- 0 {bksp}', '{done}'],
};

/** Letters inside a Chinese field (firm names, e-mail): with the key back to pinyin. */
export const LETTERS_IN_PINYIN_FIELD = ['1 2 3 4 5 6 7 8 9 0', ...LETTERS, '{lang} , . {space} @ - {done}'];
