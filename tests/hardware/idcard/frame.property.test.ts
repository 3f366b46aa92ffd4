import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { CommandFrameDecoder, encodeResponse, FrameDecoder } from '../../../hardware/idcard/frame';
import { chunkAt } from '../../support/bytes';

const response = fc.record({
  sw3: fc.integer({ min: 0, max: 255 }),
  data: fc.uint8Array({ maxLength: 300 }),
});

describe('frame decoder properties', () => {
  it('never throws on arbitrary bytes in arbitrary chunks', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 64 }), { maxLength: 40 }), (chunks) => {
        const responses = new FrameDecoder();
        const commands = new CommandFrameDecoder();
        for (const c of chunks) {
          responses.push(c);
          commands.push(c);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('never throws when frame-like bytes (preamble, random LEN) are mixed in', () => {
    const preamble = fc.constant(Uint8Array.of(0xaa, 0xaa, 0xaa, 0x96, 0x69));
    const piece = fc.oneof(preamble, fc.uint8Array({ maxLength: 8 }));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => {
        const decoder = new FrameDecoder();
        for (const p of pieces) decoder.push(p);
      }),
      { numRuns: 500 },
    );
  });

  it('encode → decode round-trips under random chunking, with garbage in between', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ frame: response, noise: fc.uint8Array({ maxLength: 6 }) }), { minLength: 1, maxLength: 6 }),
        fc.array(fc.nat(), { maxLength: 30 }),
        (items, cuts) => {
          // Noise must not fake a preamble start, or it would legitimately swallow the frame after it.
          const parts = items.flatMap(({ frame, noise }) => [
            noise.map((b) => (b === 0xaa ? 0x00 : b)),
            encodeResponse(frame.sw3, frame.data),
          ]);
          const stream = Uint8Array.from(parts.flatMap((p) => [...p]));
          const decoder = new FrameDecoder();
          const results = chunkAt(stream, cuts).flatMap((c) => decoder.push(c));
          const frames = results.flatMap((r) => (r.ok ? [r.frame] : []));
          expect(frames).toEqual(items.map(({ frame }) => ({ sw1: 0, sw2: 0, sw3: frame.sw3, data: frame.data })));
          expect(results.every((r) => r.ok || r.error.kind === 'garbage')).toBe(true);
          // Results do not depend on how the stream was chunked.
          expect(new FrameDecoder().push(stream)).toEqual(results);
        },
      ),
      { numRuns: 300 },
    );
  });
});
