import { DISTRICT_CALENDAR_SEED, workCalendarOf } from '../../../contracts/district-calendar';
import { DISTRICT_TIME_ZONE, workingDaysLeft, workingDaysOverdue, type WorkingClock } from '../../../contracts/working-time';

/**
 * The console counts "剩 N 个工作日 / 已超期 N 个工作日" on the seeded district calendar, the
 * platform's own unless the 营商局 edited it; the deadline instant itself is the platform's.
 */
const CLOCK: WorkingClock = { calendar: workCalendarOf(DISTRICT_CALENDAR_SEED), timeZone: DISTRICT_TIME_ZONE };

export type DeadlineStanding = { kind: 'left'; days: number } | { kind: 'overdue'; days: number };

export function deadlineStanding(dueAt: string, now: Date, clock: WorkingClock = CLOCK): DeadlineStanding {
  const overdue = workingDaysOverdue(now, dueAt, clock);
  return overdue > 0 ? { kind: 'overdue', days: overdue } : { kind: 'left', days: workingDaysLeft(now, dueAt, clock) };
}

/** Amber on the due day or the day before, red once past, plain otherwise. */
export function standingTone(standing: DeadlineStanding): string {
  if (standing.kind === 'overdue') return 'tone-bad';
  return standing.days <= 1 ? 'tone-warn' : 'tone-ok';
}
