/**
 * The SAM id (`12 FF` reply, 16 bytes), in the dotted form vendor tools show:
 * `AA.BB-CCCCCCCC-DDDDDDDDDD-EEEEEEEEEE` from two little-endian 16-bit and
 * three little-endian 32-bit fields. Any other length is shown as hex so a
 * health report never fails on an odd module.
 */
export function formatSamId(data: Uint8Array): string {
  if (data.length !== 16) return Array.from(data, (b) => b.toString(16).padStart(2, '0')).join('');
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const a = view.getUint16(0, true).toString().padStart(2, '0');
  const b = view.getUint16(2, true).toString().padStart(2, '0');
  const c = view.getUint32(4, true).toString().padStart(8, '0');
  const d = view.getUint32(8, true).toString().padStart(10, '0');
  const e = view.getUint32(12, true).toString().padStart(10, '0');
  return `${a}.${b}-${c}-${d}-${e}`;
}
