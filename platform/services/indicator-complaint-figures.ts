import type { IndicatorMetric } from '../../contracts/indicator-metrics';
import { rateFigure, type MetricFigure } from './indicator-figures';

/**
 * The complaint platform's metrics (GOV.05, contracts/indicator-metrics.ts), made from the counts
 * the complaint platform keeps for a period: the same counts as its 查询统计 (the district's sum
 * of every unit's figures), so the indicator and the statistics page show one figure. The counts
 * come through a port: the complaint tables are another part of the platform, wired in by whoever
 * builds the platform (server.ts `complaintRecords`).
 */
export interface ComplaintIndicatorCounts {
  /** Complaints closed (办结) in the period, whatever their channel. */
  closed: number;
  /** Of those, closed at or before their 办结期限. */
  closedOnTime: number;
  /** Of those, the ones that received at least one 督办单 on the way. */
  closedSupervised: number;
  /** Acceptance deadlines of dispatches to a lead unit that fall in the period, met or not. */
  acceptDue: number;
  /** Of those, answered (accepted, or declined back to sorting) at or before the deadline. */
  answeredOnTime: number;
  /** The enterprises' evaluations of complaint handling given in the period. */
  evaluated: number;
  /** Of those, `very_satisfied` or `satisfied`. */
  satisfied: number;
}

export interface ComplaintRecords {
  /** The counts for a period of Asia/Shanghai dates, both ends included. */
  countsFor(dates: { from: string; to: string }): Promise<ComplaintIndicatorCounts>;
}

/** GOV.05's four figures from the period's counts; no row to count gives no value. */
export function complaintFigures(counts: ComplaintIndicatorCounts): [IndicatorMetric, MetricFigure][] {
  return [
    ['complaint-on-time-closure-rate', rateFigure('complaint-on-time-closure-rate', counts.closedOnTime, counts.closed)],
    [
      'complaint-on-time-acceptance-rate',
      rateFigure('complaint-on-time-acceptance-rate', counts.answeredOnTime, counts.acceptDue),
    ],
    ['complaint-satisfaction-rate', rateFigure('complaint-satisfaction-rate', counts.satisfied, counts.evaluated)],
    ['complaint-supervision-rate', rateFigure('complaint-supervision-rate', counts.closedSupervised, counts.closed)],
  ];
}
