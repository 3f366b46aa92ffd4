/**
 * SAM frame codec (pure bytes ⇄ values, no I/O).
 *
 *   host→reader  AA AA AA 96 69 | LEN_hi LEN_lo | CMD PARA DATA…    | CHK
 *   reader→host  AA AA AA 96 69 | LEN_hi LEN_lo | SW1 SW2 SW3 DATA… | CHK
 *
 * LEN counts every byte after itself including CHK; CHK is the XOR of every
 * byte from LEN_hi up to the byte before CHK. Decoders never throw: bad bytes
 * come back as typed errors and the decoder resynchronises on the next preamble.
 */
import type { SamCommand } from './commands';
import { commandBytes } from './commands';

export const PREAMBLE: readonly number[] = [0xaa, 0xaa, 0xaa, 0x96, 0x69];
/** Preamble plus the two LEN bytes. */
const HEADER_SIZE = PREAMBLE.length + 2;
/**
 * Upper bound on LEN. The largest real reply (text + photo + fingerprint) is
 * about 2.3 KB; anything bigger is a corrupted length that would otherwise make
 * the decoder swallow many good frames while waiting for bytes.
 */
export const MAX_LEN = 4096;

export interface ResponseFrame {
  sw1: number;
  sw2: number;
  sw3: number;
  data: Uint8Array;
}

export interface CommandFrame {
  cmd: number;
  para: number;
  data: Uint8Array;
}

export type FrameError =
  /** Bytes that were not part of any frame; `skipped` counts them. */
  | { kind: 'garbage'; skipped: number }
  /** LEN outside [minimum, MAX_LEN]; the decoder skipped this preamble and resynchronised. */
  | { kind: 'length'; length: number; reason: 'too-short' | 'too-long' }
  /** CHK did not match; the whole frame (as LEN framed it) was dropped. */
  | { kind: 'checksum'; expected: number; actual: number };

export type DecodeResult<F> = { ok: true; frame: F } | { ok: false; error: FrameError };

function xor(bytes: Uint8Array, from: number, to: number): number {
  let x = 0;
  for (let i = from; i < to; i++) x ^= bytes[i] ?? 0;
  return x;
}

/** A complete frame around `body` (the bytes between LEN and CHK). */
export function encodeFrame(body: Uint8Array): Uint8Array {
  const len = body.length + 1;
  const out = new Uint8Array(HEADER_SIZE + len);
  out.set(PREAMBLE, 0);
  out[5] = (len >> 8) & 0xff;
  out[6] = len & 0xff;
  out.set(body, HEADER_SIZE);
  out[out.length - 1] = xor(out, PREAMBLE.length, out.length - 1);
  return out;
}

/** A host→reader frame with raw CMD/PARA bytes (tests use it to send commands the SAM does not know). */
export function encodeCommandFrame(cmd: number, para: number, data: Uint8Array = new Uint8Array(0)): Uint8Array {
  const body = new Uint8Array(2 + data.length);
  body[0] = cmd;
  body[1] = para;
  body.set(data, 2);
  return encodeFrame(body);
}

export function encodeCommand(command: SamCommand): Uint8Array {
  const [cmd, para] = commandBytes(command);
  return encodeCommandFrame(cmd, para);
}

/** A reader→host frame; SW1 SW2 are always `00 00` on the modules we know. */
export function encodeResponse(sw3: number, data: Uint8Array = new Uint8Array(0)): Uint8Array {
  const body = new Uint8Array(3 + data.length);
  body[2] = sw3;
  body.set(data, 3);
  return encodeFrame(body);
}

/**
 * Finds frames in a byte stream of arbitrary chunking and hands each body to
 * `interpret`. Results do not depend on how the stream was chunked: garbage is
 * reported once, as a single count, when the next preamble is found.
 */
class FrameScanner<F> {
  private buf = new Uint8Array(256);
  private start = 0;
  private end = 0;
  private garbage = 0;

  constructor(
    /** Smallest LEN that can hold this direction's fixed fields plus CHK. */
    private readonly minLen: number,
    private readonly interpret: (body: Uint8Array) => F,
  ) {}

  push(chunk: Uint8Array): DecodeResult<F>[] {
    this.append(chunk);
    const results: DecodeResult<F>[] = [];
    for (;;) {
      const step = this.step();
      if (step === 'need-more') break;
      if (step !== 'skipped') results.push(step);
    }
    return results;
  }

  /** Bytes held back: noise not yet reported (it is, at the next preamble) or a partial frame. */
  get buffered(): number {
    return this.garbage + this.end - this.start;
  }

  /** Drops buffered bytes, e.g. after a timeout when a partial frame is stale. */
  reset(): void {
    this.start = 0;
    this.end = 0;
    this.garbage = 0;
  }

  private step(): DecodeResult<F> | 'need-more' | 'skipped' {
    const available = this.end - this.start;
    // Look for the preamble; bytes before a possible (partial) match are garbage.
    const at = this.findPreamble();
    if (at > this.start) {
      this.garbage += at - this.start;
      this.start = at;
      return 'skipped';
    }
    if (available < HEADER_SIZE) return 'need-more';
    if (this.garbage > 0) {
      const skipped = this.garbage;
      this.garbage = 0;
      return { ok: false, error: { kind: 'garbage', skipped } };
    }
    const len = ((this.buf[this.start + 5] ?? 0) << 8) | (this.buf[this.start + 6] ?? 0);
    if (len < this.minLen || len > MAX_LEN) {
      // Skip only the first preamble byte: the real frame may start inside what we read as LEN.
      this.start += 1;
      return { ok: false, error: { kind: 'length', length: len, reason: len < this.minLen ? 'too-short' : 'too-long' } };
    }
    if (available < HEADER_SIZE + len) return 'need-more';
    const chkAt = this.start + HEADER_SIZE + len - 1;
    const expected = xor(this.buf, this.start + PREAMBLE.length, chkAt);
    const actual = this.buf[chkAt] ?? 0;
    const body = this.buf.slice(this.start + HEADER_SIZE, chkAt);
    this.start = chkAt + 1;
    if (expected !== actual) return { ok: false, error: { kind: 'checksum', expected, actual } };
    return { ok: true, frame: this.interpret(body) };
  }

  /**
   * Index of the first position that starts the preamble or a prefix of it
   * running to the end of the buffer; `end` when there is none.
   */
  private findPreamble(): number {
    for (let i = this.start; i < this.end; i++) {
      let j = 0;
      while (j < PREAMBLE.length && i + j < this.end && this.buf[i + j] === PREAMBLE[j]) j++;
      if (j === PREAMBLE.length || i + j === this.end) return i;
    }
    return this.end;
  }

  private append(chunk: Uint8Array): void {
    if (this.start === this.end) {
      // Everything consumed: rewind instead of growing (the garbage count stays).
      this.start = 0;
      this.end = 0;
    }
    const needed = this.end + chunk.length;
    if (needed > this.buf.length) {
      const live = this.end - this.start;
      if (live + chunk.length <= this.buf.length / 2) {
        // Plenty of room once consumed bytes are dropped: compact in place.
        this.buf.copyWithin(0, this.start, this.end);
      } else {
        const grown = new Uint8Array(Math.max(this.buf.length * 2, live + chunk.length));
        grown.set(this.buf.subarray(this.start, this.end), 0);
        this.buf = grown;
      }
      this.start = 0;
      this.end = live;
    }
    this.buf.set(chunk, this.end);
    this.end += chunk.length;
  }
}

/** Streaming decoder for reader→host frames. */
export class FrameDecoder {
  private readonly scanner = new FrameScanner<ResponseFrame>(4, (body) => ({
    sw1: body[0] ?? 0,
    sw2: body[1] ?? 0,
    sw3: body[2] ?? 0,
    data: body.slice(3),
  }));

  push(chunk: Uint8Array): DecodeResult<ResponseFrame>[] {
    return this.scanner.push(chunk);
  }

  /** Bytes held back (unreported noise, a partial frame). */
  get buffered(): number {
    return this.scanner.buffered;
  }

  reset(): void {
    this.scanner.reset();
  }
}

/** Streaming decoder for host→reader frames (what the simulator hears). */
export class CommandFrameDecoder {
  private readonly scanner = new FrameScanner<CommandFrame>(3, (body) => ({
    cmd: body[0] ?? 0,
    para: body[1] ?? 0,
    data: body.slice(2),
  }));

  push(chunk: Uint8Array): DecodeResult<CommandFrame>[] {
    return this.scanner.push(chunk);
  }

  reset(): void {
    this.scanner.reset();
  }
}
