import type { ArrivalRow, MonthRanking, RankedWindow, Report, ReportDay } from '../../contracts/reports';
import { reportRangeDays } from '../../contracts/reports';
import type { Db } from '../../db/open';
import { reportFollowups, reportServices, reportStaff, reportTransfers, reportWindows } from '../../db/repositories/reports';
import { localDate } from '../clock/clock';
import { addDays, zonedInstant } from '../queue/schedule';
import { GroupTallies, percent, type RatedFacts } from './group-tallies';
import { ClosedDays, LEVELS, STATUS_FINISHED, STATUS_NO_SHOW, STATUS_OPEN } from './closed-days';
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

/** The closed-day columns' status codes (closed-days.ts), by code. */
const STATUS_NAMES = ['finished', 'no_show', 'cancelled', 'open'] as const;

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
export function buildReport(db: Db, request: ReportRequest, cache: ClosedDays = new ClosedDays()): Report {
  const { from, to, timeZone, resetHour } = request;
  const fromInstant = zonedInstant(from, resetHour * 60, timeZone);
  const toInstant = zonedInstant(addDays(to, 1), resetHour * 60, timeZone);
  // Ratings count by the hall-local date they were given: midnight to midnight.
  const ratingsFrom = zonedInstant(from, 0, timeZone);
  const ratingsTo = zonedInstant(addDays(to, 1), 0, timeZone);
  const zone = new ZoneOffsets(
    timeZone,
    Math.min(fromInstant.getTime(), ratingsFrom.getTime()),
    Math.max(toInstant.getTime(), ratingsTo.getTime()),
  );

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
  const monthTally = (byWindow: Map<number, MonthTally>, group: number): MonthTally => {
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

  const { tickets, ratings, interned } = cache.columns(db, { from, to, today: request.today, timeZone, zone });
  // Each interned text's group and target, looked up once a report rather than once a row.
  const serviceOf = Int32Array.from(interned.texts, (t) => serviceGroup.get(t) ?? -1);
  const targetOf = Float64Array.from(interned.texts, (t) => targetMs.get(t) ?? 0);
  const windowOfNumber = Int32Array.from(interned.texts, (t) => windowGroupByNumber.get(t) ?? -1);
  const staffOfNumber = Int32Array.from(interned.texts, (t) => staffGroupByNo.get(t) ?? -1);

  for (const day of tickets) {
    const facts = dayFacts(day.day);
    const month = monthTallies[facts.month];
    for (let i = 0; i < day.count; i++) {
      const code = day.status[i] ?? STATUS_OPEN;
      const status = STATUS_NAMES[code] ?? 'open';
      const interned1 = day.service[i] ?? -1;
      const rawWait = day.waitMs[i] ?? -1;
      const rawService = day.serviceMs[i] ?? -1;
      const waitMs = rawWait < 0 ? null : rawWait;
      const target = interned1 < 0 ? 0 : (targetOf[interned1] ?? 0);
      const windowId = day.windowId[i] ?? -1;
      const staffId = day.staffId[i] ?? -1;
      const win = windowId < 0 ? -1 : (windowGroup.get(windowId) ?? -1);
      tallies.ticket(
        0,
        interned1 < 0 ? -1 : (serviceOf[interned1] ?? -1),
        win,
        staffId < 0 ? -1 : (staffGroup.get(staffId) ?? -1),
        status,
        waitMs,
        rawService < 0 ? null : rawService,
        target,
      );
      if (facts.point) {
        facts.point.issued++;
        if (code === STATUS_FINISHED) facts.point.served++;
        else if (code === STATUS_NO_SHOW) facts.point.noShow++;
      }
      if (facts.arrivals) {
        const hour = day.hour[i] ?? 0;
        facts.arrivals.hours[hour] = (facts.arrivals.hours[hour] ?? 0) + 1;
      }
      if (win >= 0 && month) {
        const t = monthTally(month, win);
        if (code === STATUS_FINISHED) t.served++;
        if (waitMs !== null) {
          t.called++;
          if (waitMs <= target) t.withinTarget++;
        }
      }
    }
  }

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
  // section's rates select the same rows), and a rating's month is that of its date. Their
  // follow-ups change as 差评 are worked on, so they are read fresh.
  const followups = new Map(
    reportFollowups(db, ratingsFrom.toISOString(), ratingsTo.toISOString()).map((f) => [f[0], f] as const),
  );
  for (const day of ratings) {
    const month = monthTallies[months.indexOf(day.date.slice(0, 7))];
    for (let i = 0; i < day.count; i++) {
      const level = LEVELS[day.level[i] ?? 0] ?? 'basic';
      const followup = day.callbackRequired[i] === 1 ? followups.get(day.ids[i] ?? '') : undefined;
      const overturned = followup?.[4] === 'overturned';
      const bad = day.callbackRequired[i] === 1 && !overturned;
      // Rectification counts only with a deadline: a 差评 rated before follow-ups existed has none.
      const deadline = bad && followup !== undefined ? followup[1] : null;
      const rectifiedAt = followup?.[2] ?? null;
      const rectifiedOn =
        deadline === null || rectifiedAt === null ? null : (followup?.[3] ?? localDate(new Date(rectifiedAt), timeZone));
      const facts: RatedFacts = {
        level,
        overturned,
        bad,
        due: deadline !== null && (deadline < request.today || rectifiedOn !== null),
        onTime: deadline !== null && rectifiedOn !== null && rectifiedOn <= deadline,
      };
      const service = day.service[i] ?? -1;
      const windowNumber = day.window[i] ?? -1;
      const staffNumber = day.staff[i] ?? -1;
      const win = windowNumber < 0 ? -1 : (windowOfNumber[windowNumber] ?? -1);
      tallies.rating(
        [0, service < 0 ? -1 : (serviceOf[service] ?? -1), win, staffNumber < 0 ? -1 : (staffOfNumber[staffNumber] ?? -1)],
        facts,
      );
      if (win >= 0 && month) {
        const t = monthTally(month, win);
        t.rated++;
        if (!overturned) {
          t.rateBase++;
          if (level === 'very_satisfied' || level === 'satisfied') t.satisfied++;
        }
      }
    }
  }

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
