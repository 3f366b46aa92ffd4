import { z } from 'zod';

/**
 * The figures the district platform computes from its own rows, each one an indicator's value
 * for a period (营商环境评价指标 whose source is `computed`, contracts/indicators.ts). Each is
 * defined once here, precisely enough that two people computing it from the same rows get the
 * same number; docs/indicators.md gives the same definitions with the tables they read.
 *
 * Common rules:
 * - A period is a range of Asia/Shanghai calendar dates, both ends included (a month, a quarter,
 *   a year). An instant belongs to the period holding its Asia/Shanghai date.
 * - Working days are the district's working calendar: Monday to Friday, minus the public
 *   holidays, plus the weekend days worked in their place (调休) — the rule of
 *   host/calendar/workdays.ts, shared with the complaint platform's deadlines.
 * - A case's completion is its first `case_status_changes` row with status `completed`.
 * - Rates are percentages with one decimal; averages have the decimals of `decimals` below.
 *   Rounding is half up, once, on the final figure.
 * - No row to count (a zero denominator) gives no value: the indicator is missing for the
 *   period (and reported as missing by the scoring), never 0 and never 100.
 */
export const IndicatorMetric = z.enum([
  /**
   * 企业开办平均用时 (个工作日). Rows: `cases` of a start-up bundle item (catalog category
   * `startup-bundle`, today QY-KB-001) completed in the period; rejected cases never count.
   * Per case: the working days after the Shanghai date of `submitted_at` up to and including the
   * Shanghai date of completion (done the day it was submitted = 0; submitted Friday, done
   * Monday = 1). Value: the mean over those cases, two decimals.
   */
  'business-startup-working-days',
  /**
   * 即办件占比 (%). Rows: the items of the district's one catalog (`catalog.items`) as stored when
   * the value is computed, leaving out 营商诉求 items (category `complaint`: not services on
   * application). Value: items with `promisedWorkingDays` = 0 ÷ those items × 100. The period
   * does not select rows: the next step computes it at the period's close and keeps it.
   */
  'on-the-spot-item-share',
  /**
   * 按承诺时限办结率 (%). Rows: `cases` completed in the period that have an
   * `expected_completion` (set at acceptance from the promised working days), leaving out items of
   * category `complaint` (their deadlines are the complaint platform's). On time: the Shanghai
   * date of completion ≤ `expected_completion`. Value: on time ÷ rows × 100.
   */
  'promise-time-completion-rate',
  /**
   * 窗口平均等候时长 (分钟). Rows: `queue_stats` of every hall with `business_day` in the period,
   * their hall-wide figures (names without a prefix). Each day weighs by `served + noShow`: the
   * tickets called whose visit ended, which is what the day's `avgWaitSeconds` averages over
   * (wait = first call − issue, contracts/stats.ts); a day without `avgWaitSeconds` or with a
   * weight of 0 is left out. Value: Σ(avgWaitSeconds × weight) ÷ Σ weight ÷ 60, one decimal.
   */
  'average-hall-wait-minutes',
  /**
   * 政务服务好差评满意率 (%). Rows: `evaluations` whose `evaluated_at` falls in the period, minus
   * the 差评 overturned on appeal (a `review_outcomes` row at stage `appeal_decided` whose
   * outcome's `appeal.decision` is `overturned`). Value: rows rated `very_satisfied` or
   * `satisfied` ÷ rows × 100 — the hall report's satisfactionPct (contracts/reports.ts).
   */
  'evaluation-satisfaction-rate',
  /**
   * 差评整改按时率 (%). Rows: each evaluation's latest `review_outcomes` row at stage `closed`
   * whose outcome's `closedAt` falls in the period and which carries a `rectification`. On time:
   * `rectification.onTime` (rectified on a hall-local date ≤ the due date). Value: on time ÷
   * rows × 100.
   */
  'bad-review-rectification-on-time-rate',
  /**
   * 诉求规定期限办结率 (%). Rows: 营商诉求 complaints closed (办结) in the period, whatever their
   * channel. On time: closed at or before the complaint's 办结 deadline (the complaint platform's
   * working-day deadline, extensions it approved included). Value: on time ÷ rows × 100 — the
   * complaint platform's own 规定期限办结率 over the whole district, so the indicator and the
   * statistics page show one figure.
   */
  'complaint-on-time-closure-rate',
  /**
   * 诉求按时受理率 (%). Rows: each dispatch (分拣转办) of a complaint to a lead unit whose
   * acceptance deadline (1 working day after the dispatch) falls in the period, answered or not.
   * On time: the lead unit answered at or before that deadline — accepted it, or declined it back
   * to sorting (a complaint sent to the wrong unit and returned within the day was handled in
   * time; its next dispatch is a row of its own). Value: on time ÷ rows × 100 — the district's
   * 按时签收率 on the complaint statistics page (Σ acceptedOnTime ÷ Σ acceptDue of every unit's
   * figures, contracts/complaint-assessment.ts), so the two show one figure. A unit that never
   * answers counts as late: the deadline, not the answer, picks the period.
   */
  'complaint-on-time-acceptance-rate',
  /**
   * 诉求办理满意率 (%). Rows: the enterprises' evaluations of complaint handling (five levels, as
   * 好差评) given in the period. Value: `very_satisfied` or `satisfied` ÷ rows × 100.
   */
  'complaint-satisfaction-rate',
  /**
   * 诉求督办率 (%), lower is better. Rows: complaints closed in the period. Value: those for which
   * at least one 督办单 (supervision order) was issued before their close ÷ rows × 100: a run of any
   * timed stage (the 营商局's sorting and review included) or the 办结期限 done after its deadline.
   * Counted per complaint: the statistics page's 督办件数 counts orders per unit by the day issued.
   */
  'complaint-supervision-rate',
]);
export type IndicatorMetric = z.infer<typeof IndicatorMetric>;

/** Whether a higher or a lower figure is the better one. */
export const IndicatorDirection = z.enum(['higher', 'lower']);
export type IndicatorDirection = z.infer<typeof IndicatorDirection>;

/**
 * Units of measure an indicator is stated in, as a district writes them. A closed list, so that
 * each has its English and the console formats it one way.
 */
export const MeasureUnit = z.enum(['%', '个工作日', '天', '小时', '分钟', '个', '件', '人', '次', '分', '元']);
export type MeasureUnit = z.infer<typeof MeasureUnit>;

export const MEASURE_UNIT_EN: Readonly<Record<MeasureUnit, string>> = {
  '%': '%',
  个工作日: 'working days',
  天: 'days',
  小时: 'hours',
  分钟: 'minutes',
  个: 'count',
  件: 'items',
  人: 'people',
  次: 'times',
  分: 'points',
  元: 'yuan',
};

export interface MetricDefinition {
  name: string;
  nameEn: string;
  /** The unit the figure comes out in; a leaf computed from the metric states the same. */
  unit: MeasureUnit;
  /** Which way is better; a leaf computed from the metric says the same. */
  direction: IndicatorDirection;
  /** Decimals of the computed figure. */
  decimals: number;
}

/** Each metric's name, unit, direction and precision (the definitions: IndicatorMetric above). */
export const INDICATOR_METRICS: Readonly<Record<IndicatorMetric, MetricDefinition>> = {
  'business-startup-working-days': {
    name: '企业开办平均用时',
    nameEn: 'Average time to start a business',
    unit: '个工作日',
    direction: 'lower',
    decimals: 2,
  },
  'on-the-spot-item-share': {
    name: '即办件占比',
    nameEn: 'Share of services done on the spot',
    unit: '%',
    direction: 'higher',
    decimals: 1,
  },
  'promise-time-completion-rate': {
    name: '按承诺时限办结率',
    nameEn: 'Cases completed within the promised time',
    unit: '%',
    direction: 'higher',
    decimals: 1,
  },
  'average-hall-wait-minutes': {
    name: '窗口平均等候时长',
    nameEn: 'Average wait at the halls',
    unit: '分钟',
    direction: 'lower',
    decimals: 1,
  },
  'evaluation-satisfaction-rate': {
    name: '政务服务好差评满意率',
    nameEn: "Satisfaction in citizens' service ratings",
    unit: '%',
    direction: 'higher',
    decimals: 1,
  },
  'bad-review-rectification-on-time-rate': {
    name: '差评整改按时率',
    nameEn: 'Bad ratings rectified on time',
    unit: '%',
    direction: 'higher',
    decimals: 1,
  },
  'complaint-on-time-closure-rate': {
    name: '诉求规定期限办结率',
    nameEn: 'Complaints closed within their deadline',
    unit: '%',
    direction: 'higher',
    decimals: 1,
  },
  'complaint-on-time-acceptance-rate': {
    name: '诉求按时受理率',
    nameEn: 'Complaints accepted on time',
    unit: '%',
    direction: 'higher',
    decimals: 1,
  },
  'complaint-satisfaction-rate': {
    name: '诉求办理满意率',
    nameEn: 'Satisfaction with complaint handling',
    unit: '%',
    direction: 'higher',
    decimals: 1,
  },
  'complaint-supervision-rate': {
    name: '诉求督办率',
    nameEn: 'Complaints that needed a supervision order',
    unit: '%',
    direction: 'lower',
    decimals: 1,
  },
};
