import type {
  ArrivalRow,
  Durations,
  MonthRanking,
  RankedWindow,
  RatingCounts,
  Report,
  ReportDay,
  ReportFigures,
} from '../../contracts/reports';
import { reportRangeDays } from '../../contracts/reports';
import type { Db } from '../../db/open';
import {
  reportRatings,
  reportServices,
  reportStaff,
  reportTickets,
  reportTransfers,
  reportWindows,
  type ReportRatingRow,
} from '../../db/repositories/reports';
import { localDate } from '../clock/clock';
import { addDays, zonedInstant } from '../queue/schedule';
import { dateOfDayNumber, dayNumber, isoWeekday, ZoneOffsets } from './zone-offsets';

/** What a report is made for: the range (checked by the caller), the hall and its clock. */
export interface ReportRequest {
  from: string;
  to: string;
  /** Today's business day: a 差评's rectification is due once its due date is before it. */
  today: string;
  timeZone: string;
  /** QueuePolicy.dailyResetHour: business days turn over at this local hour. */
  resetHour: number;
  hallId: string;
  hallName: string;
  generatedAt: Date;
}

/** Running totals of one group; turned into ReportFigures at the end. */
class Tally {
  issued = 0;
  served = 0;
  noShow = 0;
  cancelled = 0;
  open = 0;
  transfers = 0;
  withinTarget = 0;
  readonly waits: number[] = [];
  readonly serviceTimes: number[] = [];
  readonly ratings: RatingCounts = { very_satisfied: 0, satisfied: 0, basic: 0, dissatisfied: 0, very_dissatisfied: 0 };
  rated = 0;
  /** Ratings that count in the satisfaction rate (all but overturned 差评), and those at 'satisfied' or above. */
  rateBase = 0;
  satisfied = 0;
  badReviews = 0;
  overturned = 0;
  rectificationDue = 0;
  rectifiedOnTime = 0;

  get called(): number {
    return this.waits.length;
  }

  /** Anything to show: a retired service or window without any is left out of the report. */
  get any(): boolean {
    return this.issued + this.transfers + this.rated > 0;
  }

  ticket(status: string, waitMs: number | null, serviceMs: number | null, targetMs: number): void {
    this.issued++;
    if (status === 'finished') this.served++;
    else if (status === 'no_show') this.noShow++;
    else if (status === 'cancelled') this.cancelled++;
    else this.open++;
    if (waitMs !== null) {
      this.waits.push(waitMs);
      if (waitMs <= targetMs) this.withinTarget++;
    }
    if (serviceMs !== null) this.serviceTimes.push(serviceMs);
  }

  rating(r: RatedFacts): void {
    this.ratings[r.level]++;
    this.rated++;
    if (r.overturned) {
      this.overturned++;
      return;
    }
    this.rateBase++;
    if (r.level === 'very_satisfied' || r.level === 'satisfied') this.satisfied++;
    if (!r.bad) return;
    this.badReviews++;
    if (r.due) this.rectificationDue++;
    if (r.onTime) this.rectifiedOnTime++;
  }

  figures(): ReportFigures {
    return {
      issued: this.issued,
      served: this.served,
      noShow: this.noShow,
      cancelled: this.cancelled,
      open: this.open,
      noShowPct: percent(this.noShow, this.served + this.noShow),
      transfers: this.transfers,
      called: this.called,
      wait: durations(this.waits),
      service: durations(this.serviceTimes),
      serviceLevelPct: percent(this.withinTarget, this.called),
      ratings: { ...this.ratings },
      rated: this.rated,
      satisfactionPct: percent(this.satisfied, this.rateBase),
      badReviews: this.badReviews,
      overturned: this.overturned,
      rectificationDue: this.rectificationDue,
      rectifiedOnTime: this.rectifiedOnTime,
      onTimeRectificationPct: percent(this.rectifiedOnTime, this.rectificationDue),
    };
  }
}

/** A rating as the tallies need it, its 差评 follow-up already judged. */
interface RatedFacts {
  level: ReportRatingRow[0];
  overturned: boolean;
  /** A 差评 (callback required) that was not overturned. */
  bad: boolean;
  due: boolean;
  onTime: boolean;
}

/** Percent with one decimal; null when there is nothing to divide by. */
function percent(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 1000) / 10;
}

/** Nearest rank: the value at rank ⌈n·p⌉ of the sorted values (contracts/reports.ts). */
function nearestRank(sorted: Float64Array, p: number): number {
  return sorted[Math.max(0, Math.ceil(sorted.length * p) - 1)] ?? 0;
}

function durations(valuesMs: readonly number[]): Durations {
  if (valuesMs.length === 0) return { avg: null, median: null, p90: null, max: null };
  // A typed array sorts numerically and several times faster than an array of numbers.
  const sorted = Float64Array.from(valuesMs).sort();
  let sum = 0;
  for (const v of sorted) sum += v;
  const seconds = (ms: number) => Math.round(ms / 1000);
  return {
    avg: seconds(sum / sorted.length),
    median: seconds(nearestRank(sorted, 0.5)),
    p90: seconds(nearestRank(sorted, 0.9)),
    max: seconds(sorted[sorted.length - 1] ?? 0),
  };
}

/** Get-or-create in a map of tallies. */
function tallyOf<K>(map: Map<K, Tally>, key: K): Tally {
  let tally = map.get(key);
  if (!tally) {
    tally = new Tally();
    map.set(key, tally);
  }
  return tally;
}

/** A window's month, for the ranking. */
class MonthTally {
  served = 0;
  called = 0;
  withinTarget = 0;
  rated = 0;
  rateBase = 0;
  satisfied = 0;
}

/**
 * The report of a range: every figure of contracts/reports.ts, by service, window and staff, the
 * daily series, the arrivals heat map and the monthly window ranking, from one scan of the range's
 * tickets, one of its transfers and one of its ratings, tallied in one pass each. The console's
 * charts and tables and the Excel export are all drawn from what this returns.
 */
export function buildReport(db: Db, request: ReportRequest): Report {
  const { from, to, timeZone, resetHour } = request;
  const fromInstant = zonedInstant(from, resetHour * 60, timeZone);
  const toInstant = zonedInstant(addDays(to, 1), resetHour * 60, timeZone);
  const zone = new ZoneOffsets(timeZone, fromInstant.getTime(), toInstant.getTime());

  const services = reportServices(db);
  const windows = reportWindows(db);
  const staff = reportStaff(db);
  const targetMs = new Map(services.map((s) => [s.code, s.targetWaitMin * 60_000]));
  const windowIdByNumber = new Map(windows.map((w) => [String(w.number), w.id]));
  const staffIdByNo = new Map(staff.map((s) => [s.staffNo, s.id]));

  const hall = new Tally();
  const byService = new Map<string, Tally>();
  const byWindow = new Map<number, Tally>();
  const byStaff = new Map<number, Tally>();
  const months = new Map<string, Map<number, MonthTally>>();
  const monthTally = (month: string, windowId: number) => {
    let windowsOfMonth = months.get(month);
    if (!windowsOfMonth) {
      windowsOfMonth = new Map();
      months.set(month, windowsOfMonth);
    }
    let tally = windowsOfMonth.get(windowId);
    if (!tally) {
      tally = new MonthTally();
      windowsOfMonth.set(windowId, tally);
    }
    return tally;
  };

  const firstDay = dayNumber(from);
  const days = reportRangeDays(from, to);
  const daily: ReportDay[] = Array.from({ length: days }, (_, i) => ({
    date: dateOfDayNumber(firstDay + i),
    issued: 0,
    served: 0,
    noShow: 0,
  }));
  const arrivals: ArrivalRow[] = Array.from({ length: 7 }, (_, i) => ({
    weekday: i + 1,
    days: 0,
    hours: new Array<number>(24).fill(0),
  }));
  const dayIndex = new Map<string, number>();

  for (const [day, service, windowId, staffId, status, issuedMs, waitMs, serviceMs] of reportTickets(db, from, to)) {
    const target = targetMs.get(service) ?? 0;
    hall.ticket(status, waitMs, serviceMs, target);
    tallyOf(byService, service).ticket(status, waitMs, serviceMs, target);
    if (windowId !== null) {
      tallyOf(byWindow, windowId).ticket(status, waitMs, serviceMs, target);
      const month = monthTally(day.slice(0, 7), windowId);
      if (status === 'finished') month.served++;
      if (waitMs !== null) {
        month.called++;
        if (waitMs <= target) month.withinTarget++;
      }
    }
    if (staffId !== null) tallyOf(byStaff, staffId).ticket(status, waitMs, serviceMs, target);

    let index = dayIndex.get(day);
    if (index === undefined) {
      index = dayNumber(day) - firstDay;
      dayIndex.set(day, index);
      const row = arrivals[isoWeekday(firstDay + index) - 1];
      if (row) row.days++;
    }
    const point = daily[index];
    if (point) {
      point.issued++;
      if (status === 'finished') point.served++;
      else if (status === 'no_show') point.noShow++;
    }
    const row = arrivals[isoWeekday(firstDay + index) - 1];
    const hour = zone.hour(issuedMs);
    if (row) row.hours[hour] = (row.hours[hour] ?? 0) + 1;
  }

  const range = { from, to, fromInstant: fromInstant.toISOString(), toInstant: toInstant.toISOString() };
  for (const [service, windowId, staffId] of reportTransfers(db, range)) {
    hall.transfers++;
    tallyOf(byService, service).transfers++;
    if (windowId !== null) tallyOf(byWindow, windowId).transfers++;
    if (staffId !== null) tallyOf(byStaff, staffId).transfers++;
  }

  const monthOfDay = new Map<number, string>();
  for (const row of reportRatings(db, range.fromInstant, range.toInstant)) {
    const [level, callbackRequired, evaluatedMs, windowNumber, staffNumber, service, dueDate, rectifiedAt, appeal, hasFollowup] =
      row;
    const overturned = appeal === 'overturned';
    const bad = callbackRequired === 1 && !overturned;
    // Rectification counts only with a deadline: a 差评 rated before follow-ups existed has none.
    const deadline = bad && hasFollowup === 1 && dueDate !== null ? dueDate : null;
    const rectifiedOn = rectifiedAt === null ? null : localDate(new Date(rectifiedAt), timeZone);
    const facts: RatedFacts = {
      level,
      overturned,
      bad,
      due: deadline !== null && (deadline < request.today || rectifiedOn !== null),
      onTime: deadline !== null && rectifiedOn !== null && rectifiedOn <= deadline,
    };
    hall.rating(facts);
    if (service !== null) tallyOf(byService, service).rating(facts);
    const windowId = windowNumber === null ? undefined : windowIdByNumber.get(windowNumber);
    if (windowId !== undefined) {
      tallyOf(byWindow, windowId).rating(facts);
      const businessDayNumber = zone.businessDayNumber(evaluatedMs, resetHour);
      let month = monthOfDay.get(businessDayNumber);
      if (month === undefined) {
        month = dateOfDayNumber(businessDayNumber).slice(0, 7);
        monthOfDay.set(businessDayNumber, month);
      }
      const tally = monthTally(month, windowId);
      tally.rated++;
      if (!overturned) {
        tally.rateBase++;
        if (level === 'very_satisfied' || level === 'satisfied') tally.satisfied++;
      }
    }
    const staffId = staffNumber === null ? undefined : staffIdByNo.get(staffNumber);
    if (staffId !== undefined) tallyOf(byStaff, staffId).rating(facts);
  }

  const empty = new Tally();
  return {
    hallId: request.hallId,
    hallName: request.hallName,
    timeZone,
    from,
    to,
    days,
    openDays: dayIndex.size,
    generatedAt: request.generatedAt.toISOString(),
    hall: hall.figures(),
    services: services
      .filter((s) => !s.retired || byService.get(s.code)?.any === true)
      .map((s) => ({
        serviceCode: s.code,
        serviceName: s.name,
        targetWaitMin: s.targetWaitMin,
        ...(byService.get(s.code) ?? empty).figures(),
      })),
    windows: windows
      .filter((w) => !w.retired || byWindow.get(w.id)?.any === true)
      .map((w) => ({ windowId: w.id, windowNumber: w.number, windowName: w.name, ...(byWindow.get(w.id) ?? empty).figures() })),
    staff: staff.flatMap((s) => {
      const tally = byStaff.get(s.id);
      return tally?.any ? [{ staffId: s.id, staffNo: s.staffNo, staffName: s.name, ...tally.figures() }] : [];
    }),
    daily,
    arrivals,
    ranking: rankWindows(monthsOf(from, to), months, windows),
  };
}

/** The calendar months (YYYY-MM) the range touches, oldest first. */
function monthsOf(from: string, to: string): string[] {
  const list: string[] = [];
  let [year = 1970, month = 1] = from.split('-').map(Number);
  const last = to.slice(0, 7);
  for (;;) {
    const current = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
    list.push(current);
    if (current >= last) return list;
    month++;
    if (month > 12) {
      month = 1;
      year++;
    }
  }
}

/** Each month's windows in rank order (contracts/reports.ts: satisfaction, then service level, then served). */
function rankWindows(
  monthList: readonly string[],
  months: Map<string, Map<number, MonthTally>>,
  windows: readonly { id: number; number: number; name: string }[],
): MonthRanking[] {
  const byId = new Map(windows.map((w) => [w.id, w]));
  const higherFirst = (a: number | null, b: number | null) => (b ?? -1) - (a ?? -1);
  return monthList.map((month) => {
    const entries: Omit<RankedWindow, 'rank'>[] = [];
    for (const [windowId, t] of months.get(month) ?? []) {
      const w = byId.get(windowId);
      if (!w || t.served + t.rated === 0) continue;
      entries.push({
        windowId,
        windowNumber: w.number,
        windowName: w.name,
        satisfactionPct: percent(t.satisfied, t.rateBase),
        serviceLevelPct: percent(t.withinTarget, t.called),
        served: t.served,
        rated: t.rated,
      });
    }
    const score = (a: Omit<RankedWindow, 'rank'>, b: Omit<RankedWindow, 'rank'>) =>
      higherFirst(a.satisfactionPct, b.satisfactionPct) ||
      higherFirst(a.serviceLevelPct, b.serviceLevelPct) ||
      b.served - a.served;
    entries.sort((a, b) => score(a, b) || a.windowNumber - b.windowNumber);
    const ranked: RankedWindow[] = [];
    entries.forEach((entry, i) => {
      const previous = ranked[i - 1];
      const tied = previous !== undefined && score(previous, entry) === 0;
      ranked.push({ rank: tied ? previous.rank : i + 1, ...entry });
    });
    return { month, windows: ranked };
  });
}
