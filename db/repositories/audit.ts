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
 * How far a range's bounds are widened before the exact time filter: entries are stamped by the
 * hall clock as they are written, so their times follow their ids except when the clock was set
 * back (a few seconds by NTP, an hour at worst by hand).
 */
const CLOCK_SLACK_MS = 60 * 60_000;

/**
 * The id from which entries are at or after `at` (one past the last id when none is), found by
 * bisection over the ids: the log's times follow its ids (see CLOCK_SLACK_MS), and the log has
 * no time index on purpose (migration 013: it cost every counter action a page), so a day of a
 * year-long log is found in some twenty primary-key lookups instead of a scan.
 */
function idFrom(db: Db, at: string): number {
  // Two statements: SQLite answers a lone min() or max() of the key from one end of the table,
  // but reads every row for both in one query.
  const first = prepared(db, 'SELECT min(id) AS id FROM audit_log').get() as { id: number | null };
  const last = prepared(db, 'SELECT max(id) AS id FROM audit_log').get() as { id: number | null };
  if (first.id === null || last.id === null) return 0;
  // The time of the first entry at or after an id (ids may have gaps). ORDER BY … LIMIT 1 stops at
  // that entry; min(id) over the same range read the whole rest of the log.
  const timeFrom = prepared(db, 'SELECT at FROM audit_log WHERE id >= ? ORDER BY id LIMIT 1');
  let lo = first.id;
  let hi = last.id + 1;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    const row = timeFrom.get(mid) as { at: string } | undefined;
    if (row === undefined || row.at >= at) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

const shifted = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();

/**
 * A page of audit entries matching every filter given, newest first (by id: the order they were
 * written). Only the filters given are written into the statement (at most 32 shapes, each
 * prepared once): a clause such as `(@from IS NULL OR at >= @from)` keeps the planner from any
 * shortcut. A time range becomes an id range first (`idFrom`, widened by CLOCK_SLACK_MS), then
 * the exact times are checked; so a day's search reads that day's entries and not the year's.
 * The kind is matched as a prefix with its dot (`substr`, not LIKE: action names hold `_`).
 */
export function searchAudit(db: Db, search: AuditSearch): AuditSearchRow[] {
  const where: string[] = [];
  const params: Record<string, string | number> = { limit: search.limit, offset: search.offset };
  if (search.fromAt !== null) {
    where.push('a.id >= @fromId', 'a.at >= @fromAt');
    params.fromId = idFrom(db, shifted(search.fromAt, -CLOCK_SLACK_MS));
    params.fromAt = search.fromAt;
  }
  if (search.toAt !== null) {
    where.push('a.id < @toId', 'a.at < @toAt');
    params.toId = idFrom(db, shifted(search.toAt, CLOCK_SLACK_MS));
    params.toAt = search.toAt;
  }
  if (search.staffNo !== null) {
    where.push('a.staff_id = (SELECT id FROM staff WHERE staff_no = @staffNo)');
    params.staffNo = search.staffNo;
  }
  if (search.action !== null) {
    where.push("(a.action = @action OR substr(a.action, 1, length(@action) + 1) = @action || '.')");
    params.action = search.action;
  }
  if (search.target !== null) {
    where.push(`(t.number = @target
      OR (json_valid(a.details) AND EXISTS (SELECT 1 FROM json_each(a.details) d WHERE CAST(d.value AS TEXT) = @target)))`);
    params.target = search.target;
  }
  const rows = prepared(
    db,
    `SELECT a.id, a.at, a.action, s.staff_no AS staffNo, s.name AS staffName, w.number AS windowNumber,
        t.number AS ticketNumber, a.details
       FROM audit_log a
       LEFT JOIN staff s ON s.id = a.staff_id
       LEFT JOIN windows w ON w.id = a.window_id
       LEFT JOIN tickets t ON t.id = a.ticket_id
      ${where.length === 0 ? '' : `WHERE ${where.join(' AND ')}`}
      ORDER BY a.id DESC LIMIT @limit OFFSET @offset`,
  ).all(params) as (Omit<AuditSearchRow, 'details'> & { details: string | null })[];
  return rows.map(({ details, ...row }) => (details ? { ...row, details: JSON.parse(details) as Record<string, unknown> } : row));
}
