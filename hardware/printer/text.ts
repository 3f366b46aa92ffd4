/**
 * Text for a Chinese-mode thermal printer: GB18030 bytes (iconv-lite) and
 * display width. In Chinese mode every character whose GB18030 form is
 * multi-byte prints as a full-width glyph (two ASCII columns, e.g. 24 dots of
 * Font A's 12), and every ASCII character as one column. So the width of a
 * string is 1 per ASCII character and 2 per other character — the printer's
 * own rule, rather than Unicode's East Asian Width tables.
 */
import iconv from 'iconv-lite';
import { lineEnd } from './line-breaking';

/** C0 controls and DEL become spaces: inside text they would be read as commands. */
export function sanitizeText(value: string): string {
  let out = '';
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0;
    out += code < 0x20 || code === 0x7f ? ' ' : char;
  }
  return out;
}

export function encodeGb18030(value: string): Uint8Array {
  const buffer = iconv.encode(sanitizeText(value), 'gb18030');
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

export function charWidth(char: string): 1 | 2 {
  return (char.codePointAt(0) ?? 0) < 0x80 ? 1 : 2;
}

export function displayWidth(value: string): number {
  let width = 0;
  for (const char of value) width += charWidth(char);
  return width;
}

/**
 * Splits `value` into lines of at most `columns` display columns. Explicit newlines are kept;
 * a line ends where the Chinese line-breaking rules allow (line-breaking.ts): CJK between any two
 * characters, an ASCII word (a URL, a case number) only when it is longer than a line, never
 * before closing punctuation or after an opening one. Never returns no lines.
 */
export function wrapText(value: string, columns: number): string[] {
  const limit = Math.max(2, Math.floor(columns));
  const lines: string[] = [];
  for (const paragraph of sanitizeLines(value)) {
    let chars = Array.from(paragraph);
    if (chars.length === 0) {
      lines.push('');
      continue;
    }
    while (chars.length > 0) {
      let width = 0;
      let fits = 0;
      while (fits < chars.length && width + charWidth(chars[fits] ?? ' ') <= limit) {
        width += charWidth(chars[fits] ?? ' ');
        fits += 1;
      }
      const end = lineEnd(chars, fits);
      lines.push(chars.slice(0, end).join('').trimEnd());
      chars = chars.slice(end);
      while (chars[0] === ' ') chars.shift();
    }
  }
  return lines;
}

function sanitizeLines(value: string): string[] {
  return value.split(/\r?\n/).map(sanitizeText);
}

/** `left` and `right` on one line of `columns`, padded with spaces; `left` wraps if both do not fit. */
export function twoColumns(left: string, right: string, columns: number): string[] {
  const gap = columns - displayWidth(left) - displayWidth(right);
  if (gap >= 1) return [left + ' '.repeat(gap) + right];
  const lines = wrapText(left, columns - displayWidth(right) - 1);
  const last = lines.pop() ?? '';
  return [...lines, last + ' '.repeat(Math.max(1, columns - displayWidth(last) - displayWidth(right))) + right];
}
