import type { KeyboardLayout } from './keyboard-field';

const LETTERS = ['q w e r t y u i o p', 'a s d f g h j k l', 'z x c v b n m {bksp}'];

/**
 * Rows of each layout, keys separated by spaces; braces are function keys: {bksp} 删除,
 * {space} 空格 (picks the first candidate while composing), {done} 完成, {lang} 英文/拼音.
 * In the pinyin layout ' divides syllables while composing (xi'an → 西安, not 先).
 */
export const LAYOUT_ROWS: Record<KeyboardLayout, readonly string[]> = {
  pinyin: ['1 2 3 4 5 6 7 8 9 0', ...LETTERS, "{lang} ， 。 {space} ' - {done}"],
  latin: ['1 2 3 4 5 6 7 8 9 0', ...LETTERS, ', . {space} @ - {done}'],
  digits: ['1 2 3', '4 5 6', '7 8 9', '{bksp} 0 {done}'],
  // Resident ID numbers end in a check character that may be X (GB 11643).
  id: ['1 2 3', '4 5 6', '7 8 9', 'X 0 {bksp}', '{done}'],
  phone: ['1 2 3', '4 5 6', '7 8 9', '- 0 {bksp}', '{done}'],
};

/** Letters inside a Chinese field (firm names, e-mail): with the key back to pinyin. */
export const LETTERS_IN_PINYIN_FIELD: readonly string[] = ['1 2 3 4 5 6 7 8 9 0', ...LETTERS, '{lang} , . {space} @ - {done}'];

/** The keys of a row, in order. */
export function keysOf(row: string): string[] {
  return row.split(' ').filter((key) => key !== '');
}
