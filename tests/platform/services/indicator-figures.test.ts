import { describe, expect, it } from 'vitest';
import type { CatalogItem } from '../../../contracts/central-api';
import { averageWaitMinutes, onTheSpotShare, rateFigure, roundHalfUp } from '../../../platform/services/indicator-figures';
import { isImplausible } from '../../../platform/services/indicator-service';

describe('indicator figures: the arithmetic of the computed metrics', () => {
  it('rounds half up once, as the decimal figure reads, not as the binary one', () => {
    // 66.65 is held as 66.6499999…: a plain Math.round of ×10 would give 66.6.
    expect(roundHalfUp(66.65, 1)).toBe(66.7);
    expect(roundHalfUp(1.005, 2)).toBe(1.01);
    expect(roundHalfUp(2 / 3, 2)).toBe(0.67);
  });

  it('gives a rate in percent at the metric’s decimals, and no figure when there is no row', () => {
    expect(rateFigure('evaluation-satisfaction-rate', 2, 3)).toEqual({ value: 66.7, rows: 3 });
    expect(rateFigure('evaluation-satisfaction-rate', 0, 0)).toEqual({ value: null, rows: 0 });
    expect(averageWaitMinutes({ days: 0, weightedWaitSeconds: 0, tickets: 0 })).toEqual({ value: null, rows: 0 });
  });

  it('counts the catalog’s 即办件 without the 营商诉求 items', () => {
    const item = (code: string, category: CatalogItem['category'], promisedWorkingDays: number) =>
      ({ code, name: code, nameEn: code, category, formFields: [], materials: [], promisedWorkingDays }) satisfies CatalogItem;
    const share = onTheSpotShare([
      item('A', 'livelihood', 0),
      item('B', 'livelihood', 3),
      item('C', 'complaint', 0),
      item('D', 'other', 0),
    ]);
    expect(share).toEqual({ value: 66.7, rows: 3 });
  });

  it('asks for a note only for a value more than the span beyond the target or the worst value', () => {
    const rate = { target: 95, worst: 60 };
    expect(isImplausible(rate, 88)).toBe(false);
    expect(isImplausible(rate, 130)).toBe(false);
    expect(isImplausible(rate, 130.5)).toBe(true);
    // A rate typed as a fraction.
    expect(isImplausible(rate, 0.88)).toBe(true);
    const days = { target: 0.5, worst: 3 };
    expect(isImplausible(days, 5.5)).toBe(false);
    expect(isImplausible(days, 6)).toBe(true);
  });
});
