import type { OpeningPeriod, WeeklyHours } from '../../../../contracts/config';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface HoursRow {
  first: Weekday;
  last: Weekday;
  periods: readonly OpeningPeriod[];
}

const same = (a: readonly OpeningPeriod[], b: readonly OpeningPeriod[]) =>
  a.length === b.length && a.every((p, i) => p.from === b[i]?.from && p.to === b[i]?.to && p.duty === b[i]?.duty);

/** Consecutive weekdays with the same periods share a row, as a hall's notice board writes them. */
export function hoursRows(hours: WeeklyHours): HoursRow[] {
  const rows: HoursRow[] = [];
  for (const day of WEEKDAYS) {
    const periods = hours[day];
    const previous = rows.at(-1);
    if (previous && same(previous.periods, periods)) previous.last = day;
    else rows.push({ first: day, last: day, periods });
  }
  return rows;
}
