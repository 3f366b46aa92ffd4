import { ReviewOutcomeRequest } from '../../contracts/central-api';
import type { IndicatorMetric } from '../../contracts/indicator-metrics';
import type { PeriodRange } from '../../contracts/indicator-periods';
import { endOfDate, instantAt, type WorkingClock } from '../../contracts/working-time';
import type { Sql } from '../db/sql';
import { readCatalog } from '../store/catalog';
import {
  completedCasesOfItems,
  evaluationSatisfaction,
  hallWaits,
  latestClosedFollowUps,
  promiseKeeping,
  type InstantRange,
} from '../store/indicator-sources';
import { complaintFigures, type ComplaintRecords } from './indicator-complaint-figures';
import {
  averageWaitMinutes,
  onTheSpotShare,
  rateFigure,
  rectificationOnTime,
  startupWorkingDays,
  type MetricFigure,
} from './indicator-figures';

/** A hall's clock may be this far ahead of the platform's: a follow-up's received time is read with this margin. */
const HALL_CLOCK_MARGIN_MS = 86_400_000;

/** The period's dates as the instants they span: from the first date's 00:00 to the day after the last. */
export function instantRange(period: PeriodRange, timeZone: string): InstantRange {
  return { start: instantAt(period.from, '00:00', timeZone), end: endOfDate(period.to, timeZone) };
}

/**
 * Every metric the platform can compute for the period, from its own rows (cases, the catalog,
 * the halls' day figures, evaluations and their follow-ups) and, when a complaint port is wired,
 * the complaint platform's. A metric left out is not computed (its leaves stay missing); one
 * computed with no row to count has a null value.
 */
export async function computeMetrics(
  sql: Sql,
  period: PeriodRange,
  options: { clock: WorkingClock; complaints?: ComplaintRecords },
): Promise<Map<IndicatorMetric, MetricFigure>> {
  const range = instantRange(period, options.clock.timeZone);
  const figures = new Map<IndicatorMetric, MetricFigure>();

  const catalog = (await readCatalog(sql))?.items ?? [];
  const codesOf = (category: string) => catalog.filter((item) => item.category === category).map((item) => item.code);
  figures.set('on-the-spot-item-share', onTheSpotShare(catalog));
  figures.set(
    'business-startup-working-days',
    startupWorkingDays(await completedCasesOfItems(sql, range, codesOf('startup-bundle')), options.clock),
  );
  const promises = await promiseKeeping(sql, range, codesOf('complaint'));
  figures.set('promise-time-completion-rate', rateFigure('promise-time-completion-rate', promises.onTime, promises.rows));
  figures.set('average-hall-wait-minutes', averageWaitMinutes(await hallWaits(sql, period)));
  const ratings = await evaluationSatisfaction(sql, range);
  figures.set('evaluation-satisfaction-rate', rateFigure('evaluation-satisfaction-rate', ratings.satisfied, ratings.rows));
  const since = new Date(Date.parse(range.start) - HALL_CLOCK_MARGIN_MS).toISOString();
  // Stored as the hall sent it, validated then: parsed again so a row is never taken on trust.
  const followUps = (await latestClosedFollowUps(sql, since)).map((row) =>
    ReviewOutcomeRequest.parse(JSON.parse(row.outcomeJson)),
  );
  figures.set('bad-review-rectification-on-time-rate', rectificationOnTime(followUps, range));

  if (options.complaints !== undefined) {
    for (const [metric, figure] of complaintFigures(await options.complaints.countsFor(period))) figures.set(metric, figure);
  }
  return figures;
}
