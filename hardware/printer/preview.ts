/**
 * ESC/POS → what would come out of the printer: lines of text with their
 * size, emphasis and alignment, QR payloads, cuts. A streaming decoder (a
 * command may be split across chunks) used by the virtual printer and by the
 * technician page's print preview. It never throws: bytes it does not
 * understand are counted in `unknownBytes`, and memory is bounded by the
 * longest command (a `GS ( k` block: 65 540 bytes).
 */
import iconv from 'iconv-lite';
import type { Alignment } from './escpos';
import { DLE, ESC, FS, GS, LF } from './escpos';

export interface PreviewLine {
  text: string;
  /** Width multiplier 1–8 (GS !). */
  width: number;
  /** Height multiplier 1–8. */
  height: number;
  bold: boolean;
  align: Alignment;
}

export interface PrintPreview {
  lines: PreviewLine[];
  qrPayloads: string[];
  cuts: number;
  unknownBytes: number;
}

export type EscPosEvent =
  | { kind: 'line'; line: PreviewLine }
  | { kind: 'qr'; data: string }
  | { kind: 'cut'; full: boolean }
  | { kind: 'init' }
  /** DLE EOT n (real-time status request). */
  | { kind: 'status-request'; n: number }
  /** GS r n (status after everything before it). */
  | { kind: 'in-order-status'; n: number }
  /** GS a n (Automatic Status Back mask). */
  | { kind: 'asb'; mask: number }
  | { kind: 'unknown'; count: number };

interface Style {
  width: number;
  height: number;
  bold: boolean;
  align: Alignment;
}

const DEFAULT_STYLE: Style = { width: 1, height: 1, bold: false, align: 'left' };
const ALIGNMENTS: Record<number, Alignment> = { 0: 'left', 1: 'center', 2: 'right', 48: 'left', 49: 'center', 50: 'right' };

/** ESC / GS / FS commands we know to take exactly one parameter byte and that change nothing we preview. */
const ESC_ONE_PARAM = new Set([0x20, 0x2d, 0x33, 0x47, 0x4d, 0x52, 0x56, 0x63, 0x74, 0x7b]);
const GS_ONE_PARAM = new Set([0x42, 0x48, 0x66, 0x68, 0x77]);
const FS_ONE_PARAM = new Set([0x21, 0x2d, 0x57]);

/** 0 = need more bytes. */
type Consumed = number;

export class EscPosDecoder {
  private pending: Uint8Array = new Uint8Array(0);
  private style: Style = { ...DEFAULT_STYLE };
  private chinese: boolean;
  private line = '';
  private lineStyle: Style | undefined;
  private qrData: string | undefined;
  private out: EscPosEvent[] = [];

  /** `chineseMode`: the state after power-up (Chinese printers usually ship with it on). */
  constructor(private readonly chineseAtInit = false) {
    this.chinese = chineseAtInit;
  }

  push(bytes: Uint8Array): EscPosEvent[] {
    const buf = this.pending.length === 0 ? bytes : concat(this.pending, bytes);
    let at = 0;
    while (at < buf.length) {
      const used = this.parse(buf, at);
      if (used === 0) break;
      at += used;
    }
    this.pending = at >= buf.length ? new Uint8Array(0) : buf.slice(at);
    return this.take();
  }

  /** End of input: an unterminated line is shown, an incomplete command counted as unknown. */
  finish(): EscPosEvent[] {
    if (this.pending.length > 0) this.unknown(this.pending.length);
    this.pending = new Uint8Array(0);
    if (this.line.length > 0) this.endLine();
    return this.take();
  }

  private take(): EscPosEvent[] {
    const events = this.out;
    this.out = [];
    return events;
  }

  private parse(b: Uint8Array, i: number): Consumed {
    const c = b[i] ?? 0;
    const left = b.length - i;
    if (c === LF) {
      this.endLine();
      return 1;
    }
    if (c === 0x0d) return 1; // CR: a no-op with auto line feed off.
    if (c === 0x09) {
      this.append(' ');
      return 1;
    }
    if (c === ESC || c === GS || c === FS || c === DLE) {
      if (left < 2) return 0;
      return this.command(c, b[i + 1] ?? 0, b, i, left);
    }
    if (c < 0x20 || c === 0x7f) return this.unknown(1);
    if (c < 0x80) {
      this.append(String.fromCharCode(c));
      return 1;
    }
    if (!this.chinese) {
      // A code page character; the preview does not model code pages.
      this.append('\ufffd');
      return 1;
    }
    return this.gb18030(b, i, left);
  }

  private gb18030(b: Uint8Array, i: number, left: number): Consumed {
    const lead = b[i] ?? 0;
    if (lead === 0x80 || lead === 0xff) return this.unknown(1);
    if (left < 2) return 0;
    const second = b[i + 1] ?? 0;
    let length = 0;
    if (second >= 0x30 && second <= 0x39) {
      if (left < 4) return 0;
      const third = b[i + 2] ?? 0;
      const fourth = b[i + 3] ?? 0;
      if (third >= 0x81 && third <= 0xfe && fourth >= 0x30 && fourth <= 0x39) length = 4;
    } else if ((second >= 0x40 && second <= 0x7e) || (second >= 0x80 && second <= 0xfe)) {
      length = 2;
    }
    if (length === 0) return this.unknown(1);
    this.append(iconv.decode(b.subarray(i, i + length), 'gb18030'));
    return length;
  }

  private command(prefix: number, code: number, b: Uint8Array, i: number, left: number): Consumed {
    const param = b[i + 2];
    const needsParam = (count: number) => left < count;
    switch (prefix) {
      case ESC:
        if (code === 0x40) {
          this.style = { ...DEFAULT_STYLE };
          this.chinese = this.chineseAtInit;
          this.line = '';
          this.lineStyle = undefined;
          this.out.push({ kind: 'init' });
          return 2;
        }
        if (code === 0x32) return 2;
        if (needsParam(3) || param === undefined) return 0;
        if (code === 0x61) {
          const alignment = ALIGNMENTS[param];
          if (alignment === undefined) return this.unknown(3);
          this.style.align = alignment;
          return 3;
        }
        if (code === 0x45) {
          this.style.bold = (param & 1) === 1;
          return 3;
        }
        if (code === 0x21) {
          this.style.bold = (param & 0x08) !== 0;
          this.style.height = param & 0x10 ? 2 : 1;
          this.style.width = param & 0x20 ? 2 : 1;
          return 3;
        }
        if (code === 0x64) {
          if (param > 0 || this.line.length > 0) this.endLine();
          for (let n = 1; n < param; n++) this.endLine();
          return 3;
        }
        if (code === 0x4a) {
          if (this.line.length > 0) this.endLine();
          return 3;
        }
        if (ESC_ONE_PARAM.has(code)) return 3;
        return this.unknown(2);
      case FS:
        if (code === 0x26 || code === 0x2e) {
          this.chinese = code === 0x26;
          return 2;
        }
        if (FS_ONE_PARAM.has(code)) return needsParam(3) ? 0 : 3;
        return this.unknown(2);
      case DLE:
        if (code === 0x04 || code === 0x05) {
          if (needsParam(3) || param === undefined) return 0;
          if (code === 0x04 && param >= 1 && param <= 4) this.out.push({ kind: 'status-request', n: param });
          else if (code === 0x04) return this.unknown(3);
          return 3;
        }
        if (code === 0x14) return needsParam(5) ? 0 : 5;
        return this.unknown(1);
      default:
        return this.gsCommand(code, b, i, left);
    }
  }

  private gsCommand(code: number, b: Uint8Array, i: number, left: number): Consumed {
    if (code === 0x28) {
      if (left < 5) return 0;
      const length = 5 + (b[i + 3] ?? 0) + (b[i + 4] ?? 0) * 256;
      if (left < length) return 0;
      if (b[i + 2] === 0x6b) return this.qrBlock(b.subarray(i + 5, i + length), length);
      return this.unknown(length);
    }
    if (code === 0x56) {
      if (left < 3) return 0;
      const m = b[i + 2] ?? 0;
      if (m === 0 || m === 1 || m === 48 || m === 49) {
        this.cut(m === 0 || m === 48);
        return 3;
      }
      if (m === 65 || m === 66) {
        if (left < 4) return 0;
        this.cut(m === 65);
        return 4;
      }
      return this.unknown(3);
    }
    if (code === 0x4c || code === 0x57) return left < 4 ? 0 : 4;
    if (left < 3) return 0;
    const param = b[i + 2] ?? 0;
    if (code === 0x21) {
      const width = (param >> 4) + 1;
      const height = (param & 0x0f) + 1;
      if (width > 8 || height > 8) return this.unknown(3);
      this.style.width = width;
      this.style.height = height;
      return 3;
    }
    if (code === 0x61) {
      this.out.push({ kind: 'asb', mask: param });
      return 3;
    }
    if (code === 0x72) {
      this.out.push({ kind: 'in-order-status', n: param });
      return 3;
    }
    if (GS_ONE_PARAM.has(code)) return 3;
    return this.unknown(2);
  }

  /** `GS ( k` body (cn fn params…): only cn = 49 (QR) is understood. */
  private qrBlock(body: Uint8Array, length: number): Consumed {
    if (body[0] !== 0x31) return this.unknown(length);
    const fn = body[1];
    if (fn === 0x41 || fn === 0x43 || fn === 0x45) return length;
    if (fn === 0x50 && body[2] === 0x30) {
      this.qrData = new TextDecoder('utf-8', { fatal: false }).decode(body.subarray(3));
      return length;
    }
    if (fn === 0x51 && this.qrData !== undefined) {
      if (this.line.length > 0) this.endLine();
      this.out.push({ kind: 'qr', data: this.qrData });
      return length;
    }
    return this.unknown(length);
  }

  private cut(full: boolean): void {
    if (this.line.length > 0) this.endLine();
    this.out.push({ kind: 'cut', full });
  }

  private append(text: string): void {
    if (this.line.length === 0) this.lineStyle = { ...this.style };
    this.line += text;
  }

  private endLine(): void {
    const style = this.lineStyle ?? this.style;
    this.out.push({ kind: 'line', line: { text: this.line, ...style } });
    this.line = '';
    this.lineStyle = undefined;
  }

  private unknown(count: number): Consumed {
    this.out.push({ kind: 'unknown', count });
    return count;
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/** Collects decoder events into a preview. */
export class PreviewBuilder {
  private preview: PrintPreview = emptyPreview();

  apply(event: EscPosEvent): void {
    if (event.kind === 'line') this.preview.lines.push(event.line);
    else if (event.kind === 'qr') this.preview.qrPayloads.push(event.data);
    else if (event.kind === 'cut') this.preview.cuts += 1;
    else if (event.kind === 'unknown') this.preview.unknownBytes += event.count;
  }

  get current(): PrintPreview {
    return this.preview;
  }

  take(): PrintPreview {
    const preview = this.preview;
    this.preview = emptyPreview();
    return preview;
  }
}

function emptyPreview(): PrintPreview {
  return { lines: [], qrPayloads: [], cuts: 0, unknownBytes: 0 };
}

/** The whole of `bytes` as one preview (for the technician page and tests). */
export function decodeEscPos(bytes: Uint8Array, options: { chineseAtInit?: boolean } = {}): PrintPreview {
  const decoder = new EscPosDecoder(options.chineseAtInit ?? false);
  const builder = new PreviewBuilder();
  for (const event of decoder.push(bytes)) builder.apply(event);
  for (const event of decoder.finish()) builder.apply(event);
  return builder.take();
}
