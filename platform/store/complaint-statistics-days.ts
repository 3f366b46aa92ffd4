import type { Sql } from '../db/sql';

/**
 * 查询统计's settled days (migration 012): each day's figures per unit as JSON, written once a
 * period containing the day is read after it has passed. Services validate what they read back.
 */

/**
 * The first key of the settled days' advisory lock (`pg_advisory_xact_lock(int, int)`): "SD".
 * Counting days takes it shared; emptying the table (a calendar or rules edit) takes it
 * exclusively, so a count begun before an edit cannot write its days after the edit emptied them.
 */
const SETTLED_DAYS_LOCK = 0x5344;

export async function lockSettledDays(tx: Sql, mode: 'count' | 'empty'): Promise<void> {
  const call = mode === 'count' ? 'pg_advisory_xact_lock_shared' : 'pg_advisory_xact_lock';
  await tx.query(`SELECT ${call}(${SETTLED_DAYS_LOCK}, 0)`);
}

export interface SettledDayRow {
  day: string;
  figures: unknown;
}

/** The settled days kept from `from` to `to` (Beijing dates, both included). */
export function settledDays(sql: Sql, from: string, to: string): Promise<SettledDayRow[]> {
  return sql.query<SettledDayRow>(
    `SELECT to_char(day, 'YYYY-MM-DD') AS day, figures FROM complaint_statistics_days WHERE day BETWEEN $1::date AND $2::date`,
    [from, to],
  );
}

/** Keeps days counted; a day another reader kept first stays as it was (the same figures). */
export async function insertSettledDays(sql: Sql, rows: readonly SettledDayRow[], at: Date): Promise<void> {
  if (rows.length === 0) return;
  await sql.query(
    `INSERT INTO complaint_statistics_days (day, figures, counted_at)
     SELECT r.day, r.figures, $2 FROM jsonb_to_recordset($1::jsonb) AS r(day date, figures jsonb)
     ON CONFLICT (day) DO NOTHING`,
    [JSON.stringify(rows), at.toISOString()],
  );
}

/** Forgets every settled day: what they were counted by changed. */
export async function clearSettledDays(sql: Sql): Promise<void> {
  await sql.query('DELETE FROM complaint_statistics_days');
}
