import type { EvaluationLevel } from '../../contracts/central-api';
import type { Db } from '../../db/open';
import { advanceReportCacheHorizon, eachReportRating, eachReportTicket, reportCacheState } from '../../db/repositories/reports';
import { addDays, zonedInstant } from '../queue/schedule';
import { isoMs } from './iso-instant';
import { dateOfDayNumber, dayNumber, type ZoneOffsets } from './zone-offsets';

const DAY_MS = 86_400_000;

export const STATUS_FINISHED = 0;
export const STATUS_NO_SHOW = 1;
export const STATUS_CANCELLED = 2;
export const STATUS_OPEN = 3;
const STATUS_CODE: Readonly<Record<string, number>> = {
  finished: STATUS_FINISHED,
  no_show: STATUS_NO_SHOW,
  cancelled: STATUS_CANCELLED,
};

export const LEVELS: readonly EvaluationLevel[] = ['very_satisfied', 'satisfied', 'basic', 'dissatisfied', 'very_dissatisfied'];
const LEVEL_CODE: Readonly<Record<EvaluationLevel, number>> = {
  very_satisfied: 0,
  satisfied: 1,
  basic: 2,
  dissatisfied: 3,
  very_dissatisfied: 4,
};

/**
 * Texts seen in the rows (service codes, window and staff numbers) as small integers, so a day's
 * columns are typed arrays and a report maps each text to its group once, not once a row.
 */
export class Interned {
  readonly texts: string[] = [];
  private readonly index = new Map<string, number>();

  of(text: string | null): number {
    if (text === null) return -1;
    let i = this.index.get(text);
    if (i === undefined) {
      i = this.texts.length;
      this.texts.push(text);
      this.index.set(text, i);
    }
    return i;
  }
}

/** One business day's tickets as columns, each already reduced to what a report counts. */
export interface DayTickets {
  day: string;
  count: number;
  /** Interned issued service. */
  service: Int32Array;
  /** Window and staff ids; -1: none. */
  windowId: Int32Array;
  staffId: Int32Array;
  /** STATUS_FINISHED … STATUS_OPEN. */
  status: Uint8Array;
  /** The hall-local hour it was issued. */
  hour: Uint8Array;
  /** From issue to first call; -1: never called. */
  waitMs: Float64Array;
  /** From the latest call to finishing, for a served ticket; -1: otherwise. */
  serviceMs: Float64Array;
}

/** One hall-local date's ratings as columns. */
export interface DayRatings {
  date: string;
  count: number;
  /** Index in LEVELS. */
  level: Uint8Array;
  callbackRequired: Uint8Array;
  /** Interned window number, staff number and the ticket's issued service; -1: none. */
  window: Int32Array;
  staff: Int32Array;
  service: Int32Array;
  /** The rating's id, for its 差评 follow-up (read fresh at every report). */
  ids: string[];
}

/** The columns of a report's range: its business days' tickets and its dates' ratings, oldest first. */
export interface RangeColumns {
  tickets: DayTickets[];
  ratings: DayRatings[];
  interned: Interned;
}

/**
 * What reports need of each business day, kept in the host's memory once the day is closed (its
 * business day before today's): a year report then reads only today from SQLite. A closed day's
 * rows may still change (a late sweep, retention, a sync with an old instant): migration
 * 029-report-cache bumps a generation on any write at or before the cached horizon, and the cache
 * starts over when it sees a new one. Days without tickets are remembered as empty.
 */
export class ClosedDays {
  private generation = -1;
  private readonly tickets = new Map<string, DayTickets>();
  private readonly ratings = new Map<string, DayRatings>();
  private readonly interned = new Interned();

  /**
   * The range's columns, reading from SQLite only what is not cached: runs of missing days, each
   * in one scan. `today` is the hall's business day; `zone` covers the range.
   */
  columns(db: Db, range: { from: string; to: string; today: string; timeZone: string; zone: ZoneOffsets }): RangeColumns {
    const state = reportCacheState(db);
    if (state.generation !== this.generation) {
      this.tickets.clear();
      this.ratings.clear();
      this.generation = state.generation;
    }
    const lastClosed = addDays(range.today, -1);
    const days = daysOf(range.from, range.to);
    const closedEnd = days.filter((d) => d <= lastClosed).at(-1);
    if (closedEnd !== undefined) {
      // Before reading what will be cached: any write to it from now on bumps the generation.
      const horizonAt = zonedInstant(addDays(closedEnd, 1), 0, range.timeZone).toISOString();
      if (state.horizonDay < closedEnd || state.horizonAt < horizonAt)
        advanceReportCacheHorizon(db, { day: closedEnd, at: horizonAt });
    }
    const tickets = this.readMissing(days, lastClosed, this.tickets, EMPTY_TICKETS, (from, to) =>
      this.readTickets(db, from, to, range.zone),
    );
    const ratings = this.readMissing(days, lastClosed, this.ratings, EMPTY_RATINGS, (from, to) =>
      this.readRatings(db, from, to, range.timeZone, range.zone),
    );
    return { tickets, ratings, interned: this.interned };
  }

  /** Each day's entry, from the cache or from one read per run of missing days; closed days are kept. */
  private readMissing<T extends { count: number }>(
    days: readonly string[],
    lastClosed: string,
    cache: Map<string, T>,
    empty: T,
    read: (from: string, to: string) => Map<string, T>,
  ): T[] {
    const out: T[] = [];
    let i = 0;
    while (i < days.length) {
      const day = days[i] ?? '';
      const cached = cache.get(day);
      if (cached) {
        if (cached.count > 0) out.push(cached);
        i++;
        continue;
      }
      let j = i;
      while (j + 1 < days.length && !cache.has(days[j + 1] ?? '')) j++;
      const read1 = read(day, days[j] ?? day);
      for (let k = i; k <= j; k++) {
        const d = days[k] ?? '';
        const entry = read1.get(d);
        if (d <= lastClosed) cache.set(d, entry ?? empty);
        if (entry && entry.count > 0) out.push(entry);
      }
      i = j + 1;
    }
    return out;
  }

  private readTickets(db: Db, from: string, to: string, zone: ZoneOffsets): Map<string, DayTickets> {
    const builders = new Map<string, TicketBuilder>();
    eachReportTicket(
      db,
      from,
      to,
      ([day, service, windowId, staffId, status, issuedAt, firstCalledAt, latestCallAt, finishedAt]) => {
        let b = builders.get(day);
        if (!b) {
          b = new TicketBuilder();
          builders.set(day, b);
        }
        const code = STATUS_CODE[status] ?? STATUS_OPEN;
        const issuedMs = isoMs(issuedAt);
        b.service.push(this.interned.of(service));
        b.windowId.push(windowId ?? -1);
        b.staffId.push(staffId ?? -1);
        b.status.push(code);
        b.hour.push(zone.hour(issuedMs));
        b.waitMs.push(firstCalledAt === null ? -1 : Math.max(0, isoMs(firstCalledAt) - issuedMs));
        b.serviceMs.push(
          code === STATUS_FINISHED && finishedAt !== null && latestCallAt !== null
            ? Math.max(0, isoMs(finishedAt) - isoMs(latestCallAt))
            : -1,
        );
      },
    );
    const out = new Map<string, DayTickets>();
    for (const [day, b] of builders) out.set(day, b.build(day));
    return out;
  }

  private readRatings(db: Db, from: string, to: string, timeZone: string, zone: ZoneOffsets): Map<string, DayRatings> {
    const builders = new Map<number, RatingBuilder>();
    const fromInstant = zonedInstant(from, 0, timeZone).toISOString();
    const toInstant = zonedInstant(addDays(to, 1), 0, timeZone).toISOString();
    eachReportRating(
      db,
      fromInstant,
      toInstant,
      ([id, level, callbackRequired, evaluatedAt, windowNumber, staffNumber, service]) => {
        const day = Math.floor(zone.wallMs(isoMs(evaluatedAt)) / DAY_MS);
        let b = builders.get(day);
        if (!b) {
          b = new RatingBuilder();
          builders.set(day, b);
        }
        b.ids.push(id);
        b.level.push(LEVEL_CODE[level]);
        b.callbackRequired.push(callbackRequired);
        b.window.push(this.interned.of(windowNumber));
        b.staff.push(this.interned.of(staffNumber));
        b.service.push(this.interned.of(service));
      },
    );
    const out = new Map<string, DayRatings>();
    const first = dayNumber(from);
    const last = dayNumber(to);
    for (const [day, b] of builders)
      if (day >= first && day <= last) out.set(dateOfDayNumber(day), b.build(dateOfDayNumber(day)));
    return out;
  }
}

class TicketBuilder {
  service: number[] = [];
  windowId: number[] = [];
  staffId: number[] = [];
  status: number[] = [];
  hour: number[] = [];
  waitMs: number[] = [];
  serviceMs: number[] = [];

  build(day: string): DayTickets {
    return {
      day,
      count: this.service.length,
      service: Int32Array.from(this.service),
      windowId: Int32Array.from(this.windowId),
      staffId: Int32Array.from(this.staffId),
      status: Uint8Array.from(this.status),
      hour: Uint8Array.from(this.hour),
      waitMs: Float64Array.from(this.waitMs),
      serviceMs: Float64Array.from(this.serviceMs),
    };
  }
}

class RatingBuilder {
  ids: string[] = [];
  level: number[] = [];
  callbackRequired: number[] = [];
  window: number[] = [];
  staff: number[] = [];
  service: number[] = [];

  build(date: string): DayRatings {
    return {
      date,
      count: this.ids.length,
      level: Uint8Array.from(this.level),
      callbackRequired: Uint8Array.from(this.callbackRequired),
      window: Int32Array.from(this.window),
      staff: Int32Array.from(this.staff),
      service: Int32Array.from(this.service),
      ids: this.ids,
    };
  }
}

const EMPTY_TICKETS = new TicketBuilder().build('');
const EMPTY_RATINGS = new RatingBuilder().build('');

/** Every date from `from` to `to`, inclusive. */
function daysOf(from: string, to: string): string[] {
  const out: string[] = [];
  for (let n = dayNumber(from), last = dayNumber(to); n <= last; n++) out.push(dateOfDayNumber(n));
  return out;
}
