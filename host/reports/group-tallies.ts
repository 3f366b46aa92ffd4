import type { Durations, ReportFigures } from '../../contracts/reports';
import type { EvaluationLevel } from '../../contracts/central-api';

const LEVELS: readonly EvaluationLevel[] = ['very_satisfied', 'satisfied', 'basic', 'dissatisfied', 'very_dissatisfied'];
const LEVEL_INDEX: Readonly<Record<EvaluationLevel, number>> = {
  very_satisfied: 0,
  satisfied: 1,
  basic: 2,
  dissatisfied: 3,
  very_dissatisfied: 4,
};
/** Longer than any wait or service (24 days): keeps value × index packing exact in a double. */
const MAX_MS = 2 ** 31 - 1;

/** Percent with one decimal; null when there is nothing to divide by. */
export function percent(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 1000) / 10;
}

/** A rating as the tallies need it, its 差评 follow-up already judged. */
export interface RatedFacts {
  level: EvaluationLevel;
  overturned: boolean;
  /** A 差评 (callback required) that was not overturned. */
  bad: boolean;
  due: boolean;
  onTime: boolean;
}

/**
 * Durations (waits or service times) of many groups at once, for exact nearest-rank medians and
 * 90th percentiles without sorting each group: every value is added once with the groups it
 * counts for, all values are sorted once (value and entry packed into one double, so a typed
 * array sorts them natively), and one walk in order finds each group's ranks. A year is ~80,000
 * values counting for four groups each; sorting each group's own list cost eight sorts of that size.
 */
class DurationColumn {
  /** Typed and grown by doubling: a year's ~80,000 pushes onto plain arrays cost more than the sort. */
  private values = new Float64Array(1024);
  /** Up to four group indexes per value (-1: none). */
  private groups = new Int32Array(4096);
  private length = 0;
  private readonly count: Int32Array;
  private readonly sum: Float64Array;
  private readonly max: Float64Array;

  constructor(private readonly size: number) {
    this.count = new Int32Array(size);
    this.sum = new Float64Array(size);
    this.max = new Float64Array(size);
  }

  add(ms: number, a: number, b: number, c: number, d: number): void {
    const v = Math.min(MAX_MS, Math.max(0, ms));
    if (this.length === this.values.length) this.grow();
    const at = this.length++;
    this.values[at] = v;
    const g = this.groups;
    g[at * 4] = a;
    g[at * 4 + 1] = b;
    g[at * 4 + 2] = c;
    g[at * 4 + 3] = d;
    this.count1(a, v);
    this.count1(b, v);
    this.count1(c, v);
    this.count1(d, v);
  }

  private grow(): void {
    const values = new Float64Array(this.values.length * 2);
    values.set(this.values);
    this.values = values;
    const groups = new Int32Array(this.groups.length * 2);
    groups.set(this.groups);
    this.groups = groups;
  }

  private count1(g: number, v: number): void {
    if (g < 0) return;
    this.count[g] = (this.count[g] ?? 0) + 1;
    this.sum[g] = (this.sum[g] ?? 0) + v;
    if (v > (this.max[g] ?? 0)) this.max[g] = v;
  }

  n(g: number): number {
    return this.count[g] ?? 0;
  }

  /** Every group's durations, in seconds. */
  summarize(): Durations[] {
    const n = this.length;
    let scale = 1;
    while (scale <= n) scale *= 2;
    const packed = new Float64Array(n);
    for (let k = 0; k < n; k++) packed[k] = (this.values[k] ?? 0) * scale + k;
    packed.sort();
    const rank50 = Int32Array.from(this.count, (c) => Math.max(1, Math.ceil(c * 0.5)));
    const rank90 = Int32Array.from(this.count, (c) => Math.max(1, Math.ceil(c * 0.9)));
    const seen = new Int32Array(this.size);
    const median = new Float64Array(this.size);
    const p90 = new Float64Array(this.size);
    const groups = this.groups;
    const visit = (g: number, value: number) => {
      if (g < 0) return;
      const s = (seen[g] = (seen[g] ?? 0) + 1);
      if (s === rank50[g]) median[g] = value;
      if (s === rank90[g]) p90[g] = value;
    };
    for (const x of packed) {
      const value = Math.floor(x / scale);
      const at = (x - value * scale) * 4;
      visit(groups[at] ?? -1, value);
      visit(groups[at + 1] ?? -1, value);
      visit(groups[at + 2] ?? -1, value);
      visit(groups[at + 3] ?? -1, value);
    }
    const seconds = (ms: number) => Math.round(ms / 1000);
    return Array.from({ length: this.size }, (_, g) => {
      const c = this.count[g] ?? 0;
      if (c === 0) return { avg: null, median: null, p90: null, max: null };
      return {
        avg: seconds((this.sum[g] ?? 0) / c),
        median: seconds(median[g] ?? 0),
        p90: seconds(p90[g] ?? 0),
        max: seconds(this.max[g] ?? 0),
      };
    });
  }
}

/**
 * The running totals of every group of a report (the hall, each service, window and staff
 * member), as columns indexed by group: a ticket or rating adds to up to four groups at once.
 */
export class GroupTallies {
  private readonly issued: Int32Array;
  private readonly served: Int32Array;
  private readonly noShow: Int32Array;
  private readonly cancelled: Int32Array;
  private readonly open: Int32Array;
  private readonly transfers: Int32Array;
  private readonly withinTarget: Int32Array;
  private readonly ratings: Int32Array;
  private readonly rated: Int32Array;
  /** Ratings that count in the satisfaction rate (all but overturned 差评), and those at 'satisfied' or above. */
  private readonly rateBase: Int32Array;
  private readonly satisfied: Int32Array;
  private readonly badReviews: Int32Array;
  private readonly overturned: Int32Array;
  private readonly rectificationDue: Int32Array;
  private readonly rectifiedOnTime: Int32Array;
  private readonly waits: DurationColumn;
  private readonly services: DurationColumn;

  constructor(readonly size: number) {
    const counts = () => new Int32Array(size);
    this.issued = counts();
    this.served = counts();
    this.noShow = counts();
    this.cancelled = counts();
    this.open = counts();
    this.transfers = counts();
    this.withinTarget = counts();
    this.ratings = new Int32Array(size * LEVELS.length);
    this.rated = counts();
    this.rateBase = counts();
    this.satisfied = counts();
    this.badReviews = counts();
    this.overturned = counts();
    this.rectificationDue = counts();
    this.rectifiedOnTime = counts();
    this.waits = new DurationColumn(size);
    this.services = new DurationColumn(size);
  }

  /**
   * A ticket for groups a–d (-1: none; four arguments rather than an array: a year is ~80,000
   * calls): its status, its wait (null: never called) and service time (null: not served).
   */
  ticket(
    a: number,
    b: number,
    c: number,
    d: number,
    status: 'finished' | 'no_show' | 'cancelled' | 'open',
    waitMs: number | null,
    serviceMs: number | null,
    targetMs: number,
  ): void {
    const column =
      status === 'finished'
        ? this.served
        : status === 'no_show'
          ? this.noShow
          : status === 'cancelled'
            ? this.cancelled
            : this.open;
    const inTarget = waitMs !== null && waitMs <= targetMs;
    this.count1(a, column, inTarget);
    this.count1(b, column, inTarget);
    this.count1(c, column, inTarget);
    this.count1(d, column, inTarget);
    if (waitMs !== null) this.waits.add(waitMs, a, b, c, d);
    if (serviceMs !== null) this.services.add(serviceMs, a, b, c, d);
  }

  private count1(g: number, column: Int32Array, inTarget: boolean): void {
    if (g < 0) return;
    this.issued[g] = (this.issued[g] ?? 0) + 1;
    column[g] = (column[g] ?? 0) + 1;
    if (inTarget) this.withinTarget[g] = (this.withinTarget[g] ?? 0) + 1;
  }

  transfer(groups: readonly number[]): void {
    for (const g of groups) if (g >= 0) this.transfers[g] = (this.transfers[g] ?? 0) + 1;
  }

  rating(groups: readonly number[], r: RatedFacts): void {
    for (const g of groups) {
      if (g < 0) continue;
      const cell = g * LEVELS.length + LEVEL_INDEX[r.level];
      this.ratings[cell] = (this.ratings[cell] ?? 0) + 1;
      this.rated[g] = (this.rated[g] ?? 0) + 1;
      if (r.overturned) {
        this.overturned[g] = (this.overturned[g] ?? 0) + 1;
        continue;
      }
      this.rateBase[g] = (this.rateBase[g] ?? 0) + 1;
      if (r.level === 'very_satisfied' || r.level === 'satisfied') this.satisfied[g] = (this.satisfied[g] ?? 0) + 1;
      if (!r.bad) continue;
      this.badReviews[g] = (this.badReviews[g] ?? 0) + 1;
      if (r.due) this.rectificationDue[g] = (this.rectificationDue[g] ?? 0) + 1;
      if (r.onTime) this.rectifiedOnTime[g] = (this.rectifiedOnTime[g] ?? 0) + 1;
    }
  }

  /** Anything to show: a retired service or window, or a staff member, without any is left out. */
  any(g: number): boolean {
    return (this.issued[g] ?? 0) + (this.transfers[g] ?? 0) + (this.rated[g] ?? 0) > 0;
  }

  /** Every group's figures, by group index. */
  figures(): ReportFigures[] {
    const waits = this.waits.summarize();
    const services = this.services.summarize();
    const none: Durations = { avg: null, median: null, p90: null, max: null };
    return Array.from({ length: this.size }, (_, g) => {
      const at = (column: Int32Array) => column[g] ?? 0;
      const level = (i: number) => this.ratings[g * LEVELS.length + i] ?? 0;
      const called = this.waits.n(g);
      return {
        issued: at(this.issued),
        served: at(this.served),
        noShow: at(this.noShow),
        cancelled: at(this.cancelled),
        open: at(this.open),
        noShowPct: percent(at(this.noShow), at(this.served) + at(this.noShow)),
        transfers: at(this.transfers),
        called,
        wait: waits[g] ?? none,
        service: services[g] ?? none,
        serviceLevelPct: percent(at(this.withinTarget), called),
        ratings: {
          very_satisfied: level(0),
          satisfied: level(1),
          basic: level(2),
          dissatisfied: level(3),
          very_dissatisfied: level(4),
        },
        rated: at(this.rated),
        satisfactionPct: percent(at(this.satisfied), at(this.rateBase)),
        badReviews: at(this.badReviews),
        overturned: at(this.overturned),
        rectificationDue: at(this.rectificationDue),
        rectifiedOnTime: at(this.rectifiedOnTime),
        onTimeRectificationPct: percent(at(this.rectifiedOnTime), at(this.rectificationDue)),
      };
    });
  }
}
