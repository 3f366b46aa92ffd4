import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { BxFrameDecoder, encodeBxFrame } from '../../../hardware/ledscreen/bx-link';
import { chunkAt } from '../../support/bytes';

const frame = fc.record({
  destination: fc.integer({ min: 0, max: 0xffff }),
  source: fc.integer({ min: 0, max: 0xffff }),
  deviceType: fc.integer({ min: 0, max: 255 }),
  protocolVersion: fc.integer({ min: 0, max: 255 }),
  // Biased toward the bytes that need escaping.
  data: fc
    .array(fc.oneof(fc.constantFrom(0xa5, 0xa6, 0x5a, 0x5b), fc.integer({ min: 0, max: 255 })), { maxLength: 40 })
    .map((a) => Uint8Array.from(a)),
});

describe('BX decoder properties', () => {
  it('never throws on arbitrary bytes in arbitrary chunks', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 64 }), { maxLength: 40 }), (chunks) => {
        const decoder = new BxFrameDecoder();
        for (const c of chunks) decoder.push(c);
      }),
      { numRuns: 1000 },
    );
  });

  it('never throws on frame-like pieces', () => {
    const piece = fc.oneof(
      fc.constantFrom(Uint8Array.of(0xa5), Uint8Array.of(0x5a), Uint8Array.of(0xa6), Uint8Array.of(0x5b, 0x03)),
      fc.uint8Array({ maxLength: 8 }),
      frame.map((f) => encodeBxFrame(f)),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => {
        const decoder = new BxFrameDecoder();
        for (const p of pieces) decoder.push(p);
      }),
      { numRuns: 1000 },
    );
  });

  it('encode → decode round-trips under random chunking, with A5-free garbage between', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ frame, noise: fc.uint8Array({ maxLength: 6 }) }), { minLength: 1, maxLength: 5 }),
        fc.array(fc.nat(), { maxLength: 30 }),
        (items, cuts) => {
          const parts = items.flatMap(({ frame: f, noise }) => [noise.map((b) => (b === 0xa5 ? 0 : b)), encodeBxFrame(f)]);
          const stream = Uint8Array.from(parts.flatMap((p) => [...p]));
          const decoder = new BxFrameDecoder();
          const decoded = chunkAt(stream, cuts)
            .flatMap((c) => decoder.push(c))
            .flatMap((r) => (r.ok ? [r.frame] : []));
          expect(decoded).toEqual(items.map((i) => i.frame));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('a valid frame after any garbage is still found', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 80 }), frame, (garbage, f) => {
        const decoder = new BxFrameDecoder();
        decoder.push(garbage);
        const results = decoder.push(encodeBxFrame(f));
        expect(results.filter((r) => r.ok)).toEqual([{ ok: true, frame: f }]);
      }),
      { numRuns: 500 },
    );
  });
});
