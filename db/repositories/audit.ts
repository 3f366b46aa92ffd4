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
