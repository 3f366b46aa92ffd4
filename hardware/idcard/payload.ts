/**
 * Splits the DATA of a successful read reply into its parts:
 *   30 01: TEXT_LEN(2, BE) PHOTO_LEN(2, BE) TEXT PHOTO
 *   30 10: TEXT_LEN PHOTO_LEN FP_LEN TEXT PHOTO FINGERPRINT
 * and builds them again for the simulator.
 */

export interface ReadPayload {
  text: Uint8Array;
  photo: Uint8Array;
  /** Present only in `30 10` replies; empty when the card holds no fingerprint. */
  fingerprint?: Uint8Array;
}

export type PayloadError = { kind: 'bad-payload'; reason: string };

export type PayloadResult = { ok: true; payload: ReadPayload } | { ok: false; error: PayloadError };

function u16(data: Uint8Array, at: number): number {
  return ((data[at] ?? 0) << 8) | (data[at + 1] ?? 0);
}

export function splitReadPayload(data: Uint8Array, withFingerprint: boolean): PayloadResult {
  const headerSize = withFingerprint ? 6 : 4;
  if (data.length < headerSize) return { ok: false, error: { kind: 'bad-payload', reason: 'short header' } };
  const textLen = u16(data, 0);
  const photoLen = u16(data, 2);
  const fpLen = withFingerprint ? u16(data, 4) : 0;
  if (data.length !== headerSize + textLen + photoLen + fpLen) {
    return { ok: false, error: { kind: 'bad-payload', reason: 'lengths do not add up' } };
  }
  const text = data.slice(headerSize, headerSize + textLen);
  const photo = data.slice(headerSize + textLen, headerSize + textLen + photoLen);
  if (!withFingerprint) return { ok: true, payload: { text, photo } };
  const fingerprint = data.slice(headerSize + textLen + photoLen);
  return { ok: true, payload: { text, photo, fingerprint } };
}

export function buildReadPayload(text: Uint8Array, photo: Uint8Array, fingerprint?: Uint8Array): Uint8Array {
  const headerSize = fingerprint ? 6 : 4;
  const out = new Uint8Array(headerSize + text.length + photo.length + (fingerprint?.length ?? 0));
  const put16 = (at: number, v: number) => {
    out[at] = (v >> 8) & 0xff;
    out[at + 1] = v & 0xff;
  };
  put16(0, text.length);
  put16(2, photo.length);
  if (fingerprint) put16(4, fingerprint.length);
  out.set(text, headerSize);
  out.set(photo, headerSize + text.length);
  if (fingerprint) out.set(fingerprint, headerSize + text.length + photo.length);
  return out;
}
