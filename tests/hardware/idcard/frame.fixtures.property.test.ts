/**
 * The four fixture frames under every split and under mutation (fast-check,
 * 100,000 runs in total across the properties below). What must hold:
 * the decoder never throws, does bounded work per input, and never yields a
 * frame that is not a checksum-valid byte run of its input — so a corrupted
 * frame whose CHK fails can never become a (wrong) identity.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { parseIdCard } from '../../../hardware/idcard/card';
import type { IdCard } from '../../../hardware/idcard/card-types';
import type { DecodeResult, ResponseFrame } from '../../../hardware/idcard/frame';
import { encodeResponse, FrameDecoder, MAX_LEN, PREAMBLE } from '../../../hardware/idcard/frame';
import { splitReadPayload } from '../../../hardware/idcard/payload';
import { concatBytes } from '../../../hardware/printer/escpos';
import { loadFixture } from './fixtures';
import type { FixtureName } from './fixtures';

const NAMES: FixtureName[] = ['resident', 'hmt_J', 'foreign2017_I', 'foreign2023_Y'];
const FIXTURES = NAMES.map((name) => loadFixture(name));

function cardOf(frame: ResponseFrame): IdCard | undefined {
  const payload = splitReadPayload(frame.data, false);
  if (!payload.ok) return undefined;
  const parsed = parseIdCard(payload.payload.text, payload.payload.photo);
  return parsed.ok ? parsed.card : undefined;
}

const EXPECTED: IdCard[] = FIXTURES.map((bytes) => {
  const [result] = new FrameDecoder().push(bytes);
  const card = result?.ok ? cardOf(result.frame) : undefined;
  if (!card) throw new Error('fixture does not decode');
  return card;
});

/** The wire bytes of a decoded frame, with CHK computed here, independently of the decoder. */
function wireBytes(frame: ResponseFrame): Uint8Array {
  const body = [frame.sw1, frame.sw2, frame.sw3, ...frame.data];
  const len = body.length + 1;
  const head = [...PREAMBLE, (len >> 8) & 0xff, len & 0xff];
  let chk = 0;
  for (const b of [head[5] ?? 0, head[6] ?? 0, ...body]) chk ^= b;
  return Uint8Array.from([...head, ...body, chk]);
}

function contains(haystack: Uint8Array, needle: Uint8Array): boolean {
  return Buffer.from(haystack.buffer, haystack.byteOffset, haystack.byteLength).indexOf(Buffer.from(needle)) >= 0;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
}

describe('fixture frames split at every byte boundary', () => {
  it.each(NAMES.map((name, i) => [name, i] as const))(
    '%s: two chunks [0,i) and [i,n) give one frame and the same card',
    (_name, index) => {
      const bytes = FIXTURES[index] ?? new Uint8Array(0);
      const expected = EXPECTED[index];
      for (let i = 0; i <= bytes.length; i++) {
        const decoder = new FrameDecoder();
        const results = [...decoder.push(bytes.subarray(0, i)), ...decoder.push(bytes.subarray(i))];
        expect(results).toHaveLength(1);
        const [only] = results;
        expect(only?.ok).toBe(true);
        if (!only?.ok) return;
        expect(cardOf(only.frame)).toEqual(expected);
      }
    },
  );

  it('any single-byte corruption after the preamble yields no frame at all', () => {
    // XOR catches every single-byte change in the body or CHK; a changed LEN reframes the bytes and is covered by the fuzz.
    for (const bytes of FIXTURES) {
      for (let at = PREAMBLE.length + 2; at < bytes.length; at++) {
        for (const mask of [0x01, 0x80, 0xff]) {
          const copy = Uint8Array.from(bytes);
          copy[at] = (copy[at] ?? 0) ^ mask;
          expect(new FrameDecoder().push(copy).some((r) => r.ok)).toBe(false);
        }
      }
    }
  });
});

type Mutation =
  | { op: 'flip'; at: number; mask: number }
  | { op: 'truncate'; at: number }
  | { op: 'duplicate'; from: number; length: number; to: number }
  | { op: 'garbage'; at: number; bytes: Uint8Array };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('flip' as const), at: fc.nat(), mask: fc.integer({ min: 1, max: 255 }) }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({
    op: fc.constant('duplicate' as const),
    from: fc.nat(),
    length: fc.integer({ min: 1, max: 1400 }),
    to: fc.nat(),
  }),
  fc.record({
    op: fc.constant('garbage' as const),
    at: fc.nat(),
    bytes: fc.oneof(fc.uint8Array({ minLength: 1, maxLength: 16 }), fc.constant(Uint8Array.from(PREAMBLE))),
  }),
);

function mutate(input: Uint8Array, m: Mutation): Uint8Array {
  const n = input.length;
  switch (m.op) {
    case 'flip': {
      if (n === 0) return input;
      const out = Uint8Array.from(input);
      const at = m.at % n;
      out[at] = (out[at] ?? 0) ^ m.mask;
      return out;
    }
    case 'truncate':
      return input.slice(0, m.at % (n + 1));
    case 'duplicate': {
      if (n === 0) return input;
      const from = m.from % n;
      const piece = input.subarray(from, Math.min(n, from + m.length));
      const to = m.to % (n + 1);
      return concatBytes([input.subarray(0, to), piece, input.subarray(to)]);
    }
    case 'garbage': {
      const at = m.at % (n + 1);
      return concatBytes([input.subarray(0, at), m.bytes, input.subarray(at)]);
    }
  }
}

/**
 * Decodes in the given chunks and checks the invariants, returning a reason
 * when one fails (plain checks: `expect` in a 100k-run loop costs seconds).
 */
function violation(input: Uint8Array, cuts: number[]): string | undefined {
  const decoder = new FrameDecoder();
  const points = [...new Set(cuts.map((c) => c % (input.length + 1)))].sort((a, b) => a - b);
  const results: DecodeResult<ResponseFrame>[] = [];
  let from = 0;
  for (const p of [...points, input.length]) {
    results.push(...decoder.push(input.subarray(from, p)));
    from = p;
  }
  // Bounded work: each result consumes at least one input byte.
  if (results.length > input.length + 1) return `${results.length} results for ${input.length} bytes`;
  for (const result of results) {
    if (!result.ok) continue;
    // Every frame handed out must be a run of the input whose CHK, recomputed here, is valid.
    const wire = wireBytes(result.frame);
    if (wire.length > PREAMBLE.length + 2 + MAX_LEN) return 'frame longer than MAX_LEN';
    if (!contains(input, wire)) return 'frame is not a checksum-valid run of the input';
    if (FIXTURES.some((f) => sameBytes(f, wire))) continue; // an intact fixture frame: its own card
    // Any other frame got here only because its CHK is valid (checked above): a mutation that kept
    // the checksum right, the one case where a card different from the fixture may come out.
    // Such a frame must still parse without throwing (a typed error or a card).
    cardOf(result.frame);
  }
  return undefined;
}

function check(input: Uint8Array, cuts: number[]): boolean {
  const problem = violation(input, cuts);
  if (problem !== undefined) throw new Error(problem);
  return true;
}

const GOOD = encodeResponse(0x9f, new Uint8Array(4));
const fixtureIndex = fc.integer({ min: 0, max: FIXTURES.length - 1 });

describe('FrameDecoder fuzz on fixture frames (100,000 runs in total)', () => {
  it('one to three mutations of a fixture frame, random chunking (60,000 runs)', () => {
    fc.assert(
      fc.property(
        fixtureIndex,
        fc.array(mutation, { minLength: 1, maxLength: 3 }),
        fc.array(fc.nat(), { maxLength: 4 }),
        (i, ms, cuts) => {
          return check(ms.reduce(mutate, FIXTURES[i] ?? new Uint8Array(0)), cuts);
        },
      ),
      { numRuns: 60_000 },
    );
  });

  it('single-byte flips never yield a frame, and the decoder recovers on the next good frame (20,000 runs)', () => {
    fc.assert(
      fc.property(
        fixtureIndex,
        fc.integer({ min: PREAMBLE.length + 2, max: 1294 }),
        fc.integer({ min: 1, max: 255 }),
        (i, at, mask) => {
          const fixture = FIXTURES[i] ?? new Uint8Array(0);
          const bad = mutate(fixture, { op: 'flip', at, mask });
          const decoder = new FrameDecoder();
          if (decoder.push(bad).some((r) => r.ok)) return false;
          // A good frame after enough bytes must still be found: a corrupt LEN swallows at most MAX_LEN bytes.
          for (let k = 0; k < 4; k++) decoder.push(fixture);
          return decoder.push(GOOD).some((r) => r.ok && r.frame.sw3 === 0x9f);
        },
      ),
      { numRuns: 20_000 },
    );
  });

  it('random bytes, preambles and frames mixed with a fixture, random chunking (20,000 runs)', () => {
    const piece = fc.oneof(
      fc.uint8Array({ maxLength: 32 }),
      fc.constant(Uint8Array.from(PREAMBLE)),
      fc
        .record({ sw3: fc.integer({ min: 0, max: 255 }), data: fc.uint8Array({ maxLength: 40 }) })
        .map(({ sw3, data }) => encodeResponse(sw3, data)),
      fixtureIndex.map((i) => FIXTURES[i] ?? new Uint8Array(0)),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), fc.array(fc.nat(), { maxLength: 6 }), (pieces, cuts) => {
        return check(concatBytes(pieces), cuts);
      }),
      { numRuns: 20_000 },
    );
  });
});
