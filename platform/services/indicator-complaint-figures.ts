import type { Complaint } from '../../contracts/complaints';
import type { PeriodRange } from '../../contracts/indicator-periods';
import { dueDateOf, metDeadline } from '../../contracts/working-time';
import { closedAtOf, onTimeRate, stageDeadlines, supervisionOrders, type DeadlineContext } from './complaint-deadlines';
import { rateFigure, type MetricFigure } from './indicator-figures';

/**
 * The complaint platform's metrics (GOV.05, contracts/indicator-metrics.ts), computed from its
 * complaints as the contract types them, with its own deadline rules and its own
 * 规定期限办结率 (services/complaint-deadlines.ts), so the indicator and the complaint statistics
 * show one figure. The complaints come through a port: the complaint tables are another part of
 * the platform, wired in by whoever builds the platform (server.ts `complaintRecords`).
 */
export interface ComplaintRecords {
  /** Complaints closed (办结) on an Asia/Shanghai date of the range, whatever their channel. */
  closedBetween(dates: { from: string; to: string }): Promise<Complaint[]>;
  /** Complaints with a dispatch (分拣转办) on a date of the range. */
  dispatchedBetween(dates: { from: string; to: string }): Promise<Complaint[]>;
  /** Complaints whose enterprise evaluated the handling on a date of the range. */
  evaluatedBetween(dates: { from: string; to: string }): Promise<Complaint[]>;
  /** The rules and calendar the complaint platform counts its deadlines with. */
  deadlineContext(): Promise<DeadlineContext>;
}

type Instants = { start: string; end: string };

const within = (at: string, range: Instants): boolean => {
  const ms = Date.parse(at);
  return ms >= Date.parse(range.start) && ms < Date.parse(range.end);
};

/** The complaints closed in the period, each once (a port may hand one back twice). */
function closedIn(complaints: readonly Complaint[], range: Instants): Complaint[] {
  const seen = new Set<string>();
  return complaints.filter((c) => {
    const closedAt = closedAtOf(c);
    if (closedAt === null || !within(closedAt, range) || seen.has(c.number)) return false;
    seen.add(c.number);
    return true;
  });
}

/** 诉求规定期限办结率: the complaint platform's own rate over the complaints closed in the period. */
export function closureOnTime(complaints: readonly Complaint[], range: Instants): MetricFigure {
  const rate = onTimeRate(closedIn(complaints, range).map((c) => ({ closedAt: closedAtOf(c), closeDueAt: c.closeDueAt })));
  return rateFigure('complaint-on-time-closure-rate', rate.closedOnTime, rate.closed);
}

/** 诉求督办率: of the complaints closed in the period, those that received a 督办单 on the way. */
export function supervisedShare(complaints: readonly Complaint[], range: Instants, context: DeadlineContext): MetricFigure {
  const closed = closedIn(complaints, range);
  const supervised = closed.filter((c) => supervisionOrders(c, context, closedAtOf(c) ?? range.end).length > 0);
  return rateFigure('complaint-supervision-rate', supervised.length, closed.length);
}

/**
 * 诉求按时受理率: every dispatch whose acceptance deadline falls on a date of the period, accepted
 * or not; on time when the lead unit accepted at or before it. A decline in time is no
 * acceptance, and a unit that never answered counts as late.
 */
export function acceptanceOnTime(complaints: readonly Complaint[], period: PeriodRange, context: DeadlineContext): MetricFigure {
  const seen = new Set<string>();
  let rows = 0;
  let onTime = 0;
  for (const complaint of complaints) {
    if (seen.has(complaint.number)) continue;
    seen.add(complaint.number);
    for (const run of stageDeadlines(complaint, context)) {
      if (run.stage !== 'accept') continue;
      const dueDate = dueDateOf(run.dueAt, context.clock.timeZone);
      if (dueDate < period.from || dueDate > period.to) continue;
      rows += 1;
      const accepted = run.metAt !== null && complaint.history.some((step) => step.action === 'accept' && step.at === run.metAt);
      if (accepted && run.metAt !== null && metDeadline(run.metAt, run.dueAt)) onTime += 1;
    }
  }
  return rateFigure('complaint-on-time-acceptance-rate', onTime, rows);
}

/** 诉求办理满意率: the enterprises' evaluations given in the period, at satisfied or above. */
export function complaintSatisfaction(complaints: readonly Complaint[], range: Instants): MetricFigure {
  const seen = new Set<string>();
  const rated = complaints.filter((c) => {
    if (c.evaluation === null || !within(c.evaluation.at, range) || seen.has(c.number)) return false;
    seen.add(c.number);
    return true;
  });
  const satisfied = rated.filter((c) => c.evaluation?.level === 'very_satisfied' || c.evaluation?.level === 'satisfied');
  return rateFigure('complaint-satisfaction-rate', satisfied.length, rated.length);
}
