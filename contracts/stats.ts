import { z } from 'zod';

/**
 * Queue statistics of one business day (GET /api/v1/stats/today and
 * /stats/report). Times are in seconds; hours are hall-local (0–23 in the
 * hall's time zone, never UTC).
 *
 * Definitions (the same for every group):
 * - wait = first call − issue, over tickets called at least once;
 * - service time = finish − latest call, over finished tickets: a recall means
 *   the citizen did not come at the first call, so serving starts at the call
 *   they answered (for a ticket never recalled the latest call is the first);
 * - service level = % of called tickets whose wait ≤ the target of the
 *   service the ticket was issued for (services.target_wait_min).
 */

const Count = z.number().int().nonnegative();
const Seconds = z.number().int().nonnegative();

export const HourBucket = z.object({
  /** Hall-local hour, 0–23. */
  hour: z.number().int().min(0).max(23),
  /** Tickets issued in this hour. */
  issued: Count,
  /** Tickets finished in this hour. */
  served: Count,
});
export type HourBucket = z.infer<typeof HourBucket>;

export const StatFigures = z.object({
  /** Tickets in the group: issued for the service / the whole day; handled last by the window or staff member. */
  issued: Count,
  /** Finished, with any outcome. */
  served: Count,
  noShow: Count,
  cancelled: Count,
  /** Open now: waiting in the queue, at a window (called), set aside (held). */
  waiting: Count,
  inService: Count,
  held: Count,
  /** Tickets called at least once. */
  called: Count,
  /** null when nothing was called / finished. */
  avgWaitSeconds: Seconds.nullable(),
  maxWaitSeconds: Seconds.nullable(),
  avgServiceSeconds: Seconds.nullable(),
  /** Percent, one decimal; null when nothing was called. */
  serviceLevelPct: z.number().min(0).max(100).nullable(),
  /** 24 buckets, hour 0 to 23. */
  byHour: z.array(HourBucket).length(24),
});
export type StatFigures = z.infer<typeof StatFigures>;

export const ServiceStats = StatFigures.extend({
  serviceCode: z.string(),
  serviceName: z.string(),
  targetWaitMin: z.number().int().positive(),
});
export type ServiceStats = z.infer<typeof ServiceStats>;

export const WindowStats = StatFigures.extend({
  windowId: z.number().int().positive(),
  windowNumber: z.number().int().positive(),
  windowName: z.string(),
});
export type WindowStats = z.infer<typeof WindowStats>;

export const StaffStats = StatFigures.extend({
  staffId: z.number().int().positive(),
  staffNo: z.string(),
  staffName: z.string(),
});
export type StaffStats = z.infer<typeof StaffStats>;

export const DayStatistics = z.object({
  businessDay: z.iso.date(),
  timeZone: z.string(),
  hall: StatFigures,
  /** Every service, in display order; a ticket counts for the service it was issued for. */
  services: z.array(ServiceStats),
  /** Every window, by number; a ticket counts for the window that handled it last. */
  windows: z.array(WindowStats),
  /** Staff members who handled tickets that day, by staff number. */
  staff: z.array(StaffStats),
});
export type DayStatistics = z.infer<typeof DayStatistics>;

export const OpenTicketStatus = z.enum(['waiting', 'called', 'held']);

/** A ticket still open when the report was made: no personal data, only queue facts. */
export const OpenTicket = z.object({
  id: z.number().int().positive(),
  number: z.string(),
  serviceCode: z.string(),
  status: OpenTicketStatus,
  priorityClass: z.string(),
  issuedAt: z.iso.datetime({ offset: true }),
  windowNumber: z.number().int().positive().nullable(),
});
export type OpenTicket = z.infer<typeof OpenTicket>;

export const DayTotals = z.object({
  issued: Count,
  served: Count,
  noShow: Count,
  cancelled: Count,
  /** waiting + called + held. */
  open: Count,
  /** Finished tickets by outcome (NULL outcome counts as `unrecorded`). */
  outcomes: z.object({ done: Count, needsMaterials: Count, referred: Count, notHandled: Count, unrecorded: Count }),
  /** Issued tickets by priority class. */
  priorityClasses: z.object({ normal: Count, appointment: Count, elderly: Count, disabled: Count, vip: Count }),
  /** Rows in the calls table for the day's tickets (calls, recalls and resumes). */
  calls: Count,
  recalls: Count,
  /** Tickets whose printing failed (shown on screen instead). */
  printFailures: Count,
});
export type DayTotals = z.infer<typeof DayTotals>;

export const EndOfDayReport = DayStatistics.extend({
  totals: DayTotals,
  /** Tickets still waiting, called or held, oldest first. */
  openTickets: z.array(OpenTicket),
});
export type EndOfDayReport = z.infer<typeof EndOfDayReport>;

export const StatsReportQuery = z.object({
  /** Business day, YYYY-MM-DD; today's when omitted. */
  day: z.iso.date().optional(),
});
export type StatsReportQuery = z.infer<typeof StatsReportQuery>;
