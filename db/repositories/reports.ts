import type { TicketStatus } from '../../contracts/queue';
import type { EvaluationLevel } from '../../contracts/central-api';
import type { Db } from '../open';
import { prepared } from '../statement-cache';

/**
 * The reads behind a report over a range of business days (host/reports/build-report.ts): one
 * scan per table and range, rows as arrays (`raw`) of what the figures need and nothing more, the
 * durations already subtracted in SQL. A year of a busy hall is ~75,000 tickets: building 75,000
 * objects and parsing 225,000 ISO strings in JavaScript cost more than the scan itself.
 *
 * Instants are ISO-8601 UTC text; `julianday` reads them in C. Milliseconds from julianday
 * differences are exact to well under a millisecond (a double holds a Julian day to ~50 µs).
 */

/** Milliseconds between two ISO instants, floored at 0 (a clock step back never makes a negative wait). */
const msBetween = (later: string, earlier: string) =>
  `max(0, CAST(round((julianday(${later}) - julianday(${earlier})) * 86400000.0) AS INTEGER))`;
/** Milliseconds since the Unix epoch of an ISO instant. */
const epochMs = (instant: string) => `CAST(round((julianday(${instant}) - 2440587.5) * 86400000.0) AS INTEGER)`;

/**
 * One ticket of the range: [business day, issued service, window id, staff id, status, issued
 * (epoch ms), wait (ms; null when never called), service time (ms; null unless finished after a call)].
 */
export type ReportTicketRow = [
  businessDay: string,
  issuedService: string,
  windowId: number | null,
  staffId: number | null,
  status: TicketStatus,
  issuedAtMs: number,
  waitMs: number | null,
  serviceMs: number | null,
];

/** Every ticket whose business day is in `from`..`to` (tickets_day_key serves the range). */
export function reportTickets(db: Db, from: string, to: string): ReportTicketRow[] {
  return prepared(
    db,
    `SELECT business_day, issued_service, window_id, staff_id, status, ${epochMs('issued_at')},
            CASE WHEN first_called_at IS NOT NULL THEN ${msBetween('first_called_at', 'issued_at')} END,
            CASE WHEN status = 'finished' AND finished_at IS NOT NULL AND coalesce(called_at, first_called_at) IS NOT NULL
                 THEN ${msBetween('finished_at', 'coalesce(called_at, first_called_at)')} END
       FROM tickets WHERE business_day BETWEEN ? AND ?`,
  )
    .raw(true)
    .all(from, to) as ReportTicketRow[];
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
 * One 好差评 of the range: [level, callback required (1/0), given at (epoch ms), window number and
 * staff number it names (a ticket's), the issued service of its ticket, and of its 差评 follow-up:
 * due date, rectified at, appeal decision, whether a follow-up row exists (1/0)].
 */
export type ReportRatingRow = [
  level: EvaluationLevel,
  callbackRequired: 0 | 1,
  evaluatedAtMs: number,
  windowNumber: string | null,
  staffNumber: string | null,
  issuedService: string | null,
  dueDate: string | null,
  rectifiedAt: string | null,
  appealDecision: 'upheld' | 'overturned' | null,
  hasFollowup: 0 | 1,
];

/** Ratings given between two instants (`evaluations_by_time`), with their ticket's service and their follow-up. */
export function reportRatings(db: Db, fromInstant: string, toInstant: string): ReportRatingRow[] {
  return prepared(
    db,
    `SELECT e.level, e.callback_required, ${epochMs('e.evaluated_at')}, e.window_number, e.staff_number, t.issued_service,
            f.due_date, f.rectified_at, f.appeal_decision, f.evaluation_id IS NOT NULL
       FROM evaluations e
       LEFT JOIN tickets t ON t.id = e.ticket_id
       LEFT JOIN review_followups f ON f.evaluation_id = e.id
      WHERE e.evaluated_at >= ? AND e.evaluated_at < ?`,
  )
    .raw(true)
    .all(fromInstant, toInstant) as ReportRatingRow[];
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
