import type { ArrivalRow, MonthRanking, RankedWindow, Report, ReportDay } from '../../contracts/reports';
import { reportRangeDays } from '../../contracts/reports';
import type { Db } from '../../db/open';
import {
  eachReportRating,
  reportServices,
  reportStaff,
  eachReportTicket,
  reportTransfers,
  reportWindows,
} from '../../db/repositories/reports';
import { localDate } from '../clock/clock';
import { addDays, zonedInstant } from '../queue/schedule';
import { GroupTallies, percent, type RatedFacts } from './group-tallies';
import { isoMs } from './iso-instant';
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

type Status = 'finished' | 'no_show' | 'cancelled' | 'open';
const statusOf = (s: string): Status => (s === 'finished' || s === 'no_show' || s === 'cancelled' ? s : 'open');

/** A window's month, for the ranking. */
interface MonthTally {
  served: number;
  called: number;
  withinTarget: number;
  rated: number;
  rateBase: number;
  satisfied: number;
}

/** One business day of the range as the ticket scan meets it. */
interface DayFacts {
  point: ReportDay | undefined;
  arrivals: ArrivalRow | undefined;
  month: number;
}

/**
 * The report of a range: every figure of contracts/reports.ts, by service, window and staff, the
 * daily series, the arrivals heat map and the monthly window ranking, from one scan of the range's
 * tickets, one of its transfers and one of its ratings, each tallied in one pass (medians and 90th
 * percentiles then from one sort of all waits and one of all service times: GroupTallies). The
 * console's charts and tables and the Excel export are all drawn from what this returns.
 */
export function buildReport(db: Db, request: ReportRequest): Report {
  const { from, to, timeZone, resetHour } = request;
  const fromInstant = zonedInstant(from, resetHour * 60, timeZone);
  const toInstant = zonedInstant(addDays(to, 1), resetHour * 60, timeZone);
  const zone = new ZoneOffsets(timeZone, fromInstant.getTime(), toInstant.getTime());

  // Groups by index: the hall, then every service, window and staff member.
  const services = reportServices(db);
  const windows = reportWindows(db);
  const staff = reportStaff(db);
  const serviceBase = 1;
  const windowBase = serviceBase + services.length;
  const staffBase = windowBase + windows.length;
  const tallies = new GroupTallies(staffBase + staff.length);
  const serviceGroup = new Map(services.map((s, i) => [s.code, serviceBase + i]));
  const targetMs = new Map(services.map((s) => [s.code, s.targetWaitMin * 60_000]));
  const windowGroup = new Map(windows.map((w, i) => [w.id, windowBase + i]));
  const windowGroupByNumber = new Map(windows.map((w, i) => [String(w.number), windowBase + i]));
  const staffGroup = new Map(staff.map((s, i) => [s.id, staffBase + i]));
  const staffGroupByNo = new Map(staff.map((s, i) => [s.staffNo, staffBase + i]));

  const months = monthsOf(from, to);
  const monthTallies = months.map(() => new Map<number, MonthTally>());
  const monthTally = (month: number, group: number): MonthTally | undefined => {
    const byWindow = monthTallies[month];
    if (!byWindow) return undefined;
    let tally = byWindow.get(group);
    if (!tally) {
      tally = { served: 0, called: 0, withinTarget: 0, rated: 0, rateBase: 0, satisfied: 0 };
      byWindow.set(group, tally);
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
  const seenDays = new Map<string, DayFacts>();
  const dayFacts = (day: string): DayFacts => {
    let facts = seenDays.get(day);
    if (!facts) {
      const number = dayNumber(day);
      const row = arrivals[isoWeekday(number) - 1];
      if (row) row.days++;
      facts = { point: daily[number - firstDay], arrivals: row, month: months.indexOf(day.slice(0, 7)) };
      seenDays.set(day, facts);
    }
    return facts;
  };

  eachReportTicket(
    db,
    from,
    to,
    ([day, service, windowId, staffId, rawStatus, issuedAt, firstCalledAt, latestCallAt, finishedAt]) => {
      const status = statusOf(rawStatus);
      const issuedMs = isoMs(issuedAt);
      const waitMs = firstCalledAt === null ? null : Math.max(0, isoMs(firstCalledAt) - issuedMs);
      const serviceMs =
        status === 'finished' && finishedAt !== null && latestCallAt !== null
          ? Math.max(0, isoMs(finishedAt) - isoMs(latestCallAt))
          : null;
      const target = targetMs.get(service) ?? 0;
      const win = windowId === null ? -1 : (windowGroup.get(windowId) ?? -1);
      tallies.ticket(
        0,
        serviceGroup.get(service) ?? -1,
        win,
        staffId === null ? -1 : (staffGroup.get(staffId) ?? -1),
        status,
        waitMs,
        serviceMs,
        target,
      );

      const facts = dayFacts(day);
      if (facts.point) {
        facts.point.issued++;
        if (status === 'finished') facts.point.served++;
        else if (status === 'no_show') facts.point.noShow++;
      }
      if (facts.arrivals) {
        const hour = zone.hour(issuedMs);
        facts.arrivals.hours[hour] = (facts.arrivals.hours[hour] ?? 0) + 1;
      }
      const month = win < 0 ? undefined : monthTally(facts.month, win);
      if (month) {
        if (status === 'finished') month.served++;
        if (waitMs !== null) {
          month.called++;
          if (waitMs <= target) month.withinTarget++;
        }
      }
    },
  );

  const range = { from, to, fromInstant: fromInstant.toISOString(), toInstant: toInstant.toISOString() };
  for (const [service, windowId, staffId] of reportTransfers(db, range)) {
    tallies.transfer([
      0,
      serviceGroup.get(service) ?? -1,
      windowId === null ? -1 : (windowGroup.get(windowId) ?? -1),
      staffId === null ? -1 : (staffGroup.get(staffId) ?? -1),
    ]);
  }

  // Ratings by the hall-local date they were given (the 差评 follow-up's rated_date: the 差评整改
  // section's rates select the same rows), and a rating's month is that of its date: the months'
  // first instants, compared as ISO text.
  const ratingsFrom = zonedInstant(from, 0, timeZone).toISOString();
  const ratingsTo = zonedInstant(addDays(to, 1), 0, timeZone).toISOString();
  const monthStarts = months.map((m, i) => (i === 0 ? ratingsFrom : zonedInstant(`${m}-01`, 0, timeZone).toISOString()));
  const monthOfInstant = (iso: string) => {
    let month = 0;
    while (month + 1 < monthStarts.length && (monthStarts[month + 1] ?? '') <= iso) month++;
    return month;
  };
  eachReportRating(db, ratingsFrom, ratingsTo, (row) => {
    const [
      level,
      callbackRequired,
      evaluatedAt,
      windowNumber,
      staffNumber,
      service,
      dueDate,
      rectifiedAt,
      rectifiedDate,
      appeal,
      hasFollowup,
    ] = row;
    const overturned = appeal === 'overturned';
    const bad = callbackRequired === 1 && !overturned;
    // Rectification counts only with a deadline: a 差评 rated before follow-ups existed has none.
    const deadline = bad && hasFollowup === 1 && dueDate !== null ? dueDate : null;
    const rectifiedOn =
      deadline === null || rectifiedAt === null ? null : (rectifiedDate ?? localDate(new Date(rectifiedAt), timeZone));
    const facts: RatedFacts = {
      level,
      overturned,
      bad,
      due: deadline !== null && (deadline < request.today || rectifiedOn !== null),
      onTime: deadline !== null && rectifiedOn !== null && rectifiedOn <= deadline,
    };
    const win = windowNumber === null ? -1 : (windowGroupByNumber.get(windowNumber) ?? -1);
    tallies.rating(
      [
        0,
        service === null ? -1 : (serviceGroup.get(service) ?? -1),
        win,
        staffNumber === null ? -1 : (staffGroupByNo.get(staffNumber) ?? -1),
      ],
      facts,
    );
    const month = win < 0 ? undefined : monthTally(monthOfInstant(evaluatedAt), win);
    if (month) {
      month.rated++;
      if (!overturned) {
        month.rateBase++;
        if (level === 'very_satisfied' || level === 'satisfied') month.satisfied++;
      }
    }
  });

  const figures = tallies.figures();
  const figuresOf = (g: number) => figures[g] ?? figures[0];
  const hall = figuresOf(0);
  if (!hall) throw new Error('buildReport: no hall figures');
  return {
    hallId: request.hallId,
    hallName: request.hallName,
    timeZone,
    from,
    to,
    days,
    openDays: seenDays.size,
    generatedAt: request.generatedAt.toISOString(),
    hall,
    services: services.flatMap((s, i) => {
      const g = serviceBase + i;
      const f = figuresOf(g);
      return f && (!s.retired || tallies.any(g))
        ? [{ serviceCode: s.code, serviceName: s.name, targetWaitMin: s.targetWaitMin, ...f }]
        : [];
    }),
    windows: windows.flatMap((w, i) => {
      const g = windowBase + i;
      const f = figuresOf(g);
      return f && (!w.retired || tallies.any(g)) ? [{ windowId: w.id, windowNumber: w.number, windowName: w.name, ...f }] : [];
    }),
    staff: staff.flatMap((s, i) => {
      const g = staffBase + i;
      const f = figuresOf(g);
      return f && tallies.any(g) ? [{ staffId: s.id, staffNo: s.staffNo, staffName: s.name, ...f }] : [];
    }),
    daily,
    arrivals,
    ranking: months.map((month, m) =>
      rankWindows(
        month,
        windows.flatMap((w, i) => {
          const t = monthTallies[m]?.get(windowBase + i);
          return t && t.served + t.rated > 0 ? [{ window: w, tally: t }] : [];
        }),
      ),
    ),
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

/** A month's windows in rank order (contracts/reports.ts: satisfaction, then service level, then served). */
function rankWindows(
  month: string,
  entries: readonly { window: { id: number; number: number; name: string }; tally: MonthTally }[],
): MonthRanking {
  const higherFirst = (a: number | null, b: number | null) => (b ?? -1) - (a ?? -1);
  const windows: Omit<RankedWindow, 'rank'>[] = entries.map(({ window: w, tally: t }) => ({
    windowId: w.id,
    windowNumber: w.number,
    windowName: w.name,
    satisfactionPct: percent(t.satisfied, t.rateBase),
    serviceLevelPct: percent(t.withinTarget, t.called),
    served: t.served,
    rated: t.rated,
  }));
  const score = (a: Omit<RankedWindow, 'rank'>, b: Omit<RankedWindow, 'rank'>) =>
    higherFirst(a.satisfactionPct, b.satisfactionPct) || higherFirst(a.serviceLevelPct, b.serviceLevelPct) || b.served - a.served;
  windows.sort((a, b) => score(a, b) || a.windowNumber - b.windowNumber);
  const ranked: RankedWindow[] = [];
  windows.forEach((entry, i) => {
    const previous = ranked[i - 1];
    const tied = previous !== undefined && score(previous, entry) === 0;
    ranked.push({ rank: tied ? previous.rank : i + 1, ...entry });
  });
  return { month, windows: ranked };
}
