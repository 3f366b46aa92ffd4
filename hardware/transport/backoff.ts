/**
 * Reopening a device that went away: attempts spaced by exponential backoff
 * (initial, ×factor, capped), so a replugged reader is back within about two
 * seconds while an absent one costs a few opens per second at most.
 */
export interface BackoffOptions {
  /** Delay before the first retry. Default 100 ms. */
  initialDelayMs?: number;
  /** Growth per failed attempt. Default 2. */
  factor?: number;
  /** Ceiling for the delay. Default 1000 ms. */
  maxDelayMs?: number;
}

/** Delay before retry number `attempt` (0-based). */
export function backoffDelay(attempt: number, options: BackoffOptions = {}): number {
  const initial = Math.max(0, options.initialDelayMs ?? 100);
  const factor = Math.max(1, options.factor ?? 2);
  const max = Math.max(initial, options.maxDelayMs ?? 1000);
  return Math.min(max, initial * factor ** attempt);
}

/**
 * Runs `attempt` until it reports success, waiting the backoff delay before
 * each try. One timer at most is pending, and `cancel()` clears it.
 */
export class Reconnector {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private attempts = 0;
  private running = false;

  constructor(
    /** Resolves true once connected; false (or a rejection) means try again later. */
    private readonly attempt: () => Promise<boolean>,
    private readonly options: BackoffOptions = {},
  ) {}

  get active(): boolean {
    return this.running;
  }

  /** Starts retrying unless already doing so. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.attempts = 0;
    this.scheduleNext();
  }

  cancel(): void {
    this.running = false;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private scheduleNext(): void {
    const delay = backoffDelay(this.attempts, this.options);
    this.attempts += 1;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.attempt()
        .catch(() => false)
        .then((connected) => {
          if (!this.running) return;
          if (connected) this.running = false;
          else this.scheduleNext();
        });
    }, delay);
  }
}
