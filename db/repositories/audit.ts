import type { Db } from '../open';
import { prepared } from '../statement-cache';

export interface AuditEntry {
  at: string;
  staffId: number | null;
  windowId: number | null;
  action: string;
  ticketId: number | null;
  /** Free-form facts of the action. Never personal data: no names, no ID numbers. */
  details?: Record<string, unknown>;
}

export interface AuditRow extends AuditEntry {
  id: number;
}

/** Appends to the audit log; call it inside the transaction of the action it records. */
export function recordAudit(db: Db, entry: AuditEntry): void {
  prepared(db, 'INSERT INTO audit_log (at, staff_id, window_id, action, ticket_id, details) VALUES (?, ?, ?, ?, ?, ?)').run(
    entry.at,
    entry.staffId,
    entry.windowId,
    entry.action,
    entry.ticketId,
    entry.details ? JSON.stringify(entry.details) : null,
  );
}

export function listAudit(db: Db, options: { sinceId?: number; limit: number }): AuditRow[] {
  const rows = prepared(
    db,
    `SELECT id, at, staff_id AS staffId, window_id AS windowId, action, ticket_id AS ticketId, details
       FROM audit_log WHERE id > ? ORDER BY id LIMIT ?`,
  ).all(options.sinceId ?? 0, options.limit) as (Omit<AuditRow, 'details'> & { details: string | null })[];
  // A row without details has no `details` key (as recordAudit was given none).
  return rows.map(({ details, ...row }) => (details ? { ...row, details: JSON.parse(details) as Record<string, unknown> } : row));
}

/** The audit log's filters, all optional (null), as the repository takes them. */
export interface AuditSearch {
  /** Instants [fromAt, toAt). */
  fromAt: string | null;
  toAt: string | null;
  staffNo: string | null;
  /** An exact action, or a kind: `notice` matches every `notice.*`. */
  action: string | null;
  /** The entry's ticket number, or exactly one of its details' top-level values. */
  target: string | null;
  limit: number;
  offset: number;
}

export interface AuditSearchRow {
  id: number;
  at: string;
  action: string;
  staffNo: string | null;
  staffName: string | null;
  windowNumber: number | null;
  ticketNumber: string | null;
  details?: Record<string, unknown>;
}

/**
 * A page of audit entries matching every filter given, newest first. The time range narrows by
 * `audit_by_time`; without one, entries are read from the newest back until the page is full.
 * The kind is matched as a prefix with its dot (`substr`, not LIKE: action names hold `_`).
 */
export function searchAudit(db: Db, search: AuditSearch): AuditSearchRow[] {
  const rows = prepared(
    db,
    `SELECT a.id, a.at, a.action, s.staff_no AS staffNo, s.name AS staffName, w.number AS windowNumber,
        t.number AS ticketNumber, a.details
       FROM audit_log a
       LEFT JOIN staff s ON s.id = a.staff_id
       LEFT JOIN windows w ON w.id = a.window_id
       LEFT JOIN tickets t ON t.id = a.ticket_id
      WHERE (@fromAt IS NULL OR a.at >= @fromAt) AND (@toAt IS NULL OR a.at < @toAt)
        AND (@staffNo IS NULL OR s.staff_no = @staffNo)
        AND (@action IS NULL OR a.action = @action OR substr(a.action, 1, length(@action) + 1) = @action || '.')
        AND (@target IS NULL OR t.number = @target
             OR (json_valid(a.details) AND EXISTS (SELECT 1 FROM json_each(a.details) d WHERE CAST(d.value AS TEXT) = @target)))
      ORDER BY a.id DESC LIMIT @limit OFFSET @offset`,
  ).all(search) as (Omit<AuditSearchRow, 'details'> & { details: string | null })[];
  return rows.map(({ details, ...row }) => (details ? { ...row, details: JSON.parse(details) as Record<string, unknown> } : row));
}
