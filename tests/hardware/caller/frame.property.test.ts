import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { encodeKeypadFrame, KeypadFrameDecoder } from '../../../hardware/caller/frame';
import { chunkAt } from '../../support/bytes';

const frame = fc.record({
  address: fc.integer({ min: 0, max: 255 }),
  cmd: fc.integer({ min: 0, max: 255 }),
  data: fc.uint8Array({ maxLength: 20 }),
});

describe('keypad decoder properties', () => {
  it('never throws on arbitrary bytes in arbitrary chunks', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 64 }), { maxLength: 40 }), (chunks) => {
        const decoder = new KeypadFrameDecoder();
        for (const c of chunks) decoder.push(c);
      }),
      { numRuns: 1000 },
    );
  });

  it('never throws on frame-like pieces (headers, end bytes, random L)', () => {
    const piece = fc.oneof(
      fc.constant(Uint8Array.of(0xff, 0x68)),
      fc.constant(Uint8Array.of(0x68)),
      fc.constant(Uint8Array.of(0x16)),
      fc.uint8Array({ maxLength: 6 }),
      frame.map((f) => encodeKeypadFrame(f.address, f.cmd, f.data)),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => {
        const decoder = new KeypadFrameDecoder();
        for (const p of pieces) decoder.push(p);
        decoder.flush();
        expect(decoder.buffered).toBe(0);
      }),
      { numRuns: 1000 },
    );
  });

  it('encode → decode round-trips under random chunking, with FF-free garbage between', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ frame, noise: fc.uint8Array({ maxLength: 6 }) }), { minLength: 1, maxLength: 6 }),
        fc.array(fc.nat(), { maxLength: 30 }),
        (items, cuts) => {
          // Noise must not contain FF, or it could legitimately start a (broken) frame.
          const parts = items.flatMap(({ frame: f, noise }) => [
            noise.map((b) => (b === 0xff ? 0x00 : b)),
            encodeKeypadFrame(f.address, f.cmd, f.data),
          ]);
          const stream = Uint8Array.from(parts.flatMap((p) => [...p]));
          const decoder = new KeypadFrameDecoder();
          const decoded = chunkAt(stream, cuts)
            .flatMap((c) => decoder.push(c))
            .filter((r) => r.ok)
            .map((r) => (r.ok ? r.frame : undefined));
          expect(decoded).toEqual(items.map(({ frame: f }) => ({ address: f.address, cmd: f.cmd, data: f.data })));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('a valid frame after any garbage is still found', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 80 }), frame, (garbage, f) => {
        const decoder = new KeypadFrameDecoder();
        decoder.push(garbage);
        // Enough filler to flush any half-parsed header the garbage left open.
        decoder.push(new Uint8Array(80));
        const results = decoder.push(encodeKeypadFrame(f.address, f.cmd, f.data));
        expect(results.filter((r) => r.ok)).toHaveLength(1);
      }),
      { numRuns: 500 },
    );
  });
});
