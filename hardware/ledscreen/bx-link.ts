/**
 * Onbon BX-5/6 series "link layer" codec: pure bytes ⇄ values, no I/O.
 *
 *   A5 (one or more) | escaped( HEADER | DATA | CRC_lo CRC_hi ) | 5A
 *
 * HEADER, 11 bytes, all fields little-endian:
 *
 *   offset  size  field
 *   0       2     destination address (screen; 0xFFFF broadcast)
 *   2       2     source address (us; 0x8000 by default)
 *   4       3     reserved, 00 00 00
 *   7       1     device type (0xFE: any controller)
 *   8       1     protocol version (0x02)
 *   9       2     DATA length
 *
 * CRC is CRC-16/ARC over the UNESCAPED header + data, sent low byte first.
 * Escaping, applied to everything between the frame marks (CRC included):
 * A5 → A6 02, A6 → A6 01, 5A → 5B 02, 5B → 5B 01. So A5 and 5A never occur
 * inside a frame and the decoder can always resynchronise on the next A5.
 *
 * The layout is from public descriptions of the BX-5 protocol; default
 * device type and addresses must be checked against the controller in use.
 */
import { crc16Arc } from './crc16';

export const BX_START = 0xa5;
export const BX_END = 0x5a;
const ESC_START = 0xa6;
const ESC_END = 0x5b;
export const BX_HEADER_SIZE = 11;
const CRC_SIZE = 2;
/**
 * Largest unescaped frame the decoder buffers. A text command for a window
 * screen is a few hundred bytes; a missing 5A must not make us buffer forever.
 */
export const BX_MAX_FRAME = 8192;

export const BX_DEFAULTS = {
  source: 0x8000,
  deviceType: 0xfe,
  protocolVersion: 0x02,
} as const;

export interface BxFrame {
  destination: number;
  source: number;
  deviceType: number;
  protocolVersion: number;
  data: Uint8Array;
}

export type BxFrameInput = Pick<BxFrame, 'destination' | 'data'> & Partial<Omit<BxFrame, 'destination' | 'data'>>;

export type BxFrameError =
  /** Bytes outside any frame; `skipped` counts them. */
  | { kind: 'garbage'; skipped: number }
  /** A6 or 5B followed by something other than 01 / 02; the frame was dropped. */
  | { kind: 'escape'; byte: number }
  /** A new A5 arrived before this frame's 5A; `bytes` unescaped bytes were dropped. */
  | { kind: 'truncated'; bytes: number }
  /** No 5A within BX_MAX_FRAME bytes; the frame was dropped. */
  | { kind: 'too-long' }
  /** Too short for header + CRC, or DATA length disagrees with the bytes received. */
  | { kind: 'length'; declared: number | undefined; actual: number }
  | { kind: 'crc'; expected: number; actual: number };

export type BxDecodeResult = { ok: true; frame: BxFrame } | { ok: false; error: BxFrameError };

function escapeInto(out: number[], byte: number): void {
  if (byte === BX_START) out.push(ESC_START, 0x02);
  else if (byte === ESC_START) out.push(ESC_START, 0x01);
  else if (byte === BX_END) out.push(ESC_END, 0x02);
  else if (byte === ESC_END) out.push(ESC_END, 0x01);
  else out.push(byte);
}

/** Header + data + CRC, before escaping. */
export function bxPacket(input: BxFrameInput): Uint8Array {
  const data = input.data;
  if (data.length > 0xffff) throw new RangeError(`BX data of ${data.length} bytes does not fit its length field`);
  const packet = new Uint8Array(BX_HEADER_SIZE + data.length + CRC_SIZE);
  const view = new DataView(packet.buffer);
  view.setUint16(0, input.destination, true);
  view.setUint16(2, input.source ?? BX_DEFAULTS.source, true);
  packet[7] = input.deviceType ?? BX_DEFAULTS.deviceType;
  packet[8] = input.protocolVersion ?? BX_DEFAULTS.protocolVersion;
  view.setUint16(9, data.length, true);
  packet.set(data, BX_HEADER_SIZE);
  view.setUint16(BX_HEADER_SIZE + data.length, crc16Arc(packet, 0, BX_HEADER_SIZE + data.length), true);
  return packet;
}

/**
 * A complete frame. `preamble` A5 bytes open it (default 1; some controllers
 * want several to wake up, and the decoder accepts any number).
 */
export function encodeBxFrame(input: BxFrameInput, options: { preamble?: number } = {}): Uint8Array {
  return frameBxPacket(bxPacket(input), options.preamble ?? 1);
}

/** Escapes a finished packet and adds the frame marks (tests use it to frame a packet with a wrong CRC). */
export function frameBxPacket(packet: Uint8Array, preamble = 1): Uint8Array {
  const out: number[] = new Array<number>(Math.max(1, preamble)).fill(BX_START);
  for (const b of packet) escapeInto(out, b);
  out.push(BX_END);
  return Uint8Array.from(out);
}

/** Checks and splits one unescaped packet. */
export function parseBxPacket(packet: Uint8Array): BxDecodeResult {
  if (packet.length < BX_HEADER_SIZE + CRC_SIZE) {
    return { ok: false, error: { kind: 'length', declared: undefined, actual: packet.length } };
  }
  const view = new DataView(packet.buffer, packet.byteOffset, packet.byteLength);
  const declared = view.getUint16(9, true);
  const actual = packet.length - BX_HEADER_SIZE - CRC_SIZE;
  if (declared !== actual) return { ok: false, error: { kind: 'length', declared, actual } };
  const expected = crc16Arc(packet, 0, packet.length - CRC_SIZE);
  const got = view.getUint16(packet.length - CRC_SIZE, true);
  if (expected !== got) return { ok: false, error: { kind: 'crc', expected, actual: got } };
  return {
    ok: true,
    frame: {
      destination: view.getUint16(0, true),
      source: view.getUint16(2, true),
      deviceType: packet[7] ?? 0,
      protocolVersion: packet[8] ?? 0,
      data: packet.slice(BX_HEADER_SIZE, BX_HEADER_SIZE + actual),
    },
  };
}

/**
 * Streaming decoder, byte by byte, so results never depend on chunking
 * (an escape pair split across chunks included). Never throws.
 */
export class BxFrameDecoder {
  private inFrame = false;
  private escaping: number | undefined;
  private body: number[] = [];
  private garbage = 0;
  /** After a broken frame, bytes up to the next A5 belong to it, not to the garbage count. */
  private discarding = false;

  push(chunk: Uint8Array): BxDecodeResult[] {
    const results: BxDecodeResult[] = [];
    for (const byte of chunk) this.byte(byte, results);
    return results;
  }

  /** Bytes held back: noise not yet reported (it is, at the next A5) or a frame in progress. */
  get buffered(): number {
    return this.garbage + this.body.length + (this.inFrame ? 1 : 0);
  }

  reset(): void {
    this.inFrame = false;
    this.escaping = undefined;
    this.body = [];
    this.garbage = 0;
    this.discarding = false;
  }

  private byte(byte: number, results: BxDecodeResult[]): void {
    if (byte === BX_START) {
      if (this.garbage > 0) results.push({ ok: false, error: { kind: 'garbage', skipped: this.garbage } });
      if (this.inFrame && (this.body.length > 0 || this.escaping !== undefined)) {
        results.push({ ok: false, error: { kind: 'truncated', bytes: this.body.length } });
      }
      // Repeated A5 (a wake-up preamble) just keeps the frame empty.
      this.garbage = 0;
      this.discarding = false;
      this.startFrame();
      return;
    }
    if (!this.inFrame) {
      if (!this.discarding) this.garbage += 1;
      else if (byte === BX_END) this.discarding = false;
      return;
    }
    if (this.escaping !== undefined) {
      const escaped = this.escaping;
      this.escaping = undefined;
      if (byte === 0x01 || byte === 0x02) {
        this.append(escaped === ESC_START ? (byte === 0x02 ? BX_START : ESC_START) : byte === 0x02 ? BX_END : ESC_END, results);
        return;
      }
      results.push({ ok: false, error: { kind: 'escape', byte } });
      this.abandon();
      // The bad byte may itself close the frame; otherwise what follows is the broken frame's.
      if (byte === BX_END) this.discarding = false;
      return;
    }
    if (byte === BX_END) {
      results.push(parseBxPacket(Uint8Array.from(this.body)));
      this.inFrame = false;
      this.body = [];
      return;
    }
    if (byte === ESC_START || byte === ESC_END) {
      this.escaping = byte;
      return;
    }
    this.append(byte, results);
  }

  private append(byte: number, results: BxDecodeResult[]): void {
    this.body.push(byte);
    if (this.body.length > BX_MAX_FRAME) {
      results.push({ ok: false, error: { kind: 'too-long' } });
      this.abandon();
    }
  }

  private startFrame(): void {
    this.inFrame = true;
    this.escaping = undefined;
    this.body = [];
  }

  /** Drops the frame in progress; bytes until the next A5 (or 5A) are its remains, not new garbage. */
  private abandon(): void {
    this.inFrame = false;
    this.escaping = undefined;
    this.body = [];
    this.discarding = true;
  }
}
