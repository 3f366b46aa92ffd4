import { DEFAULT_ASSESSMENT_RULES, emptyUnitFigures } from '../../../../contracts/complaint-assessment';
import type { ComplaintStatistics } from '../../../../contracts/platform-complaint-statistics';
import { assessUnits } from '../../../../platform/services/complaint-assessment';

const period = { from: '2026-11-01', to: '2026-11-30', label: '2026年11月' };

/** November: the market regulator handled two complaints well, the tax office one late; the street had none. */
export function novemberStatistics(): ComplaintStatistics {
  const market = {
    ...emptyUnitFigures('market-regulation'),
    received: 2,
    acceptDue: 2,
    acceptedOnTime: 2,
    closed: 2,
    closedOnTime: 2,
    reviewed: 2,
    evaluations: { very_satisfied: 1, satisfied: 1, basic: 0, dissatisfied: 0, very_dissatisfied: 0 },
  };
  const tax = { ...emptyUnitFigures('tax'), received: 1, acceptDue: 1, closed: 1, overdue: 1, reviewed: 1, supervised: 2 };
  const street = emptyUnitFigures('street-xinghe');
  const figures = [market, tax, street];
  const result = assessUnits(DEFAULT_ASSESSMENT_RULES, period, figures);
  const names: Record<string, string> = { 'market-regulation': '区市场监管局', tax: '区税务局', 'street-xinghe': '星河街道' };
  return {
    period,
    rules: { version: 1, name: DEFAULT_ASSESSMENT_RULES.name, total: 100 },
    scope: 'all',
    units: result.units.map((score) => ({
      unitCode: score.unitCode,
      name: names[score.unitCode] ?? score.unitCode,
      kind: score.unitCode === 'street-xinghe' ? 'street' : 'department',
      figures: figures.find((f) => f.unitCode === score.unitCode) ?? emptyUnitFigures(score.unitCode),
      score,
    })),
    rankedUnits: 2,
    district: {
      figures: { ...emptyUnitFigures('district'), received: 3, closed: 3, closedOnTime: 2 },
      measures: {
        acceptedOnTimeRate: 66.7,
        closedOnTimeRate: 66.7,
        returnRate: 0,
        satisfactionRate: 100,
        received: 3,
        lateAccepted: 1,
        overdue: 1,
        returned: 0,
        supervised: 2,
      },
    },
    generatedAt: '2026-12-01T01:00:00.000Z',
  };
}
