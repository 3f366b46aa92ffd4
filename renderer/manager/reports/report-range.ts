import { REPORT_MAX_DAYS, reportRangeProblem, type ReportRangeProblem } from '../../../contracts/reports';

/** The ranges a manager picks from; `custom` takes two dates. */
export const RANGE_KINDS = ['day', 'thisWeek', 'lastWeek', 'thisMonth', 'lastMonth', 'pastYear', 'custom'] as const;
export type RangeKind = (typeof RANGE_KINDS)[number];

export interface DateRange {
  from: string;
  to: string;
}

const DAY_MS = 86_400_000;
const noon = (date: string) => Date.parse(`${date}T12:00:00Z`);
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Calendar arithmetic on YYYY-MM-DD (no time zone can move a date). */
export function shiftDate(date: string, days: number): string {
  return iso(noon(date) + days * DAY_MS);
}

/** The hall-local date of an instant: the report's days are the hall's, never the browser's or UTC's. */
export function hallToday(now: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** Monday of the week of `date` (weeks start on Monday in China). */
function monday(date: string): string {
  const weekday = new Date(noon(date)).getUTCDay();
  return shiftDate(date, -((weekday + 6) % 7));
}

/**
 * The dates of a preset, ending today at the latest (a week or month still under way is reported
 * up to today): `day` is `day` itself (today unless chosen), the past year is 365 days to today.
 */
export function presetRange(kind: Exclude<RangeKind, 'custom'>, today: string, day: string = today): DateRange {
  switch (kind) {
    case 'day':
      return { from: day, to: day };
    case 'thisWeek':
      return { from: monday(today), to: today };
    case 'lastWeek': {
      const from = shiftDate(monday(today), -7);
      return { from, to: shiftDate(from, 6) };
    }
    case 'thisMonth':
      return { from: `${today.slice(0, 7)}-01`, to: today };
    case 'lastMonth': {
      const to = shiftDate(`${today.slice(0, 7)}-01`, -1);
      return { from: `${to.slice(0, 7)}-01`, to };
    }
    case 'pastYear':
      return { from: shiftDate(today, -364), to: today };
  }
}

/** Why a custom range cannot be asked for (the host's own rule, contracts/reports.ts), or null. */
export function customRangeProblem(range: DateRange): ReportRangeProblem | 'missing' | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(range.from) || !/^\d{4}-\d{2}-\d{2}$/.test(range.to)) return 'missing';
  return reportRangeProblem(range.from, range.to);
}

export { REPORT_MAX_DAYS };
