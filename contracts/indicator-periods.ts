import { z } from 'zod';

/**
 * An assessment period of the indicator system (docs/indicators.md, "Entering a figure"): a year
 * (`2026`, the assessment), a quarter (`2026-Q3`, the monitoring) or a month (`2026-07`), each a
 * range of Asia/Shanghai calendar dates, both ends included. Its key names it everywhere: in the
 * console's paths, the stored values and the export.
 */
export const IndicatorPeriodKey = z
  .string()
  .regex(/^(20\d{2})(-Q[1-4]|-(0[1-9]|1[0-2]))?$/, 'expected a period like 2026, 2026-Q3 or 2026-07');
export type IndicatorPeriodKey = z.infer<typeof IndicatorPeriodKey>;

export const IndicatorPeriodKind = z.enum(['year', 'quarter', 'month']);
export type IndicatorPeriodKind = z.infer<typeof IndicatorPeriodKind>;

export interface PeriodRange {
  kind: IndicatorPeriodKind;
  /** The first date, YYYY-MM-DD. */
  from: string;
  /** The last date, included. */
  to: string;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** The last day of a month (1–12), from the day before the next month's first. */
function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The dates a period key covers; throws on a key the schema refuses. */
export function periodRange(key: string): PeriodRange {
  const match = /^(\d{4})(?:-Q([1-4])|-(\d{2}))?$/.exec(IndicatorPeriodKey.parse(key));
  const year = Number(match?.[1]);
  if (match?.[2] !== undefined) {
    const first = (Number(match[2]) - 1) * 3 + 1;
    const last = first + 2;
    return { kind: 'quarter', from: `${year}-${pad(first)}-01`, to: `${year}-${pad(last)}-${pad(lastDay(year, last))}` };
  }
  if (match?.[3] !== undefined) {
    const month = Number(match[3]);
    return { kind: 'month', from: `${year}-${pad(month)}-01`, to: `${year}-${pad(month)}-${pad(lastDay(year, month))}` };
  }
  return { kind: 'year', from: `${year}-01-01`, to: `${year}-12-31` };
}
