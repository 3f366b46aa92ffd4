import type { CatalogItem, ReviewOutcomeRequest } from '../../contracts/central-api';
import { INDICATOR_METRICS, type IndicatorMetric } from '../../contracts/indicator-metrics';
import { workingDaysElapsed, type WorkingClock } from '../../contracts/working-time';

/**
 * The arithmetic of the platform's metrics (contracts/indicator-metrics.ts), pure: the stores
 * count rows, these turn the counts into the figure with its precision. No row gives no figure
 * (null), never 0 or 100: the leaf is then missing for the period.
 */

/** A metric's figure for a period, and how many rows it rests on. */
export interface MetricFigure {
  value: number | null;
  rows: number;
}

/**
 * Half up, once, at the metric's decimals. The product is cut to 12 significant digits first so
 * that a binary near-miss (66.65 held as 66.6499999…) rounds as the decimal figure does.
 */
export function roundHalfUp(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  return Math.round(Number((value * scale).toPrecision(12))) / scale;
}

const figure = (metric: IndicatorMetric, value: number | null, rows: number): MetricFigure => ({
  value: value === null ? null : roundHalfUp(value, INDICATOR_METRICS[metric].decimals),
  rows,
});

/** A rate in percent: `hits` of `rows`. */
export function rateFigure(metric: IndicatorMetric, hits: number, rows: number): MetricFigure {
  return figure(metric, rows === 0 ? null : (hits / rows) * 100, rows);
}

/** 企业开办平均用时: the mean of each case's working days from its submission's date to its completion's. */
export function startupWorkingDays(
  cases: readonly { submittedAt: Date; completedAt: Date }[],
  clock: WorkingClock,
): MetricFigure {
  const total = cases.reduce((sum, c) => sum + workingDaysElapsed(c.submittedAt, c.completedAt, clock), 0);
  return figure('business-startup-working-days', cases.length === 0 ? null : total / cases.length, cases.length);
}

/** 即办件占比: the catalog's items promised in 0 working days, 营商诉求 items left out. */
export function onTheSpotShare(items: readonly CatalogItem[]): MetricFigure {
  const services = items.filter((item) => item.category !== 'complaint');
  return rateFigure('on-the-spot-item-share', services.filter((item) => item.promisedWorkingDays === 0).length, services.length);
}

/** 窗口平均等候时长 in minutes, from the waits weighed by the tickets called. */
export function averageWaitMinutes(waits: { days: number; weightedWaitSeconds: number; tickets: number }): MetricFigure {
  return figure(
    'average-hall-wait-minutes',
    waits.tickets === 0 ? null : waits.weightedWaitSeconds / waits.tickets / 60,
    waits.days,
  );
}

/** 差评整改按时率: of the follow-ups closed in [start, end) with a rectification, those rectified on time. */
export function rectificationOnTime(
  outcomes: readonly ReviewOutcomeRequest[],
  range: { start: string; end: string },
): MetricFigure {
  const start = Date.parse(range.start);
  const end = Date.parse(range.end);
  const counted = outcomes.filter((o) => {
    if (o.closedAt === undefined || o.rectification === undefined) return false;
    const closed = Date.parse(o.closedAt);
    return closed >= start && closed < end;
  });
  return rateFigure(
    'bad-review-rectification-on-time-rate',
    counted.filter((o) => o.rectification?.onTime === true).length,
    counted.length,
  );
}
