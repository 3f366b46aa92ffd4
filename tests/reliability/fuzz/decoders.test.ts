/**
 * Fuzzing of every decoder of bytes or text that comes from a device (fast-check, fixed seed).
 *
 * The robustness contract, asserted here for all of them in one place (the property tests under
 * tests/hardware check each codec's own behaviour in depth):
 *  - random and mutated input (valid frames with bytes flipped, inserted, deleted, duplicated,
 *    truncated) never makes a decoder throw: bad input comes back as its typed error;
 *  - a streaming decoder gives the same results however the stream is chunked, and a valid
 *    frame split at every byte boundary decodes to exactly its value;
 *  - nothing a decoder returns breaks its own contract (a frame is a checksum-valid run of the
 *    input, a card carries a valid ID number and real dates, a status has its fixed bits...);
 *  - a valid frame after garbage still decodes (see each target for how much garbage may cost);
 *  - no input hangs a decoder: a watchdog thread kills the run if one input takes over 60 s.
 *
 * One line per decoder: `fuzz <decoder>: <runs> runs, <n> rejected as typed errors, <m> decoded,
 * seed <s>`; counts are results (one run of a streaming decoder yields many). Runs: 100,000
 * where an input costs microseconds, fewer where each run decodes kilobytes many times over
 * (card reads, tickets); FUZZ_SCALE multiplies them all.
 */
import fc from 'fast-check';
import { isDeepStrictEqual, inspect } from 'node:util';
import { afterAll, describe, it } from 'vitest';
import { keyFromData, defaultKeypadModel } from '../../../hardware/caller/model';
import { renderDigitCodes } from '../../../hardware/caller/digits';
import type { KeypadDecodeResult, KeypadFrame } from '../../../hardware/caller/frame';
import { encodeKeypadFrame, KEYPAD_MAX_LENGTH, KeypadFrameDecoder } from '../../../hardware/caller/frame';
import { parseIdCard } from '../../../hardware/idcard/card';
import { LONG_TERM, parseCardDate, parseValidTo } from '../../../hardware/idcard/card-date';
import type { CardParseError, IdCard } from '../../../hardware/idcard/card-types';
import type { CommandFrame, DecodeResult, FrameError, ResponseFrame } from '../../../hardware/idcard/frame';
import {
  CommandFrameDecoder,
  encodeCommandFrame,
  encodeResponse,
  FrameDecoder,
  MAX_LEN,
  PREAMBLE,
} from '../../../hardware/idcard/frame';
import { computeCheckDigit, validateIdNumber } from '../../../hardware/idcard/id-number';
import { MARKER_OFFSET, TEXT_SIZE } from '../../../hardware/idcard/layouts';
import { NATION_CODES, nationFromCode } from '../../../hardware/idcard/nation-codes';
import { buildReadPayload, splitReadPayload } from '../../../hardware/idcard/payload';
import { formatSamId } from '../../../hardware/idcard/sam-id';
import type { SimulatedCard } from '../../../hardware/idcard/simulated-cards';
import { buildTextBlock, placeholderPhoto, simulatedCards } from '../../../hardware/idcard/simulated-cards';
import { samStatus } from '../../../hardware/idcard/status';
import { writeField } from '../../../hardware/idcard/ucs2';
import { ackStatus, decodeTextCommand, encodeAck, encodeTextCommand } from '../../../hardware/ledscreen/bx-commands';
import type { BxDecodeResult, BxFrame } from '../../../hardware/ledscreen/bx-link';
import {
  BX_HEADER_SIZE,
  BX_MAX_FRAME,
  BxFrameDecoder,
  bxPacket,
  encodeBxFrame,
  frameBxPacket,
} from '../../../hardware/ledscreen/bx-link';
import { encodeReceipt, encodeTicket } from '../../../hardware/printer/layouts';
import type { EscPosEvent } from '../../../hardware/printer/preview';
import { EscPosDecoder } from '../../../hardware/printer/preview';
import type { PrinterReply } from '../../../hardware/printer/replies';
import { ReplyDecoder } from '../../../hardware/printer/replies';
import type { PrinterStatus } from '../../../hardware/printer/status';
import {
  decodeAsb,
  decodeDleEot,
  decodeFullStatus,
  encodeAsb,
  encodeDleEotReply,
  isAsbFirstByte,
  isAsbFollowByte,
  isDleEotReplyByte,
} from '../../../hardware/printer/status';
import type { HidPosLayout, HidPosResult } from '../../../hardware/scanner/hid-pos-report';
import { buildHidPosReports, HID_POS_MAX_CODE, HidPosDecoder } from '../../../hardware/scanner/hid-pos-report';
import type { LineResult, LineTerminator } from '../../../hardware/scanner/lines';
import { LineSplitter } from '../../../hardware/scanner/lines';
import type { HidFraming } from '../../../hardware/transport/hid-framing';
import { packReports, unpackReport } from '../../../hardware/transport/hid-framing';
import { createWedgeDetector } from '../../../renderer/scanner/wedge-detector';
import type { Mutation } from './harness';
import { concatBytes } from '../../../hardware/printer/escpos';
import { chunkAt, containsBytes, FUZZ_SEED, mutate, mutations, repeat, runs, Tally, Watchdog } from './harness';

const watchdog = new Watchdog();
const lines: string[] = [];
afterAll(async () => {
  await watchdog.stop();
  console.log(['', ...lines, ''].join('\n'));
});

/** Runs one property under the watchdog and records its tally line. */
function fuzz<T>(tally: Tally, numRuns: number, arbitrary: fc.Arbitrary<T>, predicate: (value: T) => void): void {
  watchdog.watch(`fuzz ${tally.name} (seed ${FUZZ_SEED})`);
  try {
    fc.assert(
      fc.property(arbitrary, (value) => {
        watchdog.beat();
        tally.runs += 1;
        predicate(value);
      }),
      { seed: FUZZ_SEED, numRuns },
    );
  } finally {
    watchdog.watch('');
  }
  lines.push(tally.line());
}

/**
 * Plain checks instead of `expect`: a streaming run checks hundreds of results, and these keep
 * the cost per check near nothing. fast-check reports the input that broke one.
 */
function ensure(condition: boolean, what: string): asserts condition {
  if (!condition) throw new Error(`contract broken: ${what}`);
}

/** fast-check builds records without a prototype; compare them as the plain objects decoders return. */
function plain(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(plain);
  if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
}

function ensureEqual(actual: unknown, expected: unknown, what: string): void {
  if (!isDeepStrictEqual(plain(actual), plain(expected))) {
    throw new Error(
      `contract broken: ${what}\n  expected ${inspect(expected, { depth: 4 })}\n  got      ${inspect(actual, { depth: 4 })}`,
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Streaming decoders: one generic property, four scenarios.

interface StreamDecoder<R> {
  push(chunk: Uint8Array): R[];
  /** Results at the end of input (a quiet line: flush, finish), for decoders that have that notion. */
  end?(): R[];
}

/** What a valid frame is expected to decode to: its values, in order. */
interface Frame<V> {
  bytes: Uint8Array;
  values: V[];
}

interface StreamTarget<R, V> {
  tally: Tally;
  create(): StreamDecoder<R>;
  /** Asserts the contract of one result; returns the decoded value, or 'rejected' for a typed error. */
  check(result: R, input: Uint8Array): { value: V } | 'rejected';
  frames: fc.Arbitrary<Frame<V>>;
  /** Protocol bytes worth planting in garbage (start markers, escapes, end bytes). */
  markers: Uint8Array[];
  /**
   * How a valid frame after garbage decodes:
   *  - `next`: the frame after the garbage and `separator` always decodes;
   *  - `within`: garbage may swallow up to `bytes` bytes (a header whose length field promised
   *    them), so among enough copies of the frame, one decodes;
   *  - `after-end`: once the garbage's input ended (`end()`), the frame decodes.
   */
  resync: { kind: 'next'; separator?: Uint8Array } | { kind: 'within'; bytes: number } | { kind: 'after-end' };
}

type Scenario =
  | { kind: 'random'; pieces: Uint8Array[]; cuts: number[] }
  | { kind: 'mutated'; frames: Uint8Array[]; mutations: Mutation[]; cuts: number[] }
  | { kind: 'split'; frame: number; extraCuts: number[] }
  | { kind: 'resync'; garbage: Uint8Array[]; frame: number };

function scenarios<V>(target: Pick<StreamTarget<unknown, V>, 'frames' | 'markers'>): fc.Arbitrary<[Scenario, Frame<V>]> {
  const piece = fc.oneof(
    { weight: 3, arbitrary: fc.uint8Array({ maxLength: 48 }) },
    { weight: 1, arbitrary: target.markers.length > 0 ? fc.constantFrom(...target.markers) : fc.uint8Array({ maxLength: 4 }) },
    { weight: 1, arbitrary: target.frames.map((f) => f.bytes) },
  );
  // Random and mutated input are cheap and find the most; splits and resyncs decode a frame many times.
  const scenario: fc.Arbitrary<Scenario> = fc.oneof(
    {
      weight: 3,
      arbitrary: fc.record({
        kind: fc.constant('random' as const),
        pieces: fc.array(piece, { maxLength: 12 }),
        cuts: fc.array(fc.nat(), { maxLength: 12 }),
      }),
    },
    {
      weight: 4,
      arbitrary: fc.record({
        kind: fc.constant('mutated' as const),
        frames: fc.array(
          target.frames.map((f) => f.bytes),
          { minLength: 1, maxLength: 3 },
        ),
        mutations: mutations(target.markers),
        cuts: fc.array(fc.nat(), { maxLength: 12 }),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('split' as const),
        frame: fc.constant(0),
        extraCuts: fc.array(fc.nat(), { maxLength: 8 }),
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('resync' as const),
        garbage: fc.array(piece, { minLength: 1, maxLength: 6 }),
        frame: fc.constant(0),
      }),
    },
  );
  return fc.tuple(scenario, target.frames);
}

/**
 * Byte boundaries to split a frame at: every one for frames up to 96 bytes; for longer frames
 * (card reads, tickets) the first and last 24, where headers, lengths and checksums sit, and a
 * random sample in between.
 */
function boundaries(length: number, extra: readonly number[]): number[] {
  if (length <= 96) return Array.from({ length: length + 1 }, (_, i) => i);
  const edges = Array.from({ length: 25 }, (_, i) => i);
  const tail = Array.from({ length: 25 }, (_, i) => length - i);
  return [...new Set([...edges, ...tail, ...extra.map((c) => c % (length + 1))])];
}

function fuzzStream<R, V>(target: StreamTarget<R, V>, numRuns: number): void {
  const { tally } = target;
  const decode = (chunks: readonly Uint8Array[], decoder = target.create()): R[] => {
    const out = chunks.flatMap((c) => decoder.push(c));
    return decoder.end ? [...out, ...decoder.end()] : out;
  };
  /** Checks every result and returns the decoded values. */
  const checked = (results: readonly R[], input: Uint8Array): V[] => {
    const values: V[] = [];
    for (const r of results) {
      const verdict = target.check(r, input);
      if (verdict === 'rejected') tally.rejected += 1;
      else {
        tally.decoded += 1;
        values.push(verdict.value);
      }
    }
    return values;
  };

  fuzz(tally, numRuns, scenarios(target), ([scenario, frame]) => {
    switch (scenario.kind) {
      case 'random':
      case 'mutated': {
        const input =
          scenario.kind === 'random' ? concatBytes(scenario.pieces) : mutate(concatBytes(scenario.frames), scenario.mutations);
        const whole = decode([input]);
        const chunked = decode(chunkAt(input, scenario.cuts));
        ensureEqual(chunked, whole, 'the same results however the stream is chunked');
        // Bounded output: a decoder cannot invent more results than there were bytes.
        ensure(whole.length <= input.length + 1, 'no more results than bytes');
        checked(whole, input);
        return;
      }
      case 'split': {
        const n = frame.bytes.length;
        ensureEqual(checked(decode([frame.bytes]), frame.bytes), frame.values, 'a valid frame in one chunk');
        for (const at of boundaries(n, scenario.extraCuts)) {
          const results = decode([frame.bytes.subarray(0, at), frame.bytes.subarray(at)]);
          ensureEqual(checked(results, frame.bytes), frame.values, `a valid frame split at byte ${at}`);
        }
        return;
      }
      case 'resync': {
        const garbage = concatBytes(scenario.garbage);
        const { resync } = target;
        if (resync.kind === 'next') {
          const input = concatBytes([garbage, resync.separator ?? new Uint8Array(0), frame.bytes]);
          const values = checked(decode([input]), input);
          ensureEqual(values.slice(values.length - frame.values.length), frame.values, 'the frame right after garbage');
        } else if (resync.kind === 'within') {
          const copies = Math.ceil((resync.bytes + garbage.length) / Math.max(1, frame.bytes.length)) + 2;
          const input = concatBytes([garbage, repeat(frame.bytes, copies)]);
          const values = checked(decode([input]), input);
          ensureEqual(values.slice(values.length - frame.values.length), frame.values, 'a frame among the copies after garbage');
        } else {
          const decoder = target.create();
          checked(decode([garbage], decoder), garbage);
          const values = checked(decode([frame.bytes], decoder), frame.bytes);
          ensureEqual(values, frame.values, 'the frame after garbage once its input ended');
        }
        return;
      }
    }
  });
}

const byte = fc.integer({ min: 0, max: 255 });

// ---------------------------------------------------------------------------------------------
// ID card reader (SAM)

/** The wire bytes of a frame body, CHK computed here, independently of the codec. */
function samWire(body: readonly number[]): Uint8Array {
  const len = body.length + 1;
  let chk = (len >> 8) ^ (len & 0xff);
  for (const b of body) chk ^= b;
  return Uint8Array.from([...PREAMBLE, (len >> 8) & 0xff, len & 0xff, ...body, chk]);
}

function checkSamError(error: FrameError, minLen: number): 'rejected' {
  switch (error.kind) {
    case 'garbage':
      ensure(error.skipped > 0, 'error.skipped > 0');
      break;
    case 'length':
      ensure(
        error.reason === 'too-short' ? error.length < minLen : error.length > MAX_LEN,
        "error.reason === 'too-short' ? error.length < minLen : error.length > MAX_LEN",
      );
      break;
    case 'checksum':
      ensure(error.expected !== error.actual, 'error.expected !== error.actual');
      break;
    default:
      throw new Error(`untyped SAM frame error ${JSON.stringify(error satisfies never)}`);
  }
  return 'rejected';
}

const cardReplies = Object.values(simulatedCards).map((card: SimulatedCard) =>
  encodeResponse(0x90, buildReadPayload(buildTextBlock(card), placeholderPhoto())),
);

const responseFrames: fc.Arbitrary<Frame<ResponseFrame>> = fc
  .oneof(
    {
      weight: 6,
      arbitrary: fc.record({ sw3: byte, data: fc.uint8Array({ maxLength: 48 }) }),
    },
    { weight: 1, arbitrary: fc.record({ sw3: byte, data: fc.uint8Array({ minLength: 200, maxLength: 1400 }) }) },
    { weight: 1, arbitrary: fc.constantFrom(...cardReplies.map((bytes) => ({ sw3: 0x90, data: bytes.slice(10, -1) }))) },
  )
  .map(({ sw3, data }) => ({ bytes: encodeResponse(sw3, data), values: [{ sw1: 0, sw2: 0, sw3, data }] }));

const commandFrames: fc.Arbitrary<Frame<CommandFrame>> = fc
  .record({ cmd: byte, para: byte, data: fc.uint8Array({ maxLength: 32 }) })
  .map((f) => ({ bytes: encodeCommandFrame(f.cmd, f.para, f.data), values: [f] }));

const samMarkers = [
  Uint8Array.from(PREAMBLE),
  Uint8Array.from([...PREAMBLE, 0x00]),
  Uint8Array.of(0xaa, 0xaa),
  Uint8Array.of(0x10, 0x00),
];

describe('fuzz: ID card reader', () => {
  it('SAM reply frames (FrameDecoder)', () => {
    fuzzStream<DecodeResult<ResponseFrame>, ResponseFrame>(
      {
        tally: new Tally('idcard SAM reply frames'),
        create: () => new FrameDecoder(),
        check(result, input) {
          if (!result.ok) return checkSamError(result.error, 4);
          const { frame } = result;
          ensure(frame.data.length <= MAX_LEN - 4, 'frame.data.length <= MAX_LEN - 4');
          ensure(
            containsBytes(input, samWire([frame.sw1, frame.sw2, frame.sw3, ...frame.data])),
            'containsBytes(input, samWire([frame.sw1, frame.sw2, frame.sw3, ...frame.data]))',
          );
          return { value: frame };
        },
        frames: responseFrames,
        markers: samMarkers,
        resync: { kind: 'within', bytes: MAX_LEN + 7 },
      },
      runs(10_000),
    );
  });

  it('SAM command frames (CommandFrameDecoder, the simulator side)', () => {
    fuzzStream<DecodeResult<CommandFrame>, CommandFrame>(
      {
        tally: new Tally('idcard SAM command frames'),
        create: () => new CommandFrameDecoder(),
        check(result, input) {
          if (!result.ok) return checkSamError(result.error, 3);
          const { frame } = result;
          ensure(
            containsBytes(input, samWire([frame.cmd, frame.para, ...frame.data])),
            'containsBytes(input, samWire([frame.cmd, frame.para, ...frame.data]))',
          );
          return { value: frame };
        },
        frames: commandFrames,
        markers: samMarkers,
        resync: { kind: 'within', bytes: MAX_LEN + 7 },
      },
      runs(20_000),
    );
  });

  it('read reply payload (text + photo [+ fingerprint] lengths)', () => {
    const tally = new Tally('idcard read payload');
    const payloads = fc.oneof(
      fc.uint8Array({ maxLength: 64 }),
      fc
        .tuple(
          fc.uint8Array({ maxLength: 300 }),
          fc.uint8Array({ maxLength: 300 }),
          fc.option(fc.uint8Array({ maxLength: 100 })),
          mutations(),
        )
        .map(([text, photo, fp, ms]) => mutate(buildReadPayload(text, photo, fp ?? undefined), ms)),
      fc
        .tuple(fc.uint8Array({ maxLength: 300 }), fc.uint8Array({ maxLength: 300 }), fc.option(fc.uint8Array({ maxLength: 100 })))
        .map(([text, photo, fp]) => buildReadPayload(text, photo, fp ?? undefined)),
    );
    fuzz(tally, runs(100_000), fc.tuple(payloads, fc.boolean()), ([data, withFingerprint]) => {
      const result = splitReadPayload(data, withFingerprint);
      if (!result.ok) {
        ensure(result.error.kind === 'bad-payload', "result.error.kind === 'bad-payload'");
        tally.rejected += 1;
        return;
      }
      const { text, photo, fingerprint } = result.payload;
      ensure((fingerprint !== undefined) === withFingerprint, 'a fingerprint exactly when asked for');
      // What was split builds the same bytes again: nothing invented, nothing lost.
      ensureEqual(buildReadPayload(text, photo, fingerprint), data, 'buildReadPayload(text, photo, fingerprint)');
      tally.decoded += 1;
    });
  });

  it('card text block (parseIdCard, all four card families)', () => {
    const tally = new Tally('idcard card text');
    const cjk = fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c));
    const cjkText = (min: number, max: number) => fc.string({ unit: cjk, minLength: min, maxLength: max });
    const digits = (n: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n });
    const date = fc
      .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10).replaceAll('-', ''));
    const idNumber = (head: fc.Arbitrary<string>, birth: string) =>
      fc.tuple(head, digits(3)).map(([h, seq]) => `${h}${birth}${seq}${computeCheckDigit(`${h}${birth}${seq}`) ?? ''}`);
    const gender = fc.constantFrom('0', '1', '2', '9');
    const validTo = fc.oneof(date, fc.constant('长期'));
    const upper = fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'), minLength: 1, maxLength: 40 });
    const card: fc.Arbitrary<SimulatedCard> = fc.oneof(
      date.chain((birth) =>
        fc.record({
          kind: fc.constant('resident' as const),
          name: cjkText(1, 15),
          gender,
          nation: fc.constantFrom(...NATION_CODES),
          birth: fc.constant(birth),
          address: cjkText(0, 35),
          idNumber: idNumber(digits(6), birth),
          issuer: cjkText(0, 15),
          validFrom: date,
          validTo,
        }),
      ),
      date.chain((birth) =>
        fc.record({
          kind: fc.constant('hmt' as const),
          name: cjkText(1, 15),
          gender,
          birth: fc.constant(birth),
          address: cjkText(0, 35),
          idNumber: idNumber(
            fc.tuple(fc.constantFrom('81', '82', '83'), digits(4)).map(([a, b]) => a + b),
            birth,
          ),
          issuer: cjkText(0, 15),
          validFrom: date,
          validTo,
          passNumber: fc.tuple(fc.constantFrom('H', 'M', ''), digits(8)).map(([a, b]) => a + b),
          issueCount: digits(2),
        }),
      ),
      fc.record({
        kind: fc.constant('foreign2017' as const),
        englishName: upper,
        gender,
        cardNumber: fc
          .tuple(
            upper.map((s) => s.slice(0, 3)),
            digits(12),
          )
          .map(([a, b]) => a + b),
        nationality: fc.constantFrom('USA', 'GBR', 'JPN'),
        chineseName: cjkText(0, 15),
        validFrom: date,
        validTo,
        birth: date,
        version: digits(2),
        authority: digits(4),
      }),
      date.chain((birth) =>
        fc.record({
          kind: fc.constant('foreign2023' as const),
          chineseName: cjkText(0, 15),
          gender,
          renewals: digits(2),
          birth: fc.constant(birth),
          englishName: upper,
          idNumber: idNumber(
            digits(5).map((d) => `9${d}`),
            birth,
          ),
          validFrom: date,
          validTo,
          nationality: digits(3),
        }),
      ),
    );
    type Input =
      | { kind: 'valid'; card: SimulatedCard }
      | { kind: 'bytes'; text: Uint8Array }
      | { kind: 'field'; card: SimulatedCard; from: number; value: string };
    const input: fc.Arbitrary<Input> = fc.oneof(
      fc.record({ kind: fc.constant('valid' as const), card }),
      fc
        .tuple(
          card,
          mutations([Uint8Array.of(0x20, 0x00), Uint8Array.of(0x4a, 0x00), Uint8Array.of(0x49, 0x00), Uint8Array.of(0x59, 0x00)]),
        )
        .map(([c, ms]) => ({
          kind: 'bytes' as const,
          text: mutate(buildTextBlock(c), ms),
        })),
      fc.record({
        kind: fc.constant('bytes' as const),
        text: fc.oneof(fc.uint8Array({ minLength: TEXT_SIZE, maxLength: TEXT_SIZE }), fc.uint8Array({ maxLength: 300 })),
      }),
      fc.record({
        kind: fc.constant('field' as const),
        card,
        from: fc.integer({ min: 0, max: TEXT_SIZE / 2 - 1 }).map((i) => i * 2),
        value: fc.string({ unit: 'binary', maxLength: 20 }),
      }),
    );
    const photo = placeholderPhoto();
    fuzz(tally, runs(50_000), input, (inp) => {
      let text: Uint8Array;
      if (inp.kind === 'bytes') text = inp.text;
      else {
        text = buildTextBlock(inp.card);
        if (inp.kind === 'field') writeField(text, inp.from, Math.min(TEXT_SIZE, inp.from + inp.value.length * 2), inp.value);
      }
      const result = parseIdCard(text, photo);
      if (!result.ok) {
        checkCardError(result.error, text);
        // An invented card laid out by the simulator's builder always parses.
        ensure(inp.kind !== 'valid', "inp.kind !== 'valid'");
        tally.rejected += 1;
        return;
      }
      checkCard(result.card, text);
      ensure(result.card.photo.bytes === photo, 'result.card.photo.bytes === photo');
      if (inp.kind === 'valid') ensure(result.card.kind === inp.card.kind, 'result.card.kind === inp.card.kind');
      tally.decoded += 1;
    });
  });

  it('ID numbers and card dates (GB 11643 check, YYYYMMDD, 长期)', () => {
    const tally = new Tally('idcard ID number and dates');
    const digit = fc.constantFrom(...'0123456789');
    const valid = fc
      .tuple(
        fc.string({ unit: digit, minLength: 6, maxLength: 6 }),
        fc.date({ min: new Date('1900-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
        fc.string({ unit: digit, minLength: 3, maxLength: 3 }),
      )
      .map(([area, d, seq]) => {
        const first17 = `${area}${d.toISOString().slice(0, 10).replaceAll('-', '')}${seq}`;
        return `${first17}${computeCheckDigit(first17) ?? ''}`;
      });
    const charMutation = fc.record({ at: fc.nat(), ch: fc.constantFrom(...'0123456789Xx /\u0000长期一') });
    const text = fc.oneof(
      valid,
      fc.tuple(valid, fc.array(charMutation, { minLength: 1, maxLength: 3 })).map(([v, ms]) =>
        ms.reduce((s, m) => {
          const at = m.at % (s.length + 1);
          return s.slice(0, at) + m.ch + s.slice(at + 1);
        }, v),
      ),
      fc.string({ unit: digit, maxLength: 20 }),
      fc.string({ unit: 'binary', maxLength: 20 }),
      fc.constantFrom('长期', '', '20000229', '19000229', '20231301', '00000000'),
    );
    fuzz(tally, runs(100_000), fc.tuple(text, fc.option(text)), ([s, birthRaw]) => {
      const birth = birthRaw === null ? undefined : parseCardDate(birthRaw);
      const check = validateIdNumber(s, birth);
      if (check.ok) {
        ensure(/^\d{17}[\dXx]$/.test(s), 's matches /^\\d{17}[\\dXx]$/');
        ensure(
          computeCheckDigit(s.slice(0, 17)) === s.slice(17).toUpperCase(),
          'computeCheckDigit(s.slice(0, 17)) === s.slice(17).toUpperCase()',
        );
        ensure(
          parseCardDate(check.birthDate.replaceAll('-', '')) === check.birthDate,
          "parseCardDate(check.birthDate.replaceAll('-', '')) === check.birthDate",
        );
        if (birth !== undefined) ensure(check.birthDate === birth, 'check.birthDate === birth');
        tally.decoded += 1;
      } else {
        ensure(
          ['format', 'birth-date', 'check-digit', 'birth-mismatch'].includes(check.problem),
          "['format', 'birth-date', 'check-digit', 'birth-mismatch'] includes check.problem",
        );
        tally.rejected += 1;
      }
      for (const parsed of [parseCardDate(s), parseValidTo(s)]) {
        if (parsed === undefined) {
          tally.rejected += 1;
          continue;
        }
        tally.decoded += 1;
        if (parsed === LONG_TERM) ensure(s === '长期', "s === '长期'");
        else checkIsoDate(parsed);
      }
    });
  });

  it('SW3 status bytes and SAM ids', () => {
    const tally = new Tally('idcard SW3 status and SAM id');
    const codes = new Set([
      'ok',
      'find-ok',
      'no-card',
      'select-failed',
      'checksum-error',
      'length-error',
      'command-error',
      'unauthorised',
      'unknown-error',
      'card-auth-sam-failed',
      'sam-auth-card-failed',
      'info-verify-failed',
      'unknown-card-type',
      'read-failed',
      'random-failed',
      'sam-self-test-failed',
      'sam-not-authorised',
      'no-content',
      'unknown',
    ]);
    fuzz(tally, runs(100_000), fc.tuple(byte, fc.uint8Array({ maxLength: 24 })), ([sw3, samId]) => {
      const status = samStatus(sw3);
      ensure(codes.has(status.code), 'codes.has(status.code)');
      ensure(status.sw3 === sw3, 'status.sw3 === sw3');
      ensure(status.zh.length > 0, 'status.zh.length > 0');
      if (status.code === 'unknown') tally.rejected += 1;
      else tally.decoded += 1;
      const formatted = formatSamId(samId);
      if (samId.length === 16) {
        ensure(
          /^\d{2,5}\.\d{2,5}-\d{8,10}-\d{10}-\d{10}$/.test(formatted),
          'formatted matches /^\\d{2,5}\\.\\d{2,5}-\\d{8,10}-\\d{10}-\\d{10}$/',
        );
        tally.decoded += 1;
      } else {
        ensure(/^[0-9a-f]*$/.test(formatted), 'formatted matches /^[0-9a-f]*$/');
        tally.rejected += 1;
      }
    });
  });
});

function checkIsoDate(iso: string): void {
  ensure(/^\d{4}-\d{2}-\d{2}$/.test(iso), 'iso matches /^\\d{4}-\\d{2}-\\d{2}$/');
  ensure(parseCardDate(iso.replaceAll('-', '')) === iso, "parseCardDate(iso.replaceAll('-', '')) === iso");
}

function checkCardError(error: CardParseError, text: Uint8Array): void {
  switch (error.kind) {
    case 'text-length':
      ensure(error.length === text.length, 'error.length === text.length');
      ensure(error.length !== TEXT_SIZE, 'error.length !== TEXT_SIZE');
      return;
    case 'unknown-card-type':
      ensure(
        error.marker === ((text[MARKER_OFFSET] ?? 0) | ((text[MARKER_OFFSET + 1] ?? 0) << 8)),
        'the marker read at byte 248',
      );
      return;
    case 'missing-field':
    case 'bad-number':
      ensure(error.field.length > 0, 'error.field.length > 0');
      return;
    case 'bad-gender':
    case 'bad-nation':
      ensure(typeof error.code === 'string', "typeof error.code === 'string'");
      return;
    case 'bad-date':
      ensure(
        ['birthDate', 'validFrom', 'validTo'].includes(error.field),
        "['birthDate', 'validFrom', 'validTo'] includes error.field",
      );
      return;
    case 'invalid-id-number':
      ensure(
        ['format', 'birth-date', 'check-digit', 'birth-mismatch'].includes(error.problem),
        "['format', 'birth-date', 'check-digit', 'birth-mismatch'] includes error.problem",
      );
      return;
    case 'bad-payload':
      // parseIdCard turns an exception of its own into this: it must never happen.
      throw new Error(`parseIdCard caught an internal error: ${error.reason}`);
    default:
      throw new Error(`untyped card error ${JSON.stringify(error satisfies never)}`);
  }
}

function checkCard(card: IdCard, text: Uint8Array): void {
  ensure(card.name.length > 0, 'card.name.length > 0');
  ensure(card.name === card.name.trim(), 'card.name === card.name.trim()');
  ensure(['0', '1', '2', '9'].includes(card.gender.code), "['0', '1', '2', '9'] includes card.gender.code");
  checkIsoDate(card.birthDate);
  checkIsoDate(card.validFrom);
  if (card.validTo !== LONG_TERM) checkIsoDate(card.validTo);
  ensure(card.idNumber.length > 0, 'card.idNumber.length > 0');
  switch (card.kind) {
    case 'resident':
      ensure(validateIdNumber(card.idNumber, card.birthDate).ok, 'validateIdNumber(card.idNumber, card.birthDate).ok');
      ensureEqual(nationFromCode(card.nation.code), card.nation, 'nationFromCode(card.nation.code)');
      ensure(text[MARKER_OFFSET] === 0x20, 'text[MARKER_OFFSET] === 0x20');
      return;
    case 'hmt':
      ensure(validateIdNumber(card.idNumber, card.birthDate).ok, 'validateIdNumber(card.idNumber, card.birthDate).ok');
      ensure(
        Number.isSafeInteger(card.issueCount) && card.issueCount >= 0,
        'Number.isSafeInteger(card.issueCount) && card.issueCount >= 0',
      );
      ensure(
        card.region === 'unknown' || ['81', '82', '83'].includes(card.idNumber.slice(0, 2)),
        "card.region === 'unknown' || ['81', '82', '83'].includes(card.idNumber.slice(0, 2))",
      );
      return;
    case 'foreign2017':
      ensure(card.hasChineseName || card.name === card.englishName, 'no Chinese name: the English name');
      return;
    case 'foreign2023':
      ensure(validateIdNumber(card.idNumber, card.birthDate).ok, 'validateIdNumber(card.idNumber, card.birthDate).ok');
      ensure(
        Number.isSafeInteger(card.renewalCount) && card.renewalCount >= 0,
        'Number.isSafeInteger(card.renewalCount) && card.renewalCount >= 0',
      );
      return;
    default:
      throw new Error(`unknown card kind ${JSON.stringify(card satisfies never)}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Thermal printer

const paperState = fc.constantFrom('ok' as const, 'near-end' as const, 'end' as const);
const printerStatus: fc.Arbitrary<PrinterStatus> = fc.record({
  online: fc.boolean(),
  coverOpen: fc.boolean(),
  paper: paperState,
  cutterError: fc.boolean(),
  unrecoverableError: fc.boolean(),
});

function checkPrinterStatus(status: PrinterStatus): void {
  for (const flag of [status.online, status.coverOpen, status.cutterError, status.unrecoverableError])
    ensure(typeof flag === 'boolean', "typeof flag === 'boolean'");
  ensure(['ok', 'near-end', 'end'].includes(status.paper), "['ok', 'near-end', 'end'] includes status.paper");
}

describe('fuzz: thermal printer', () => {
  it('status replies in the printer→host stream (ReplyDecoder)', () => {
    const replyFrames: fc.Arbitrary<Frame<PrinterReply>> = fc.oneof(
      fc.tuple(fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const), printerStatus).map(([kind, s]) => {
        const b = encodeDleEotReply(kind, s);
        return { bytes: Uint8Array.of(b), values: [{ kind: 'dle-eot' as const, byte: b }] };
      }),
      printerStatus.map((s) => {
        const bytes = encodeAsb(s);
        return { bytes, values: [{ kind: 'asb' as const, bytes }] };
      }),
      fc
        .constantFrom(0x00, 0x03, 0x0c, 0x0f)
        .map((b) => ({ bytes: Uint8Array.of(b), values: [{ kind: 'in-order' as const, byte: b }] })),
    );
    fuzzStream<PrinterReply, PrinterReply>(
      {
        tally: new Tally('printer status replies'),
        create: () => new ReplyDecoder(),
        check(reply) {
          switch (reply.kind) {
            case 'dle-eot':
              ensure(isDleEotReplyByte(reply.byte), 'isDleEotReplyByte(reply.byte)');
              for (const kind of [1, 2, 3, 4]) ensure(decodeDleEot(kind, reply.byte).ok, 'decodeDleEot(kind, reply.byte).ok');
              return { value: reply };
            case 'asb': {
              // What the stream decoder calls an ASB message, the ASB decoder accepts.
              const decoded = decodeAsb(reply.bytes);
              ensure(decoded.ok, 'decoded.ok');
              if (decoded.ok) checkPrinterStatus(decoded.status);
              return { value: reply };
            }
            case 'in-order':
              ensure(
                isAsbFollowByte(reply.byte) && !isDleEotReplyByte(reply.byte) && !isAsbFirstByte(reply.byte),
                'isAsbFollowByte(reply.byte) && !isDleEotReplyByte(reply.byte) && !isAsbFirstByte(reply.byte)',
              );
              return { value: reply };
            case 'unknown':
              ensure(
                Number.isInteger(reply.byte) && reply.byte >= 0 && reply.byte <= 255,
                'Number.isInteger(reply.byte) && reply.byte >= 0 && reply.byte <= 255',
              );
              return 'rejected';
            default:
              throw new Error(`untyped printer reply ${JSON.stringify(reply satisfies never)}`);
          }
        },
        frames: replyFrames,
        markers: [Uint8Array.of(0x10), Uint8Array.of(0x12), Uint8Array.of(0x10, 0x00)],
        // An ASB message cut short in the garbage may take up to three following bytes as its own.
        resync: { kind: 'within', bytes: 3 },
      },
      runs(50_000),
    );
  });

  it('status bytes (DLE EOT 1–4 and Automatic Status Back)', () => {
    const tally = new Tally('printer status bytes');
    const junk = fc.oneof(
      { weight: 8, arbitrary: byte },
      { weight: 1, arbitrary: fc.constantFrom(-1, 256, 0x10 + 256, -240, 16.5, 18.5, Number.NaN, Infinity, -Infinity, 2 ** 53) },
      { weight: 1, arbitrary: fc.double() },
    );
    fuzz(
      tally,
      runs(100_000),
      fc.tuple(
        fc.oneof(
          fc.array(junk, { maxLength: 6 }),
          // Shaped like a reply (four ASB bytes, four DLE EOT replies) with one value off.
          fc.tuple(printerStatus, fc.boolean(), fc.nat(3), junk).map(([s, asb, at, value]) => {
            const bytes: number[] = asb ? [...encodeAsb(s)] : ([1, 2, 3, 4] as const).map((k) => encodeDleEotReply(k, s));
            bytes[at] = value;
            return bytes;
          }),
        ),
        fc.integer({ min: -2, max: 6 }),
        printerStatus,
      ),
      ([values, kind, status]) => {
        const count = (ok: boolean) => (ok ? (tally.decoded += 1) : (tally.rejected += 1));
        const isByte = (v: number | undefined) => v !== undefined && Number.isInteger(v) && v >= 0 && v <= 255;
        const dle = decodeDleEot(kind, values[0] ?? 0);
        if (dle.ok) {
          ensure(isByte(values[0] ?? 0), 'isByte(values[0] ?? 0)');
          ensure(dle.reply.kind === kind, 'dle.reply.kind === kind');
        } else
          ensure(
            ['fixed-bits', 'kind', 'length'].includes(dle.error.reason),
            "['fixed-bits', 'kind', 'length'] includes dle.error.reason",
          );
        count(dle.ok);
        const full = decodeFullStatus(values);
        if (full.ok) {
          ensure(values.every(isByte), 'values.every(isByte)');
          checkPrinterStatus(full.status);
        }
        count(full.ok);
        const asb = decodeAsb(values);
        if (asb.ok) {
          // A status is only ever read from four real bytes.
          ensure(values.length === 4 && values.every(isByte), 'values.length === 4 && values.every(isByte)');
          checkPrinterStatus(asb.status);
        }
        count(asb.ok);
        // What a printer in `status` sends decodes back to `status`, by either route.
        const replies = ([1, 2, 3, 4] as const).map((k) => encodeDleEotReply(k, status));
        ensureEqual(decodeFullStatus(replies), { ok: true, status }, 'decodeFullStatus(replies)');
        ensureEqual(decodeAsb(encodeAsb(status)), { ok: true, status }, 'decodeAsb(encodeAsb(status))');
        tally.decoded += 2;
      },
    );
  });

  it('ESC/POS stream (virtual printer and print preview)', () => {
    const cjk = fc.string({
      unit: fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c)),
      minLength: 1,
      maxLength: 12,
    });
    const documents = fc.oneof(
      fc
        .record({
          hallName: cjk,
          serviceName: cjk,
          number: fc
            .tuple(fc.constantFrom('A', 'B', 'Z'), fc.integer({ min: 0, max: 999 }))
            .map(([p, n]) => `${p}${String(n).padStart(3, '0')}`),
          peopleAhead: fc.integer({ min: 0, max: 500 }),
          estimatedWaitMinutes: fc.integer({ min: 0, max: 300 }),
          issuedAt: fc.date({ min: new Date('2020-01-01'), max: new Date('2035-01-01'), noInvalidDate: true }),
          note: fc.string({ maxLength: 20 }),
          width: fc.constantFrom(58 as const, 80 as const),
        })
        .map(({ width, ...t }) =>
          encodeTicket({ ...t, timeZone: 'Asia/Shanghai', qrUrl: `http://127.0.0.1:7300/ticket/1?k=${t.number}` }, { width }),
        ),
      fc
        .record({ hallName: cjk, itemName: cjk, caseNumber: fc.stringMatching(/^HK\d{14}$/), note: fc.string({ maxLength: 20 }) })
        .map((r) =>
          encodeReceipt(
            {
              ...r,
              items: ['申请人：张*'],
              materials: [{ name: '身份证', received: true }],
              submittedAt: new Date('2026-11-27T02:00:00Z'),
              timeZone: 'Asia/Shanghai',
              qrUrl: `http://127.0.0.1:7300/case/1`,
            },
            { width: 80 },
          ),
        ),
    );
    // Laying out a ticket costs more than decoding it: draw 32 documents once, from the same seed.
    const pool = fc.sample(documents, { seed: FUZZ_SEED, numRuns: 32 }).map((bytes) => {
      const decoder = new EscPosDecoder();
      return { bytes, values: [...decoder.push(bytes), ...decoder.finish()].filter((e) => e.kind !== 'unknown') };
    });
    const frames: fc.Arbitrary<Frame<EscPosEvent>> = fc.constantFrom(...pool);
    fuzzStream<EscPosEvent, EscPosEvent>(
      {
        tally: new Tally('printer ESC/POS stream'),
        create: () => {
          const decoder = new EscPosDecoder();
          return { push: (c) => decoder.push(c), end: () => decoder.finish() };
        },
        check(event, input) {
          switch (event.kind) {
            case 'line':
              ensure(
                event.line.width >= 1 && event.line.width <= 8 && event.line.height >= 1 && event.line.height <= 8,
                'event.line.width >= 1 && event.line.width <= 8 && event.line.height >= 1 && event.line.height <= 8',
              );
              ensure(
                ['left', 'center', 'right'].includes(event.line.align),
                "['left', 'center', 'right'] includes event.line.align",
              );
              ensure(!event.line.text.includes('\n'), "!(event.line.text.includes('\\n'))");
              return { value: event };
            case 'qr':
              ensure(typeof event.data === 'string', "typeof event.data === 'string'");
              return { value: event };
            case 'status-request':
              ensure(event.n >= 1 && event.n <= 4, 'event.n >= 1 && event.n <= 4');
              return { value: event };
            case 'in-order-status':
            case 'asb':
              ensure(
                (event.kind === 'asb' ? event.mask : event.n) <= 255,
                "(event.kind === 'asb' ? event.mask : event.n) <= 255",
              );
              return { value: event };
            case 'cut':
            case 'init':
              return { value: event };
            case 'unknown':
              ensure(event.count >= 1 && event.count <= input.length, 'event.count >= 1 && event.count <= input.length');
              return 'rejected';
            default:
              throw new Error(`untyped ESC/POS event ${JSON.stringify(event satisfies never)}`);
          }
        },
        frames,
        markers: [
          Uint8Array.of(0x1b, 0x40),
          Uint8Array.of(0x1d, 0x28, 0x6b),
          Uint8Array.of(0x1d, 0x28, 0x6b, 0xff, 0xff),
          Uint8Array.of(0x1c, 0x26),
          Uint8Array.of(0x10, 0x04),
          Uint8Array.of(0x81, 0x30),
        ],
        // A `GS ( k` header in the garbage may announce 65 535 bytes: the next job starts clean.
        resync: { kind: 'after-end' },
      },
      runs(2_000),
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Caller keypad

describe('fuzz: caller keypad', () => {
  it('FF 68 frames (KeypadFrameDecoder, with key codes and digit rendering)', () => {
    const keys = new Set(Object.values(defaultKeypadModel.keys));
    fuzzStream<KeypadDecodeResult, KeypadFrame>(
      {
        tally: new Tally('caller keypad frames'),
        create: () => {
          const decoder = new KeypadFrameDecoder();
          return { push: (c) => decoder.push(c), end: () => decoder.flush() };
        },
        check(result, input) {
          if (!result.ok) {
            const e = result.error;
            switch (e.kind) {
              case 'garbage':
                ensure(e.skipped > 0, 'e.skipped > 0');
                break;
              case 'length-mismatch':
                ensure(e.first !== e.second, 'e.first !== e.second');
                break;
              case 'length':
                ensure(e.length < 2 || e.length > KEYPAD_MAX_LENGTH, 'e.length < 2 || e.length > KEYPAD_MAX_LENGTH');
                break;
              case 'checksum':
                ensure(e.expected !== e.actual, 'e.expected !== e.actual');
                break;
              case 'missing-end':
                ensure(e.actual !== 0x16, 'e.actual !== 0x16');
                break;
              default:
                throw new Error(`untyped keypad error ${JSON.stringify(e satisfies never)}`);
            }
            return 'rejected';
          }
          const { frame } = result;
          ensure(frame.data.length <= KEYPAD_MAX_LENGTH - 2, 'frame.data.length <= KEYPAD_MAX_LENGTH - 2');
          ensure(
            containsBytes(input, encodeKeypadFrame(frame.address, frame.cmd, frame.data)),
            'containsBytes(input, encodeKeypadFrame(frame.address, frame.cmd, frame.data))',
          );
          // What the driver does with a frame: the key, or the digits shown.
          const key = keyFromData(defaultKeypadModel, frame.data);
          ensure(key === undefined || keys.has(key), 'key === undefined || keys.has(key)');
          ensure(
            renderDigitCodes(defaultKeypadModel, frame.data).length === frame.data.length,
            'renderDigitCodes(defaultKeypadModel, frame.data).length === frame.data.length',
          );
          return { value: frame };
        },
        frames: fc
          .record({ address: byte, cmd: byte, data: fc.uint8Array({ maxLength: 20 }) })
          .map((f) => ({ bytes: encodeKeypadFrame(f.address, f.cmd, f.data), values: [f] })),
        markers: [
          Uint8Array.of(0xff, 0x68),
          Uint8Array.of(0xff, 0x68, 0x03, 0x03, 0x68),
          Uint8Array.of(0x68),
          Uint8Array.of(0x16),
        ],
        resync: { kind: 'within', bytes: KEYPAD_MAX_LENGTH + 7 },
      },
      runs(50_000),
    );
  });
});

// ---------------------------------------------------------------------------------------------
// LED window screen (Onbon BX link layer)

describe('fuzz: LED window screen', () => {
  it('BX frames (unescape, length, CRC-16/ARC)', () => {
    const u16 = fc.integer({ min: 0, max: 0xffff });
    const data = fc.oneof(
      fc.uint8Array({ maxLength: 48 }),
      fc.array(fc.string({ maxLength: 12 }), { maxLength: 3 }).map((l) => encodeTextCommand({ width: 64, height: 32, lines: l })),
      fc.integer({ min: 0, max: 0xffff }).map((s) => encodeAck(s)),
      fc.constant(Uint8Array.of(0xa5, 0xa6, 0x5a, 0x5b)),
    );
    const frames: fc.Arbitrary<Frame<BxFrame>> = fc
      .record({
        destination: u16,
        source: u16,
        deviceType: byte,
        protocolVersion: byte,
        data,
        preamble: fc.integer({ min: 1, max: 3 }),
      })
      .map(({ preamble, ...frame }) => ({ bytes: encodeBxFrame(frame, { preamble }), values: [frame] }));
    fuzzStream<BxDecodeResult, BxFrame>(
      {
        tally: new Tally('ledscreen BX frames'),
        create: () => new BxFrameDecoder(),
        check(result, input) {
          if (!result.ok) {
            const e = result.error;
            switch (e.kind) {
              case 'garbage':
                ensure(e.skipped > 0, 'e.skipped > 0');
                break;
              case 'escape':
                ensure(!(e.byte === 0x01 || e.byte === 0x02), '!(e.byte === 0x01 || e.byte === 0x02)');
                break;
              case 'truncated':
                ensure(e.bytes >= 0, 'e.bytes >= 0');
                break;
              case 'too-long':
                break;
              case 'length':
                ensure(
                  e.declared === undefined ? e.actual < BX_HEADER_SIZE + 2 : e.declared !== e.actual,
                  'e.declared === undefined ? e.actual < BX_HEADER_SIZE + 2 : e.declared !== e.actual',
                );
                break;
              case 'crc':
                ensure(e.expected !== e.actual, 'e.expected !== e.actual');
                break;
              default:
                throw new Error(`untyped BX error ${JSON.stringify(e satisfies never)}`);
            }
            return 'rejected';
          }
          const { frame } = result;
          ensure(
            frame.data.length <= BX_MAX_FRAME - BX_HEADER_SIZE - 2,
            'frame.data.length <= BX_MAX_FRAME - BX_HEADER_SIZE - 2',
          );
          // The frame is an escaped run of the input between A5 and 5A, CRC and all.
          ensure(containsBytes(input, frameBxPacket(bxPacket(frame))), 'containsBytes(input, frameBxPacket(bxPacket(frame)))');
          // What the screen and the driver do with its data never throws either.
          const text = decodeTextCommand(frame.data);
          if (text.ok) ensure(text.command.lines.length === frame.data[7], 'text.command.lines.length === frame.data[7]');
          const ack = ackStatus(frame.data);
          ensure(ack === undefined || (ack >= 0 && ack <= 0xffff), 'ack === undefined || (ack >= 0 && ack <= 0xffff)');
          return { value: frame };
        },
        frames,
        markers: [Uint8Array.of(0xa5), Uint8Array.of(0x5a), Uint8Array.of(0xa6), Uint8Array.of(0x5b), Uint8Array.of(0xa6, 0x03)],
        // A5 always opens a frame: nothing before it can cost the frame that follows.
        resync: { kind: 'next' },
      },
      runs(25_000),
    );
  });

  it('BX text command and ack data', () => {
    const tally = new Tally('ledscreen BX text command');
    const line = fc.string({
      unit: fc.oneof(
        fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c)),
        fc.constantFrom(...'A0123456789号窗口 '),
      ),
      maxLength: 16,
    });
    const command = fc.record({
      width: fc.integer({ min: 0, max: 0xffff }),
      height: fc.integer({ min: 0, max: 0xffff }),
      lines: fc.array(line, { maxLength: 16 }),
    });
    type Input =
      { kind: 'valid'; command: { width: number; height: number; lines: string[] } } | { kind: 'bytes'; data: Uint8Array };
    const input: fc.Arbitrary<Input> = fc.oneof(
      fc.record({ kind: fc.constant('valid' as const), command }),
      fc.tuple(command, mutations()).map(([c, ms]) => ({ kind: 'bytes' as const, data: mutate(encodeTextCommand(c), ms) })),
      fc.record({ kind: fc.constant('bytes' as const), data: fc.uint8Array({ maxLength: 64 }) }),
    );
    fuzz(tally, runs(50_000), input, (inp) => {
      const data = inp.kind === 'valid' ? encodeTextCommand(inp.command) : inp.data;
      const result = decodeTextCommand(data);
      if (result.ok) {
        ensure(result.command.lines.length === data[7], 'result.command.lines.length === data[7]');
        if (inp.kind === 'valid') ensureEqual(result.command, inp.command, 'result.command');
        tally.decoded += 1;
      } else {
        ensure(['not-text', 'truncated'].includes(result.error.kind), "['not-text', 'truncated'] includes result.error.kind");
        ensure(inp.kind !== 'valid', "inp.kind !== 'valid'");
        tally.rejected += 1;
      }
      const ack = ackStatus(data);
      if (ack === undefined) tally.rejected += 1;
      else {
        ensureEqual(encodeAck(ack), data.subarray(0, 4), 'encodeAck(ack)');
        tally.decoded += 1;
      }
    });
  });
});

// ---------------------------------------------------------------------------------------------
// QR / barcode scanner and the transports

const scanCodeOf = (minLength: number) =>
  fc.string({
    unit: fc.oneof(
      fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_:/?=&.'),
      fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c)),
    ),
    minLength,
    maxLength: 20,
  });
const scanCode = scanCodeOf(1);

describe('fuzz: scanner', () => {
  for (const terminator of ['CR', 'LF', 'CRLF'] satisfies LineTerminator[]) {
    it(`serial line mode, ${terminator} terminator (LineSplitter)`, () => {
      const MAX = 64;
      const end =
        terminator === 'CR' ? Uint8Array.of(0x0d) : terminator === 'LF' ? Uint8Array.of(0x0a) : Uint8Array.of(0x0d, 0x0a);
      fuzzStream<LineResult, string>(
        {
          tally: new Tally(`scanner serial lines (${terminator})`),
          create: () => new LineSplitter(terminator, MAX),
          check(result, input) {
            if (!result.ok) {
              ensure(result.error.kind === 'too-long', "result.error.kind === 'too-long'");
              ensure(result.error.length > MAX, 'result.error.length > MAX');
              return 'rejected';
            }
            ensure(result.line.length > 0, 'result.line.length > 0');
            ensure(
              !result.line.includes(terminator === 'CR' ? '\r' : '\n'),
              "!(result.line.includes(terminator === 'CR' ? '\\r' : '\\n'))",
            );
            // Without replacement characters, the line is a byte run of the input.
            if (!result.line.includes('\ufffd'))
              ensure(
                containsBytes(input, Buffer.from(result.line, 'utf8')),
                "containsBytes(input, Buffer.from(result.line, 'utf8'))",
              );
            return { value: result.line };
          },
          frames: scanCode.map((code) => ({ bytes: concatBytes([Buffer.from(code, 'utf8'), end]), values: [code] })),
          markers: [
            Uint8Array.of(0x0d),
            Uint8Array.of(0x0a),
            Uint8Array.of(0x0d, 0x0a),
            Uint8Array.of(0xe5, 0x8f),
            new Uint8Array(70).fill(0x41),
          ],
          resync: { kind: 'next', separator: end },
        },
        runs(30_000),
      );
    });
  }

  it('HID POS input reports (HidPosDecoder)', () => {
    const tally = new Tally('scanner HID POS reports');
    const layout: fc.Arbitrary<HidPosLayout> = fc.record({
      reportId: byte,
      reportSize: fc.integer({ min: 6, max: 64 }),
      inputHasReportId: fc.boolean(),
    });
    const report = (l: HidPosLayout) =>
      fc.oneof(
        fc
          .tuple(scanCode, fc.constantFrom('', ']Q1', ']E0'), mutations())
          .map(([code, symbology, ms]) => buildHidPosReports(code, { symbology, layout: l }).map((r) => mutate(r, ms))),
        fc.array(fc.uint8Array({ maxLength: 70 }), { minLength: 1, maxLength: 3 }),
        fc.tuple(fc.uint8Array({ minLength: l.reportSize, maxLength: l.reportSize }), fc.boolean()).map(([body, continued]) => {
          const r = concatBytes([l.inputHasReportId ? Uint8Array.of(l.reportId) : new Uint8Array(0), body]);
          r[r.length - 1] = continued ? 0x01 : 0x00;
          return [r];
        }),
      );
    const arb = layout.chain((l) =>
      fc.tuple(
        fc.constant(l),
        fc.array(report(l), { maxLength: 6 }).map((g) => g.flat()),
        scanCode,
        fc.constantFrom('', ']Q1'),
      ),
    );
    fuzz(tally, runs(10_000), arb, ([l, garbage, code, symbology]) => {
      const decoder = new HidPosDecoder(l);
      const check = (result: HidPosResult | undefined): string | undefined => {
        if (result === undefined) return undefined;
        if (!result.ok) {
          const e = result.error;
          if (e.kind === 'other-report') ensure(e.reportId !== l.reportId, 'e.reportId !== l.reportId');
          else if (e.kind === 'bad-length') ensure(e.length >= 0, 'e.length >= 0');
          else ensure(e.kind === 'too-long', "e.kind === 'too-long'");
          tally.rejected += 1;
          return undefined;
        }
        ensure(result.scan.code.length > 0, 'result.scan.code.length > 0');
        ensure(
          Buffer.byteLength(result.scan.code, 'utf8') <= HID_POS_MAX_CODE * 3,
          "Buffer.byteLength(result.scan.code, 'utf8') <= HID_POS_MAX_CODE * 3",
        );
        ensure(/^[\x20-\x7e]{0,3}$/.test(result.scan.symbology), 'result.scan.symbology matches /^[\\x20-\\x7e]{0,3}$/');
        tally.decoded += 1;
        return result.scan.code;
      };
      for (const r of garbage) check(decoder.push(r));
      // A valid scan after garbage: the first may carry a continuation the garbage left open…
      const reports = buildHidPosReports(code, { symbology, layout: l });
      const first = reports.map((r) => check(decoder.push(r))).filter((c) => c !== undefined);
      for (const c of first) ensure(c.endsWith(code), 'c.endsWith(code)');
      // …the next one is exact.
      const second = reports.map((r) => decoder.push(r)).filter((r) => r !== undefined);
      ensureEqual(second, [{ ok: true, scan: { code, symbology } }], 'second');
      tally.decoded += 1;
    });
  });

  it('keyboard-wedge bursts (renderer wedge detector)', () => {
    const tally = new Tally('scanner keyboard wedge');
    const key = fc.oneof(
      fc.constantFrom('Enter', 'Shift', 'Backspace', 'Tab', 'ArrowLeft', 'Unidentified', '', 'Dead'),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 3 }),
    );
    const gap = fc.oneof(
      fc.integer({ min: 0, max: 40 }),
      fc.integer({ min: 36, max: 2000 }),
      fc.integer({ min: -500, max: -1 }),
      fc.constantFrom(Number.NaN, Infinity),
    );
    fuzz(tally, runs(100_000), fc.tuple(fc.array(fc.tuple(key, gap), { maxLength: 40 }), scanCodeOf(6)), ([garbage, code]) => {
      const detector = createWedgeDetector();
      let t = 1_000;
      let latest = t;
      for (const [k, dt] of garbage) {
        t += dt;
        if (Number.isFinite(t)) latest = Math.max(latest, t);
        const result = detector.feed(k, t);
        if (result !== null) {
          ensure([...result].length >= 6, '[...result].length >= 6');
          tally.decoded += 1;
        } else if (k === 'Enter') tally.rejected += 1;
        if (!Number.isFinite(t)) t = latest;
      }
      // A scanner burst after whatever came before: keys 4 ms apart, then Enter.
      let at = latest + 100;
      let scanned: string | null = null;
      for (const ch of [...code, 'Enter']) {
        at += 4;
        scanned = detector.feed(ch, at);
      }
      ensure(scanned === code, 'scanned === code');
      tally.decoded += 1;
    });
  });
});

describe('fuzz: transports', () => {
  it('HID report framing (serial-over-HID bridges)', () => {
    const tally = new Tally('transport HID report framing');
    const framing: fc.Arbitrary<HidFraming> = fc.record({
      reportId: byte,
      reportSize: fc.integer({ min: 2, max: 64 }),
      inputHasReportId: fc.boolean(),
    });
    fuzz(
      tally,
      runs(100_000),
      fc.tuple(framing, fc.uint8Array({ maxLength: 80 }), fc.uint8Array({ maxLength: 200 }), mutations()),
      ([f, random, data, ms]) => {
        const packed = packReports(data, f).map((r) => Uint8Array.from(f.inputHasReportId ? r : r.slice(1)));
        // What the bridge packs, the transport unpacks, in order.
        const payloads = packed.map((r) => unpackReport(r, f));
        ensureEqual(
          concatBytes(payloads.map((p) => (p.ok ? p.payload : Uint8Array.of(0xde, 0xad)))),
          data,
          'concatBytes(payloads.map((p) => (p.ok ? p.payload : Uint8Array.of(0xde, 0xad))))',
        );
        tally.decoded += payloads.length;
        for (const report of [random, ...packed.map((r) => mutate(r, ms))]) {
          const result = unpackReport(report, f);
          if (!result.ok) {
            ensure(
              ['wrong-report-id', 'bad-length'].includes(result.reason),
              "['wrong-report-id', 'bad-length'] includes result.reason",
            );
            tally.rejected += 1;
            continue;
          }
          const at = f.inputHasReportId ? 1 : 0;
          ensure(result.payload.length <= f.reportSize - 1, 'result.payload.length <= f.reportSize - 1');
          ensureEqual(result.payload, report.slice(at + 1, at + 1 + result.payload.length), 'result.payload');
          tally.decoded += 1;
        }
      },
    );
  });
});
