/**
 * CRC-16/ARC (a.k.a. CRC-16/IBM): poly 0x8005 reflected (0xA001), init 0,
 * no final XOR. Check value for "123456789" is 0xBB3D. Bitwise rather than
 * table-driven: BX frames are short and the screen is slow.
 */
export function crc16Arc(bytes: Uint8Array, from = 0, to = bytes.length): number {
  let crc = 0;
  for (let i = from; i < to; i++) {
    crc ^= bytes[i] ?? 0;
    for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? (crc >>> 1) ^ 0xa001 : crc >>> 1;
  }
  return crc;
}
