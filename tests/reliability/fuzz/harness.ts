/**
 * Shared machinery of the fuzz files: the seed and run counts, byte mutations and chunking,
 * the one-line report per target, and a watchdog that turns a hung decoder into a loud failure.
 *
 * The seed is fixed (printed on every line) so that every run tries the same inputs; FUZZ_SEED
 * (or RELIABILITY_SEED) picks another. FUZZ_SCALE multiplies every run count (0.1 for a quick
 * look, 10 for a long soak).
 */
import fc from 'fast-check';
import { Worker } from 'node:worker_threads';
import { concatBytes } from '../../../hardware/printer/escpos';

function numberFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, got ${raw}`);
  return value;
}

/** FUZZ_SEED, else RELIABILITY_SEED (the other reliability tests' replay variable), else a fixed seed. */
export const FUZZ_SEED = Math.trunc(numberFromEnv('FUZZ_SEED', numberFromEnv('RELIABILITY_SEED', 20_261_127)));
const FUZZ_SCALE = numberFromEnv('FUZZ_SCALE', 1);

/** `n` scaled by FUZZ_SCALE (at least 10). */
export function runs(n: number): number {
  return Math.max(10, Math.round(n * FUZZ_SCALE));
}

/** What one fuzz target saw: runs, inputs refused with the decoder's typed error, values decoded. */
export class Tally {
  runs = 0;
  rejected = 0;
  decoded = 0;

  constructor(readonly name: string) {}

  line(): string {
    return `fuzz ${this.name}: ${this.runs} runs, ${this.rejected} rejected as typed errors, ${this.decoded} decoded, seed ${FUZZ_SEED}`;
  }
}

export function repeat(bytes: Uint8Array, times: number): Uint8Array {
  return concatBytes(Array.from({ length: times }, () => bytes));
}

/** True when `needle` occurs as a contiguous run in `haystack`. */
export function containsBytes(haystack: Uint8Array, needle: Uint8Array): boolean {
  return Buffer.from(haystack.buffer, haystack.byteOffset, haystack.byteLength).indexOf(Buffer.from(needle)) >= 0;
}

/** Splits `bytes` at the given cut points (shared with the decoders' property tests). */
export { chunkAt } from '../../support/bytes';

/** One change to a byte string: what a noisy line, a lost byte or a repeated burst does. */
export type Mutation =
  | { op: 'flip'; at: number; mask: number }
  | { op: 'set'; at: number; value: number }
  | { op: 'insert'; at: number; bytes: Uint8Array }
  | { op: 'delete'; at: number; length: number }
  | { op: 'duplicate'; from: number; length: number; to: number }
  | { op: 'truncate'; at: number };

/** Mutations; `markers` are protocol bytes worth inserting (preambles, end bytes, escapes). */
export function mutations(markers: readonly Uint8Array[] = []): fc.Arbitrary<Mutation[]> {
  const inserted =
    markers.length === 0
      ? fc.uint8Array({ minLength: 1, maxLength: 16 })
      : fc.oneof(fc.uint8Array({ minLength: 1, maxLength: 16 }), fc.constantFrom(...markers));
  const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    fc.record({ op: fc.constant('flip' as const), at: fc.nat(), mask: fc.integer({ min: 1, max: 255 }) }),
    fc.record({ op: fc.constant('set' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
    fc.record({ op: fc.constant('insert' as const), at: fc.nat(), bytes: inserted }),
    fc.record({ op: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 8 }) }),
    fc.record({ op: fc.constant('duplicate' as const), from: fc.nat(), length: fc.integer({ min: 1, max: 64 }), to: fc.nat() }),
    fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
  );
  return fc.array(mutation, { minLength: 1, maxLength: 4 });
}

export function mutate(input: Uint8Array, ms: readonly Mutation[]): Uint8Array {
  let bytes = input;
  for (const m of ms) bytes = mutateOnce(bytes, m);
  return bytes;
}

function mutateOnce(input: Uint8Array, m: Mutation): Uint8Array {
  const n = input.length;
  switch (m.op) {
    case 'flip':
    case 'set': {
      if (n === 0) return input;
      const out = Uint8Array.from(input);
      const at = m.at % n;
      out[at] = m.op === 'flip' ? (out[at] ?? 0) ^ m.mask : m.value;
      return out;
    }
    case 'insert': {
      const at = m.at % (n + 1);
      return concatBytes([input.subarray(0, at), m.bytes, input.subarray(at)]);
    }
    case 'delete': {
      if (n === 0) return input;
      const at = m.at % n;
      return concatBytes([input.subarray(0, at), input.subarray(at + m.length)]);
    }
    case 'duplicate': {
      if (n === 0) return input;
      const from = m.from % n;
      const part = input.subarray(from, from + m.length);
      const to = m.to % (n + 1);
      return concatBytes([input.subarray(0, to), part, input.subarray(to)]);
    }
    case 'truncate':
      return input.subarray(0, m.at % (n + 1));
  }
}

/**
 * A watchdog thread: the fuzz loop beats once per input; if no beat comes for `limitMs`, the
 * watchdog names the target and run, then kills the test process (a synchronous endless loop
 * cannot be interrupted any other way, and vitest's timeout never fires while it spins).
 */
export class Watchdog {
  private readonly beats = new Int32Array(new SharedArrayBuffer(4));
  private readonly worker: Worker;

  constructor(limitMs = 60_000) {
    this.worker = new Worker(
      `
      const { parentPort, workerData } = require('node:worker_threads');
      const { writeSync } = require('node:fs');
      const { beats, limitMs } = workerData;
      let label = '';
      let last = Atomics.load(beats, 0);
      let quietSince = Date.now();
      parentPort.on('message', (m) => { label = m; quietSince = Date.now(); });
      setInterval(() => {
        const now = Atomics.load(beats, 0);
        if (now !== last) { last = now; quietSince = Date.now(); return; }
        if (label !== '' && Date.now() - quietSince > limitMs) {
          writeSync(2, '\\nfuzz watchdog: ' + label + ' made no progress for ' + limitMs / 1000 + ' s after input #' + now + ': a decoder hangs\\n');
          process.kill(process.pid, 'SIGKILL');
        }
      }, 1000);
      `,
      { eval: true, workerData: { beats: this.beats, limitMs } },
    );
    this.worker.unref();
  }

  /** Names what runs now (shown if it hangs); '' while nothing is being fuzzed. */
  watch(label: string): void {
    this.worker.postMessage(label);
  }

  beat(): void {
    Atomics.add(this.beats, 0, 1);
  }

  async stop(): Promise<void> {
    await this.worker.terminate();
  }
}
