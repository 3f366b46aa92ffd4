/**
 * Times as the hall's clock shows them (the host's time zone), whatever zone the browser is in:
 * a slot booked for 10:00 Beijing time reads 10:00 on every kiosk.
 */
export function hallTime(iso: string, timeZone: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    new Date(iso),
  );
}

/** Date and time in the hall's zone, for a moment that may fall on another day (e.g. a service's next opening). */
export function hallDateTime(iso: string, timeZone: string, locale: string): string {
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
