import { UNKNOWN_TIME } from './flows/checkin/hall-time';

/**
 * When a closed service issues numbers again, in words the hall's notice board would use: a
 * time for later today, the weekday and time within the coming week, the date beyond it. Read
 * on the hall's clock (its time zone), whatever zone the browser is in.
 */
export interface NextOpening {
  /** Later today (the hall has not opened yet), or on a later day. */
  today: boolean;
  /** "08:30", "周一 08:30", "12月14日 周一 08:30" (or the English equivalents). */
  text: string;
}

const DAY_MS = 86_400_000;

function hallDate(at: Date, timeZone: string): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** `timeZone` is the hall's, from `/health`: unknown until the host answered, when the time reads '—'. */
export function nextOpening(iso: string, now: Date, timeZone: string | undefined, locale: string): NextOpening {
  if (timeZone === undefined) return { today: false, text: UNKNOWN_TIME };
  const at = new Date(iso);
  const time = new Intl.DateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
  if (hallDate(at, timeZone) === hallDate(now, timeZone)) return { today: true, text: time };
  const withinWeek =
    Date.parse(`${hallDate(at, timeZone)}T00:00:00Z`) - Date.parse(`${hallDate(now, timeZone)}T00:00:00Z`) < 7 * DAY_MS;
  const day = new Intl.DateTimeFormat(locale, {
    timeZone,
    weekday: 'short',
    ...(withinWeek ? {} : { month: 'long', day: 'numeric' }),
  }).format(at);
  return { today: false, text: `${day} ${time}` };
}
