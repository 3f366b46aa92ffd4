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

/** A status change of one of a hall's cases, before it has a cursor. */
export interface NewChange {
  caseNumber: string;
  status: CaseStatus;
  note: string | null;
  at: Date;
}

/**
 * The first key of the feed's advisory locks (`pg_advisory_xact_lock(int, int)`, the second is
 * the hall's hash): a class of its own, apart from the migrations' one-key lock (db/migrate.ts).
 * Two halls whose names hash alike share a lock, which only makes them wait for each other.
 */
const HALL_FEED_LOCK = 0x48_46; // 'HF'

/**
 * The SQL call that takes a hall's feed lock until the transaction ends, for the hall named by
 * the parameter `hallParam` (`$2`): every writer of the feed takes it before drawing cursors.
 */
export function hallFeedLockCall(hallParam: string): string {
  return `pg_advisory_xact_lock(${HALL_FEED_LOCK}, hashtext(${hallParam}))`;
}

/**
 * Appends status changes of one hall's cases with the next cursors, in their order; returns
 * the cursors. Call it as the LAST statement of the transaction: it takes the hall's feed lock,
 * held until the commit, before drawing cursors from the district's sequence, so the hall's next
 * writer draws its cursors only once these are visible. A hall's cursors thus become visible in
 * order, and a hall that read its feed up to N never misses one of its changes below N (without
 * the lock, N+1 could commit, and be read, before N). Other halls' writers do not wait: a hall
 * reads only its own feed, whose cursors skip the other halls' numbers.
 */
export async function appendChanges(tx: Sql, hallId: string, changes: readonly NewChange[]): Promise<number[]> {
  if (changes.length === 0) return [];
  await tx.query(`SELECT ${hallFeedLockCall('$1')}`, [hallId]);
  const rows = changes.map((c, index) => ({
    ord: index + 1,
    case_number: c.caseNumber,
    status: c.status,
    note: c.note,
    at: c.at.toISOString(),
  }));
  // nextval in the outer query over the ordered rows: cursors follow the changes' order.
  const inserted = await tx.query<{ cursor: number }>(
    `INSERT INTO case_status_changes (cursor, case_number, hall_id, status, note, at)
     SELECT nextval('case_change_cursors'), r.case_number, $2, r.status, r.note, r.at
     FROM (SELECT * FROM jsonb_to_recordset($1::jsonb)
             AS x(ord integer, case_number text, status text, note text, at timestamptz) ORDER BY ord) AS r
     RETURNING cursor`,
    [JSON.stringify(rows), hallId],
  );
  return inserted.map((row) => row.cursor).sort((a, b) => a - b);
}

/** One change, as `appendChanges` (the last statement of its transaction); its cursor. */
export async function appendChange(tx: Sql, hallId: string, change: NewChange): Promise<number> {
  const [cursor] = await appendChanges(tx, hallId, [change]);
  if (cursor === undefined) throw new Error('the change feed insert returned nothing');
  return cursor;
}

/**
 * One hall's changes after `since`, oldest first: the feed a hall pulls (the cases it submitted).
 * Cursors are the district's, so a hall's skip the numbers of other halls' changes; its own stay
 * in order among themselves (see appendChanges), which is all its saved cursor relies on.
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
