import type { Sql } from '../db/sql';
import { COLUMNS, FROM, type ComplaintRow } from './complaints';

/**
 * The 民心网 exchange's reads and writes (migration 009): which 民心网编号 the platform holds, the
 * 民心网 complaints with something to answer, and the reply records already exported.
 */

/** The numbers of the 民心网 complaints among `refs`, by 民心网编号 (one read of the unique index). */
export async function minxinNumbersByRef(sql: Sql, refs: readonly string[]): Promise<Map<string, string>> {
  if (refs.length === 0) return new Map();
  const rows = await sql.query<{ ref: string; number: string }>(
    `SELECT external_ref AS ref, number FROM complaints WHERE channel = 'minxin' AND external_ref = ANY($1::text[])`,
    [refs],
  );
  return new Map(rows.map((r) => [r.ref, r.number]));
}

/** The steps 民心网 hears of (contracts/minxin.ts MinxinReplyKind): an approved reply, a closure, a refusal, a merge. */
const ANSWERED_ACTIONS = ['approve', 'close', 'not_admit', 'merge'];

/** The 民心网 complaints with at least one step 民心网 must hear of, oldest first. */
export function minxinComplaintRowsToAnswer(sql: Sql): Promise<ComplaintRow[]> {
  return sql.query<ComplaintRow>(
    `SELECT ${COLUMNS} FROM ${FROM}
     WHERE c.channel = 'minxin'
       AND EXISTS (SELECT 1 FROM complaint_steps s WHERE s.number = c.number AND s.action = ANY($1::text[]))
     ORDER BY c.registered_at, c.number`,
    [ANSWERED_ACTIONS],
  );
}

/** Complaint rows by number (the complaints 民心网 complaints were merged into). */
export function complaintRowsByNumber(sql: Sql, numbers: readonly string[]): Promise<ComplaintRow[]> {
  if (numbers.length === 0) return Promise.resolve([]);
  return sql.query<ComplaintRow>(`SELECT ${COLUMNS} FROM ${FROM} WHERE c.number = ANY($1::text[]) ORDER BY c.number`, [numbers]);
}

/** Which of `keys` were exported already. */
export async function exportedReplyKeys(sql: Sql, keys: readonly string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await sql.query<{ key: string }>('SELECT key FROM minxin_reply_exports WHERE key = ANY($1::text[])', [keys]);
  return new Set(rows.map((r) => r.key));
}

/** Records `keys` as exported at `at` by `by`; a key exported again (scope `all`) takes the latest export. */
export async function recordExportedReplies(tx: Sql, keys: readonly string[], at: Date, by: string): Promise<void> {
  if (keys.length === 0) return;
  await tx.query(
    `INSERT INTO minxin_reply_exports (key, exported_at, exported_by)
     SELECT k, $2, $3 FROM unnest($1::text[]) AS k
     ON CONFLICT (key) DO UPDATE SET exported_at = excluded.exported_at, exported_by = excluded.exported_by`,
    [keys, at.toISOString(), by],
  );
}

/** When the last export was made; null when none was. */
export async function lastReplyExportAt(sql: Sql): Promise<Date | null> {
  const [row] = await sql.query<{ at: Date | null }>('SELECT max(exported_at) AS at FROM minxin_reply_exports');
  return row?.at ?? null;
}
