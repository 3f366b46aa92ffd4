import type { Sql } from '../db/sql';
import { closedSupervisionForPeriod } from '../store/complaint-closed-supervision';
import { unitFiguresForPeriod } from '../store/complaint-statistics';
import type { ComplaintIndicatorCounts, ComplaintRecords } from './indicator-complaint-figures';

/**
 * The indicator system's port onto the complaint tables (indicator-complaint-figures.ts), counted
 * in SQL: closures, acceptances and evaluations are the district's sum of the units' figures of
 * 查询统计 (store/complaint-statistics.ts), so the indicator and the statistics page show one
 * figure; 诉求督办率 is counted per closed complaint (store/complaint-closed-supervision.ts), which
 * the unit figures, counting 督办单 per unit and day of issue, cannot give.
 */
export class ComplaintIndicatorRecords implements ComplaintRecords {
  constructor(private readonly sql: Sql) {}

  async countsFor(period: { from: string; to: string }): Promise<ComplaintIndicatorCounts> {
    // The counts taken here do not depend on "now" (only 超期 and the units' 督办 do, unused here).
    const units = await unitFiguresForPeriod(this.sql, { from: period.from, to: period.to, label: 'indicator period' });
    const supervision = await closedSupervisionForPeriod(this.sql, period);
    const counts: ComplaintIndicatorCounts = {
      closed: 0,
      closedOnTime: 0,
      closedSupervised: supervision.supervised,
      acceptDue: 0,
      answeredOnTime: 0,
      evaluated: 0,
      satisfied: 0,
    };
    for (const unit of units) {
      const { very_satisfied, satisfied, basic, dissatisfied, very_dissatisfied } = unit.evaluations;
      counts.closed += unit.closed;
      counts.closedOnTime += unit.closedOnTime;
      counts.acceptDue += unit.acceptDue;
      counts.answeredOnTime += unit.acceptedOnTime;
      counts.evaluated += very_satisfied + satisfied + basic + dissatisfied + very_dissatisfied;
      counts.satisfied += very_satisfied + satisfied;
    }
    return counts;
  }
}
