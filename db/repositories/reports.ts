import type { TicketStatus } from '../../contracts/queue';
import type { EvaluationLevel } from '../../contracts/central-api';
import type { Db } from '../open';
import { prepared } from '../statement-cache';

/**
 * The reads behind a report over a range of business days (host/reports/build-report.ts): one
 * scan per table and range, rows as arrays (`raw`) of the plain columns and nothing computed.
 * A year of a busy hall is ~80,000 tickets, and measured on it every SQL expression per row cost
 * more than doing the same in JavaScript: four `julianday` differences and two CASEs took the
 * ticket scan from ~105 to ~150 ms of CPU, while the host parses the fixed-format ISO instants
 * itself in a few milliseconds. Aggregating the ratings in SQL (GROUP BY) was slower still.
 */

/**
 * One ticket of the range: [business day, issued service, window id, staff id, status, issued
 * at, first called at, latest call (called_at, else the first), finished at]; instants are ISO.
 */
export type ReportTicketRow = [
  businessDay: string,
  issuedService: string,
  windowId: number | null,
  staffId: number | null,
  status: TicketStatus,
  issuedAt: string,
  firstCalledAt: string | null,
  latestCallAt: string | null,
  finishedAt: string | null,
];

/**
 * Every ticket whose business day is in `from`..`to`, through tickets_day_key, handed to `each`
 * one row at a time (a year's rows are never held in memory at once). A callback rather than an
 * iterator: the statement is cached, and an iterator left unfinished would keep it busy.
 */
export function eachReportTicket(db: Db, from: string, to: string, each: (row: ReportTicketRow) => void): void {
  const rows = prepared(
    db,
    `SELECT business_day, issued_service, window_id, staff_id, status, issued_at, first_called_at,
            coalesce(called_at, first_called_at), finished_at
       FROM tickets WHERE business_day BETWEEN ? AND ?`,
  )
    .raw(true)
    .iterate(from, to) as IterableIterator<ReportTicketRow>;
  for (const row of rows) each(row);
}

/** One transfer (转办) of a ticket of the range: [issued service of the ticket, window id, staff id] of who made it. */
export type ReportTransferRow = [issuedService: string, windowId: number | null, staffId: number | null];

/**
 * Transfers recorded in the audit log between two instants (the range's business-day bounds) on
 * tickets of the range. Only the audit log knows a transfer to a named window; its partial index
 * `audit_transfers` holds the transfer rows alone.
 */
export function reportTransfers(
  db: Db,
  range: { from: string; to: string; fromInstant: string; toInstant: string },
): ReportTransferRow[] {
  return prepared(
    db,
    `SELECT t.issued_service, a.window_id, a.staff_id
       FROM audit_log a JOIN tickets t ON t.id = a.ticket_id
      WHERE a.action = 'ticket.transfer' AND a.at >= ? AND a.at < ? AND t.business_day BETWEEN ? AND ?`,
  )
    .raw(true)
    .all(range.fromInstant, range.toInstant, range.from, range.to) as ReportTransferRow[];
}

/**
 * One 好差评 of the range: [its id, level, callback required (1/0), given at (ISO), window number
 * and staff number it names (a ticket's), the issued service of its ticket].
 */
export type ReportRatingRow = [
  id: string,
  level: EvaluationLevel,
  callbackRequired: 0 | 1,
  evaluatedAt: string,
  windowNumber: string | null,
  staffNumber: string | null,
  issuedService: string | null,
];

/** Ratings given between two instants (`evaluations_by_time`), with their ticket's service, one at a time. */
export function eachReportRating(db: Db, fromInstant: string, toInstant: string, each: (row: ReportRatingRow) => void): void {
  const rows = prepared(
    db,
    `SELECT e.id, e.level, e.callback_required, e.evaluated_at, e.window_number, e.staff_number, t.issued_service
       FROM evaluations e LEFT JOIN tickets t ON t.id = e.ticket_id
      WHERE e.evaluated_at >= ? AND e.evaluated_at < ?`,
  )
    .raw(true)
    .iterate(fromInstant, toInstant) as IterableIterator<ReportRatingRow>;
  for (const row of rows) each(row);
}

/**
 * A 差评's follow-up as a report judges it: [the rating's id, due date, rectified at, on which
 * hall-local date (null before the reviews' migration wrote it), appeal decision].
 */
export type ReportFollowupRow = [
  evaluationId: string,
  dueDate: string,
  rectifiedAt: string | null,
  rectifiedDate: string | null,
  appealDecision: 'upheld' | 'overturned' | null,
];

/**
 * The follow-ups of the ratings given between two instants. They change every day a 差评 is
 * worked on, so a report reads them fresh; there are a few in a hundred ratings, and the join
 * starts from them (CROSS JOIN fixes that order) rather than from the range's ratings.
 */
export function reportFollowups(db: Db, fromInstant: string, toInstant: string): ReportFollowupRow[] {
  return prepared(
    db,
    `SELECT f.evaluation_id, f.due_date, f.rectified_at, f.rectified_date, f.appeal_decision
       FROM review_followups f CROSS JOIN evaluations e ON e.id = f.evaluation_id
      WHERE e.evaluated_at >= ? AND e.evaluated_at < ?`,
  )
    .raw(true)
    .all(fromInstant, toInstant) as ReportFollowupRow[];
}

/** How far the host has cached closed days, and the generation its cache must match (migration 029-report-cache). */
export interface ReportCacheState {
  horizonDay: string;
  horizonAt: string;
  generation: number;
}

export function reportCacheState(db: Db): ReportCacheState {
  return prepared(
    db,
    'SELECT horizon_day AS horizonDay, horizon_at AS horizonAt, generation FROM report_cache_state WHERE id = 1',
  ).get() as ReportCacheState;
}

/**
 * Moves the horizon forward (never back) before the host reads the rows it will cache, so that
 * any later write to them bumps the generation.
 */
export function advanceReportCacheHorizon(db: Db, horizon: { day: string; at: string }): void {
  prepared(
    db,
    `UPDATE report_cache_state SET horizon_day = max(horizon_day, ?), horizon_at = max(horizon_at, ?)
      WHERE id = 1 AND (horizon_day < ? OR horizon_at < ?)`,
  ).run(horizon.day, horizon.at, horizon.day, horizon.at);
}

export interface ReportServiceRow {
  code: string;
  name: string;
  targetWaitMin: number;
  retired: boolean;
}

/** Every service, retired ones too (their history stays in reports), in display order. */
export function reportServices(db: Db): ReportServiceRow[] {
  const rows = prepared(
    db,
    'SELECT code, name, target_wait_min AS targetWaitMin, retired FROM services ORDER BY sort_order, code',
  ).all() as (Omit<ReportServiceRow, 'retired'> & { retired: number })[];
  return rows.map((r) => ({ ...r, retired: r.retired === 1 }));
}

export interface ReportWindowRow {
  id: number;
  number: number;
  name: string;
  retired: boolean;
}

/** Every window, retired ones too, by number. */
export function reportWindows(db: Db): ReportWindowRow[] {
  const rows = prepared(db, 'SELECT id, number, name, retired FROM windows ORDER BY number').all() as (Omit<
    ReportWindowRow,
    'retired'
  > & { retired: number })[];
  return rows.map((r) => ({ ...r, retired: r.retired === 1 }));
}

export interface ReportStaffRow {
  id: number;
  staffNo: string;
  name: string;
}

/** Every staff account (a few dozen rows), by staff number: the report keeps those the range names. */
export function reportStaff(db: Db): ReportStaffRow[] {
  return prepared(db, 'SELECT id, staff_no AS staffNo, name FROM staff ORDER BY staff_no').all() as ReportStaffRow[];
}
