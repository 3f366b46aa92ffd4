import { describe, expect, it } from 'vitest';
import {
  AssessmentPeriod,
  AssessmentRules,
  DEFAULT_ASSESSMENT_RULES,
  UnitFigures,
  type AssessmentItemInput,
  type AssessmentRulesInput,
} from '../../../contracts/complaint-assessment';
import {
  assessUnits,
  describeDeduction,
  describeItem,
  describeNoData,
  itemPoints,
  measuresOf,
} from '../../../platform/services/complaint-assessment';
import { BUSY_UNIT, unitFigures } from '../support/complaints';

const period = { from: '2026-01-01', to: '2026-12-31', label: '2026年度' };

const rulesWith = (over: Partial<AssessmentRulesInput>) => AssessmentRules.safeParse({ ...DEFAULT_ASSESSMENT_RULES, ...over });
const issuesOf = (over: Partial<AssessmentRulesInput>) => {
  const parsed = rulesWith(over);
  return parsed.success ? [] : parsed.error.issues.map((i) => [i.path.join('.'), i.message]);
};

describe('考核细则: figures into scores and a ranking', () => {
  it('turns a unit’s figures into its rates and counts', () => {
    expect(measuresOf(BUSY_UNIT)).toEqual({
      acceptedOnTimeRate: 90,
      closedOnTimeRate: 100,
      returnRate: 10,
      satisfactionRate: 80,
      received: 10,
      lateAccepted: 1,
      overdue: 0,
      returned: 1,
      supervised: 2,
    });
  });

  it('scores each item by its rule and takes the deductions off, as the default rules write them', () => {
    const [unit] = assessUnits(DEFAULT_ASSESSMENT_RULES, period, [BUSY_UNIT]).units;
    expect(unit?.items.map((i) => [i.label, i.value, i.earned])).toEqual([
      ['按时签收', 90, 5], // 100 % full, each point short costs 1: 15 − 10
      ['规定期限办结', 100, 30],
      ['超期办理', 0, 15],
      ['答复质量', 10, 6.67], // 0 % full, 30 % nothing: 10 × 20/30
      ['企业满意度', 80, 7.5], // 95 % full, 75 % nothing: 30 × 5/20
    ]);
    expect(unit?.deductions).toEqual([{ measure: 'supervised', label: '督办扣分', count: 2, deducted: 2 }]);
    // 64.1666… − 2, rounded once.
    expect(unit).toMatchObject({ active: true, available: 100, earned: 64.17, deducted: 2, score: 62.17, rank: 1 });
  });

  it('gives a unit with no complaints no rates, no score and no rank, never 0 or 100', () => {
    const result = assessUnits(DEFAULT_ASSESSMENT_RULES, period, [unitFigures('street-quiet'), BUSY_UNIT]);
    const quiet = result.units.find((u) => u.unitCode === 'street-quiet');
    expect(quiet?.measures).toMatchObject({
      acceptedOnTimeRate: null,
      closedOnTimeRate: null,
      returnRate: null,
      satisfactionRate: null,
    });
    expect(quiet).toMatchObject({ active: false, score: null, rank: null });
    expect(quiet?.items.every((i) => i.earned === null)).toBe(true);
    expect(result.units.map((u) => u.unitCode)).toEqual(['market-regulation', 'street-quiet']);
  });

  it('spreads the points of a rate without a basis over the items that counted', () => {
    // Received and accepted on time, nothing closed, reviewed or evaluated yet.
    const early = unitFigures('tax', { received: 4, acceptDue: 4, acceptedOnTime: 4 });
    const [unit] = assessUnits(DEFAULT_ASSESSMENT_RULES, period, [early]).units;
    expect(unit?.items.map((i) => i.earned)).toEqual([15, null, 15, null, null]);
    expect(unit).toMatchObject({ available: 30, earned: 30, score: 100 });
  });

  it('gives such a rate all or none of its points where the rule says so', () => {
    const item = (whenNoData: 'full' | 'zero'): AssessmentItemInput => ({
      kind: 'linear',
      measure: 'satisfactionRate',
      label: '满意度',
      points: 50,
      direction: 'higher',
      target: 95,
      worst: 75,
      whenNoData,
    });
    const rules = (whenNoData: 'full' | 'zero') =>
      AssessmentRules.parse({
        name: '测试',
        items: [item(whenNoData), { kind: 'per_item', measure: 'overdue', label: '超期', points: 50, deduct: 5 }],
      });
    const unit = unitFigures('tax', { received: 1, overdue: 2 });
    expect(assessUnits(rules('full'), period, [unit]).units[0]?.score).toBe(90);
    expect(assessUnits(rules('zero'), period, [unit]).units[0]?.score).toBe(40);
  });

  it('deducts per item down to nothing, and caps a deduction outside the items', () => {
    const late = unitFigures('street-xinghe', { received: 20, overdue: 10, supervised: 14 });
    const [unit] = assessUnits(DEFAULT_ASSESSMENT_RULES, period, [late]).units;
    expect(unit?.items.find((i) => i.measure === 'overdue')?.earned).toBe(0); // 15 − 10 × 2, 扣完为止
    expect(unit?.deductions[0]).toMatchObject({ count: 14, deducted: 10 }); // 最多扣 10 分
    // Only the overdue item counted (0 of 15): 0 % of 100, less 10, held at 0.
    expect(unit?.score).toBe(0);
  });

  it('counts steps of a stepped rule in proportion, or whole when the rule says so', () => {
    const stepped = (wholeSteps: boolean) =>
      AssessmentRules.parse({
        name: '测试',
        items: [
          {
            kind: 'stepped',
            measure: 'closedOnTimeRate',
            label: '办结',
            points: 100,
            direction: 'higher',
            target: 100,
            step: 1,
            deduct: 2,
            wholeSteps,
          },
        ],
      }).items[0];
    const proportional = stepped(false);
    const whole = stepped(true);
    if (proportional === undefined || whole === undefined) throw new Error('no item');
    expect(itemPoints(proportional, 97.5)).toBeCloseTo(95);
    expect(itemPoints(whole, 97.5)).toBe(94);
    expect(itemPoints(whole, 97)).toBe(94);
    expect(itemPoints(whole, 100 - 3.0000000001)).toBe(94);
    expect(itemPoints(proportional, 40)).toBe(0);
  });

  it('ranks best first and lets equal scores share a rank, the next one skipping', () => {
    const result = assessUnits(DEFAULT_ASSESSMENT_RULES, period, [
      unitFigures('unit-a', { ...BUSY_UNIT, unitCode: 'unit-a', supervised: 5 }),
      { ...BUSY_UNIT, unitCode: 'unit-b' },
      unitFigures('unit-c'),
      { ...BUSY_UNIT, unitCode: 'unit-d' },
      unitFigures('unit-e', { received: 1, acceptDue: 1, acceptedOnTime: 1 }),
    ]);
    expect(result.units.map((u) => [u.unitCode, u.score, u.rank])).toEqual([
      ['unit-e', 100, 1],
      ['unit-b', 62.17, 2],
      ['unit-d', 62.17, 2],
      ['unit-a', 59.17, 4],
      ['unit-c', null, null],
    ]);
  });

  it('scores an empty period: no unit, nothing ranked; a period that ends before it begins is refused', () => {
    expect(assessUnits(DEFAULT_ASSESSMENT_RULES, period, []).units).toEqual([]);
    const nothing = assessUnits(DEFAULT_ASSESSMENT_RULES, period, [unitFigures('unit-a'), unitFigures('unit-b')]).units;
    expect(nothing.map((u) => [u.unitCode, u.score, u.rank])).toEqual([
      ['unit-a', null, null],
      ['unit-b', null, null],
    ]);
    expect(AssessmentPeriod.safeParse({ from: '2026-12-31', to: '2026-01-01', label: '倒置' }).success).toBe(false);
  });

  it('refuses figures given twice for a unit, and figures that contradict themselves', () => {
    expect(() => assessUnits(DEFAULT_ASSESSMENT_RULES, period, [BUSY_UNIT, BUSY_UNIT])).toThrow(
      /market-regulation: figures given twice/,
    );
    const parsed = UnitFigures.safeParse({ ...BUSY_UNIT, closedOnTime: 9 });
    expect(parsed.success ? [] : parsed.error.issues.map((i) => i.path.join('.'))).toEqual(['closedOnTime']);
  });

  it('refuses rules whose points do not sum to the total', () => {
    const items = DEFAULT_ASSESSMENT_RULES.items.map((i) => (i.measure === 'overdue' ? { ...i, points: 10 } : i));
    expect(issuesOf({ items })).toEqual([['items', "the items' points sum to 95, not the total 100"]]);
    expect(issuesOf({ total: 120 })).toEqual([['items', "the items' points sum to 100, not the total 120"]]);
    expect(rulesWith({ items: items.map((i) => ({ ...i, points: i.points / 10 })), total: 9.5 }).success).toBe(true);
  });

  it('refuses a measure scored twice, a rule of the wrong kind, a wrong direction or worst, a deduction for nothing bad', () => {
    const [accept, closed, overdue, ret, satisfaction] = DEFAULT_ASSESSMENT_RULES.items;
    if (!accept || !closed || !overdue || ret?.kind !== 'linear' || satisfaction?.kind !== 'linear') {
      throw new Error('the default rules changed');
    }
    expect(issuesOf({ items: [accept, { ...closed, measure: 'acceptedOnTimeRate' }, overdue, ret, satisfaction] })).toEqual([
      ['items.1.measure', 'acceptedOnTimeRate is scored twice'],
    ]);
    expect(
      issuesOf({ items: [accept, closed, { ...overdue, measure: 'returnRate' }, { ...ret, measure: 'overdue' }, satisfaction] }),
    ).toEqual([
      ['items.2.kind', 'per_item scores a count; returnRate is a rate'],
      ['items.3.kind', 'linear scores a rate; overdue is a count'],
    ]);
    expect(
      issuesOf({ items: [accept, closed, overdue, { ...ret, direction: 'higher' }, { ...satisfaction, worst: 96 }] }),
    ).toEqual([
      ['items.3.direction', 'for returnRate, lower is better'],
      ['items.3.worst', 'worst must be below target'],
      ['items.4.worst', 'worst must be below target'],
    ]);
    expect(issuesOf({ items: [accept, closed, { ...overdue, measure: 'received' }, ret, satisfaction] })).toEqual([
      ['items.2.measure', 'received: more is better, nothing to deduct for'],
    ]);
    expect(issuesOf({ deductions: [{ measure: 'satisfactionRate', label: '扣分', perItem: 1, cap: null }] })).toEqual([
      ['deductions.0.measure', 'satisfactionRate is nothing to deduct for'],
    ]);
  });

  it('writes each rule in Chinese, as the district’s 考核细则 does', () => {
    expect(DEFAULT_ASSESSMENT_RULES.items.map(describeItem)).toEqual([
      '按时签收（15分）：按时签收率达到100%得满分，每低1个百分点扣1分，扣完为止',
      '规定期限办结（30分）：规定期限办结率达到100%得满分，每低1个百分点扣2分，扣完为止',
      '超期办理（15分）：每超期一件扣2分，扣完为止',
      '答复质量（10分）：审核退回率0%及以下得满分，30%及以上不得分，其间按比例计分',
      '企业满意度（30分）：满意率95%及以上得满分，75%及以下不得分，其间按比例计分',
    ]);
    expect(DEFAULT_ASSESSMENT_RULES.deductions.map(describeDeduction)).toEqual(['督办扣分：每督办一件扣1分，最多扣10分']);
    expect(DEFAULT_ASSESSMENT_RULES.items.map(describeNoData)[1]).toBe('无办件时不计此项，分值按比例折算到其他项');
  });
});
