import { describe, expect, it } from 'vitest';
import { currentChoice, partsOf, periodOf } from '../../../../renderer/district/statistics/period';

describe('the statistics period picker', () => {
  it('turns a year, a quarter and a month into the dates and label the platform counts by', () => {
    expect(periodOf({ kind: 'year', year: 2026, part: 1 })).toEqual({ from: '2026-01-01', to: '2026-12-31', label: '2026年' });
    expect(periodOf({ kind: 'quarter', year: 2026, part: 4 })).toEqual({
      from: '2026-10-01',
      to: '2026-12-31',
      label: '2026年第四季度',
    });
    expect(periodOf({ kind: 'quarter', year: 2026, part: 1 })).toMatchObject({ from: '2026-01-01', to: '2026-03-31' });
    expect(periodOf({ kind: 'month', year: 2028, part: 2 })).toEqual({
      from: '2028-02-01',
      to: '2028-02-29',
      label: '2028年2月',
    });
    expect(periodOf({ kind: 'month', year: 2026, part: 11 })).toMatchObject({ to: '2026-11-30' });
  });

  it('opens on the Beijing period of now: 31 December 16:30 UTC is already 1 January in Beijing', () => {
    const newYear = new Date('2026-12-31T16:30:00Z');
    expect(currentChoice(newYear, 'month')).toEqual({ kind: 'month', year: 2027, part: 1 });
    expect(currentChoice(newYear, 'quarter')).toEqual({ kind: 'quarter', year: 2027, part: 1 });
    expect(currentChoice(new Date('2026-11-27T02:00:00Z'), 'quarter')).toEqual({ kind: 'quarter', year: 2026, part: 4 });
  });

  it('offers four quarters, twelve months and no part of a year', () => {
    expect(partsOf('quarter')).toEqual([1, 2, 3, 4]);
    expect(partsOf('month')).toHaveLength(12);
    expect(partsOf('year')).toEqual([]);
  });
});
