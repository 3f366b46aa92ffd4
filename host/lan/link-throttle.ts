import type { Clock } from '../clock/clock';

/**
 * How often one client address may look up printed links (a phone opening a ticket's or a case's
 * QR), by sliding window: `lookups` per minute, and, once it has tried `misses` wrong tags in ten
 * minutes, none until they age out. A phone polls its page every 15 s (4 a minute); many phones
 * behind one carrier NAT share an address, hence a generous figure. The tags (96 bits) cannot be
 * guessed anyway: the limit keeps a scanner of ids from costing the hall's host its work and logs.
 */
export interface LinkThrottlePolicy {
  lookups: number;
  misses: number;
}

export const DEFAULT_LINK_THROTTLE: LinkThrottlePolicy = { lookups: 120, misses: 20 };

const LOOKUP_WINDOW_MS = 60_000;
const MISS_WINDOW_MS = 10 * 60_000;
/** Beyond this many addresses the stale ones are swept (each holds at most its limits of times). */
const SWEEP_AT = 2000;

/** In memory on purpose, like the sign-in throttle: nothing is written to the hall's database per lookup. */
export class LinkThrottle {
  private readonly lookups = new Map<string, number[]>();
  private readonly misses = new Map<string, number[]>();

  constructor(
    private readonly clock: Clock,
    private readonly policy: LinkThrottlePolicy = DEFAULT_LINK_THROTTLE,
  ) {}

  /** Counts a lookup from `client`; false when it must wait (too many lookups, or too many wrong tags). */
  admit(client: string): boolean {
    const now = this.clock.now().getTime();
    if (this.lookups.size > SWEEP_AT) this.sweep(now);
    if (recent(this.misses.get(client), now, MISS_WINDOW_MS).length >= this.policy.misses) return false;
    const times = recent(this.lookups.get(client), now, LOOKUP_WINDOW_MS);
    if (times.length >= this.policy.lookups) {
      this.lookups.set(client, times);
      return false;
    }
    times.push(now);
    this.lookups.set(client, times);
    return true;
  }

  /** A wrong tag (or an unknown id) from `client`. */
  miss(client: string): void {
    const now = this.clock.now().getTime();
    const times = recent(this.misses.get(client), now, MISS_WINDOW_MS);
    times.push(now);
    this.misses.set(client, times);
  }

  private sweep(now: number): void {
    for (const [map, windowMs] of [
      [this.lookups, LOOKUP_WINDOW_MS],
      [this.misses, MISS_WINDOW_MS],
    ] as const) {
      for (const [client, times] of map) if (recent(times, now, windowMs).length === 0) map.delete(client);
    }
  }
}

function recent(times: readonly number[] | undefined, now: number, windowMs: number): number[] {
  return (times ?? []).filter((t) => now - t < windowMs);
}
