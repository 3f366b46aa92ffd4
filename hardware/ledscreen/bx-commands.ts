/**
 * The DATA of the BX frames we send and the screen's answer: pure bytes ⇄
 * values. The link layer (bx-link.ts) is the documented BX one; this command
 * layout is OURS, modelled on BX-5 "dynamic area" text (group A3, code 06),
 * kept to what a window screen needs. It must be checked against the
 * controller's SDK document before a real screen is driven with it.
 *
 *   text  A3 06 | 00 (flags: replace) | width u16LE | height u16LE | n u8 |
 *         n × ( byteLength u16LE | GB18030 text )
 *         n = 0 clears the screen.
 *   ack   A0 00 | status u16LE           (status 0 = done, other = refused)
 *
 * Text is GB18030 (a superset of GB2312: every character a GB2312 controller
 * font has encodes the same), via iconv-lite.
 */
import iconv from 'iconv-lite';

export const BX_TEXT_COMMAND = [0xa3, 0x06] as const;
export const BX_ACK_COMMAND = [0xa0, 0x00] as const;
/** Lines per command: one byte counts them; a window screen shows two or three. */
export const BX_MAX_LINES = 16;

export interface BxTextCommand {
  width: number;
  height: number;
  lines: string[];
}

export type BxCommandError = { kind: 'not-text' } | { kind: 'truncated' };

export function encodeTextCommand(command: BxTextCommand): Uint8Array {
  if (command.lines.length > BX_MAX_LINES) throw new RangeError(`at most ${BX_MAX_LINES} lines, got ${command.lines.length}`);
  const encoded = command.lines.map((line) => iconv.encode(line, 'gb18030'));
  const size = 8 + encoded.reduce((n, line) => n + 2 + line.length, 0);
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  out.set(BX_TEXT_COMMAND, 0);
  out[2] = 0x00;
  view.setUint16(3, command.width, true);
  view.setUint16(5, command.height, true);
  out[7] = encoded.length;
  let at = 8;
  for (const line of encoded) {
    view.setUint16(at, line.length, true);
    out.set(line, at + 2);
    at += 2 + line.length;
  }
  return out;
}

/** The simulator's side. Never throws. */
export function decodeTextCommand(data: Uint8Array): { ok: true; command: BxTextCommand } | { ok: false; error: BxCommandError } {
  if (data[0] !== BX_TEXT_COMMAND[0] || data[1] !== BX_TEXT_COMMAND[1]) return { ok: false, error: { kind: 'not-text' } };
  if (data.length < 8) return { ok: false, error: { kind: 'truncated' } };
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const count = data[7] ?? 0;
  const lines: string[] = [];
  let at = 8;
  for (let i = 0; i < count; i++) {
    if (at + 2 > data.length) return { ok: false, error: { kind: 'truncated' } };
    const length = view.getUint16(at, true);
    if (at + 2 + length > data.length) return { ok: false, error: { kind: 'truncated' } };
    lines.push(iconv.decode(data.subarray(at + 2, at + 2 + length), 'gb18030'));
    at += 2 + length;
  }
  return { ok: true, command: { width: view.getUint16(3, true), height: view.getUint16(5, true), lines } };
}

export function encodeAck(status = 0): Uint8Array {
  return Uint8Array.of(BX_ACK_COMMAND[0], BX_ACK_COMMAND[1], status & 0xff, (status >> 8) & 0xff);
}

/** The status of an ack, or undefined when `data` is not an ack. */
export function ackStatus(data: Uint8Array): number | undefined {
  if (data.length < 4 || data[0] !== BX_ACK_COMMAND[0] || data[1] !== BX_ACK_COMMAND[1]) return undefined;
  return (data[2] ?? 0) | ((data[3] ?? 0) << 8);
}
