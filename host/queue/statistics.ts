import type { DayStatistics, DayTotals, EndOfDayReport, HourBucket, OpenTicket, StatFigures } from '../../contracts/stats';
import type { Db } from '../../db/open';
import { dayCallCount, dayTickets, statServices, statStaff, statWindows, type StatTicketRow } from '../../db/repositories/stats';
import type { Clock } from '../clock/clock';
import { businessDay, localClock } from './schedule';

/**
 * Statistics of one business day, computed from the ticket rows. A day is at
 * most a few thousand tickets, so one read and arithmetic in memory is simpler
 * and easier to get right than SQL date functions, which only know UTC: the
 * hour buckets must be the hall's hours.
 *
 * Definitions are in contracts/stats.ts. Attribution: a ticket counts for the
 * service it was issued for (so issued = served + no-show + cancelled + open
 * for every service, even after transfers), and for the window and staff member
 * that handled it last (tickets.window_id / staff_id).
 */

const waitMs = (t: StatTicketRow): number | null =>
  t.firstCalledAt === null ? null : Math.max(0, Date.parse(t.firstCalledAt) - Date.parse(t.issuedAt));

/**
 * The instant (epoch ms) a ticket's wait stops being within the target of the service it was
 * issued for: a first call up to this instant counts for the service level, a later one against
 * it. The live floor alerts on tickets still waiting past it.
 */
export const targetDeadline = (t: Pick<StatTicketRow, 'issuedAt' | 'targetWaitMin'>): number =>
  Date.parse(t.issuedAt) + t.targetWaitMin * 60_000;

const metTarget = (t: StatTicketRow, wait: number): boolean => wait <= t.targetWaitMin * 60_000;

/** Percent of called tickets within target, one decimal; null when nothing was called. */
const levelPct = (within: number, called: number): number | null =>
  called === 0 ? null : Math.round((within / called) * 1000) / 10;

/**
 * The service level of a group of tickets alone, as `figuresOf` counts it: the live floor shows it
 * at every event, without the hour buckets (each needs the hall-local hour of two instants).
 */
export function serviceLevelOf(tickets: readonly StatTicketRow[]): Pick<StatFigures, 'called' | 'serviceLevelPct'> {
  let called = 0;
  let within = 0;
  for (const t of tickets) {
    const wait = waitMs(t);
    if (wait === null) continue;
    called++;
    if (metTarget(t, wait)) within++;
  }
  return { called, serviceLevelPct: levelPct(within, called) };
}

/** Finish − latest call: after a recall, serving starts at the call the citizen answered. */
const serviceMs = (t: StatTicketRow): number | null => {
  const start = t.calledAt ?? t.firstCalledAt;
  if (t.status !== 'finished' || t.finishedAt === null || start === null) return null;
  return Math.max(0, Date.parse(t.finishedAt) - Date.parse(start));
};

const localHour = (iso: string, timeZone: string): number => Math.floor(localClock(new Date(iso), timeZone).minutes / 60);

const averageSeconds = (values: number[]): number | null =>
  values.length === 0 ? null : Math.round(values.reduce((a, b) => a + b, 0) / values.length / 1000);

const count = (tickets: readonly StatTicketRow[], status: StatTicketRow['status']): number =>
  tickets.filter((t) => t.status === status).length;

/** The figures of any group of tickets. */
export function figuresOf(tickets: readonly StatTicketRow[], timeZone: string): StatFigures {
  const waits: number[] = [];
  let withinTarget = 0;
  const services: number[] = [];
  const byHour: HourBucket[] = Array.from({ length: 24 }, (_, hour) => ({ hour, issued: 0, served: 0 }));
  for (const t of tickets) {
    const issuedBucket = byHour[localHour(t.issuedAt, timeZone)];
    if (issuedBucket) issuedBucket.issued++;
    const wait = waitMs(t);
    if (wait !== null) {
      waits.push(wait);
      if (metTarget(t, wait)) withinTarget++;
    }
    const service = serviceMs(t);
    if (service !== null) services.push(service);
    if (t.status === 'finished' && t.finishedAt !== null) {
      const servedBucket = byHour[localHour(t.finishedAt, timeZone)];
      if (servedBucket) servedBucket.served++;
    }
  }
  return {
    issued: tickets.length,
    served: count(tickets, 'finished'),
    noShow: count(tickets, 'no_show'),
    cancelled: count(tickets, 'cancelled'),
    waiting: count(tickets, 'waiting'),
    inService: count(tickets, 'called'),
    held: count(tickets, 'held'),
    called: waits.length,
    avgWaitSeconds: averageSeconds(waits),
    maxWaitSeconds: waits.length === 0 ? null : Math.round(Math.max(...waits) / 1000),
    avgServiceSeconds: averageSeconds(services),
    serviceLevelPct: levelPct(withinTarget, waits.length),
    byHour,
  };
}

export function dayStatistics(db: Db, businessDay: string, timeZone: string): DayStatistics {
  return statisticsOf(db, dayTickets(db, businessDay), businessDay, timeZone);
}

function statisticsOf(db: Db, tickets: readonly StatTicketRow[], businessDay: string, timeZone: string): DayStatistics {
  return {
    businessDay,
    timeZone,
    hall: figuresOf(tickets, timeZone),
    services: statServices(db).map((s) => ({
      serviceCode: s.code,
      serviceName: s.name,
      targetWaitMin: s.targetWaitMin,
      ...figuresOf(
        tickets.filter((t) => t.issuedService === s.code),
        timeZone,
      ),
    })),
    windows: statWindows(db).map((w) => ({
      windowId: w.id,
      windowNumber: w.number,
      windowName: w.name,
      ...figuresOf(
        tickets.filter((t) => t.windowId === w.id),
        timeZone,
      ),
    })),
    staff: statStaff(db, businessDay).map((s) => ({
      staffId: s.id,
      staffNo: s.staffNo,
      staffName: s.name,
      ...figuresOf(
        tickets.filter((t) => t.staffId === s.id),
        timeZone,
      ),
    })),
  };
}

function totalsOf(db: Db, tickets: readonly StatTicketRow[], businessDay: string): DayTotals {
  const finished = tickets.filter((t) => t.status === 'finished');
  const outcome = (o: StatTicketRow['outcome']) => finished.filter((t) => t.outcome === o).length;
  const priority = (p: StatTicketRow['priorityClass']) => tickets.filter((t) => t.priorityClass === p).length;
  return {
    issued: tickets.length,
    served: finished.length,
    noShow: count(tickets, 'no_show'),
    cancelled: count(tickets, 'cancelled'),
    open: count(tickets, 'waiting') + count(tickets, 'called') + count(tickets, 'held'),
    outcomes: {
      done: outcome('done'),
      needsMaterials: outcome('needs_materials'),
      referred: outcome('referred'),
      notHandled: outcome('not_handled'),
      unrecorded: outcome(null),
    },
    priorityClasses: {
      normal: priority('normal'),
      appointment: priority('appointment'),
      elderly: priority('elderly'),
      disabled: priority('disabled'),
      vip: priority('vip'),
    },
    calls: dayCallCount(db, businessDay),
    recalls: tickets.reduce((sum, t) => sum + t.recallCount, 0),
    printFailures: tickets.filter((t) => t.printStatus === 'failed').length,
  };
}

/**
 * The day's statistics with totals and the tickets still open. Made at close
 * (or at the daily reset, before open tickets expire) it lists who was left
 * waiting; made during the day it is a snapshot.
 */
export function endOfDayReport(db: Db, businessDay: string, timeZone: string): EndOfDayReport {
  const tickets = dayTickets(db, businessDay);
  const windowNumbers = new Map(statWindows(db).map((w) => [w.id, w.number]));
  const openTickets: OpenTicket[] = [];
  for (const t of tickets) {
    if (t.status !== 'waiting' && t.status !== 'called' && t.status !== 'held') continue;
    openTickets.push({
      id: t.id,
      number: t.number,
      serviceCode: t.serviceCode,
      status: t.status,
      priorityClass: t.priorityClass,
      issuedAt: t.issuedAt,
      windowNumber: t.windowId === null ? null : (windowNumbers.get(t.windowId) ?? null),
    });
  }
  return { ...statisticsOf(db, tickets, businessDay, timeZone), totals: totalsOf(db, tickets, businessDay), openTickets };
}

export interface QueueStatisticsOptions {
  db: Db;
  clock: Clock;
  timeZone: string;
  /** QueuePolicy.dailyResetHour: "today" turns over at this local hour, as the queue does. */
  resetHour: number;
}

/** Queue statistics for supervisors: today's, and the end-of-day report of any business day. */
export class QueueStatistics {
  constructor(private readonly o: QueueStatisticsOptions) {}

  today(): DayStatistics {
    return dayStatistics(this.o.db, this.businessDay(), this.o.timeZone);
  }

  /** The report of `day`, today's by default. */
  report(day?: string): EndOfDayReport {
    return endOfDayReport(this.o.db, day ?? this.businessDay(), this.o.timeZone);
  }

  private businessDay(): string {
    return businessDay(this.o.clock.now(), this.o.timeZone, this.o.resetHour);
  }
}
