import { addWorkdays, isWorkday, type WorkCalendar } from '../../contracts/workdays';

/**
 * When the people of the generated 营商诉求 history act (complaint-history.ts): in office hours
 * (08:30–17:30) on the district's working days, early within a stage's time or a few working
 * days after its deadline. Beijing time is UTC+8 all year (China has kept no summer time since
 * 1991), so a local date is plain arithmetic here: Intl, which the platform's deadline rule uses,
 * would cost a hundred thousand complaints most of their minute.
 */

/** A source of numbers in [0, 1): the same sequence for the same seed. */
export type Random = () => number;

/**
 * mulberry32: small, fast and the same sequence for the same seed on every machine (as
 * tests/reliability/support.ts `seededRandom`, not imported: that module brings process and
 * browser helpers into the bench's bundle).
 */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const BEIJING_OFFSET_MS = 8 * 3_600_000;
const MINUTE_MS = 60_000;
const OFFICE_OPENS = 8 * 60 + 30;
const OFFICE_CLOSES = 17 * 60 + 30;

const DAY_MS = 86_400_000;
/** Dates by their day number: a history asks for the same thousand dates millions of times. */
const datesByDay = new Map<number, string>();

/** The Beijing date of an instant (ms). */
export function beijingDate(ms: number): string {
  const day = Math.floor((ms + BEIJING_OFFSET_MS) / DAY_MS);
  let date = datesByDay.get(day);
  if (date === undefined) {
    date = new Date(day * DAY_MS).toISOString().slice(0, 10);
    datesByDay.set(day, date);
  }
  return date;
}

/** The date after `date`. */
function dayAfter(date: string): string {
  return beijingDate(beijingInstant(date, 0) + DAY_MS);
}

/** The instant (ms) of a Beijing wall time, minutes after midnight of `date`. */
export function beijingInstant(date: string, minutes: number): number {
  return Date.parse(`${date}T00:00:00Z`) - BEIJING_OFFSET_MS + minutes * MINUTE_MS;
}

/** The Beijing date whose 24:00 a deadline is (working-time.ts `dueDateOf`). */
function dueDateOf(deadline: string): string {
  return beijingDate(Date.parse(deadline) - 1);
}

/**
 * Office hours, and the deadline rule of working-time.ts on Beijing time. The calendar's answers
 * are kept: they depend on the date alone.
 */
export class WorkClock {
  private readonly workdays = new Map<string, boolean>();
  private readonly laterDates = new Map<string, string>();
  private readonly deadlines = new Map<string, string>();

  constructor(
    private readonly calendar: WorkCalendar,
    private readonly random: Random,
  ) {}

  isWorkday(date: string): boolean {
    let workday = this.workdays.get(date);
    if (workday === undefined) {
      workday = isWorkday(date, this.calendar);
      this.workdays.set(date, workday);
    }
    return workday;
  }

  /** The date `days` working days after `date` (workdays.ts `addWorkdays`). */
  private addWorkdays(date: string, days: number): string {
    const key = `${date}+${days}`;
    let later = this.laterDates.get(key);
    if (later === undefined) {
      later = addWorkdays(date, days, this.calendar);
      this.laterDates.set(key, later);
    }
    return later;
  }

  /** N working days after an instant: the end of the N-th working day after its date (working-time.ts `workingDeadline`). */
  deadlineAfter(start: number, workingDays: number): string {
    const key = `${beijingDate(start)}+${workingDays}`;
    let deadline = this.deadlines.get(key);
    if (deadline === undefined) {
      const dueDate = this.addWorkdays(beijingDate(start), workingDays);
      deadline = new Date(beijingInstant(dayAfter(dueDate), 0)).toISOString();
      this.deadlines.set(key, deadline);
    }
    return deadline;
  }

  /** A time in office hours on `date` after `notBefore` (ms), or null when the office closed before it. */
  officeTimeOn(date: string, notBefore: number): number | null {
    const opens = Math.max(beijingInstant(date, OFFICE_OPENS), notBefore + MINUTE_MS);
    const closes = beijingInstant(date, OFFICE_CLOSES);
    if (opens >= closes) return null;
    return Math.floor(opens + this.random() * Math.min(closes - opens, 4 * 3_600_000));
  }

  /** The first office time after `after` on a working day, a little later than it. */
  soon(after: number): number {
    for (let date = beijingDate(after), i = 0; i < 30; date = dayAfter(date), i++) {
      if (!this.isWorkday(date)) continue;
      const at = this.officeTimeOn(date, after);
      if (at !== null) return Math.min(at, Math.max(after + MINUTE_MS, beijingInstant(date, OFFICE_OPENS)) + 90 * MINUTE_MS);
    }
    return after + MINUTE_MS;
  }

  /**
   * Done in time: an office time on a working day from `after`'s date to the deadline's, the
   * earlier days likelier (most units act on the day a matter arrives or the next).
   */
  withinDeadline(after: number, deadline: string): number {
    const dueDate = dueDateOf(deadline);
    const days: string[] = [];
    for (let date = beijingDate(after); date <= dueDate && days.length < 30; date = dayAfter(date)) {
      if (this.isWorkday(date) && this.officeTimeOn(date, after) !== null) days.push(date);
    }
    let index = 0;
    while (index < days.length - 1 && this.random() < 0.45) index++;
    const day = days[index];
    const at = day === undefined ? null : this.officeTimeOn(day, after);
    return Math.min(at ?? after + 5 * MINUTE_MS, Date.parse(deadline));
  }

  /** Done late: an office time one to three working days after the deadline's date. */
  afterDeadline(after: number, deadline: string): number {
    const dueDate = dueDateOf(deadline);
    const date = this.addWorkdays(dueDate, 1 + Math.floor(this.random() * 3));
    return Math.max(this.officeTimeOn(date, after) ?? beijingInstant(date, OFFICE_OPENS + 30), after + MINUTE_MS);
  }

  /** The 督办单's follow-up: an office time on the working day after the deadline's date. */
  dayAfterDeadline(deadline: string): number {
    const date = this.addWorkdays(dueDateOf(deadline), 1);
    return beijingInstant(date, OFFICE_OPENS + Math.floor(this.random() * 120));
  }
}
