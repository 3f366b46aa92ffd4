import type { BreakerState } from '../../contracts/sync';
import type { Clock } from '../clock/clock';

export interface BreakerOptions {
  /** Consecutive retryable failures that open the breaker. */
  failureThreshold: number;
  /** How long an open breaker leaves the central API alone before one probe. */
  openMs: number;
}

export const defaultBreaker: BreakerOptions = { failureThreshold: 5, openMs: 30_000 };

/**
 * A circuit breaker over calls to the central API. While the API is down every entry would
 * fail anyway; the breaker stops the hall from sending (and timing out) a whole backlog
 * against it, and lets a single probe find out when it is back. Time comes from the injected
 * clock, so there are no timers to fake.
 */
export class CircuitBreaker {
  private failures = 0;
  private openedAt: number | undefined;
  /** When it first opened since the central API last answered (a failed probe opens it again, not anew). */
  private firstOpenedAt: number | undefined;
  private probing = false;

  constructor(
    private readonly options: BreakerOptions,
    private readonly clock: Clock,
  ) {}

  /** Since when the breaker has not been closed (open or probing), or undefined while it is closed. */
  get openSince(): Date | undefined {
    return this.firstOpenedAt === undefined ? undefined : new Date(this.firstOpenedAt);
  }

  get state(): BreakerState {
    if (this.openedAt === undefined) return 'closed';
    if (this.probing || this.clock.now().getTime() - this.openedAt >= this.options.openMs) return 'half-open';
    return 'open';
  }

  /**
   * Whether a call may go out now. In half-open state the first caller gets the probe and
   * everyone else waits for its outcome.
   */
  tryAcquire(): boolean {
    const state = this.state;
    if (state === 'closed') return true;
    if (state === 'open' || this.probing) return false;
    this.probing = true;
    return true;
  }

  /** The central API answered (a permanent refusal is an answer too). */
  onSuccess(): void {
    this.failures = 0;
    this.openedAt = undefined;
    this.firstOpenedAt = undefined;
    this.probing = false;
  }

  /** The call failed in a way worth retrying: unreachable, timed out, overloaded. */
  onFailure(): void {
    this.failures += 1;
    if (this.probing || this.failures >= this.options.failureThreshold) {
      this.openedAt = this.clock.now().getTime();
      this.firstOpenedAt ??= this.openedAt;
    }
    this.probing = false;
  }

  /** Milliseconds until an open breaker lets a probe out (0 when it would now). */
  msUntilProbe(): number {
    if (this.openedAt === undefined) return 0;
    return Math.max(0, this.openedAt + this.options.openMs - this.clock.now().getTime());
  }
}
