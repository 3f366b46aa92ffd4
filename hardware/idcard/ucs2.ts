/** Fixed-width UCS-2LE fields of the 256-byte card text, padded with spaces. */

/** The characters of bytes [from, to), untrimmed; NUL padding (some cards use it) reads as a space. */
export function readRawField(text: Uint8Array, from: number, to: number): string {
  let s = '';
  for (let i = from; i + 1 < to; i += 2) {
    const unit = (text[i] ?? 0) | ((text[i + 1] ?? 0) << 8);
    s += unit === 0 ? ' ' : String.fromCharCode(unit);
  }
  return s;
}

/** The text of bytes [from, to) with the padding trimmed. */
export function readField(text: Uint8Array, from: number, to: number): string {
  return readRawField(text, from, to).trim();
}

/** A fresh text block of `size` bytes, all UCS-2LE spaces. */
export function blankText(size: number): Uint8Array {
  const out = new Uint8Array(size);
  for (let i = 0; i + 1 < size; i += 2) out[i] = 0x20;
  return out;
}

/** Writes `value` into bytes [from, to), truncating to fit; the rest stays as it was (spaces). */
export function writeField(text: Uint8Array, from: number, to: number, value: string): void {
  let at = from;
  for (let k = 0; k < value.length && at + 1 < to; k++, at += 2) {
    const unit = value.charCodeAt(k);
    text[at] = unit & 0xff;
    text[at + 1] = unit >> 8;
  }
}
