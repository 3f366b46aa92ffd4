import type { Clock } from '../clock/clock';

/**
 * How many failed sign-ins a sliding window admits. Three windows, each counted separately:
 * - per client and staff number: a clerk mistyping at their own counter (5, as the old lockout);
 * - per client: one machine guessing across many staff numbers (10);
 * - overall: many machines guessing together (60). When this one is full every sign-in waits,
 *   a clerk's too: the price of bounding what a fleet of paired machines can guess.
 * Keys are the staff number as typed, never the account, so an unknown number counts and is
 * answered exactly as a real one.
 */
export interface ThrottlePolicy {
  perStaffNoAndClient: number;
  perClient: number;
  overall: number;
  windowMinutes: number;
}

export const DEFAULT_THROTTLE: ThrottlePolicy = { perStaffNoAndClient: 5, perClient: 10, overall: 60, windowMinutes: 15 };

/** One counted attempt in one window; `settled` once its PIN was found wrong. */
interface Entry {
  readonly at: number;
  settled: boolean;
}

/** A reserved attempt: counted as a failure in each window until it proves otherwise. */
export interface Attempt {
  readonly entries: readonly { readonly key: string; readonly entry: Entry }[];
}

/** Which window refused or filled up, for the audit row. */
export type ThrottleLimit = 'staff_no_and_client' | 'client' | 'overall';

export type Reservation = { attempt: Attempt } | { refused: ThrottleLimit; retryAt: Date };

const OVERALL = 'overall';
/** Beyond this many keys the stale ones are swept (each key holds at most its limit of times). */
const SWEEP_AT = 1000;

/**
 * Failed sign-ins in memory, by sliding window. An attempt is reserved (counted) before the
 * slow PIN check, so parallel guesses cannot slip past a limit while the first ones hash; a
 * success takes its reservation back and clears that client's count for that staff number.
 * In memory on purpose: a restart forgets the counts, which only an administrator at the
 * machine can cause, and the hall's database is not written at every guess.
 */
export class SignInThrottle {
  private readonly failures = new Map<string, Entry[]>();

  constructor(
    private readonly clock: Clock,
    private readonly policy: ThrottlePolicy = DEFAULT_THROTTLE,
  ) {}

  reserve(client: string, staffNo: string): Reservation {
    const now = this.clock.now().getTime();
    if (this.failures.size > SWEEP_AT) this.sweep(now);
    const windows = this.windowsOf(client, staffNo);
    for (const w of windows) {
      const times = this.live(w.key, now);
      if (times.length >= w.limit) return { refused: w.name, retryAt: this.freeAt(times) };
    }
    const entries = windows.map((w) => {
      const entry: Entry = { at: now, settled: false };
      this.live(w.key, now).push(entry);
      return { key: w.key, entry };
    });
    return { attempt: { entries } };
  }

  /**
   * The PIN was wrong: the attempt stays counted. Returns when this client may try this staff
   * number again if this failure filled its window (the answer is then 429 rather than 401);
   * attempts still hashing in parallel do not count towards it, so exactly the failure that
   * fills the window says so.
   */
  failed(attempt: Attempt): Date | null {
    for (const { entry } of attempt.entries) entry.settled = true;
    const own = attempt.entries[0];
    const times = own === undefined ? [] : (this.failures.get(own.key) ?? []);
    return times.filter((e) => e.settled).length >= this.policy.perStaffNoAndClient ? this.freeAt(times) : null;
  }

  /** The PIN was right: the attempt was no failure, and this client's count for this staff number starts over. */
  succeeded(attempt: Attempt): void {
    const [own, ...shared] = attempt.entries;
    if (own !== undefined) this.failures.delete(own.key);
    for (const { key, entry } of shared) {
      const times = this.failures.get(key);
      const i = times?.indexOf(entry) ?? -1;
      if (times && i >= 0) times.splice(i, 1);
    }
  }

  /** A supervisor gave this staff number a new PIN: its owner may try at once, wherever they failed before. */
  forget(staffNo: string): void {
    for (const key of [...this.failures.keys()])
      if (key.startsWith('staff:') && key.endsWith(`\u0000${staffNo}`)) this.failures.delete(key);
  }

  private windowsOf(client: string, staffNo: string): { key: string; limit: number; name: ThrottleLimit }[] {
    return [
      { key: `staff:${client}\u0000${staffNo}`, limit: this.policy.perStaffNoAndClient, name: 'staff_no_and_client' },
      { key: `client:${client}`, limit: this.policy.perClient, name: 'client' },
      { key: OVERALL, limit: this.policy.overall, name: 'overall' },
    ];
  }

  /** The attempts of `key` still inside the window (the stored list, pruned). */
  private live(key: string, now: number): Entry[] {
    const since = now - this.policy.windowMinutes * 60_000;
    const times = (this.failures.get(key) ?? []).filter((e) => e.at > since);
    this.failures.set(key, times);
    return times;
  }

  /** When the oldest failure leaves the window and an attempt is admitted again. */
  private freeAt(times: readonly Entry[]): Date {
    return new Date((times[0]?.at ?? this.clock.now().getTime()) + this.policy.windowMinutes * 60_000);
  }

  private sweep(now: number): void {
    for (const key of [...this.failures.keys()]) if (this.live(key, now).length === 0) this.failures.delete(key);
  }
}
