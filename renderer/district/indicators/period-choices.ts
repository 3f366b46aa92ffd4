import { IndicatorPeriodKey, type IndicatorPeriodKind } from '../../../contracts/indicator-periods';

/**
 * The assessment periods the console names and offers (docs/indicators.md, "Periods"): a year
 * (`2026`, the assessment), a quarter (`2026-Q3`) or a month (`2026-07`), each on Beijing dates.
 */

/** A period key taken apart for its label: `2026-Q3` → quarter 3 of 2026. */
export type PeriodParts =
  | { kind: 'year'; year: number }
  | { kind: 'quarter'; year: number; quarter: number }
  | { kind: 'month'; year: number; month: number };

export function periodParts(key: string): PeriodParts {
  const match = /^(\d{4})(?:-Q([1-4])|-(\d{2}))?$/.exec(IndicatorPeriodKey.parse(key));
  const year = Number(match?.[1]);
  if (match?.[2] !== undefined) return { kind: 'quarter', year, quarter: Number(match[2]) };
  if (match?.[3] !== undefined) return { kind: 'month', year, month: Number(match[3]) };
  return { kind: 'year', year };
}

/** The message key and values of a period's label (`dstIndicators.periods.<kind>`). */
export function periodLabel(key: string): {
  key: `dstIndicators.periods.${IndicatorPeriodKind}`;
  values: Record<string, number>;
} {
  const parts = periodParts(key);
  switch (parts.kind) {
    case 'year':
      return { key: 'dstIndicators.periods.year', values: { year: parts.year } };
    case 'quarter':
      return { key: 'dstIndicators.periods.quarter', values: { year: parts.year, quarter: parts.quarter } };
    case 'month':
      return { key: 'dstIndicators.periods.month', values: { year: parts.year, month: parts.month } };
  }
}

/** The Beijing calendar date of an instant (UTC+8, no daylight saving): YYYY-MM-DD. */
export function beijingDate(now: Date): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * The periods an operator may open now and which are not open or closed yet: this year, quarter
 * and month on the district's clock, and the ones just before them (a quarter is usually opened
 * and filled after it ends). The platform refuses one that has not begun; none of these has.
 */
export function openablePeriods(now: Date, existing: readonly string[]): string[] {
  const [year, month] = beijingDate(now).split('-').map(Number) as [number, number];
  const quarter = Math.floor((month - 1) / 3) + 1;
  const previousQuarter = quarter === 1 ? `${year - 1}-Q4` : `${year}-Q${quarter - 1}`;
  const previousMonth = month === 1 ? `${year - 1}-12` : `${year}-${pad(month - 1)}`;
  const candidates = [`${year}`, `${year}-Q${quarter}`, `${year}-${pad(month)}`, `${year - 1}`, previousQuarter, previousMonth];
  const taken = new Set(existing);
  return candidates.filter((key) => !taken.has(key));
}
