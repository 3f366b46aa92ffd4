import type { AssessmentPeriod } from '../../../contracts/complaint-assessment';

/**
 * The statistics screen's period picker: a year, a quarter or a month of the district's
 * (Beijing) calendar, as the dates and the label the platform counts and prints by.
 */
export type PeriodKind = 'year' | 'quarter' | 'month';

export interface PeriodChoice {
  kind: PeriodKind;
  year: number;
  /** The quarter (1–4) or month (1–12); unused for a year. */
  part: number;
}

const QUARTERS = ['第一季度', '第二季度', '第三季度', '第四季度'] as const;

const pad = (n: number) => String(n).padStart(2, '0');

/** The last day of a month (1–12) of a year. */
function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The period's first and last dates and its label (2026年, 2026年第四季度, 2026年11月). */
export function periodOf(choice: PeriodChoice): AssessmentPeriod {
  const { kind, year } = choice;
  if (kind === 'year') return { from: `${year}-01-01`, to: `${year}-12-31`, label: `${year}年` };
  if (kind === 'quarter') {
    const quarter = Math.min(4, Math.max(1, choice.part));
    const first = (quarter - 1) * 3 + 1;
    return {
      from: `${year}-${pad(first)}-01`,
      to: `${year}-${pad(first + 2)}-${pad(lastDay(year, first + 2))}`,
      label: `${year}年${QUARTERS[quarter - 1] ?? ''}`,
    };
  }
  const month = Math.min(12, Math.max(1, choice.part));
  return {
    from: `${year}-${pad(month)}-01`,
    to: `${year}-${pad(month)}-${pad(lastDay(year, month))}`,
    label: `${year}年${month}月`,
  };
}

/** The Beijing year and month of an instant. */
function beijingYearMonth(now: Date): { year: number; month: number } {
  const shifted = new Date(now.getTime() + 8 * 3_600_000);
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1 };
}

/** The period of a kind that contains `now` (Beijing): what the screen opens on. */
export function currentChoice(now: Date, kind: PeriodKind): PeriodChoice {
  const { year, month } = beijingYearMonth(now);
  return { kind, year, part: kind === 'quarter' ? Math.ceil(month / 3) : kind === 'month' ? month : 1 };
}

/** How many parts a kind has in a year: the picker's second list. */
export function partsOf(kind: PeriodKind): number[] {
  const count = kind === 'quarter' ? 4 : kind === 'month' ? 12 : 0;
  return Array.from({ length: count }, (_, i) => i + 1);
}
