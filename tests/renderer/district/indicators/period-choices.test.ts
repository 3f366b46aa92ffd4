import { describe, expect, it } from 'vitest';
import { beijingDate, openablePeriods, periodLabel } from '../../../../renderer/district/indicators/period-choices';

describe('indicator periods as the console offers them', () => {
  it('names a year, a quarter and a month', () => {
    expect(periodLabel('2026')).toEqual({ key: 'dstIndicators.periods.year', values: { year: 2026 } });
    expect(periodLabel('2026-Q3')).toEqual({ key: 'dstIndicators.periods.quarter', values: { year: 2026, quarter: 3 } });
    expect(periodLabel('2026-07')).toEqual({ key: 'dstIndicators.periods.month', values: { year: 2026, month: 7 } });
    expect(() => periodLabel('2026-Q5')).toThrow();
  });

  it('reads the date on Beijing time: 1 January begins at 16:00 UTC on 31 December', () => {
    expect(beijingDate(new Date('2026-12-31T15:59:00Z'))).toBe('2026-12-31');
    expect(beijingDate(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
  });

  it('offers this year, quarter and month and the ones before, less those already opened', () => {
    const now = new Date('2026-11-27T02:00:00Z');
    expect(openablePeriods(now, [])).toEqual(['2026', '2026-Q4', '2026-11', '2025', '2026-Q3', '2026-10']);
    expect(openablePeriods(now, ['2026', '2026-Q3'])).toEqual(['2026-Q4', '2026-11', '2025', '2026-10']);
  });

  it('crosses into the year before in January: the last quarter and December of the old year', () => {
    // 00:30 on 1 January in Beijing, still 31 December in UTC.
    const now = new Date('2026-12-31T16:30:00Z');
    expect(openablePeriods(now, [])).toEqual(['2027', '2027-Q1', '2027-01', '2026', '2026-Q4', '2026-12']);
  });
});
