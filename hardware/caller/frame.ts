/**
 * Caller keypad (呼叫器) frame codec: pure bytes ⇄ values, no I/O.
 *
 *   FF | 68 | L | L | 68 | ADDR | CMD | DATA… | CS | 16
 *
 * L counts ADDR + CMD + DATA (so L ≥ 2) and is sent twice; CS is the sum of
 * ADDR, CMD and DATA mod 256. FF is a wake-up byte, 68 … 68 brackets the
 * length, 16 ends the frame. The same format runs both ways.
 *
 * The decoder never throws: bad bytes come back as typed errors and it
 * resynchronises on the next `FF 68`. A header that does not hold together
 * (third 68 missing, the two L differ, L < 2) or a missing end byte costs one
 * byte only, because a real frame may start inside what looked like a header.
 * A frame whose end byte is in place but whose CS is wrong is dropped whole:
 * the end byte confirms where it stops.
 */
export const KEYPAD_START = 0xff;
export const KEYPAD_MARK = 0x68;
export const KEYPAD_END = 0x16;
/** FF 68 L L 68. */
const HEADER_SIZE = 5;
/** ADDR + CMD. */
const MIN_LENGTH = 2;

export interface KeypadFrame {
  address: number;
  cmd: number;
  data: Uint8Array;
}

export type KeypadFrameError =
  /** Bytes that were not part of any frame; `skipped` counts them. */
  | { kind: 'garbage'; skipped: number }
  /** The two L bytes differ. */
  | { kind: 'length-mismatch'; first: number; second: number }
  /** L cannot hold ADDR and CMD, or exceeds the decoder's maximum. */
  | { kind: 'length'; length: number }
  | { kind: 'checksum'; expected: number; actual: number }
  /** The byte where 16 belongs is something else. */
  | { kind: 'missing-end'; actual: number };

export type KeypadDecodeResult = { ok: true; frame: KeypadFrame } | { ok: false; error: KeypadFrameError };

function sum(bytes: Uint8Array, from: number, to: number): number {
  let s = 0;
  for (let i = from; i < to; i++) s = (s + (bytes[i] ?? 0)) & 0xff;
  return s;
}

/** One frame; throws RangeError on values that cannot be encoded (a caller bug, not line noise). */
export function encodeKeypadFrame(address: number, cmd: number, data: Uint8Array | readonly number[] = []): Uint8Array {
  const body = Uint8Array.from([address, cmd, ...data]);
  if (!Number.isInteger(address) || address < 0 || address > 0xff) throw new RangeError(`address ${address} is not a byte`);
  if (!Number.isInteger(cmd) || cmd < 0 || cmd > 0xff) throw new RangeError(`cmd ${cmd} is not a byte`);
  if (body.length > 0xff) throw new RangeError(`frame body of ${body.length} bytes does not fit L`);
  const out = new Uint8Array(HEADER_SIZE + body.length + 2);
  out.set([KEYPAD_START, KEYPAD_MARK, body.length, body.length, KEYPAD_MARK], 0);
  out.set(body, HEADER_SIZE);
  out[out.length - 2] = sum(body, 0, body.length);
  out[out.length - 1] = KEYPAD_END;
  return out;
}

/**
 * Upper bound on L. Keypad frames carry a few bytes (the longest we send is
 * show-number, 8); a corrupted L near 255 would otherwise stall decoding until
 * that many more bytes arrived, and a keypad waiting for its echo sends few.
 */
export const KEYPAD_MAX_LENGTH = 64;

/** Streaming decoder; results do not depend on how the stream was chunked. */
export class KeypadFrameDecoder {
  private buf: number[] = [];
  /** Index of the first unconsumed byte in `buf`. */
  private at = 0;
  private garbage = 0;

  constructor(private readonly maxLength = KEYPAD_MAX_LENGTH) {}

  push(chunk: Uint8Array): KeypadDecodeResult[] {
    if (this.at > 0 && this.at >= this.buf.length / 2) {
      // Drop consumed bytes now and then rather than on every frame.
      this.buf = this.buf.slice(this.at);
      this.at = 0;
    }
    for (const b of chunk) this.buf.push(b);
    const results: KeypadDecodeResult[] = [];
    for (;;) {
      const step = this.step();
      if (step === 'need-more') break;
      if (step !== 'skipped') results.push(step);
    }
    return results;
  }

  /** Drops buffered bytes and the pending garbage count. */
  reset(): void {
    this.buf = [];
    this.at = 0;
    this.garbage = 0;
  }

  /** Bytes held back waiting for the rest of a frame. */
  get buffered(): number {
    return this.buf.length - this.at;
  }

  /**
   * The line went quiet with a partial frame buffered: no more bytes are
   * coming for it. Skips it byte by byte (as garbage) and decodes whatever
   * complete frame was hiding behind a corrupted header, e.g. a real key
   * frame that arrived after a header whose L promised more bytes.
   */
  flush(): KeypadDecodeResult[] {
    const results = this.push(new Uint8Array(0));
    while (this.buffered > 0) {
      this.garbage += 1;
      this.at += 1;
      results.push(...this.push(new Uint8Array(0)));
    }
    return results;
  }

  private byte(offset: number): number | undefined {
    return this.buf[this.at + offset];
  }

  private step(): KeypadDecodeResult | 'need-more' | 'skipped' {
    const start = this.findStart();
    if (start > this.at) {
      this.garbage += start - this.at;
      this.at = start;
    }
    const available = this.buf.length - this.at;
    if (available < HEADER_SIZE) return 'need-more';
    if (this.byte(4) !== KEYPAD_MARK) {
      // FF 68 followed by something else: not a header after all.
      this.garbage += 1;
      this.at += 1;
      return 'skipped';
    }
    // Garbage is reported once, just before the next thing that looks like a frame.
    if (this.garbage > 0) {
      const skipped = this.garbage;
      this.garbage = 0;
      return { ok: false, error: { kind: 'garbage', skipped } };
    }
    const first = this.byte(2) ?? 0;
    const second = this.byte(3) ?? 0;
    if (first !== second) {
      this.at += 1;
      return { ok: false, error: { kind: 'length-mismatch', first, second } };
    }
    if (first < MIN_LENGTH || first > this.maxLength) {
      this.at += 1;
      return { ok: false, error: { kind: 'length', length: first } };
    }
    const total = HEADER_SIZE + first + 2;
    if (available < total) return 'need-more';
    const end = this.byte(total - 1) ?? 0;
    if (end !== KEYPAD_END) {
      this.at += 1;
      return { ok: false, error: { kind: 'missing-end', actual: end } };
    }
    const body = Uint8Array.from(this.buf.slice(this.at + HEADER_SIZE, this.at + HEADER_SIZE + first));
    const actual = this.byte(total - 2) ?? 0;
    const expected = sum(body, 0, body.length);
    this.at += total;
    if (expected !== actual) return { ok: false, error: { kind: 'checksum', expected, actual } };
    return { ok: true, frame: { address: body[0] ?? 0, cmd: body[1] ?? 0, data: body.slice(2) } };
  }

  /**
   * Index of the first FF that is followed by 68, or that is the last byte
   * (its 68 may still come); the buffer length when there is none.
   */
  private findStart(): number {
    for (let i = this.at; i < this.buf.length; i++) {
      if (this.buf[i] !== KEYPAD_START) continue;
      const next = this.buf[i + 1];
      if (next === undefined || next === KEYPAD_MARK) return i;
    }
    return this.buf.length;
  }
}
