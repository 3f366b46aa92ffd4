/** What a time reads while the hall's zone is not known yet (the same dash as a time the host left out). */
export const UNKNOWN_TIME = '—';

/**
 * Times as the hall's clock shows them (the host's time zone, from `/health`), whatever zone the
 * browser is in: a slot booked for 10:00 Beijing time reads 10:00 on every kiosk. Until the host
 * has answered, the zone is unknown and a time reads '—' rather than one in a guessed zone.
 */
export function hallTime(iso: string, timeZone: string | undefined, locale: string): string {
  if (timeZone === undefined) return UNKNOWN_TIME;
  return new Intl.DateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    new Date(iso),
  );
}

/** Date and time in the hall's zone, for a moment that may fall on another day (e.g. a service's next opening). */
export function hallDateTime(iso: string, timeZone: string | undefined, locale: string): string {
  if (timeZone === undefined) return UNKNOWN_TIME;
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    month: 'long',
    day: 'numeric',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));
}

/** A calendar date (YYYY-MM-DD, no zone) in words: month and day, the way the hall writes it. */
export function calendarDate(date: string, locale: string): string {
  const [y, m, d] = date.split('-').map(Number);
  if (y === undefined || m === undefined || d === undefined || [y, m, d].some(Number.isNaN)) return date;
  return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', year: 'numeric', month: 'long', day: 'numeric' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}
