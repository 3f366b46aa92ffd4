import type { HallSettings } from '../../contracts/hall-settings';
import type { Db } from '../../db/open';
import { recordAudit } from '../../db/repositories/audit';
import {
  daysWithTickets,
  insertHistoricCase,
  insertHistoricCounter,
  insertHistoricFollowup,
  insertHistoricRating,
  insertHistoricTicket,
  markDayReported,
} from '../../db/repositories/demo-history';
import { listServices } from '../../db/repositories/services';
import { writeSetting } from '../../db/repositories/settings';
import { recordCall } from '../../db/repositories/tickets';
import { listWindows } from '../../db/repositories/windows';
import type { EvaluationLevel } from '../../contracts/central-api';
import { demoCases, demoUuid } from './demo-cases';
import { demoRoster } from './demo-staff';
import { followupOf } from './followups';
import { hallDay, type DemoService, type DemoWindow } from './hall-day';
import { historyPlan } from './history-plan';
import { SeededRandom } from './seeded-random';

/** The settings key that records what the generator wrote (and tells a later run it did). */
export const DEMO_HISTORY_SETTING = 'demo-history';

export interface DemoHistoryOptions {
  db: Db;
  hall: HallSettings;
  hallId: string;
  timeZone: string;
  resetHour: number;
  /** Today's business day: the history ends the day before. */
  today: string;
  now: Date;
  seed: string;
  workdays: number;
  ticketsPerWorkday: number;
  /** Told after each month written (the command line prints progress). */
  onProgress?: (written: { date: string; tickets: number }) => void;
}

export interface DemoHistorySummary {
  from: string | null;
  to: string | null;
  /** Days written, and days left alone because they had tickets already. */
  days: number;
  skippedDays: number;
  tickets: number;
  ratings: number;
  badReviews: number;
  cases: number;
}

const isBad = (level: EvaluationLevel) => level === 'dissatisfied' || level === 'very_dissatisfied';

/**
 * Writes a year of plausible history for the hall's own services and windows (invented clerks,
 * no personal data but invented applicants of recent cases): tickets with their calls, recalls
 * and transfers, ratings with their 差评 follow-ups in every state, and cases. Deterministic: a
 * seed and a today give the same history; every day draws from its own random source, so a day
 * left alone (it had tickets already: the demo was used that day) changes no other day. Past days
 * count as already reported and ratings as already delivered, so nothing floods the outbox.
 * One transaction per day.
 */
export function writeDemoHistory(o: DemoHistoryOptions): DemoHistorySummary {
  const { db } = o;
  const services: DemoService[] = listServices(db).map((s) => ({
    code: s.code,
    prefix: s.prefix,
    numberStart: s.numberStart,
    targetWaitMin: s.targetWaitMin,
  }));
  const windows: DemoWindow[] = listWindows(db).map((w) => ({ id: w.id, number: w.number, services: w.services }));
  const roster = db.transaction(() => demoRoster(db, windows, o.seed))();
  const plan = historyPlan(
    {
      today: o.today,
      workdays: o.workdays,
      ticketsPerWorkday: o.ticketsPerWorkday,
      hours: o.hall.hours,
      calendar: o.hall.calendar,
    },
    new SeededRandom(`${o.seed}:plan`),
  );
  const summary: DemoHistorySummary = {
    from: plan[0]?.date ?? null,
    to: plan[plan.length - 1]?.date ?? null,
    days: 0,
    skippedDays: 0,
    tickets: 0,
    ratings: 0,
    badReviews: 0,
    cases: 0,
  };
  const taken = summary.from && summary.to ? daysWithTickets(db, summary.from, summary.to) : new Set<string>();
  const nowMs = o.now.getTime();
  const nowIso = o.now.toISOString();
  let caseNumber = 900_001;

  const rate = (
    rng: SeededRandom,
    rating: { level: EvaluationLevel; reason: string | null; comment: string | null; at: string },
    subject: Parameters<typeof insertHistoricRating>[1]['subject'],
    handlerNo: string,
  ) => {
    const id = demoUuid(rng);
    const bad = isBad(rating.level);
    insertHistoricRating(db, {
      id,
      ...rating,
      // A 差评 needs its reason (the evaluations table's rule).
      reason: bad ? (rating.reason ?? '办理时间长') : null,
      subject,
      callbackRequired: bad,
      evaluatedAt: rating.at,
      deliveredAt: new Date(Date.parse(rating.at) + 60_000).toISOString(),
      centralId: `EV-${id.slice(0, 8)}`,
    });
    summary.ratings++;
    if (!bad) return;
    summary.badReviews++;
    insertHistoricFollowup(
      db,
      followupOf(
        {
          evaluationId: id,
          ratedAt: Date.parse(rating.at),
          handlerNo,
          supervisorNo: roster.supervisorNo,
          calendar: o.hall.calendar,
          rectifyWorkingDays: o.hall.reviews.rectifyWorkingDays,
          timeZone: o.timeZone,
          now: nowMs,
        },
        new SeededRandom(`${o.seed}:followup:${id}`),
      ),
    );
  };

  for (const day of plan) {
    if (taken.has(day.date)) {
      summary.skippedDays++;
      continue;
    }
    const rng = new SeededRandom(`${o.seed}:day:${day.date}`);
    const tickets = hallDay(
      day,
      {
        services,
        windows,
        clerkAt: (windowNumber) => roster.clerkAt(day.date, windowNumber),
        timeZone: o.timeZone,
        resetHour: o.resetHour,
      },
      rng,
    );
    db.transaction(() => {
      const lastSeq = new Map<string, number>();
      for (const entry of tickets) {
        const t = entry.ticket;
        const id = insertHistoricTicket(db, t);
        lastSeq.set(t.issuedService, Math.max(lastSeq.get(t.issuedService) ?? 0, t.seq));
        for (const call of entry.calls) recordCall(db, { ticketId: id, ...call });
        if (entry.transfer) {
          recordAudit(db, {
            at: entry.transfer.at,
            staffId: entry.transfer.staffId,
            windowId: entry.transfer.windowId,
            action: 'ticket.transfer',
            ticketId: id,
            details: { toService: entry.transfer.toService, toWindow: null },
          });
        }
        if (entry.rating) {
          const r = entry.rating;
          rate(
            rng,
            r,
            {
              kind: 'ticket',
              ticketId: id,
              ticketNumber: t.number,
              windowNumber: String(r.windowNumber),
              staffNumber: r.staffNo,
            },
            r.staffNo,
          );
        }
      }
      for (const [service, seq] of lastSeq) insertHistoricCounter(db, day.date, service, seq);
      const cases = demoCases(
        { date: day.date, hallId: o.hallId, timeZone: o.timeZone, now: nowMs, firstNumber: caseNumber },
        rng,
      );
      for (const c of cases) {
        insertHistoricCase(db, c);
        caseNumber++;
        const completed = c.statusHistory.find((h) => h.status === 'completed');
        if (completed && rng.chance(0.3)) {
          const level = rng.weighted<EvaluationLevel>(
            [
              ['very_satisfied', 70],
              ['satisfied', 20],
              ['basic', 7],
              ['dissatisfied', 2],
              ['very_dissatisfied', 1],
            ],
            'satisfied',
          );
          const at = new Date(Date.parse(completed.at) + 3_600_000).toISOString();
          if (Date.parse(at) < nowMs)
            rate(
              rng,
              { level, reason: null, comment: null, at },
              { kind: 'case', caseNumber: c.caseNumber },
              roster.supervisorNo,
            );
        }
      }
      summary.cases += cases.length;
      markDayReported(db, day.date, nowIso);
    })();
    summary.days++;
    summary.tickets += tickets.length;
    o.onProgress?.({ date: day.date, tickets: summary.tickets });
  }
  writeSetting(db, DEMO_HISTORY_SETTING, { seed: o.seed, writtenAt: nowIso, ...summary }, nowIso);
  return summary;
}
