import type { Complaint } from '../../contracts/complaints';
import type { StepAction } from '../../contracts/complaints';
import { DISTRICT_TIME_ZONE, endOfDate, instantAt } from '../../contracts/working-time';
import type { Sql } from '../db/sql';
import { complaintRowsWithStepBetween } from '../store/complaints';
import type { DeadlineContext } from './complaint-deadlines';
import { complaintsOf } from './complaint-records';
import type { ComplaintSettings } from './complaint-settings';
import type { ComplaintRecords } from './indicator-complaint-figures';

/**
 * The indicator system's port onto the complaint tables (indicator-complaint-figures.ts): the
 * complaints with a step of a kind on the district's dates, whole, and the deadline rules and
 * calendar the complaint desk counts by, so the indicator and the desk show one figure.
 */
export class ComplaintIndicatorRecords implements ComplaintRecords {
  constructor(
    private readonly sql: Sql,
    private readonly settings: ComplaintSettings,
  ) {}

  closedBetween(dates: { from: string; to: string }): Promise<Complaint[]> {
    return this.withStep('close', dates);
  }

  dispatchedBetween(dates: { from: string; to: string }): Promise<Complaint[]> {
    return this.withStep('dispatch', dates);
  }

  evaluatedBetween(dates: { from: string; to: string }): Promise<Complaint[]> {
    return this.withStep('evaluate', dates);
  }

  async deadlineContext(): Promise<DeadlineContext> {
    return (await this.settings.current()).deadlines;
  }

  /** From the first date's 00:00 to the last date's 24:00, Beijing time. */
  private async withStep(action: StepAction, dates: { from: string; to: string }): Promise<Complaint[]> {
    const start = new Date(instantAt(dates.from, '00:00', DISTRICT_TIME_ZONE));
    const end = new Date(endOfDate(dates.to, DISTRICT_TIME_ZONE));
    return complaintsOf(this.sql, await complaintRowsWithStepBetween(this.sql, action, start, end));
  }
}
