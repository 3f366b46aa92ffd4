import type { FaultConfig, FaultState } from '../../contracts/central-api';

/**
 * Fault injection for tests and demos: added latency before or after the handler, requests
 * failed, reset or left hanging before they do anything, submissions committed but never
 * answered, and writes delivered twice. With a seed the draws come from a
 * small deterministic generator, so a test or a demo script sees the same faults every run.
 */
export class FaultInjector {
  private state: FaultState = { latencyMs: 0, failRate: 0, dropResponseAfterCommitRate: 0 };
  private random: () => number = Math.random;

  constructor(initial: FaultConfig = {}) {
    this.configure(initial);
  }

  /** Changes the fields given, keeps the rest; a seed restarts the deterministic sequence. */
  configure(change: FaultConfig): FaultState {
    const { seed, ...rates } = change;
    this.state = { ...this.state, ...stripUndefined(rates) };
    if (seed !== undefined) {
      this.state.seed = seed;
      this.random = seededRandom(seed);
    }
    return this.current();
  }

  current(): FaultState {
    return { ...this.state };
  }

  get latencyMs(): number {
    return this.state.latencyMs;
  }

  get slowMs(): number {
    return this.state.slowMs ?? 0;
  }

  shouldFail(): boolean {
    return this.draw(this.state.failRate);
  }

  shouldDropAfterCommit(): boolean {
    return this.draw(this.state.dropResponseAfterCommitRate);
  }

  shouldTimeout(): boolean {
    return this.draw(this.state.timeoutRate ?? 0);
  }

  shouldReset(): boolean {
    return this.draw(this.state.resetRate ?? 0);
  }

  shouldDuplicate(): boolean {
    return this.draw(this.state.duplicateResponseRate ?? 0);
  }

  // A rate of 0 draws nothing, so turning one fault on does not shift another's sequence.
  private draw(rate: number): boolean {
    if (rate <= 0) return false;
    return this.random() < rate;
  }
}

function stripUndefined<T extends object>(value: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };
}

/**
 * A 32-bit xorshift generator (Marsaglia's 13/17/5 shifts) mapped to [0, 1). Statistical
 * quality is irrelevant here; repeatability is the point.
 */
function seededRandom(seed: number): () => number {
  // xorshift never leaves 0, so fold the seed into a non-zero 32-bit state.
  let x = (seed ^ 0x9e3779b9) >>> 0 || 0x9e3779b9;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 0x1_0000_0000;
  };
}
