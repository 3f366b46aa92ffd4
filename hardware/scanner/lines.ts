/**
 * Splits a serial scanner's byte stream into lines: pure bytes ⇄ values.
 *
 * Scanners in serial (USB-CDC) mode send each code followed by a terminator
 * (CR by factory default on most, configurable to LF or CRLF). Chunks are
 * arbitrary, so a code may arrive in pieces; bytes are decoded as UTF-8 per
 * complete line, so a character split across chunks survives. Tolerances:
 * in CR mode an LF right after a terminator is dropped, and in LF mode a CR
 * right before one is, so a scanner set to CRLF works in either mode. Empty
 * lines are ignored. A line longer than `maxLength` bytes is dropped whole:
 * the rest up to its terminator is discarded, and memory stays bounded.
 */
export type LineTerminator = 'CR' | 'LF' | 'CRLF';

export type LineResult = { ok: true; line: string } | { ok: false; error: { kind: 'too-long'; length: number } };

const CR = 0x0d;
const LF = 0x0a;

export class LineSplitter {
  private bytes: number[] = [];
  /** Inside an over-long line: count its bytes, keep none. */
  private overflow: number | undefined;
  /** The previous byte ended a line (CR mode: a following LF belongs to it). */
  private justEnded = false;
  private readonly decoder = new TextDecoder('utf-8');

  constructor(
    private readonly terminator: LineTerminator = 'CR',
    private readonly maxLength = 4096,
  ) {}

  push(chunk: Uint8Array): LineResult[] {
    const results: LineResult[] = [];
    for (const byte of chunk) {
      const ended = this.justEnded;
      this.justEnded = false;
      if (this.terminator === 'CR') {
        if (byte === LF && ended) continue;
        if (byte === CR) {
          this.endLine(results);
          this.justEnded = true;
          continue;
        }
      } else if (byte === LF) {
        // LF and CRLF: a CR before the LF is part of the terminator, not the code.
        if (this.overflow === undefined && this.bytes[this.bytes.length - 1] === CR) this.bytes.pop();
        this.endLine(results);
        continue;
      }
      this.add(byte);
    }
    return results;
  }

  /** Bytes of an unterminated line held back (an over-long line counts as held). */
  get buffered(): number {
    return this.overflow ?? this.bytes.length;
  }

  reset(): void {
    this.bytes = [];
    this.overflow = undefined;
    this.justEnded = false;
  }

  private add(byte: number): void {
    if (this.overflow !== undefined) {
      this.overflow += 1;
      return;
    }
    this.bytes.push(byte);
    if (this.bytes.length > this.maxLength) {
      this.overflow = this.bytes.length;
      this.bytes = [];
    }
  }

  private endLine(results: LineResult[]): void {
    if (this.overflow !== undefined) {
      results.push({ ok: false, error: { kind: 'too-long', length: this.overflow } });
    } else if (this.bytes.length > 0) {
      results.push({ ok: true, line: this.decoder.decode(Uint8Array.from(this.bytes)) });
    }
    this.bytes = [];
    this.overflow = undefined;
  }
}
