/**
 * The card photo is WLT, a proprietary compressed format that only a licensed
 * vendor library decodes. We carry the raw bytes and let a deployment plug a
 * decoder in; none ships with this project.
 */

export interface WltPhoto {
  format: 'wlt';
  bytes: Uint8Array;
}

export interface PhotoDecoder {
  /** Rejects when the bytes do not decode (the vendor library's problem, not the card reader's). */
  decode(wlt: Uint8Array): Promise<{ mime: string; bytes: Uint8Array }>;
}

/** WLT data starts with `WL` (57 4C). */
export function looksLikeWlt(bytes: Uint8Array): boolean {
  return bytes[0] === 0x57 && bytes[1] === 0x4c;
}
