/**
 * Printer status bytes → values (Epson TM ESC/POS conventions; Chinese
 * clones follow them). Decoders never throw: a byte whose fixed bits are
 * wrong is reported as such, not guessed at.
 *
 * DLE EOT n replies are one byte, fixed bits 0 = 0, 1 = 1, 4 = 1, 7 = 0
 * (`byte & 0x93 === 0x12`):
 *   n = 1 printer:      bit 3 offline; (bit 2 drawer pin 3, bit 5 waiting for online recovery,
 *                       bit 6 feed button pressed: not used here)
 *   n = 2 offline cause: bit 2 cover open, bit 3 paper fed by the feed button,
 *                       bit 5 printing stopped by paper end, bit 6 error occurred
 *   n = 3 error cause:  bit 3 autocutter error, bit 5 unrecoverable error,
 *                       bit 6 automatically recoverable error (e.g. head too hot)
 *   n = 4 roll sensor:  bits 2–3 (0x0C) paper near end, bits 5–6 (0x60) paper end
 *
 * Automatic Status Back (GS a) sends four bytes; the first has fixed bits
 * 0 = 0, 1 = 0, 4 = 1, 7 = 0 (`& 0x93 === 0x10`), the others bits 4 and 7 = 0:
 *   byte 1: bit 3 offline, bit 5 cover open, bit 6 feed button (bit 2 drawer)
 *   byte 2: bit 0 waiting for online recovery, bit 2 mechanical error,
 *           bit 3 autocutter error, bit 5 unrecoverable, bit 6 auto-recoverable
 *   byte 3: bits 0–1 (0x03) paper near end, bits 2–3 (0x0C) paper end
 *   byte 4: reserved
 * Note the sensor bits differ from DLE EOT 4 (0x0C there means near end).
 */
export type PaperState = 'ok' | 'near-end' | 'end';

export interface PrinterStatus {
  online: boolean;
  coverOpen: boolean;
  paper: PaperState;
  cutterError: boolean;
  unrecoverableError: boolean;
}

export interface PrinterStatusReply {
  online: boolean;
  waitingForOnlineRecovery: boolean;
  feedButtonPressed: boolean;
}

export interface OfflineCauseReply {
  coverOpen: boolean;
  feedButtonFeeding: boolean;
  paperEndStop: boolean;
  errorOccurred: boolean;
}

export interface ErrorCauseReply {
  cutterError: boolean;
  unrecoverableError: boolean;
  autoRecoverableError: boolean;
}

export interface RollSensorReply {
  paper: PaperState;
}

export type DleEotReply =
  | { kind: 1; value: PrinterStatusReply }
  | { kind: 2; value: OfflineCauseReply }
  | { kind: 3; value: ErrorCauseReply }
  | { kind: 4; value: RollSensorReply };

export type StatusDecodeError =
  { reason: 'fixed-bits'; byte: number } | { reason: 'length'; length: number } | { reason: 'kind'; kind: number };

export type DleEotResult = { ok: true; reply: DleEotReply } | { ok: false; error: StatusDecodeError };

export type AsbResult = { ok: true; status: PrinterStatus } | { ok: false; error: StatusDecodeError };

const bit = (byte: number, n: number) => (byte & (1 << n)) !== 0;

export function isDleEotReplyByte(byte: number): boolean {
  return (byte & 0x93) === 0x12;
}

export function isAsbFirstByte(byte: number): boolean {
  return (byte & 0x93) === 0x10;
}

/** ASB bytes 2–4 and GS r replies: bits 4 and 7 fixed 0. */
export function isAsbFollowByte(byte: number): boolean {
  return (byte & 0x90) === 0x00;
}

/** Decodes the one-byte reply to `DLE EOT kind`. */
export function decodeDleEot(kind: number, byte: number): DleEotResult {
  if (!Number.isInteger(byte) || byte < 0 || byte > 255 || !isDleEotReplyByte(byte)) {
    return { ok: false, error: { reason: 'fixed-bits', byte } };
  }
  switch (kind) {
    case 1:
      return {
        ok: true,
        reply: {
          kind,
          value: { online: !bit(byte, 3), waitingForOnlineRecovery: bit(byte, 5), feedButtonPressed: bit(byte, 6) },
        },
      };
    case 2:
      return {
        ok: true,
        reply: {
          kind,
          value: {
            coverOpen: bit(byte, 2),
            feedButtonFeeding: bit(byte, 3),
            paperEndStop: bit(byte, 5),
            errorOccurred: bit(byte, 6),
          },
        },
      };
    case 3:
      return {
        ok: true,
        reply: {
          kind,
          value: { cutterError: bit(byte, 3), unrecoverableError: bit(byte, 5), autoRecoverableError: bit(byte, 6) },
        },
      };
    case 4:
      return {
        ok: true,
        reply: { kind, value: { paper: (byte & 0x60) !== 0 ? 'end' : (byte & 0x0c) !== 0 ? 'near-end' : 'ok' } },
      };
    default:
      return { ok: false, error: { reason: 'kind', kind } };
  }
}

/**
 * The four replies to `DLE EOT 1..4` (in that order) → one status. Paper end
 * is taken from either the roll sensor or the offline cause: some printers
 * report it only through one of them.
 */
export function decodeFullStatus(
  bytes: ArrayLike<number>,
): { ok: true; status: PrinterStatus } | { ok: false; error: StatusDecodeError } {
  if (bytes.length !== 4) return { ok: false, error: { reason: 'length', length: bytes.length } };
  const replies: DleEotReply[] = [];
  for (let i = 0; i < 4; i++) {
    const result = decodeDleEot(i + 1, bytes[i] ?? -1);
    if (!result.ok) return result;
    replies.push(result.reply);
  }
  const [printer, offline, error, roll] = replies;
  if (printer?.kind !== 1 || offline?.kind !== 2 || error?.kind !== 3 || roll?.kind !== 4) {
    return { ok: false, error: { reason: 'length', length: replies.length } };
  }
  return {
    ok: true,
    status: {
      online: printer.value.online,
      coverOpen: offline.value.coverOpen,
      paper: offline.value.paperEndStop ? 'end' : roll.value.paper,
      cutterError: error.value.cutterError,
      unrecoverableError: error.value.unrecoverableError,
    },
  };
}

/** Decodes one 4-byte Automatic Status Back message. */
export function decodeAsb(bytes: ArrayLike<number>): AsbResult {
  if (bytes.length !== 4) return { ok: false, error: { reason: 'length', length: bytes.length } };
  const b1 = bytes[0] ?? -1;
  const b2 = bytes[1] ?? -1;
  const b3 = bytes[2] ?? -1;
  const b4 = bytes[3] ?? -1;
  // The bit tests alone would pass -240 or 16.5 (bitwise operators truncate): check the range first.
  const isByte = (b: number) => Number.isInteger(b) && b >= 0 && b <= 255;
  if (!isByte(b1) || !isAsbFirstByte(b1)) return { ok: false, error: { reason: 'fixed-bits', byte: b1 } };
  for (const b of [b2, b3, b4]) {
    if (!isByte(b) || !isAsbFollowByte(b)) return { ok: false, error: { reason: 'fixed-bits', byte: b } };
  }
  return {
    ok: true,
    status: {
      online: !bit(b1, 3),
      coverOpen: bit(b1, 5),
      paper: (b3 & 0x0c) !== 0 ? 'end' : (b3 & 0x03) !== 0 ? 'near-end' : 'ok',
      cutterError: bit(b2, 3),
      unrecoverableError: bit(b2, 5),
    },
  };
}

/** The DLE EOT reply a printer in `status` sends (for simulators and tests). */
export function encodeDleEotReply(kind: 1 | 2 | 3 | 4, status: PrinterStatus): number {
  switch (kind) {
    case 1:
      return 0x12 | (status.online ? 0 : 0x08);
    case 2:
      return (
        0x12 |
        (status.coverOpen ? 0x04 : 0) |
        (status.paper === 'end' ? 0x20 : 0) |
        (status.cutterError || status.unrecoverableError ? 0x40 : 0)
      );
    case 3:
      return 0x12 | (status.cutterError ? 0x08 : 0) | (status.unrecoverableError ? 0x20 : 0);
    case 4:
      // An empty roll has passed the near-end sensor too.
      return 0x12 | (status.paper === 'ok' ? 0 : 0x0c) | (status.paper === 'end' ? 0x60 : 0);
  }
}

/** The ASB message a printer in `status` sends. */
export function encodeAsb(status: PrinterStatus): Uint8Array {
  return Uint8Array.of(
    0x10 | (status.online ? 0 : 0x08) | (status.coverOpen ? 0x20 : 0),
    (status.cutterError ? 0x08 : 0) | (status.unrecoverableError ? 0x20 : 0),
    (status.paper === 'ok' ? 0 : 0x03) | (status.paper === 'end' ? 0x0c : 0),
    0x00,
  );
}
