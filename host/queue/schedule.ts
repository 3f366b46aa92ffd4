import type { HallCalendar, OpeningPeriod, WeeklyHours } from '../../contracts/config';
import { offsetAt, wallParts } from '../../contracts/wall-clock';
import { isHoliday, isMakeupWorkday } from '../../contracts/workdays';

/**
 * Opening hours, business days and issuing slots in the hall's time zone.
 *
 * Pure functions over instants: every local time is read on the zone's wall clock
 * (contracts/wall-clock.ts), never from the machine's zone or from UTC day boundaries, and each
 * wall-clock time is mapped back to an instant with that day's own offset, so a
 * DST zone keeps working on the days its offset changes.
 */

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

/** Indexed by JavaScript's getUTCDay() (0 = Sunday). */
const WEEKDAYS: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

export interface LocalClock {
  /** Hall-local calendar date, YYYY-MM-DD. */
  date: string;
  weekday: Weekday;
  /** Wall-clock minutes since local midnight (hour × 60 + minute); seconds are dropped. */
  minutes: number;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function isoDate(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

function parseDate(date: string): [number, number, number] {
  const [y, m, d] = date.split('-').map(Number);
  return [y ?? 1970, m ?? 1, d ?? 1];
}

/** Calendar arithmetic on YYYY-MM-DD (time-zone free). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = parseDate(date);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return isoDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

function weekdayOf(date: string): Weekday {
  const [y, m, d] = parseDate(date);
  return WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()] ?? 'mon';
}

export function localClock(instant: Date, timeZone: string): LocalClock {
  const p = wallParts(instant, timeZone);
  const date = isoDate(p.year, p.month, p.day);
  return { date, weekday: weekdayOf(date), minutes: p.hour * 60 + p.minute };
}

/**
 * The business day an instant belongs to: the hall-local date, except that the
 * hours before `resetHour` still belong to the previous day (a ticket taken at
 * 02:30 with a 03:00 reset is yesterday's), so numbering and statistics do not
 * turn over while the late shift is still closing.
 */
export function businessDay(instant: Date, timeZone: string, resetHour: number): string {
  const clock = localClock(instant, timeZone);
  return clock.minutes < resetHour * 60 ? addDays(clock.date, -1) : clock.date;
}

/**
 * The instants at which a wall-clock time occurs: one normally, two in a
 * fall-back overlap, none in a spring-forward gap. `minutes` may exceed a day.
 */
function wallCandidates(
  date: string,
  minutes: number,
  timeZone: string,
): { naive: number; before: number; after: number; valid: number[] } {
  const [y, m, d] = parseDate(date);
  const naive = Date.UTC(y, m - 1, d) + minutes * MINUTE_MS;
  // A day either side brackets at most one offset change (zones change a few times a year).
  const before = offsetAt(naive - DAY_MS, timeZone);
  const after = offsetAt(naive + DAY_MS, timeZone);
  const valid = [...new Set([naive - before, naive - after])]
    .filter((t) => offsetAt(t, timeZone) === naive - t)
    .sort((a, b) => a - b);
  return { naive, before, after, valid };
}

/**
 * The instant of a wall-clock time in the zone, resolved like Temporal's
 * "compatible" rule: the earlier of two in an overlap; in a gap, the time as
 * read with the offset from before the gap (which lands just after it).
 */
export function zonedInstant(date: string, minutes: number, timeZone: string): Date {
  const c = wallCandidates(date, minutes, timeZone);
  return new Date(c.valid[0] ?? c.naive - c.before);
}

/**
 * The first instant in (a, b] already on b's offset, found by bisection to the
 * second; a and b lie on the two sides of one offset change.
 */
function transitionBetween(a: number, b: number, timeZone: string): number {
  const target = offsetAt(b, timeZone);
  let lo = a;
  let hi = b;
  while (hi - lo > 1000) {
    const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
    if (offsetAt(mid, timeZone) === target) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** When a wall time falls in a spring-forward gap: the instant the clock jumps over it. */
function gapEnd(c: { naive: number; before: number; after: number }, timeZone: string): number {
  return transitionBetween(c.naive - c.after, c.naive - c.before, timeZone);
}

export interface SlotBounds {
  start: Date;
  /** Exclusive; the next slot's start. */
  end: Date;
}

/**
 * The issuing slot that contains the instant, for per-slot limits. Slots are
 * `slotMinutes` of wall-clock time aligned to local midnight (09:00, 09:30, ...
 * for 30), so they follow the hall's clock; the last slot of a day ends at
 * midnight. On a DST day a slot is cut where the clock jumps: a slot beginning
 * in a skipped hour starts at the jump, and a repeated hour is a slot of its
 * own unless the clock falls back into the same slot (then the slot runs on).
 * Count tickets in [start, end): `end − start` is not always `slotMinutes`.
 */
export function slotBounds(instant: Date, slotMinutes: number, timeZone: string): SlotBounds {
  if (!Number.isInteger(slotMinutes) || slotMinutes <= 0)
    throw new RangeError(`slotMinutes must be a positive integer, got ${slotMinutes}`);
  const t = instant.getTime();
  const clock = localClock(instant, timeZone);
  const from = Math.floor(clock.minutes / slotMinutes) * slotMinutes;
  const to = Math.min(from + slotMinutes, 24 * 60);
  const inSlot = (at: number) => {
    const c = localClock(new Date(at), timeZone);
    return c.date === clock.date && c.minutes >= from && c.minutes < to;
  };

  const s = wallCandidates(clock.date, from, timeZone);
  let start: number;
  if (s.valid.length === 0) start = gapEnd(s, timeZone);
  else {
    const notAfter = s.valid.filter((v) => v <= t);
    start = notAfter[notAfter.length - 1] ?? s.valid[0] ?? s.naive;
    // The wall time occurred twice: the slot began at the first occurrence if the clock fell back into it.
    const first = notAfter[0];
    if (first !== undefined && first < start && inSlot(start - 1000)) start = first;
  }

  const e = wallCandidates(clock.date, to, timeZone);
  let end = e.valid.length === 0 ? gapEnd(e, timeZone) : (e.valid.find((v) => v > t) ?? e.naive - e.before);
  // A fall-back between the instant and the wall end can leave the slot early.
  if (offsetAt(t, timeZone) !== offsetAt(end, timeZone)) {
    const jump = transitionBetween(t, end, timeZone);
    if (!inSlot(jump)) end = jump;
  }
  return { start: new Date(start), end: new Date(end) };
}

/** Start of the issuing slot that contains the instant (see slotBounds). */
export function slotStart(instant: Date, slotMinutes: number, timeZone: string): Date {
  return slotBounds(instant, slotMinutes, timeZone).start;
}

export interface OpeningState {
  open: boolean;
  /** The period the instant falls in, when open. */
  period?: OpeningPeriod;
  /** Open only as the lunch-time duty window (午休值班): fewer windows, maybe fewer services. */
  duty: boolean;
  /** When open: the end of the continuous opening (adjacent periods run on). */
  closesAt?: Date;
  /** When closed: the next start of a period within the next `NEXT_OPENING_DAYS` days. */
  nextOpening?: Date;
  /** Closed because the day is a public holiday of the hall calendar (法定节假日): closed all day. */
  holiday?: true;
}

/**
 * What changes a day's weekly hours: the hall's calendar (a public holiday is closed all day; a
 * 调休 Saturday or Sunday opens with the hours of the weekday `calendar.makeupHours` names) and
 * a supervisor's 延时服务 (today's last period runs on until the extension's end).
 */
export interface DayRules {
  calendar?: HallCalendar;
  /** The wall minutes a date's opening was extended to (延时服务), if it was. */
  extendedUntil?: (date: string) => number | undefined;
}

/** How far ahead a closed hall looks for its next opening: a Spring Festival week plus its weekends. */
export const NEXT_OPENING_DAYS = 31;

function hhmm(value: string): number {
  const [h, m] = value.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

interface WallPeriod {
  from: number;
  to: number;
  period: OpeningPeriod;
}

/** What kind of day a date is for the hall: a holiday, a 调休 weekend workday, or as the week says. */
export type DayKind = 'holiday' | 'makeup' | 'regular';

export function dayKind(date: string, calendar: HallCalendar | undefined): DayKind {
  if (calendar === undefined) return 'regular';
  if (isHoliday(date, calendar)) return 'holiday';
  if (isMakeupWorkday(date, calendar)) return 'makeup';
  return 'regular';
}

/** The weekly hours a date opens with: none on a holiday, a weekday's on a 调休 weekend day. */
export function weeklyHoursOf(hours: WeeklyHours, date: string, calendar: HallCalendar | undefined): OpeningPeriod[] {
  const kind = dayKind(date, calendar);
  if (kind === 'holiday') return [];
  if (kind === 'makeup' && calendar !== undefined) return hours[calendar.makeupHours];
  return hours[weekdayOf(date)];
}

/** The extra period of a 延时服务: from the end of the day's last period to the extension's end. */
const EXTENDED: OpeningPeriod = { from: '00:00', to: '00:00', duty: false };

/**
 * A day's periods in wall minutes, by start. A period ending at 00:00 runs to
 * midnight (and on into a next-day period from 00:00); a period whose end is not
 * after its start is ignored: a service hall has no overnight periods. An extension runs the
 * day's last period on to its end; it opens no day that has no hours (a holiday stays closed).
 */
function wallPeriods(hours: WeeklyHours, date: string, rules: DayRules = {}): WallPeriod[] {
  const periods = weeklyHoursOf(hours, date, rules.calendar)
    .map((period) => ({ from: hhmm(period.from), to: period.to === '00:00' ? 24 * 60 : hhmm(period.to), period }))
    .filter((p) => p.to > p.from)
    .sort((a, b) => a.from - b.from);
  const until = rules.extendedUntil?.(date);
  const last = periods.at(-1);
  if (until !== undefined && last !== undefined && until > last.to) {
    periods.push({ from: last.to, to: until, period: { ...EXTENDED, from: minutesText(last.to), to: minutesText(until) } });
  }
  return periods;
}

function minutesText(minutes: number): string {
  return `${pad(Math.floor(minutes / 60) % 24)}:${pad(minutes % 60)}`;
}

/** A date's opening periods as the hall keeps them (holidays, 调休, extension applied), for screens. */
export function dayPeriods(
  hours: WeeklyHours,
  date: string,
  rules: DayRules = {},
): { from: string; to: string; duty: boolean }[] {
  return wallPeriods(hours, date, rules).map((p) => ({
    from: minutesText(p.from),
    to: p.to === 24 * 60 ? '24:00' : minutesText(p.to),
    duty: p.period.duty,
  }));
}

const DAY_MINUTES = 24 * 60;

/**
 * Whether the hall (or a service) is open at an instant, with when that
 * changes. Periods are [from, to) in wall-clock time. The decision is made in
 * wall minutes and only the answer is turned into an instant: converting every
 * period of the week would cost milliseconds per call, and this runs for every
 * service on every kiosk refresh.
 */
export function openingState(hours: WeeklyHours, instant: Date, timeZone: string, rules: DayRules = {}): OpeningState {
  const now = localClock(instant, timeZone);
  const today = wallPeriods(hours, now.date, rules);
  const current = today.find((p) => p.from <= now.minutes && now.minutes < p.to);
  if (current) {
    // 08:30–12:00, 12:00–14:00 (duty), 14:00–17:30 is one opening from 08:30 to 17:30.
    let date = now.date;
    let end = current.to;
    let periods = today;
    for (let day = 0; day <= 7; day++) {
      for (const p of periods) if (p.from <= end && p.to > end) end = p.to;
      if (end < DAY_MINUTES) break;
      const next = addDays(date, 1);
      const following = wallPeriods(hours, next, rules);
      if (following[0]?.from !== 0) break;
      date = next;
      end = 0;
      periods = following;
    }
    return { open: true, period: current.period, duty: current.period.duty, closesAt: zonedInstant(date, end, timeZone) };
  }
  const holiday = dayKind(now.date, rules.calendar) === 'holiday' ? { holiday: true as const } : {};
  for (let day = 0; day <= NEXT_OPENING_DAYS; day++) {
    const date = addDays(now.date, day);
    const first = wallPeriods(hours, date, rules).find((p) => day > 0 || p.from > now.minutes);
    if (!first) continue;
    const nextOpening = zonedInstant(date, first.from, timeZone);
    if (nextOpening.getTime() - instant.getTime() <= NEXT_OPENING_DAYS * DAY_MS)
      return { open: false, duty: false, nextOpening, ...holiday };
    break;
  }
  return { open: false, duty: false, ...holiday };
}

/**
 * Opening state of one service: its own weekly hours when it has them
 * (services.hours_json), else the hall's. Returns the whole state so a kiosk can
 * say when a closed service opens again; `.open` is the yes/no.
 */
export function serviceOpen(
  hallHours: WeeklyHours,
  serviceHours: WeeklyHours | undefined,
  instant: Date,
  timeZone: string,
  rules: DayRules = {},
): OpeningState {
  return openingState(serviceHours ?? hallHours, instant, timeZone, rules);
}
