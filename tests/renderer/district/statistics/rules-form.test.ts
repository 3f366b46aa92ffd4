import { describe, expect, it } from 'vitest';
import { DEFAULT_ASSESSMENT_RULES } from '../../../../contracts/complaint-assessment';
import {
  checkRules,
  fieldsOf,
  numberOf,
  pointsSum,
  withDeduction,
  withItemField,
} from '../../../../renderer/district/statistics/rules-form';

describe('the 考核细则 editor', () => {
  it('offers each item the numbers its kind has', () => {
    expect(DEFAULT_ASSESSMENT_RULES.items.map((item) => [item.measure, fieldsOf(item)])).toEqual([
      ['acceptedOnTimeRate', ['points', 'target', 'step', 'deduct']],
      ['closedOnTimeRate', ['points', 'target', 'step', 'deduct']],
      ['overdue', ['points', 'deduct']],
      ['returnRate', ['points', 'target', 'worst']],
      ['satisfactionRate', ['points', 'target', 'worst']],
    ]);
  });

  it('refuses points that no longer add up to the total, and accepts them once they do', () => {
    const moved = withItemField(DEFAULT_ASSESSMENT_RULES, 4, 'points', 20);
    expect(pointsSum(moved)).toBe(90);
    const check = checkRules(moved);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.problems.join()).toContain('not the total 100');
    const balanced = withItemField(moved, 1, 'points', 40);
    expect(checkRules(balanced)).toEqual({ ok: true, rules: balanced });
  });

  it('refuses a blank number and a worst line on the wrong side of the target', () => {
    expect(checkRules(withItemField(DEFAULT_ASSESSMENT_RULES, 0, 'deduct', numberOf(' '))).ok).toBe(false);
    expect(checkRules(withItemField(DEFAULT_ASSESSMENT_RULES, 4, 'worst', 98)).ok).toBe(false);
  });

  it('leaves an item unchanged for a field it does not have, and lifts a deduction’s cap', () => {
    expect(withItemField(DEFAULT_ASSESSMENT_RULES, 2, 'worst', 5)).toEqual(DEFAULT_ASSESSMENT_RULES);
    const uncapped = withDeduction(DEFAULT_ASSESSMENT_RULES, 0, { cap: null });
    expect(checkRules(uncapped).ok).toBe(true);
    expect(uncapped.deductions[0]?.cap).toBeNull();
  });
});
