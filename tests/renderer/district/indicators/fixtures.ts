import { INDICATOR_SEED, INDICATOR_SEED_SHAPE } from '../../../../contracts/indicator-seed';
import type { IndicatorValues } from '../../../../contracts/indicator-scores';
import { indicatorLeaves, treeShape } from '../../../../contracts/indicators';
import type {
  IndicatorEntry,
  IndicatorPeriod,
  IndicatorTreeView,
  PeriodLeaf,
  PeriodLeavesResponse,
  PeriodScoresResponse,
  TrendResponse,
} from '../../../../contracts/platform-indicators';
import { scoreIndicators } from '../../../../platform/services/indicator-scoring';

/**
 * A period of the seeded system as the platform would answer it: every leaf of 政务环境 with a
 * value but 全程网办事项占比 (GOV.01.01), entered and awaiting review; the other categories one
 * value each. Scores are the platform's own scoring of those values.
 */

export const PERIOD: IndicatorPeriod = {
  period: '2026-Q3',
  kind: 'quarter',
  from: '2026-07-01',
  to: '2026-09-30',
  state: 'open',
  treeVersion: 1,
  openedBy: 'operator-1',
  openedAt: '2026-10-08T01:00:00.000Z',
  closedBy: null,
  closedAt: null,
};

export const TREE_VIEW: IndicatorTreeView = {
  version: 1,
  savedBy: 'seed',
  savedAt: '2026-10-01T00:00:00.000Z',
  tree: INDICATOR_SEED,
  shape: treeShape(INDICATOR_SEED),
  seedShape: INDICATOR_SEED_SHAPE,
};

export const VALUES: IndicatorValues = {
  'GOV.01.02': 25,
  'GOV.01.03': 97.5,
  'GOV.01.04': 19,
  'GOV.01.05': 96,
  'GOV.01.06': 90,
  'GOV.02.01': 1.2,
  'GOV.02.02': 2,
  'GOV.02.03': 0,
  'MKT.01.01': 95,
  'LAW.01.01': 120,
};

export const scoresOf = (values: IndicatorValues): PeriodScoresResponse => ({
  period: PERIOD,
  scores: scoreIndicators(INDICATOR_SEED, values),
});

export const entry = (fields: Partial<IndicatorEntry> = {}): IndicatorEntry => ({
  period: PERIOD.period,
  code: 'GOV.01.01',
  revision: 1,
  value: 88,
  note: '省一体化平台导出',
  state: 'submitted',
  enteredBy: 'operator-1',
  enteredAt: '2026-10-09T01:00:00.000Z',
  reviewedBy: null,
  reviewedAt: null,
  reason: null,
  ...fields,
});

/** The entry sheet: computed leaves computed, values approved, GOV.01.01 awaiting review by `submittedBy`. */
export function sheetOf(values: IndicatorValues, submittedBy = 'operator-1'): PeriodLeavesResponse {
  const leaves: PeriodLeaf[] = indicatorLeaves(INDICATOR_SEED).map((leaf) => {
    const value = values[leaf.code] ?? null;
    const computed = leaf.source.kind === 'computed';
    const awaiting = leaf.code === 'GOV.01.01';
    return {
      code: leaf.code,
      name: leaf.name,
      unit: leaf.unit,
      direction: leaf.direction,
      target: leaf.target,
      worst: leaf.worst,
      responsibleUnit: leaf.responsibleUnit,
      source: leaf.source,
      definition: leaf.definition,
      status: awaiting ? 'awaiting_review' : value === null ? 'missing' : computed ? 'computed' : 'approved',
      value,
      latest: awaiting ? entry({ enteredBy: submittedBy }) : null,
    };
  });
  return { period: PERIOD, leaves };
}

export const trendOf = (code: string | undefined): TrendResponse => ({
  code: code ?? null,
  series: [
    { period: '2026-Q2', score: code === undefined ? 61.5 : 58, coverage: 0.4 },
    { period: '2026-Q3', score: scoresOf(VALUES).scores.score, coverage: 0.5 },
  ],
});
