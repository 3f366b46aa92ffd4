/**
 * What differs between keypad models: the command bytes and the key codes.
 * The default is the common FF 68 keypad (frames, keys and display codes in hardware/caller/README.md);
 * a site with another model passes its own.
 */
export type KeypadKey = 'call' | 'recall' | 'evaluate' | 'skip' | 'hold' | 'resume' | 'pause' | 'transfer';

export interface KeypadModel {
  name: string;
  /** CMD of keypad→host key frames (and of our echo). */
  keyCommand: number;
  /**
   * Key codes → keys. A code above 0xFF is a two-byte sequence `hi lo` that
   * arrives as the LAST TWO data bytes (confirm `0F` followed by its sub-key);
   * a code up to 0xFF is the last data byte alone. Two-byte codes are tried
   * first, so `0F 06` is skip even though `06` might mean something alone.
   */
  keys: Record<number, KeypadKey>;
  /** CMD of host→keypad "show six digits". */
  showCommand: number;
  /** CMD of host→keypad "beep". */
  beepCommand: number;
  /** Digit code that shows nothing (digits 0–9 are codes 00–09). */
  blankDigit: number;
}

/** `0F` (confirm) followed by a sub-key, as one two-byte code. */
const confirm = (sub: number) => (0x0f << 8) | sub;

export const defaultKeypadModel: KeypadModel = {
  name: 'generic-ff68',
  // The protocol as we have it gives no CMD for key frames; 01 is our assumption, check it on the real keypad.
  keyCommand: 0x01,
  keys: {
    0x0c: 'call',
    0x0d: 'recall',
    0x0b: 'evaluate',
    [confirm(0x06)]: 'skip', // 放弃 abandon
    [confirm(0x00)]: 'hold', // 挂起 hang
    [confirm(0x03)]: 'resume', // 回呼 call back
    0x12: 'pause',
    0x13: 'transfer',
  },
  showCommand: 0x02,
  beepCommand: 0x03,
  blankDigit: 0x0a,
};

/** The key a key frame's data names, or undefined for a code the model does not know. */
export function keyFromData(model: KeypadModel, data: Uint8Array): KeypadKey | undefined {
  const last = data[data.length - 1];
  if (last === undefined) return undefined;
  const previous = data[data.length - 2];
  if (previous !== undefined) {
    const pair = model.keys[(previous << 8) | last];
    if (pair !== undefined) return pair;
  }
  return model.keys[last];
}

/** The data bytes a keypad sends for `key` (the simulator's side); undefined if the model has no code for it. */
export function dataForKey(model: KeypadModel, key: KeypadKey): number[] | undefined {
  for (const [code, name] of Object.entries(model.keys)) {
    if (name !== key) continue;
    const n = Number(code);
    return n > 0xff ? [(n >> 8) & 0xff, n & 0xff] : [n];
  }
  return undefined;
}
