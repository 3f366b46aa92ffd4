import { instantOfWallTime, wallDate } from './wall-clock';
import { addWorkdays, nextDate, workingDaysBetween, type WorkCalendar } from './workdays';

/**
 * Working-day deadlines between instants, for the district platform's 营商诉求: "due N working
 * days after it was dispatched", "2 working days left", "overdue by 1 working day".
 *
 * The rule, in the district's zone (Asia/Shanghai):
 * - A deadline of N working days after an instant is the end (24:00 local, the next date's
 *   00:00) of the N-th working day after the instant's local date. The day of the instant never
 *   counts, whatever its hour: a complaint dispatched on Friday at 08:00 or at 16:00 with one
 *   working day is due on Monday at 24:00. Whole days keep a deadline independent of office
 *   hours and of the hour a sorter happened to work, and give every unit at least one full
 *   working day. Zero days: the end of that same day when it is a working day, else of the next.
 * - Work done at the deadline instant itself is on time; one millisecond later is late.
 */

/** The district's zone: every deadline of the platform is counted on Beijing time. */
export const DISTRICT_TIME_ZONE = 'Asia/Shanghai';

/** The calendar and the zone a deadline is counted in. */
export interface WorkingClock {
  readonly calendar: WorkCalendar;
  readonly timeZone: string;
}

type Instant = string | Date;

const millis = (at: Instant): number => (typeof at === 'string' ? Date.parse(at) : at.getTime());

/** The instant (ISO, UTC) of a local wall time `HH:mm` on a local date. */
export function instantAt(date: string, time: string, timeZone: string): string {
  const instant = instantOfWallTime(`${date}T${time}`, timeZone);
  if (instant === null) throw new RangeError(`not a local date and time: ${date} ${time}`);
  return instant;
}

/** The instant a local date ends: its 24:00, which is the next date's 00:00. */
export function endOfDate(date: string, timeZone: string): string {
  return instantAt(nextDate(date), '00:00', timeZone);
}

/** The local date of an instant: the day it falls on in the zone. */
export function localDateOf(at: Instant, timeZone: string): string {
  return wallDate(millis(at), timeZone);
}

/** The end of the N-th working day after the instant's local date (the rule above). */
export function workingDeadline(start: Instant, workingDays: number, clock: WorkingClock): string {
  const dueDate = addWorkdays(localDateOf(start, clock.timeZone), workingDays, clock.calendar);
  return endOfDate(dueDate, clock.timeZone);
}

/** The local date a deadline closes: the day whose 24:00 it is. */
export function dueDateOf(deadline: Instant, timeZone: string): string {
  return wallDate(millis(deadline) - 1, timeZone);
}

/** Whether work done at `doneAt` met the deadline (at the deadline instant itself counts). */
export function metDeadline(doneAt: Instant, deadline: Instant): boolean {
  return millis(doneAt) <= millis(deadline);
}

/**
 * Working days elapsed from one instant to another: the working days after `from`'s local date
 * up to and including `to`'s (a case accepted on Friday and done on Monday took 1; done the same
 * day, 0). For measures such as 企业开办 in working days.
 */
export function workingDaysElapsed(from: Instant, to: Instant, clock: WorkingClock): number {
  return workingDaysBetween(localDateOf(from, clock.timeZone), localDateOf(to, clock.timeZone), clock.calendar);
}

/**
 * "剩 N 个工作日": the working days after today up to the due date; 0 on the due date itself
 * and once the deadline has passed (then `workingDaysOverdue` speaks).
 */
export function workingDaysLeft(now: Instant, deadline: Instant, clock: WorkingClock): number {
  if (!metDeadline(now, deadline)) return 0;
  return workingDaysBetween(localDateOf(now, clock.timeZone), dueDateOf(deadline, clock.timeZone), clock.calendar);
}

/**
 * "已超期 N 个工作日": 0 until the deadline passes, then the working days after the due date up
 * to today, at least 1: a reply due on Friday is late on Saturday, though no working day has
 * passed yet.
 */
export function workingDaysOverdue(now: Instant, deadline: Instant, clock: WorkingClock): number {
  if (metDeadline(now, deadline)) return 0;
  const late = workingDaysBetween(dueDateOf(deadline, clock.timeZone), localDateOf(now, clock.timeZone), clock.calendar);
  return Math.max(1, late);
}
