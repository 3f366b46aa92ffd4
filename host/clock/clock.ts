/** Injectable time source: tests move the hall's clock, production reads the system's. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

const dayFormatters = new Map<string, Intl.DateTimeFormat>();

/**
 * The hall-local calendar date (YYYY-MM-DD) of an instant. Queue numbering and
 * statistics roll over on this date, never on the UTC date: 07:30 in Beijing is
 * still "yesterday" in UTC.
 */
export function localDate(instant: Date, timeZone: string): string {
  let fmt = dayFormatters.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormatters.set(timeZone, fmt);
  }
  return fmt.format(instant);
}

/** Whole years between a birth date (YYYY-MM-DD) and a local date (YYYY-MM-DD). */
export function ageOn(birthDate: string, onDate: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = onDate.split('-').map(Number) as [number, number, number];
  const hadBirthday = m > bm || (m === bm && d >= bd);
  return Math.max(0, y - by - (hadBirthday ? 0 : 1));
}
