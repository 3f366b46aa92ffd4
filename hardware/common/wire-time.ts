/** Bits per byte on an 8N1 line: start + 8 data + stop. */
const BITS_PER_BYTE = 10;

/** Milliseconds `bytes` take on an 8N1 line at `baud` (drivers size timeouts by it, simulators pace by it). */
export function wireTimeMs(bytes: number, baud: number): number {
  return (bytes * BITS_PER_BYTE * 1000) / baud;
}
