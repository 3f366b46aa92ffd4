export interface BackoffOptions {
  /** Ceiling of the first retry's delay. */
  baseMs: number;
  /** Ceiling of any delay. */
  maxMs: number;
}

export const defaultBackoff: BackoffOptions = { baseMs: 1_000, maxMs: 5 * 60_000 };

/**
 * "Full jitter": a uniform draw between 0 and the exponential ceiling base·2^(n-1).
 * Spreading retries over the whole interval keeps many halls (or many entries of one hall)
 * from hammering a central API that just came back all at the same moment.
 *
 * @param failures failed attempts so far (1 for the first retry)
 * @param random a source in [0, 1); injected so tests pin the draw
 */
export function retryDelay(failures: number, options: BackoffOptions, random: () => number): number {
  const exponent = Math.max(0, Math.min(failures - 1, 30)); // 2^30 already exceeds any sane maxMs
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** exponent);
  return Math.floor(random() * ceiling);
}
