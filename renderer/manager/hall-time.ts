/**
 * The hall's wall clock in a supervisor's forms: a date input's day and a datetime-local input's
 * time are the hall's (its zone from `/health`), never the browser's, which may sit on a PC set to
 * another zone. Conversions go through Intl with the zone's offset at that instant.
 */

const partsFormats = new Map<string, Intl.DateTimeFormat>();

function partsOf(ms: number, timeZone: string): Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number> {
  let format = partsFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormats.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  const n = (key: string) => Number(parts[key] ?? 0);
  return { year: n('year'), month: n('month'), day: n('day'), hour: n('hour'), minute: n('minute'), second: n('second') };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The zone's offset from UTC at an instant, in ms (Beijing: +8 h). */
function offsetAt(ms: number, timeZone: string): number {
  const p = partsOf(ms, timeZone);
  const wholeSeconds = Math.floor(ms / 1000) * 1000;
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - wholeSeconds;
}

/** The hall-local date (YYYY-MM-DD) of an instant: what a date filter means by "today". */
export function hallDate(ms: number, timeZone: string): string {
  const p = partsOf(ms, timeZone);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
}

/** An instant (ISO) as a datetime-local input's value on the hall's clock: YYYY-MM-DDTHH:mm. */
export function wallTimeOf(iso: string, timeZone: string): string {
  const p = partsOf(Date.parse(iso), timeZone);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}

/**
 * The instant (ISO) of a datetime-local value read on the hall's clock; null when it is no such
 * value. A time a clock change skips lands just after the change.
 */
export function instantOfWallTime(wall: string, timeZone: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(wall);
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const naive = Date.UTC(y, mo - 1, d, h, mi);
  if (Number.isNaN(naive)) return null;
  const first = naive - offsetAt(naive, timeZone);
  // Once more with the offset at the instant found: right across a change of the zone's offset.
  return new Date(naive - offsetAt(first, timeZone)).toISOString();
}
