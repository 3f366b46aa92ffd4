import type { CaseStatus } from '../../contracts/central-api';
import type { TicketStatus } from '../../contracts/queue';
import type { StewardFollowUpStatus, StewardNoteAction } from '../../contracts/steward';
import type { Db } from '../open';
import { prepared } from '../statement-cache';

/**
 * The steward's work list (tables `steward_follow_ups`, `steward_notes`, read with the steward
 * service's tickets and the cases that asked for a steward). A request's id is
 * `ticket-<tickets.id>` or `case-<cases.id>` (a case that got no ticket).
 */

export interface StewardRequestRow {
  id: string;
  requestedAt: string;
  /** The ticket's business day; null for a case without a ticket (the host derives it). */
  businessDay: string | null;
  ticketNumber: string | null;
  ticketStatus: TicketStatus | null;
  windowNumber: number | null;
  calledBy: string | null;
  itemName: string | null;
  caseNumber: string | null;
  caseStatus: CaseStatus | null;
  applicantMasked: string | null;
  /** The form's `companyName` (the enterprise), while the case's form is kept. */
  enterprise: string | null;
  status: StewardFollowUpStatus;
  assigneeNo: string | null;
  assigneeName: string | null;
  contactedAt: string | null;
  doneAt: string | null;
  lastNote: string | null;
}

/** What each request's CTE (`requests`: id, ticketId, caseId, requestedAt, businessDay) is read into. */
const READ_REQUESTS = `
  SELECT r.id, r.requestedAt, r.businessDay,
    t.number AS ticketNumber, t.status AS ticketStatus, w.number AS windowNumber, caller.staff_no AS calledBy,
    c.item_name AS itemName, c.case_number AS caseNumber, c.status AS caseStatus, c.masked_name AS applicantMasked,
    CASE WHEN json_valid(c.form) THEN json_extract(c.form, '$.companyName') END AS enterprise,
    COALESCE(f.status, 'open') AS status, assignee.staff_no AS assigneeNo, assignee.name AS assigneeName,
    f.contacted_at AS contactedAt, f.done_at AS doneAt,
    (SELECT n.note FROM steward_notes n WHERE n.request_id = r.id AND n.note IS NOT NULL ORDER BY n.id DESC LIMIT 1) AS lastNote
  FROM requests r
  LEFT JOIN tickets t ON t.id = r.ticketId
  LEFT JOIN windows w ON w.id = t.window_id
  LEFT JOIN staff caller ON caller.id = t.staff_id
  LEFT JOIN cases c ON c.id = r.caseId
  LEFT JOIN steward_follow_ups f ON f.request_id = r.id
  LEFT JOIN staff assignee ON assignee.id = f.assignee_id`;

export interface StewardListFilter {
  serviceCode: string;
  /** Business days, inclusive (the steward tickets'). */
  fromDay: string;
  toDay: string;
  /** The same days as instants [fromAt, toAt) (the ticketless cases' submission). */
  fromAt: string;
  toAt: string;
  status: StewardFollowUpStatus | null;
  assigneeNo: string | null;
  limit: number;
  offset: number;
}

/** One page of the requests of a range of days, newest first. */
export function stewardRequestsPage(db: Db, filter: StewardListFilter): StewardRequestRow[] {
  return prepared(
    db,
    `WITH requests AS (
       SELECT 'ticket-' || t.id AS id, t.id AS ticketId,
         (SELECT c.id FROM cases c WHERE c.steward_ticket_id = t.id) AS caseId, t.issued_at AS requestedAt,
         t.business_day AS businessDay
         FROM tickets t WHERE t.business_day BETWEEN @fromDay AND @toDay AND t.issued_service = @serviceCode
       UNION ALL
       SELECT 'case-' || c.id, NULL, c.id, c.submitted_at, NULL
         FROM cases c
        WHERE c.steward_requested = 1 AND c.steward_ticket_id IS NULL AND c.submitted_at >= @fromAt AND c.submitted_at < @toAt
     )
     ${READ_REQUESTS}
     WHERE (@status IS NULL OR COALESCE(f.status, 'open') = @status) AND (@assigneeNo IS NULL OR assignee.staff_no = @assigneeNo)
     ORDER BY r.requestedAt DESC, r.id DESC LIMIT @limit OFFSET @offset`,
  ).all(filter) as StewardRequestRow[];
}

/**
 * One request by its parts: a ticket of the steward service, or a case that asked for a steward
 * and got no ticket. Undefined when it is neither.
 */
export function stewardRequestById(
  db: Db,
  key: { serviceCode: string; ticketId: number | null; caseId: string | null },
): StewardRequestRow | undefined {
  return prepared(
    db,
    `WITH requests AS (
       SELECT 'ticket-' || t.id AS id, t.id AS ticketId,
         (SELECT c.id FROM cases c WHERE c.steward_ticket_id = t.id) AS caseId, t.issued_at AS requestedAt,
         t.business_day AS businessDay
         FROM tickets t WHERE t.id = @ticketId AND t.issued_service = @serviceCode
       UNION ALL
       SELECT 'case-' || c.id, NULL, c.id, c.submitted_at, NULL
         FROM cases c WHERE c.id = @caseId AND c.steward_requested = 1 AND c.steward_ticket_id IS NULL
     )
     ${READ_REQUESTS}`,
  ).get(key) as StewardRequestRow | undefined;
}

export interface StewardFollowUpRow {
  requestId: string;
  status: StewardFollowUpStatus;
  assigneeId: number | null;
  contactedAt: string | null;
  doneAt: string | null;
  updatedAt: string;
}

export function stewardFollowUp(db: Db, requestId: string): StewardFollowUpRow | undefined {
  return prepared(
    db,
    `SELECT request_id AS requestId, status, assignee_id AS assigneeId, contacted_at AS contactedAt, done_at AS doneAt,
        updated_at AS updatedAt
       FROM steward_follow_ups WHERE request_id = ?`,
  ).get(requestId) as StewardFollowUpRow | undefined;
}

/** Writes a request's follow-up (the first action creates it); call inside the action's transaction. */
export function saveStewardFollowUp(db: Db, row: StewardFollowUpRow): void {
  prepared(
    db,
    `INSERT INTO steward_follow_ups (request_id, status, assignee_id, contacted_at, done_at, updated_at)
     VALUES (@requestId, @status, @assigneeId, @contactedAt, @doneAt, @updatedAt)
     ON CONFLICT (request_id) DO UPDATE SET status = excluded.status, assignee_id = excluded.assignee_id,
       contacted_at = excluded.contacted_at, done_at = excluded.done_at, updated_at = excluded.updated_at`,
  ).run(row);
}

export interface NewStewardNote {
  requestId: string;
  at: string;
  staffId: number;
  action: StewardNoteAction;
  assigneeId: number | null;
  note: string | null;
}

export function insertStewardNote(db: Db, note: NewStewardNote): void {
  prepared(
    db,
    `INSERT INTO steward_notes (request_id, at, staff_id, action, assignee_id, note)
     VALUES (@requestId, @at, @staffId, @action, @assigneeId, @note)`,
  ).run(note);
}

export interface StewardNoteRow {
  at: string;
  action: StewardNoteAction;
  byNo: string;
  byName: string;
  assigneeNo: string | null;
  assigneeName: string | null;
  note: string | null;
}

/** A request's steps, oldest first. */
export function stewardNotes(db: Db, requestId: string): StewardNoteRow[] {
  return prepared(
    db,
    `SELECT n.at, n.action, s.staff_no AS byNo, s.name AS byName, a.staff_no AS assigneeNo, a.name AS assigneeName, n.note
       FROM steward_notes n JOIN staff s ON s.id = n.staff_id LEFT JOIN staff a ON a.id = n.assignee_id
      WHERE n.request_id = ? ORDER BY n.id`,
  ).all(requestId) as StewardNoteRow[];
}

/** The hall's stewards (active accounts with a steward's work phone), by staff number; at most `limit`. */
export function stewardAccounts(db: Db, limit: number): { staffNo: string; name: string }[] {
  return prepared(
    db,
    `SELECT staff_no AS staffNo, name FROM staff WHERE active = 1 AND steward_phone IS NOT NULL ORDER BY staff_no LIMIT ?`,
  ).all(limit) as { staffNo: string; name: string }[];
}
