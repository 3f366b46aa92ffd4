/**
 * Working days of a Chinese government hall: Monday–Friday, minus the public holidays, plus
 * the weekend days worked in their place (调休). Promised deadlines (承诺时限) count these.
 * Dates are local YYYY-MM-DD strings; the arithmetic runs on UTC noon so no time zone or
 * daylight-saving shift can move a date.
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
  const weekday = new Date(noon(date)).getUTCDay();
  return weekday !== 0 && weekday !== 6;
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
