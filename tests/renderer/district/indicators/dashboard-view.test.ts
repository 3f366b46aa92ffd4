import { describe, expect, it } from 'vitest';
import type { IndicatorScores, ScoredIndicator } from '../../../../contracts/indicator-scores';
import {
  ancestry,
  childrenOf,
  formatScore,
  formatShare,
  nodeNames,
  scoreTone,
  trendTable,
  weightMoved,
} from '../../../../renderer/district/indicators/dashboard-view';
import { trendOption } from '../../../../renderer/district/indicators/trend-option';
import { CATEGORY_WEIGHTS, group, leaf, smallTree } from '../../../support/indicator-trees';

const node = (code: string, parentCode: string | null, fields: Partial<ScoredIndicator> = {}): ScoredIndicator => ({
  code,
  level: code.split('.').length === 1 ? 1 : code.split('.').length === 2 ? 2 : 3,
  parentCode,
  weight: 0.5,
  effectiveWeight: 0.5,
  score: 70,
  coverage: 1,
  missing: [],
  ...fields,
});

const scores: IndicatorScores = {
  score: 68,
  coverage: 0.7,
  missing: ['GOV.01.02'],
  unknownCodes: [],
  nodes: [
    node('GOV', null, { weight: 0.2, effectiveWeight: 0.2 }),
    node('GOV.01', 'GOV', { weight: 0.6, effectiveWeight: 0.6, score: 80, coverage: 0.5, missing: ['GOV.01.02'] }),
    node('GOV.01.01', 'GOV.01', { effectiveWeight: 1, score: 80, value: 80 }),
    node('GOV.01.02', 'GOV.01', { effectiveWeight: null, score: null, coverage: 0, missing: ['GOV.01.02'], value: null }),
    node('GOV.02', 'GOV', { weight: 0.4, effectiveWeight: 0.4, score: 50 }),
    node('MKT', null, { weight: 0.15, effectiveWeight: 0.15 }),
  ],
};

describe('the dashboard’s view of a period’s scores', () => {
  it('lists a node’s children in the tree’s order, the categories under no parent', () => {
    expect(childrenOf(scores, null).map((n) => n.code)).toEqual(['GOV', 'MKT']);
    expect(childrenOf(scores, 'GOV').map((n) => n.code)).toEqual(['GOV.01', 'GOV.02']);
    expect(childrenOf(scores, 'GOV.01').map((n) => n.code)).toEqual(['GOV.01.01', 'GOV.01.02']);
    expect(ancestry('GOV.01.02')).toEqual(['GOV', 'GOV.01', 'GOV.01.02']);
  });

  it('tells when a missing sibling’s weight moved onto a node', () => {
    const [present, missing] = childrenOf(scores, 'GOV.01');
    expect(present && weightMoved(present)).toBe(true);
    expect(missing && weightMoved(missing)).toBe(false);
    expect(weightMoved(node('MKT.01', 'MKT', { weight: 0.3, effectiveWeight: 0.3 }))).toBe(false);
  });

  it('colours scores in bands and writes them as reported', () => {
    expect([scoreTone(92), scoreTone(80), scoreTone(79.99), scoreTone(60), scoreTone(12), scoreTone(null)]).toEqual([
      'ok',
      'ok',
      'warn',
      'warn',
      'bad',
      'none',
    ]);
    expect(formatScore(84.2)).toBe('84.20');
    expect(formatScore(null)).toBe('—');
    expect(formatShare(0.6234)).toBe('62.3%');
    expect(formatShare(1)).toBe('100%');
  });

  it('names categories, groups and leaves in the console’s language', () => {
    const tree = smallTree(CATEGORY_WEIGHTS, { GOV: [group('GOV.01', 1, [leaf('GOV.01.01', 1)])] });
    expect(nodeNames(tree, false).get('GOV.01')).toBe('分组GOV.01');
    expect(nodeNames(tree, true).get('GOV.01.01')).toBe('Indicator GOV.01.01');
  });

  it('lays the trend out as one table, a period without a score left empty, and charts it with gaps', () => {
    const table = trendTable([
      {
        code: null,
        name: '全区',
        series: [
          { period: '2026-Q1', score: 71.5, coverage: 0.8 },
          { period: '2026-Q2', score: null, coverage: null },
          { period: '2026-Q3', score: 76.25, coverage: 0.9 },
        ],
      },
      { code: 'GOV', name: '政务环境', series: [{ period: '2026-Q3', score: 80, coverage: 1 }] },
    ]);
    expect(table.periods).toEqual(['2026-Q1', '2026-Q2', '2026-Q3']);
    expect(table.rows).toEqual([
      { code: null, name: '全区', scores: [71.5, null, 76.25] },
      { code: 'GOV', name: '政务环境', scores: [null, null, 80] },
    ]);
    const option = trendOption(table, (key) => `P${key}`);
    expect(option.xAxis).toMatchObject({ data: ['P2026-Q1', 'P2026-Q2', 'P2026-Q3'] });
    expect(option.series).toEqual([
      expect.objectContaining({
        type: 'line',
        name: '全区',
        data: [71.5, null, 76.25],
        connectNulls: false,
        lineStyle: { width: 4 },
      }),
      expect.objectContaining({ name: '政务环境', data: [null, null, 80], lineStyle: { width: 2 } }),
    ]);
  });
});
