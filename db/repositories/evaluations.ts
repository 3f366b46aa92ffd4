import type { EvaluationLevel } from '../../contracts/central-api';
import type { Db } from '../open';
import { prepared } from '../statement-cache';

/** 好差评 given at this hall (table `evaluations`); they carry no personal data. */

export type EvaluationSubjectRow =
  | { kind: 'ticket'; ticketId: number | null; ticketNumber: string; windowNumber: string; staffNumber: string }
  | { kind: 'case'; caseNumber: string };

export interface NewEvaluationRow {
  id: string;
  level: EvaluationLevel;
  reason: string | null;
  comment: string | null;
  subject: EvaluationSubjectRow;
  callbackRequired: boolean;
  evaluatedAt: string;
}

export interface EvaluationRow {
  id: string;
  level: EvaluationLevel;
  reason: string | null;
  callbackRequired: boolean;
  evaluatedAt: string;
  deliveredAt: string | null;
  centralId: string | null;
}

export function insertEvaluation(db: Db, e: NewEvaluationRow): void {
  const s = e.subject;
  prepared(
    db,
    `INSERT INTO evaluations (id, level, reason, comment, subject_kind, ticket_number, window_number, staff_number,
       case_number, callback_required, evaluated_at, ticket_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    e.id,
    e.level,
    e.reason,
    e.comment,
    s.kind,
    s.kind === 'ticket' ? s.ticketNumber : null,
    s.kind === 'ticket' ? s.windowNumber : null,
    s.kind === 'ticket' ? s.staffNumber : null,
    s.kind === 'case' ? s.caseNumber : null,
    e.callbackRequired ? 1 : 0,
    e.evaluatedAt,
    s.kind === 'ticket' ? s.ticketId : null,
  );
}

/** Whether this ticket (by id) or case (by number) was rated already. */
export function alreadyEvaluated(db: Db, subject: { ticketId: number } | { caseNumber: string }): boolean {
  const row =
    'ticketId' in subject
      ? prepared(db, 'SELECT 1 FROM evaluations WHERE ticket_id = ?').get(subject.ticketId)
      : prepared(db, "SELECT 1 FROM evaluations WHERE subject_kind = 'case' AND case_number = ?").get(subject.caseNumber);
  return row !== undefined;
}

const columns = `id, level, reason, callback_required AS callbackRequired, evaluated_at AS evaluatedAt,
  delivered_at AS deliveredAt, central_id AS centralId`;

type RawEvaluation = Omit<EvaluationRow, 'callbackRequired'> & { callbackRequired: number };

export function evaluationById(db: Db, id: string): EvaluationRow | undefined {
  const raw = prepared(db, `SELECT ${columns} FROM evaluations WHERE id = ?`).get(id) as RawEvaluation | undefined;
  return raw && { ...raw, callbackRequired: raw.callbackRequired === 1 };
}

/** Bad ratings the hall still has to answer, newest first. */
export function evaluationsNeedingCallback(db: Db, limit: number): EvaluationRow[] {
  const rows = prepared(
    db,
    `SELECT ${columns} FROM evaluations WHERE callback_required = 1 ORDER BY evaluated_at DESC LIMIT ?`,
  ).all(limit) as RawEvaluation[];
  return rows.map((raw) => ({ ...raw, callbackRequired: raw.callbackRequired === 1 }));
}

export function markEvaluationDelivered(db: Db, id: string, centralId: string, at: string): void {
  prepared(db, 'UPDATE evaluations SET delivered_at = ?, central_id = ? WHERE id = ? AND delivered_at IS NULL').run(
    at,
    centralId,
    id,
  );
}

/**
 * What a ticket's evaluation is about: its number and status, the window that served it and the
 * staff member signed in there. Undefined when the ticket is unknown; nulls when it was never called.
 */
export interface TicketSubjectRow {
  ticketNumber: string;
  status: string;
  windowNumber: number | null;
  staffNumber: string | null;
}

export function ticketSubject(db: Db, ticketId: number): TicketSubjectRow | undefined {
  return prepared(
    db,
    `SELECT t.number AS ticketNumber, t.status AS status, w.number AS windowNumber, s.staff_no AS staffNumber
     FROM tickets t LEFT JOIN windows w ON w.id = t.window_id LEFT JOIN staff s ON s.id = t.staff_id
     WHERE t.id = ?`,
  ).get(ticketId) as TicketSubjectRow | undefined;
}

/**
 * What the window evaluator shows of the service it asks the citizen to rate: the ticket, its
 * service, and the staff member who served it (number and name, as the counter shows them; null
 * for a ticket called without a sign-in). Undefined when the ticket is unknown.
 */
export interface RatingSubjectRow {
  ticketNumber: string;
  serviceName: string;
  staffNumber: string | null;
  staffName: string | null;
}

export function ratingSubject(db: Db, ticketId: number): RatingSubjectRow | undefined {
  return prepared(
    db,
    `SELECT t.number AS ticketNumber, (SELECT name FROM services WHERE code = t.service_code) AS serviceName,
       s.staff_no AS staffNumber, s.name AS staffName
     FROM tickets t LEFT JOIN staff s ON s.id = t.staff_id WHERE t.id = ?`,
  ).get(ticketId) as RatingSubjectRow | undefined;
}
