/**
 * Expected wait for a citizen: people ahead × typical service time ÷ open windows.
 *
 * The typical service time of each service is an exponentially weighted moving
 * average (EWMA) of observed service times, so the estimate follows the day
 * (a slow afternoon, a new staff member) without keeping a history. A service
 * with no observation yet uses a prior (5 minutes), which is what a hall plans
 * with before it has data.
 */

export interface WaitEstimatorOptions {
  /** Weight of the newest observation, 0 < alpha ≤ 1. Default 0.3. */
  alpha?: number;
  /** Service time assumed until a service has data, in seconds. Default 300. */
  priorSeconds?: number;
  /**
   * Observations longer than this are dropped, not averaged: a ticket left
   * open over lunch is a forgotten "finish", not a slow citizen. Default 2 h.
   */
  maxSampleSeconds?: number;
}

/** One finished ticket: the service it was finished in and how long serving took. */
export interface ServiceTimeSample {
  serviceCode: string;
  serviceSeconds: number;
}

export class WaitEstimator {
  readonly alpha: number;
  readonly priorSeconds: number;
  readonly maxSampleSeconds: number;
  private readonly averages = new Map<string, number>();

  constructor(options: WaitEstimatorOptions = {}) {
    this.alpha = options.alpha ?? 0.3;
    this.priorSeconds = options.priorSeconds ?? 300;
    this.maxSampleSeconds = options.maxSampleSeconds ?? 2 * 3600;
    if (!(this.alpha > 0 && this.alpha <= 1)) throw new RangeError(`alpha must be in (0, 1], got ${this.alpha}`);
    if (!(this.priorSeconds >= 0)) throw new RangeError(`priorSeconds must be ≥ 0, got ${this.priorSeconds}`);
  }

  /**
   * Folds one service time into the service's average. The first observation
   * replaces the prior outright: the prior is a stand-in for missing data, not
   * evidence to be weighed against real data. Returns whether it was used.
   */
  observe(serviceCode: string, serviceSeconds: number): boolean {
    if (!Number.isFinite(serviceSeconds) || serviceSeconds < 0 || serviceSeconds > this.maxSampleSeconds) return false;
    const previous = this.averages.get(serviceCode);
    this.averages.set(
      serviceCode,
      previous === undefined ? serviceSeconds : this.alpha * serviceSeconds + (1 - this.alpha) * previous,
    );
    return true;
  }

  /** Warms up from recent finished tickets (oldest first), e.g. at boot. */
  seedFrom(rows: Iterable<ServiceTimeSample>): void {
    for (const row of rows) this.observe(row.serviceCode, row.serviceSeconds);
  }

  /** The current average service time of a service, in seconds (the prior until it has data). */
  averageSeconds(serviceCode: string): number {
    return this.averages.get(serviceCode) ?? this.priorSeconds;
  }

  /** Whether the service has at least one observation. */
  hasData(serviceCode: string): boolean {
    return this.averages.has(serviceCode);
  }

  /**
   * Expected wait in whole seconds. With no window open the wait is still
   * estimated as if one were (max(1, windows)): the kiosk shows a number, and
   * "closed" is told by the opening hours, not by this estimate.
   */
  estimateSeconds(serviceCode: string, peopleAhead: number, openWindows: number): number {
    const ahead = Math.max(0, peopleAhead);
    return Math.round((ahead * this.averageSeconds(serviceCode)) / Math.max(1, openWindows));
  }
}
