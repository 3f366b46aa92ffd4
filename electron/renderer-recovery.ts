import { backoffDelay } from './backoff';

export type RecoveryAction = { action: 'reload'; delayMs: number } | { action: 'out-of-service'; retryInMs: number };

/**
 * What to do when the page's renderer process is gone (crash, OOM, killed): reload it, waiting
 * a little longer each time (1 s, 2 s, 4 s …); after `cap` losses within `windowMs`, show the
 * out-of-service page instead and try again after `retryMs`, so a page that crashes on load
 * does not flash forever in front of a citizen.
 */
export class RendererRecovery {
  private losses: number[] = [];

  constructor(
    private readonly o: { cap?: number; windowMs?: number; retryMs?: number; backoff?: { baseMs: number; maxMs: number } } = {},
  ) {}

  gone(now: number): RecoveryAction {
    const windowMs = this.o.windowMs ?? 10 * 60_000;
    this.losses = [...this.losses.filter((t) => now - t < windowMs), now];
    if (this.losses.length > (this.o.cap ?? 5)) {
      // The retry starts a fresh count: the page gets its full series of reloads again.
      this.losses = [];
      return { action: 'out-of-service', retryInMs: this.o.retryMs ?? 5 * 60_000 };
    }
    return { action: 'reload', delayMs: backoffDelay(this.losses.length, this.o.backoff ?? { baseMs: 1_000, maxMs: 30_000 }) };
  }
}
