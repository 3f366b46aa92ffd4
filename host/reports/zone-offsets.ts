import { localClock } from '../queue/schedule';

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
/** Zones change their offset a few times a year at most, months apart: never twice within a day. */
const SAMPLE_MS = 24 * HOUR_MS;

/** The zone's offset from UTC at an instant (east positive), read with Intl. */
function offsetAt(ms: number, timeZone: string): number {
  const clock = localClock(new Date(ms), timeZone);
  const [y = 1970, m = 1, d = 1] = clock.date.split('-').map(Number);
  return Date.UTC(y, m - 1, d) + clock.minutes * MINUTE_MS - Math.floor(ms / MINUTE_MS) * MINUTE_MS;
}

/**
 * The hall's wall clock over a span of instants, for tens of thousands of rows: the zone's
 * offsets are read with Intl a few hundred times (once a day, and by bisection around each
 * change), then every instant is one lookup and an addition. Reading each ticket's hour with
 * Intl cost ~4 µs a row, 300 ms for a year of tickets; this costs ~400 Intl calls for a year.
 * Exact in every zone (offsets that are not whole hours, DST), like host/queue/schedule.ts.
 */
export class ZoneOffsets {
  /** Offset changes in the span: from `at` on, `offset` applies. Sorted by `at`; the first is the span's start. */
  private readonly changes: { at: number; offset: number }[];

  constructor(timeZone: string, startMs: number, endMs: number) {
    let previous = offsetAt(startMs, timeZone);
    this.changes = [{ at: Number.NEGATIVE_INFINITY, offset: previous }];
    for (let t = startMs + SAMPLE_MS; t < endMs + SAMPLE_MS; t += SAMPLE_MS) {
      const offset = offsetAt(t, timeZone);
      if (offset === previous) continue;
      // The first minute on the new offset, by bisection between the two samples.
      let lo = t - SAMPLE_MS;
      let hi = t;
      while (hi - lo > MINUTE_MS) {
        const mid = lo + Math.floor((hi - lo) / 2 / MINUTE_MS) * MINUTE_MS;
        if (offsetAt(mid, timeZone) === offset) hi = mid;
        else lo = mid;
      }
      this.changes.push({ at: hi, offset });
      previous = offset;
    }
  }

  /** Milliseconds of the hall's wall clock since 1970-01-01T00:00 wall time. */
  wallMs(ms: number): number {
    let offset = 0;
    for (const change of this.changes) {
      if (change.at > ms) break;
      offset = change.offset;
    }
    return ms + offset;
  }

  /** The hall-local hour (0–23) of an instant. */
  hour(ms: number): number {
    return Math.floor((((this.wallMs(ms) % DAY_MS) + DAY_MS) % DAY_MS) / HOUR_MS);
  }

  /** The hall-local date of an instant shifted back by `resetHour` hours: its business day, as days since 1970-01-01. */
  businessDayNumber(ms: number, resetHour: number): number {
    return Math.floor((this.wallMs(ms) - resetHour * HOUR_MS) / DAY_MS);
  }
}

/** Days since 1970-01-01 of a YYYY-MM-DD date. */
export function dayNumber(date: string): number {
  const [y = 1970, m = 1, d = 1] = date.split('-').map(Number);
  return Math.floor(Date.UTC(y, m - 1, d) / DAY_MS);
}

/** The YYYY-MM-DD date of a day number. */
export function dateOfDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** 1 = Monday … 7 = Sunday of a day number (1970-01-01 was a Thursday). */
export function isoWeekday(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}
