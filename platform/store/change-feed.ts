import type { CaseStatus } from '../../contracts/central-api';
import type { Sql } from '../db/sql';

export interface ChangeRow {
  cursor: number;
  caseNumber: string;
  status: CaseStatus;
  note: string | null;
  at: Date;
}

const CHANGE_COLUMNS = 'cursor, case_number AS "caseNumber", status, note, at';

export interface NewChange {
  caseNumber: string;
  hallId: string;
  status: CaseStatus;
  note: string | null;
  at: Date;
}

/**
 * Appends a status change with the next cursor. Call it as the LAST statement of the
 * transaction: the counter row it bumps stays locked until the commit, so the next writer's
 * cursor is handed out only once this one is visible. Cursors thus become visible in order and
 * without gaps, and a client that read up to N never misses a change numbered below N (a
 * sequence would let N+1 commit, and be read, before N).
 */
export async function appendChange(tx: Sql, change: NewChange): Promise<number> {
  const [row] = await tx.query<{ cursor: number }>(
    `WITH next AS (
       INSERT INTO change_feed_counter (id, last_cursor) VALUES (1, 1)
       ON CONFLICT (id) DO UPDATE SET last_cursor = change_feed_counter.last_cursor + 1
       RETURNING last_cursor
     )
     INSERT INTO case_status_changes (cursor, case_number, hall_id, status, note, at)
     SELECT last_cursor, $1, $2, $3, $4, $5 FROM next
     RETURNING cursor`,
    [change.caseNumber, change.hallId, change.status, change.note, change.at.toISOString()],
  );
  if (row === undefined) throw new Error('the change feed insert returned nothing');
  return row.cursor;
}

/**
 * Appends many changes with consecutive cursors, in their order: as `appendChange`, the LAST
 * statement of the transaction, the counter bumped once by their number.
 */
export async function appendChanges(tx: Sql, changes: readonly NewChange[]): Promise<void> {
  if (changes.length === 0) return;
  const rows = changes.map((c, index) => ({
    ord: index + 1,
    case_number: c.caseNumber,
    hall_id: c.hallId,
    status: c.status,
    note: c.note,
    at: c.at.toISOString(),
  }));
  await tx.query(
    `WITH next AS (
       INSERT INTO change_feed_counter (id, last_cursor) VALUES (1, $2)
       ON CONFLICT (id) DO UPDATE SET last_cursor = change_feed_counter.last_cursor + $2
       RETURNING last_cursor
     )
     INSERT INTO case_status_changes (cursor, case_number, hall_id, status, note, at)
     SELECT next.last_cursor - $2 + r.ord, r.case_number, r.hall_id, r.status, r.note, r.at
     FROM next, jsonb_to_recordset($1::jsonb) AS r(ord integer, case_number text, hall_id text, status text, note text, at timestamptz)`,
    [JSON.stringify(rows), changes.length],
  );
}

/** Changes of every hall after `since`, oldest first. */
export function changesSince(sql: Sql, since: number, limit: number): Promise<ChangeRow[]> {
  return sql.query<ChangeRow>(`SELECT ${CHANGE_COLUMNS} FROM case_status_changes WHERE cursor > $1 ORDER BY cursor LIMIT $2`, [
    since,
    limit,
  ]);
}

/**
 * One hall's changes after `since`, oldest first: the feed a hall pulls (the cases it submitted).
 * Cursors are the district's, so a hall's skip the numbers of other halls' changes; its own stay
 * in order and without gaps among themselves, which is all its saved cursor relies on.
 */
export function hallChangesSince(sql: Sql, hallId: string, since: number, limit: number): Promise<ChangeRow[]> {
  return sql.query<ChangeRow>(
    `SELECT ${CHANGE_COLUMNS} FROM case_status_changes WHERE hall_id = $1 AND cursor > $2 ORDER BY cursor LIMIT $3`,
    [hallId, since, limit],
  );
}

/** Every status a case has had, in order. */
export function historyOf(sql: Sql, caseNumber: string): Promise<ChangeRow[]> {
  return sql.query<ChangeRow>(`SELECT ${CHANGE_COLUMNS} FROM case_status_changes WHERE case_number = $1 ORDER BY cursor`, [
    caseNumber,
  ]);
}
