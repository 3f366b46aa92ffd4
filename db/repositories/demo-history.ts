import type { EvaluationLevel } from '../../contracts/central-api';
import type { Outcome, PriorityClass, TicketStatus } from '../../contracts/queue';
import type { Db } from '../open';
import { prepared } from '../statement-cache';
import type { FollowupRow } from './review-followups';

/**
 * Writes of the demo's generated history (host/demo/): past business days as the queue, the
 * ratings and the follow-ups would have left them, written whole (a finished ticket in one row)
 * instead of replayed through the services, which would take hours for a year. Never used by a
 * running host.
 */

/** A closed ticket of a past business day, as the queue leaves it. */
export interface HistoricTicket {
  businessDay: string;
  issuedService: string;
  serviceCode: string;
  seq: number;
  number: string;
  status: Extract<TicketStatus, 'finished' | 'no_show' | 'cancelled'>;
  priorityClass: PriorityClass;
  issuedAt: string;
  firstCalledAt: string | null;
  calledAt: string | null;
  windowId: number | null;
  staffId: number | null;
  recallCount: number;
  finishedAt: string;
  outcome: Outcome | null;
  printStatus: 'printed' | 'failed';
  evaluationRequestedAt: string | null;
}

/** Inserts a closed ticket (it never waits, so the waiting-count triggers leave it alone); returns its id. */
export function insertHistoricTicket(db: Db, t: HistoricTicket): number {
  const row = prepared(
    db,
    `INSERT INTO tickets (business_day, issued_service, service_code, seq, number, status, priority_class, issued_at, queue_key,
       first_called_at, called_at, window_id, staff_id, recall_count, finished_at, outcome, evaluation_requested_at, print_status)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
  ).get(
    t.businessDay,
    t.issuedService,
    t.serviceCode,
    t.seq,
    t.number,
    t.status,
    t.priorityClass,
    t.issuedAt,
    t.seq,
    t.firstCalledAt,
    t.calledAt,
    t.windowId,
    t.staffId,
    t.recallCount,
    t.finishedAt,
    t.outcome,
    t.evaluationRequestedAt,
    t.printStatus,
  ) as { id: number };
  return row.id;
}

/** The day's last number per service, as issuing would have left it. */
export function insertHistoricCounter(db: Db, businessDay: string, serviceCode: string, lastSeq: number): void {
  prepared(db, 'INSERT INTO ticket_counters (business_day, service_code, last_seq, waiting) VALUES (?, ?, ?, 0)').run(
    businessDay,
    serviceCode,
    lastSeq,
  );
}

/** A past business day whose figures need not go to the central API: history from before this demo hall reported. */
export function markDayReported(db: Db, businessDay: string, at: string): void {
  prepared(db, 'INSERT OR IGNORE INTO queue_stats_reports (business_day, enqueued_at) VALUES (?, ?)').run(businessDay, at);
}

/** The business days in `from`..`to` that have tickets already (the generator leaves them as they are). */
export function daysWithTickets(db: Db, from: string, to: string): Set<string> {
  const rows = prepared(db, 'SELECT DISTINCT business_day AS day FROM tickets WHERE business_day BETWEEN ? AND ?').all(
    from,
    to,
  ) as {
    day: string;
  }[];
  return new Set(rows.map((r) => r.day));
}

/** Whether any ticket belongs to a business day before `day`: the hall has history. */
export function hasTicketsBefore(db: Db, day: string): boolean {
  return prepared(db, 'SELECT 1 FROM tickets WHERE business_day < ? LIMIT 1').get(day) !== undefined;
}

export interface HistoricRating {
  id: string;
  level: EvaluationLevel;
  reason: string | null;
  comment: string | null;
  /** A ticket's rating names its window and staff; a case's its number. */
  subject:
    | { kind: 'ticket'; ticketId: number; ticketNumber: string; windowNumber: string; staffNumber: string }
    | { kind: 'case'; caseNumber: string };
  callbackRequired: boolean;
  evaluatedAt: string;
  /** Delivered to the central API already: generated history puts nothing in the outbox. */
  deliveredAt: string;
  centralId: string;
}

export function insertHistoricRating(db: Db, r: HistoricRating): void {
  const s = r.subject;
  prepared(
    db,
    `INSERT INTO evaluations (id, level, reason, comment, subject_kind, ticket_number, window_number, staff_number, case_number,
       callback_required, evaluated_at, delivered_at, central_id, ticket_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    r.id,
    r.level,
    r.reason,
    r.comment,
    s.kind,
    s.kind === 'ticket' ? s.ticketNumber : null,
    s.kind === 'ticket' ? s.windowNumber : null,
    s.kind === 'ticket' ? s.staffNumber : null,
    s.kind === 'case' ? s.caseNumber : null,
    r.callbackRequired ? 1 : 0,
    r.evaluatedAt,
    r.deliveredAt,
    r.centralId,
    s.kind === 'ticket' ? s.ticketId : null,
  );
}

/**
 * A 差评's follow-up (table review_followups), every step optional: how far it got by today. The
 * follow-up's own columns as the reviews read them (FollowupRow), without its evaluation's and
 * without overdueAt, which the reviews compute.
 */
export type HistoricFollowup = Omit<
  FollowupRow,
  | 'level'
  | 'reason'
  | 'comment'
  | 'evaluatedAt'
  | 'subjectKind'
  | 'ticketId'
  | 'ticketNumber'
  | 'windowNumber'
  | 'staffNumber'
  | 'caseNumber'
  | 'overdueAt'
>;

export function insertHistoricFollowup(db: Db, f: HistoricFollowup): void {
  prepared(
    db,
    `INSERT INTO review_followups (evaluation_id, opened_at, rated_date, due_date, handler_staff_number, assigned_at,
       assigned_by, verified_at, verified_by, verification, rectified_at, rectified_by, rectification, rectified_date,
       callback_at, callback_by, callback_result, callback_rating, appeal_at, appeal_by, appeal_reason, appeal_decision,
       appeal_decided_at, appeal_decided_by, closed_at, closed_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    f.evaluationId,
    f.openedAt,
    f.ratedDate,
    f.dueDate,
    f.handlerStaffNumber,
    f.assignedAt,
    f.assignedBy,
    f.verifiedAt,
    f.verifiedBy,
    f.verification,
    f.rectifiedAt,
    f.rectifiedBy,
    f.rectification,
    f.rectifiedDate,
    f.callbackAt,
    f.callbackBy,
    f.callbackResult,
    f.callbackRating,
    f.appealAt,
    f.appealBy,
    f.appealReason,
    f.appealDecision,
    f.appealDecidedAt,
    f.appealDecidedBy,
    f.closedAt,
    f.closedBy,
  );
}

/** A delivered case. `applicant` is null once its retention passed (purged), as the host's purge leaves it. */
export interface HistoricCase {
  id: string;
  itemCode: string;
  itemName: string;
  applicant: { name: string; idNumber: string; maskedName: string; maskedIdNumber: string; form: Record<string, string> } | null;
  materials: { code: string; name: string; received: boolean }[];
  submittedAt: string;
  caseNumber: string;
  deliveredAt: string;
  status: 'accepted' | 'in_progress' | 'completed';
  statusHistory: { status: string; at: string }[];
  updatedAt: string;
  purgedAt: string | null;
}

export function insertHistoricCase(db: Db, c: HistoricCase): void {
  prepared(
    db,
    `INSERT INTO cases (id, item_code, item_name, applicant_name, applicant_id_number, applicant_phone, applicant_key,
       masked_name, masked_id_number, form, materials, submitted_at, case_number, delivered_at, status, status_history,
       steward_requested, updated_at, purged_at)
     VALUES (?, ?, ?, ?, ?, NULL, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)`,
  ).run(
    c.id,
    c.itemCode,
    c.itemName,
    c.applicant?.name ?? null,
    c.applicant?.idNumber ?? null,
    c.applicant?.maskedName ?? null,
    c.applicant?.maskedIdNumber ?? null,
    c.applicant ? JSON.stringify(c.applicant.form) : null,
    JSON.stringify(c.materials),
    c.submittedAt,
    c.caseNumber,
    c.deliveredAt,
    c.status,
    JSON.stringify(c.statusHistory),
    c.updatedAt,
    c.purgedAt,
  );
}
