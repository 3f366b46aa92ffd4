/**
 * Working days of a Chinese government office: Monday–Friday, minus the public holidays, plus
 * the weekend days worked in their place (调休). One rule for the hall host (promised deadlines
 * 承诺时限, opening hours, 差评 follow-ups) and the district platform (营商诉求 deadlines).
 * Dates are local YYYY-MM-DD strings; the arithmetic runs on UTC noon so no time zone or
 * daylight-saving shift can move a date. Instants are `working-time.ts`'s business.
 */
export interface WorkCalendar {
  holidays: readonly string[];
  extraWorkdays: readonly string[];
}

const DAY_MS = 86_400_000;
/** Far more working days than any promise (365) can need, so a bad calendar cannot loop for ever. */
const MAX_SCAN_DAYS = 2000;

function noon(date: string): number {
  return Date.parse(`${date}T12:00:00Z`);
}

function dateOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function isWeekend(date: string): boolean {
  const weekday = new Date(noon(date)).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/** The calendar day after a YYYY-MM-DD date. */
export function nextDate(date: string): string {
  return dateOf(noon(date) + DAY_MS);
}

/** The calendar day before a YYYY-MM-DD date. */
export function previousDate(date: string): string {
  return dateOf(noon(date) - DAY_MS);
}

/** A public holiday of the calendar (法定节假日): the hall is closed all day. */
export function isHoliday(date: string, calendar: WorkCalendar): boolean {
  return calendar.holidays.includes(date) && !calendar.extraWorkdays.includes(date);
}

/** A Saturday or Sunday worked in a holiday's place (调休): the hall opens with weekday hours. */
export function isMakeupWorkday(date: string, calendar: WorkCalendar): boolean {
  return calendar.extraWorkdays.includes(date) && isWeekend(date);
}

export function isWorkday(date: string, calendar: WorkCalendar): boolean {
  if (calendar.extraWorkdays.includes(date)) return true;
  if (calendar.holidays.includes(date)) return false;
  return !isWeekend(date);
}

/**
 * The date `days` working days after `date` (the start day itself not counted). Zero days
 * means the same day when it is a working day, else the next one (即办件 done on arrival).
 */
export function addWorkdays(date: string, days: number, calendar: WorkCalendar): string {
  let ms = noon(date);
  let left = days;
  if (left === 0) {
    for (let i = 0; i < MAX_SCAN_DAYS && !isWorkday(dateOf(ms), calendar); i++) ms += DAY_MS;
    return dateOf(ms);
  }
  for (let i = 0; i < MAX_SCAN_DAYS && left > 0; i++) {
    ms += DAY_MS;
    if (isWorkday(dateOf(ms), calendar)) left -= 1;
  }
  return dateOf(ms);
}

/** The last working day before `date` (a reminder "one working day before" falls on it). */
export function previousWorkday(date: string, calendar: WorkCalendar): string {
  let day = previousDate(date);
  for (let i = 0; i < MAX_SCAN_DAYS && !isWorkday(day, calendar); i++) day = previousDate(day);
  return day;
}

/**
 * Working days in (after, upTo]: how many working days lie after `after`, up to and including
 * `upTo`; 0 when `upTo` is not after `after`.
 */
export function workingDaysBetween(after: string, upTo: string, calendar: WorkCalendar): number {
  let count = 0;
  for (let day = nextDate(after); day <= upTo; day = nextDate(day)) if (isWorkday(day, calendar)) count += 1;
  return count;
}
