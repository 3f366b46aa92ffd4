/**
 * ESC/POS byte builders: each function returns the exact bytes of one command
 * (golden-tested in tests/hardware/printer/escpos.test.ts).
 *
 * Why not @point-of-sale/receipt-printer-encoder: it is a line-buffering
 * document builder for single-byte code pages. Its `initialize()` also sends
 * `FS .` (Chinese mode off) and `ESC M 0`, `text()` prefixes `ESC t` and turns
 * every CJK character into `?`, alignment is done by padding with spaces
 * counted in its own column model (which knows nothing of double-width
 * GB18030 glyphs), and every `encode()` appends a newline. Mixing our GB18030
 * bytes into it through `raw()` would break its column accounting, so the
 * commands are built here, byte by byte; the tests cross-check the ASCII
 * commands it does share (bold, size, QR, cut) against its output.
 */
import { encodeGb18030 } from './text';

export const ESC = 0x1b;
export const GS = 0x1d;
export const FS = 0x1c;
export const DLE = 0x10;
export const EOT = 0x04;
export const LF = 0x0a;

export type Alignment = 'left' | 'center' | 'right';
export type CutKind = 'partial' | 'full';
export type QrErrorLevel = 'L' | 'M' | 'Q' | 'H';
/** DLE EOT n: 1 printer, 2 offline cause, 3 error cause, 4 roll paper sensor. */
export type StatusKind = 1 | 2 | 3 | 4;

/** Concatenates command and text parts into one buffer. */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** `ESC @`: clears the print buffer and resets modes (size, bold, align). */
export function init(): Uint8Array {
  return Uint8Array.of(ESC, 0x40);
}

/** `FS &` / `FS .`: bytes ≥ 0x80 are read as GB18030 (Chinese) characters, or as the code page. */
export function chineseMode(on: boolean): Uint8Array {
  return Uint8Array.of(FS, on ? 0x26 : 0x2e);
}

function checkMultiplier(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1 || value > 8) throw new RangeError(`${name} multiplier must be 1..8, got ${value}`);
}

/** `GS ! n`: character width and height multipliers 1–8 (high nibble width-1, low nibble height-1). */
export function textSize(width: number, height: number): Uint8Array {
  checkMultiplier('width', width);
  checkMultiplier('height', height);
  return Uint8Array.of(GS, 0x21, ((width - 1) << 4) | (height - 1));
}

const ALIGN_CODE: Record<Alignment, number> = { left: 0, center: 1, right: 2 };

/** `ESC a n`: justification of the lines that follow (takes effect at the start of a line). */
export function align(alignment: Alignment): Uint8Array {
  return Uint8Array.of(ESC, 0x61, ALIGN_CODE[alignment]);
}

/** `ESC E n`: emphasised (bold) on or off. */
export function bold(on: boolean): Uint8Array {
  return Uint8Array.of(ESC, 0x45, on ? 1 : 0);
}

/** `LF`: prints the buffered line and feeds one line. */
export function lineFeed(): Uint8Array {
  return Uint8Array.of(LF);
}

/** `ESC d n`: prints the buffer and feeds n lines (0–255). */
export function feedLines(lines: number): Uint8Array {
  if (!Number.isInteger(lines) || lines < 0 || lines > 255) throw new RangeError(`feed must be 0..255 lines, got ${lines}`);
  return Uint8Array.of(ESC, 0x64, lines);
}

/** `GS V 1` partial cut (one point left uncut) or `GS V 0` full cut. */
export function cut(kind: CutKind = 'partial'): Uint8Array {
  return Uint8Array.of(GS, 0x56, kind === 'partial' ? 0x01 : 0x00);
}

/** `GS ( k pL pH cn fn …` with cn = 49 (QR Code): pL pH count the bytes after themselves. */
function qrFunction(fn: number, params: Uint8Array): Uint8Array {
  const length = params.length + 2;
  const out = new Uint8Array(5 + length);
  out.set([GS, 0x28, 0x6b, length & 0xff, length >> 8, 0x31, fn], 0);
  out.set(params, 7);
  return out;
}

const QR_ERROR_CODE: Record<QrErrorLevel, number> = { L: 0x30, M: 0x31, Q: 0x32, H: 0x33 };

/** Largest QR payload a model 2 symbol holds (numeric, level L); printers refuse more. */
export const QR_MAX_BYTES = 7089;

export interface QrOptions {
  /** Module (dot) size 1–16; default 6 (≈ 25 mm for a short URL on a 203 dpi head). */
  moduleSize?: number;
  /** Default 'M' (15 % recovery): survives a smudge without growing the symbol much. */
  errorLevel?: QrErrorLevel;
}

/**
 * Native QR Code: model 2 (fn 65), module size (fn 67), error level (fn 69),
 * store the data (fn 80, m = 48), print the stored symbol (fn 81). The data
 * is stored as UTF-8, which phone scanners assume for URLs.
 */
export function qrCode(data: string, options: QrOptions = {}): Uint8Array {
  const moduleSize = options.moduleSize ?? 6;
  if (!Number.isInteger(moduleSize) || moduleSize < 1 || moduleSize > 16) {
    throw new RangeError(`QR module size must be 1..16, got ${moduleSize}`);
  }
  const payload = new TextEncoder().encode(data);
  if (payload.length === 0 || payload.length > QR_MAX_BYTES) {
    throw new RangeError(`QR data must be 1..${QR_MAX_BYTES} bytes, got ${payload.length}`);
  }
  const store = new Uint8Array(payload.length + 1);
  store[0] = 0x30;
  store.set(payload, 1);
  return concatBytes([
    qrFunction(0x41, Uint8Array.of(0x32, 0x00)),
    qrFunction(0x43, Uint8Array.of(moduleSize)),
    qrFunction(0x45, Uint8Array.of(QR_ERROR_CODE[options.errorLevel ?? 'M'])),
    qrFunction(0x50, store),
    qrFunction(0x51, Uint8Array.of(0x30)),
  ]);
}

/** `DLE EOT n`: real-time status request, answered on receipt even while offline. */
export function statusRequest(kind: StatusKind): Uint8Array {
  return Uint8Array.of(DLE, EOT, kind);
}

/** All four DLE EOT requests in one write; the printer answers one byte each, in order. */
export function fullStatusRequest(): Uint8Array {
  return concatBytes([statusRequest(1), statusRequest(2), statusRequest(3), statusRequest(4)]);
}

/** Which changes `GS a n` asks the printer to report on its own (ASB). */
export const ASB = {
  drawer: 0x01,
  onlineOffline: 0x02,
  error: 0x04,
  paperSensor: 0x08,
} as const;

/** `GS a n`: Automatic Status Back for the items in mask n (0 disables it). */
export function automaticStatusBack(mask: number): Uint8Array {
  if (!Number.isInteger(mask) || mask < 0 || mask > 255) throw new RangeError(`ASB mask must be 0..255, got ${mask}`);
  return Uint8Array.of(GS, 0x61, mask);
}

/**
 * `GS r 1`: paper sensor status, but — unlike DLE EOT — executed in order,
 * after everything sent before it has been processed. The driver sends it
 * after a job as a fence: its reply means the job went through the printer.
 * A printer stopped by paper end or an open cover does not answer it.
 */
export function paperStatusInOrder(): Uint8Array {
  return Uint8Array.of(GS, 0x72, 0x01);
}

/** Text in GB18030 (control characters become spaces, so text can never smuggle a command). */
export function text(value: string): Uint8Array {
  return encodeGb18030(value);
}
