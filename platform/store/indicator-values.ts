import type { IndicatorMetric } from '../../contracts/indicator-metrics';
import type { EntryState } from '../../contracts/platform-indicators';
import type { Sql } from '../db/sql';

export interface EntryRow {
  period: string;
  code: string;
  revision: number;
  value: number;
  note: string | null;
  state: EntryState;
  enteredBy: string;
  enteredAt: Date;
  reviewedBy: string | null;
  reviewedAt: Date | null;
  reason: string | null;
}

const ENTRY_COLUMNS = `period, code, revision, value, note, state, entered_by AS "enteredBy", entered_at AS "enteredAt",
  reviewed_by AS "reviewedBy", reviewed_at AS "reviewedAt", review_reason AS "reason"`;

/**
 * Adds the next revision of a leaf's value, submitted. The caller holds the period's row lock,
 * so two entries of one leaf at once get revisions n+1 and n+2, never a key clash.
 */
export async function insertEntry(
  tx: Sql,
  entry: { period: string; code: string; value: number; note: string | null; enteredBy: string; enteredAt: Date },
): Promise<EntryRow> {
  const [row] = await tx.query<EntryRow>(
    `INSERT INTO indicator_entries (period, code, revision, value, note, state, entered_by, entered_at)
     SELECT $1, $2, coalesce(max(revision), 0) + 1, $3, $4, 'submitted', $5, $6
       FROM indicator_entries WHERE period = $1 AND code = $2
     RETURNING ${ENTRY_COLUMNS}`,
    [entry.period, entry.code, entry.value, entry.note, entry.enteredBy, entry.enteredAt.toISOString()],
  );
  if (row === undefined) throw new Error('the entry insert returned nothing');
  return row;
}

/** Every revision of a leaf's value in a period, newest first. */
export function entriesOf(sql: Sql, period: string, code: string): Promise<EntryRow[]> {
  return sql.query<EntryRow>(
    `SELECT ${ENTRY_COLUMNS} FROM indicator_entries WHERE period = $1 AND code = $2 ORDER BY revision DESC`,
    [period, code],
  );
}

/** Each leaf's latest revision in a period, whatever its state. */
export function latestEntries(sql: Sql, period: string): Promise<EntryRow[]> {
  return sql.query<EntryRow>(
    `SELECT DISTINCT ON (code) ${ENTRY_COLUMNS} FROM indicator_entries WHERE period = $1 ORDER BY code, revision DESC`,
    [period],
  );
}

/** Each leaf's latest approved revision in a period: the values that score. */
export function approvedValues(sql: Sql, period: string): Promise<Array<{ code: string; value: number }>> {
  return sql.query(
    `SELECT DISTINCT ON (code) code, value FROM indicator_entries WHERE period = $1 AND state = 'approved'
     ORDER BY code, revision DESC`,
    [period],
  );
}

/** Records the review of one revision, if it is still submitted; none otherwise. */
export async function reviewEntry(
  tx: Sql,
  review: {
    period: string;
    code: string;
    revision: number;
    state: 'approved' | 'returned';
    reviewedBy: string;
    reviewedAt: Date;
    reason: string | null;
  },
): Promise<EntryRow | undefined> {
  const [row] = await tx.query<EntryRow>(
    `UPDATE indicator_entries SET state = $4, reviewed_by = $5, reviewed_at = $6, review_reason = $7
     WHERE period = $1 AND code = $2 AND revision = $3 AND state = 'submitted'
     RETURNING ${ENTRY_COLUMNS}`,
    [
      review.period,
      review.code,
      review.revision,
      review.state,
      review.reviewedBy,
      review.reviewedAt.toISOString(),
      review.reason,
    ],
  );
  return row;
}

export interface ComputedRow {
  metric: IndicatorMetric;
  value: number | null;
  rowCount: number;
  computedBy: string;
  computedAt: Date;
}

/** Replaces a period's snapshot of the metrics given (those not given keep theirs). */
export async function replaceComputedValues(tx: Sql, period: string, rows: readonly ComputedRow[]): Promise<void> {
  await tx.query(
    `INSERT INTO indicator_computed_values (period, metric, value, row_count, computed_by, computed_at)
     SELECT $1, r."metric", r."value", r."rowCount", r."computedBy", r."computedAt"::timestamptz
     FROM jsonb_to_recordset($2::jsonb) AS r("metric" text, "value" double precision, "rowCount" integer,
       "computedBy" text, "computedAt" text)
     ON CONFLICT (period, metric) DO UPDATE SET value = excluded.value, row_count = excluded.row_count,
       computed_by = excluded.computed_by, computed_at = excluded.computed_at`,
    [period, JSON.stringify(rows.map((r) => ({ ...r, computedAt: r.computedAt.toISOString() })))],
  );
}

/** A period's snapshot of computed figures, by metric. */
export function computedValues(sql: Sql, period: string): Promise<ComputedRow[]> {
  return sql.query<ComputedRow>(
    `SELECT metric, value, row_count AS "rowCount", computed_by AS "computedBy", computed_at AS "computedAt"
     FROM indicator_computed_values WHERE period = $1 ORDER BY metric`,
    [period],
  );
}
