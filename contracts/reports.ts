import { z } from 'zod';
import { EvaluationLevel } from './central-api';

/**
 * The hall manager's report over a range of business days (GET /api/v1/reports) and its Excel
 * export (GET /api/v1/reports/export): one Report object, from which the console's charts, its
 * tables and the workbook are all drawn, so they always agree.
 *
 * Range: `from`..`to`, both included, hall-local business days (the day turns over at
 * `queue.dailyResetHour`, as the queue's numbering does), at most REPORT_MAX_DAYS days.
 *
 * Definitions. Wait, service time and service level are those of contracts/stats.ts:
 * - wait = first call − issue, over tickets called at least once;
 * - service time = finish − latest call, over finished tickets;
 * - service level = % of called tickets whose wait ≤ the target wait of the service the ticket
 *   was issued for.
 * Attribution as in stats.ts: a ticket counts for the service it was issued for and for the
 * window and staff member that handled it last. And, for the report:
 * - noShowPct = noShow / (served + noShow): of the citizens called whose visit ended, the share
 *   who did not come (过号);
 * - transfers (转办): transfer actions on tickets of the range; each counts for the service the
 *   ticket was issued for and for the window and staff member who made it;
 * - median and p90 are nearest-rank percentiles over the values (the value at rank ⌈n·p⌉ of the n
 *   values sorted): always a value that occurred; avg is the mean; all rounded to whole seconds;
 * - ratings (好差评) given in the range (by the hall-local date of the rating, as a 差评's follow-up
 *   records it in rated_date, so the 差评整改 section's rates count the same 差评), by level. A ticket's
 *   rating counts for the service the ticket was issued for and for the window and staff member
 *   the rating names; a case's rating counts for the hall only;
 * - satisfactionPct (满意率) = ratings at `satisfied` or above (非常满意 + 满意) / all ratings,
 *   overturned 差评 left out of both;
 * - badReviews (差评) = ratings that required a callback (callback_required: the two lowest
 *   levels), minus those whose appeal (申诉) a supervisor overturned; `overturned` counts those;
 * - rectification (整改): of the badReviews, those due (due date before today) or already rectified
 *   count in rectificationDue; rectifiedOnTime are those rectified on a hall-local date ≤ their
 *   due date (rectified_date); onTimeRectificationPct = rectifiedOnTime / rectificationDue. A 差评 without a
 *   follow-up row (rated before follow-ups existed) has no due date and is left out of it;
 * - percentages have one decimal and are null when their denominator is 0.
 *
 * Window ranking (月度窗口排名), per calendar month of the range: the windows that served or were
 * rated that month, ordered by satisfactionPct, then serviceLevelPct (each higher first, none
 * last), then served (more first); windows equal on all three share a rank (1, 2, 2, 4), and are
 * listed by window number.
 */

export const REPORT_MAX_DAYS = 366;

const Count = z.number().int().nonnegative();
const Seconds = z.number().int().nonnegative();
/** Percent, one decimal; null when there is nothing to divide by. */
const Percent = z.number().min(0).max(100).nullable();

export const ReportQuery = z.object({
  /** First business day, YYYY-MM-DD (hall-local). */
  from: z.iso.date(),
  /** Last business day, included. */
  to: z.iso.date(),
});
export type ReportQuery = z.infer<typeof ReportQuery>;

/** Why a range was refused (error `report_range_invalid`, details.reason). */
export const ReportRangeProblem = z.enum(['from_after_to', 'too_long']);
export type ReportRangeProblem = z.infer<typeof ReportRangeProblem>;

const DAY_MS = 86_400_000;

/** Calendar days from `from` to `to`, both included (0 or less when `to` is before `from`). */
export function reportRangeDays(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;
}

/** Why a range of valid dates would be refused, or null: the one rule of the host and the console's date picker. */
export function reportRangeProblem(from: string, to: string): ReportRangeProblem | null {
  const days = reportRangeDays(from, to);
  if (days < 1) return 'from_after_to';
  return days > REPORT_MAX_DAYS ? 'too_long' : null;
}

/** Average, median, 90th percentile and maximum, in seconds; null when there is no value. */
export const Durations = z.object({
  avg: Seconds.nullable(),
  median: Seconds.nullable(),
  p90: Seconds.nullable(),
  max: Seconds.nullable(),
});
export type Durations = z.infer<typeof Durations>;

export const RATING_LEVELS = EvaluationLevel.options;

/** Ratings by level (非常满意 … 非常不满意). */
export const RatingCounts = z.object({
  very_satisfied: Count,
  satisfied: Count,
  basic: Count,
  dissatisfied: Count,
  very_dissatisfied: Count,
});
export type RatingCounts = z.infer<typeof RatingCounts>;

/** The figures of any group: the hall, a service, a window, a staff member. */
export const ReportFigures = z.object({
  issued: Count,
  /** Finished, with any outcome. */
  served: Count,
  noShow: Count,
  cancelled: Count,
  /** Still waiting, called or held (today's tickets). */
  open: Count,
  noShowPct: Percent,
  transfers: Count,
  /** Tickets called at least once. */
  called: Count,
  wait: Durations,
  service: Durations,
  serviceLevelPct: Percent,
  ratings: RatingCounts,
  /** All ratings (the sum of `ratings`). */
  rated: Count,
  satisfactionPct: Percent,
  badReviews: Count,
  overturned: Count,
  rectificationDue: Count,
  rectifiedOnTime: Count,
  onTimeRectificationPct: Percent,
});
export type ReportFigures = z.infer<typeof ReportFigures>;

export const ServiceReport = ReportFigures.extend({
  serviceCode: z.string(),
  serviceName: z.string(),
  targetWaitMin: z.number().int().positive(),
});
export type ServiceReport = z.infer<typeof ServiceReport>;

export const WindowReport = ReportFigures.extend({
  windowId: z.number().int().positive(),
  windowNumber: z.number().int().positive(),
  windowName: z.string(),
});
export type WindowReport = z.infer<typeof WindowReport>;

export const StaffReport = ReportFigures.extend({
  staffId: z.number().int().positive(),
  staffNo: z.string(),
  staffName: z.string(),
});
export type StaffReport = z.infer<typeof StaffReport>;

/** One business day of the range (every day is listed, closed days with zeros). */
export const ReportDay = z.object({ date: z.iso.date(), issued: Count, served: Count, noShow: Count });
export type ReportDay = z.infer<typeof ReportDay>;

/** Arrivals (tickets issued) of one weekday by hall-local hour: the heat map for 延时/错时/午休 staffing. */
export const ArrivalRow = z.object({
  /** 1 = Monday … 7 = Sunday (of the business day). */
  weekday: z.number().int().min(1).max(7),
  /** Business days of this weekday in the range that had tickets: arrivals / days is the average day. */
  days: Count,
  /** 24 counts, hour 0 to 23 of the hall's clock. */
  hours: z.array(Count).length(24),
});
export type ArrivalRow = z.infer<typeof ArrivalRow>;

export const RankedWindow = z.object({
  rank: z.number().int().positive(),
  windowId: z.number().int().positive(),
  windowNumber: z.number().int().positive(),
  windowName: z.string(),
  satisfactionPct: Percent,
  serviceLevelPct: Percent,
  served: Count,
  rated: Count,
});
export type RankedWindow = z.infer<typeof RankedWindow>;

export const MonthRanking = z.object({
  /** YYYY-MM. */
  month: z.string().regex(/^\d{4}-\d{2}$/),
  windows: z.array(RankedWindow),
});
export type MonthRanking = z.infer<typeof MonthRanking>;

export const Report = z.object({
  hallId: z.string(),
  hallName: z.string(),
  timeZone: z.string(),
  from: z.iso.date(),
  to: z.iso.date(),
  /** Calendar days in the range, and those with any ticket. */
  days: Count,
  openDays: Count,
  generatedAt: z.iso.datetime({ offset: true }),
  hall: ReportFigures,
  /** Services in display order: those not retired, and retired ones with tickets in the range. */
  services: z.array(ServiceReport),
  /** Windows by number: those not retired, and retired ones with tickets in the range. */
  windows: z.array(WindowReport),
  /** Staff members who handled, transferred or were rated for tickets of the range, by staff number. */
  staff: z.array(StaffReport),
  daily: z.array(ReportDay),
  /** Seven rows, Monday first. */
  arrivals: z.array(ArrivalRow).length(7),
  /** One entry per calendar month the range touches, oldest first. */
  ranking: z.array(MonthRanking),
});
export type Report = z.infer<typeof Report>;

/** The export's media type (.xlsx). */
export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The export's file name: the hall and the range, e.g. `hall-report-hall-01-2025-01-01-2025-12-31.xlsx`. */
export function reportFileName(hallId: string, from: string, to: string): string {
  return `hall-report-${hallId}-${from}-${to}.xlsx`;
}
