import { describe, expect, it } from 'vitest';
import { IndicatorScoreChanges, IndicatorScores, type IndicatorValues } from '../../../contracts/indicator-scores';
import { INDICATOR_SEED } from '../../../contracts/indicator-seed';
import { indicatorLeaves } from '../../../contracts/indicators';
import { leafScore, scoreChanges, scoreIndicators, scoreSeries } from '../../../platform/services/indicator-scoring';
import { CATEGORY_WEIGHTS, group, leaf, smallTree } from '../../support/indicator-trees';

/**
 * GOV: GOV.01 (0.6) = GOV.01.01 (0.5, higher, 0 → 100) + GOV.01.02 (0.5, minutes, lower, 40 → 10);
 *      GOV.02 (0.4) = GOV.02.01 (1, higher, 0 → 100).
 * The other categories: one leaf each, higher, 0 → 100, so a value is its score.
 */
const tree = smallTree(CATEGORY_WEIGHTS, {
  GOV: [
    group('GOV.01', 0.6, [
      leaf('GOV.01.01', 0.5),
      leaf('GOV.01.02', 0.5, { unit: '分钟', direction: 'lower', target: 10, worst: 40 }),
    ]),
    group('GOV.02', 0.4, [leaf('GOV.02.01', 1)]),
  ],
});

const ALL: IndicatorValues = {
  'GOV.01.01': 80, // 80
  'GOV.01.02': 19, // (40 − 19) ÷ (40 − 10) = 70
  'GOV.02.01': 50, // 50
  'MKT.01.01': 100,
  'OPN.01.01': 0,
  'FAC.01.01': 50,
  'INF.01.01': 40,
  'SOC.01.01': 90,
  'LAW.01.01': 70,
};

function without(values: IndicatorValues, ...codes: string[]): IndicatorValues {
  return Object.fromEntries(Object.entries(values).filter(([code]) => !codes.includes(code)));
}

function node(scores: IndicatorScores, code: string) {
  const found = scores.nodes.find((n) => n.code === code);
  if (found === undefined) throw new Error(`no node ${code}`);
  return found;
}

describe('a leaf’s score', () => {
  const higher = { target: 100, worst: 60 };
  const lower = { target: 10, worst: 40 };

  it('runs linearly from its worst value (0) to its target (100), whichever way is better', () => {
    expect(leafScore(higher, 90)).toBe(75);
    expect(leafScore(lower, 19)).toBeCloseTo(70, 10);
    expect(leafScore(higher, 100)).toBe(100);
    expect(leafScore(lower, 40)).toBe(0);
  });

  it('is 100 beyond the target and 0 beyond the worst value', () => {
    expect(leafScore(higher, 120)).toBe(100);
    expect(leafScore(lower, 5)).toBe(100);
    expect(leafScore(higher, 30)).toBe(0);
    expect(leafScore(lower, 55)).toBe(0);
  });
});

describe('the roll-up', () => {
  it('weights leaves into groups, groups into categories, categories into the district', () => {
    const scores = scoreIndicators(tree, ALL);
    expect(node(scores, 'GOV.01.02')).toMatchObject({ value: 19, score: 70, effectiveWeight: 0.5, coverage: 1, missing: [] });
    expect(node(scores, 'GOV.01').score).toBe(75); // 0.5 × 80 + 0.5 × 70
    expect(node(scores, 'GOV').score).toBe(65); // 0.6 × 75 + 0.4 × 50
    // 0.2 × 65 + 0.15 × 100 + 0.1 × 0 + 0.15 × 50 + 0.1 × 40 + 0.1 × 90 + 0.2 × 70
    expect(scores.score).toBe(62.5);
    expect(scores).toMatchObject({ coverage: 1, missing: [], unknownCodes: [] });
    expect(IndicatorScores.parse(scores)).toEqual(scores);
  });

  it('lists every node after its parent, in the tree’s order', () => {
    const scores = scoreIndicators(tree, ALL);
    expect(scores.nodes.slice(0, 6).map((n) => [n.code, n.level, n.parentCode])).toEqual([
      ['GOV', 1, null],
      ['GOV.01', 2, 'GOV'],
      ['GOV.01.01', 3, 'GOV.01'],
      ['GOV.01.02', 3, 'GOV.01'],
      ['GOV.02', 2, 'GOV'],
      ['GOV.02.01', 3, 'GOV.02'],
    ]);
    expect(scores.nodes).toHaveLength(6 + 6 * 3);
  });

  it('follows unequal weights', () => {
    const weighted = smallTree(CATEGORY_WEIGHTS, {
      MKT: [group('MKT.01', 1, [leaf('MKT.01.01', 0.5), leaf('MKT.01.02', 0.3), leaf('MKT.01.03', 0.2)])],
    });
    const values = { ...without(ALL, 'MKT.01.01'), 'MKT.01.01': 100, 'MKT.01.02': 50, 'MKT.01.03': 0 };
    expect(node(scoreIndicators(weighted, values), 'MKT.01').score).toBe(65); // 50 + 15 + 0
    // Without the heaviest: 0.3 and 0.2 count as 0.6 and 0.4.
    const partial = scoreIndicators(weighted, without(values, 'MKT.01.01'));
    expect(node(partial, 'MKT.01').score).toBe(30);
    expect(partial.nodes.filter((n) => n.parentCode === 'MKT.01').map((n) => n.effectiveWeight)).toEqual([null, 0.6, 0.4]);
  });
});

describe('a missing value', () => {
  it('gives its weight to its present siblings, and is named at every level above it', () => {
    const scores = scoreIndicators(tree, without(ALL, 'GOV.01.02'));
    expect(node(scores, 'GOV.01.02')).toMatchObject({ value: null, score: null, effectiveWeight: null, coverage: 0 });
    expect(node(scores, 'GOV.01.01').effectiveWeight).toBe(1);
    expect(node(scores, 'GOV.01')).toMatchObject({ score: 80, coverage: 0.5, missing: ['GOV.01.02'] });
    expect(node(scores, 'GOV')).toMatchObject({ score: 68, coverage: 0.7, missing: ['GOV.01.02'] }); // 0.6 × 80 + 0.4 × 50
    expect(node(scores, 'MKT').missing).toEqual([]);
    expect(scores).toMatchObject({ score: 63.1, coverage: 0.94, missing: ['GOV.01.02'] });
  });

  it('is never counted as 0 or as 100', () => {
    // OPN's only leaf: the district's other categories share OPN's 0.1.
    const scores = scoreIndicators(tree, without(ALL, 'OPN.01.01'));
    expect(node(scores, 'OPN')).toMatchObject({ score: null, effectiveWeight: null, missing: ['OPN.01.01'] });
    expect(scores.score).toBe(69.44); // (13 + 15 + 7.5 + 4 + 9 + 14) ÷ 0.9
    expect(scores.coverage).toBe(0.9);
    expect(scores.score).not.toBe(scoreIndicators(tree, { ...ALL, 'OPN.01.01': 0 }).score);
    expect(scores.score).not.toBe(scoreIndicators(tree, { ...ALL, 'OPN.01.01': 100 }).score);
  });

  it('everywhere leaves no score at all, and every leaf named', () => {
    const scores = scoreIndicators(tree, {});
    expect(scores).toMatchObject({ score: null, coverage: 0 });
    expect(scores.missing).toEqual(indicatorLeaves(tree).map((l) => l.code));
    expect(scores.nodes.every((n) => n.score === null)).toBe(true);
  });
});

describe('values the tree does not hold', () => {
  it('are reported and not scored', () => {
    const scores = scoreIndicators(tree, { ...ALL, 'GOV.03.01': 10, 'GOV.01': 99 });
    expect(scores.unknownCodes).toEqual(['GOV.03.01', 'GOV.01']);
    expect(scores.score).toBe(62.5);
  });

  it('that are not finite numbers are refused, not guessed at', () => {
    expect(() => scoreIndicators(tree, { ...ALL, 'GOV.01.01': Number.NaN })).toThrow(/GOV\.01\.01/);
    expect(() => scoreIndicators(tree, { ...ALL, 'GOV.01.01': Number.POSITIVE_INFINITY })).toThrow(RangeError);
  });
});

describe('rounding', () => {
  it('reports two decimals, rounded once from the unrounded figures', () => {
    const thirds = smallTree(CATEGORY_WEIGHTS, {
      SOC: [group('SOC.01', 1, [leaf('SOC.01.01', 0.5, { target: 3 }), leaf('SOC.01.02', 0.5, { target: 3, unit: '分' })])],
    });
    const scores = scoreIndicators(thirds, { ...without(ALL, 'SOC.01.01'), 'SOC.01.01': 2, 'SOC.01.02': 0 });
    expect(node(scores, 'SOC.01.01').score).toBe(66.67);
    // 0.5 × 66.666… = 33.333…: from the reported 66.67 it would have been 33.34 (33.335 half up).
    expect(node(scores, 'SOC.01').score).toBe(33.33);
  });
});

describe('the seeded system', () => {
  const leaves = indicatorLeaves(INDICATOR_SEED);

  it('scores 100 everywhere with every value at its target, and 0 at its worst', () => {
    const atTarget = scoreIndicators(INDICATOR_SEED, Object.fromEntries(leaves.map((l) => [l.code, l.target])));
    expect(atTarget).toMatchObject({ score: 100, coverage: 1, missing: [] });
    expect(atTarget.nodes.every((n) => n.score === 100)).toBe(true);
    const atWorst = scoreIndicators(INDICATOR_SEED, Object.fromEntries(leaves.map((l) => [l.code, l.worst])));
    expect(atWorst.score).toBe(0);
  });

  it('scores each leaf halfway between worst and target at 50, whatever its direction', () => {
    const halfway = scoreIndicators(INDICATOR_SEED, Object.fromEntries(leaves.map((l) => [l.code, (l.target + l.worst) / 2])));
    expect(halfway.nodes.filter((n) => n.level === 3).every((n) => n.score === 50)).toBe(true);
    expect(halfway.score).toBe(50);
  });
});

describe('trends', () => {
  const before = scoreIndicators(tree, ALL);
  const after = scoreIndicators(tree, { ...ALL, 'GOV.01.01': 100, 'OPN.01.01': 30 });

  it('give each node’s change between two periods, and the district’s', () => {
    const changes = scoreChanges(before, after);
    expect(changes.district).toEqual({ previous: 62.5, current: 66.7, change: 4.2 }); // + 0.2 × 0.6 × 0.5 × 20 + 0.1 × 30
    expect(changes.nodes.find((n) => n.code === 'GOV.01')).toEqual({
      code: 'GOV.01',
      level: 2,
      previous: 75,
      current: 85,
      change: 10,
    });
    expect(changes.nodes.find((n) => n.code === 'MKT')?.change).toBe(0);
    expect(IndicatorScoreChanges.parse(changes)).toEqual(changes);
  });

  it('have no change where a period has no score, and list nodes added or removed since', () => {
    const missing = scoreIndicators(tree, without(ALL, 'OPN.01.01'));
    expect(scoreChanges(before, missing).nodes.find((n) => n.code === 'OPN')).toMatchObject({
      previous: 0,
      current: null,
      change: null,
    });

    const grown = smallTree(CATEGORY_WEIGHTS, {
      LAW: [group('LAW.02', 1, [leaf('LAW.02.01', 1)])],
    });
    const changes = scoreChanges(before, scoreIndicators(grown, { ...ALL, 'LAW.02.01': 80 }));
    expect(changes.nodes.find((n) => n.code === 'LAW.02.01')).toEqual({
      code: 'LAW.02.01',
      level: 3,
      previous: null,
      current: 80,
      change: null,
    });
    expect(changes.nodes.at(-1)).toEqual({ code: 'LAW.01.01', level: 3, previous: 70, current: null, change: null });
    expect(changes.nodes.find((n) => n.code === 'LAW')?.change).toBe(10);
  });

  it('draw a node’s or the district’s line across periods', () => {
    const periods = [
      { period: '2026-Q1', scores: before },
      { period: '2026-Q2', scores: after },
    ];
    expect(scoreSeries(periods)).toEqual([
      { period: '2026-Q1', score: 62.5 },
      { period: '2026-Q2', score: 66.7 },
    ]);
    expect(scoreSeries(periods, 'OPN.01.01').map((p) => p.score)).toEqual([0, 30]);
  });
});
