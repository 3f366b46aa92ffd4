import type { CaseStatus, CreateCaseRequest } from '../../contracts/central-api';
import type { Sql } from '../db/sql';
import { hallFeedLockCall } from './change-feed';

/** A case as stored, without the applicant: what status reads need. */
export interface CaseRow {
  caseNumber: string;
  hallId: string;
  itemCode: string;
  itemName: string;
  status: CaseStatus;
  receivedAt: Date;
  /** `YYYY-MM-DD`, set at the first acceptance. */
  expectedCompletion: string | null;
}

const CASE_COLUMNS = `case_number AS "caseNumber", hall_id AS "hallId", item_code AS "itemCode", item_name AS "itemName",
  status, received_at AS "receivedAt", expected_completion AS "expectedCompletion"`;

/** What `reserveCaseNumbers` found and took. */
export interface NumberReservation {
  /** Of the keys asked about, those a case already holds (replays, or conflicts). */
  foundKeys: string[];
  /** The first number reserved for the other keys, which run to first + their count - 1. */
  first: number;
}

/**
 * Looks `keys` up among the cases and reserves one number of an Asia/Shanghai day (`YYYYMMDD`)
 * for each key not found; numbering starts at 1. One statement, to be run OUTSIDE any
 * transaction: it is then a transaction of its own, committed at once, and the day's row is
 * locked for that one statement only, so cases of many halls are written side by side. A case
 * that is not written after all (a key raced, a crash) leaves its number unused: a gap in the
 * day's sequence, as a database sequence would leave, never a number twice.
 *
 * Its commit does not wait for its WAL to reach the disk (`synchronous_commit` set off for this
 * statement's own transaction, hence never inside another): a case that uses a number commits
 * after it, synchronously, and that flush covers every earlier WAL record, this reservation's
 * included. A crash can lose a reservation only while no case holding its numbers is durable,
 * so a number is never given twice.
 */
export async function reserveCaseNumbers(sql: Sql, day: string, keys: readonly string[]): Promise<NumberReservation> {
  const [row] = await sql.query<{ foundKeys: string[]; lastValue: number | null }>(
    `WITH found AS (SELECT idempotency_key AS key FROM cases WHERE idempotency_key = ANY($2::text[])),
     reserved AS (
       INSERT INTO case_number_sequences (day, last_value)
       SELECT $1, cardinality($2::text[]) - count(*) FROM found HAVING cardinality($2::text[]) - count(*) > 0
       ON CONFLICT (day) DO UPDATE SET last_value = case_number_sequences.last_value + excluded.last_value
       RETURNING last_value, set_config('synchronous_commit', 'off', true)
     )
     SELECT (SELECT coalesce(json_agg(key), '[]'::json) FROM found) AS "foundKeys",
       (SELECT last_value FROM reserved) AS "lastValue"`,
    [day, keys],
  );
  if (row === undefined) throw new Error('the case number reservation returned nothing');
  const fresh = keys.length - row.foundKeys.length;
  return { foundKeys: row.foundKeys, first: row.lastValue === null ? 1 : row.lastValue - fresh + 1 };
}

export interface NewCase {
  caseNumber: string;
  key: string;
  requestHash: string;
  request: CreateCaseRequest;
  receivedAt: Date;
}

/**
 * A hall's new cases and their first status changes (`submitted`), in one statement; returns the
 * idempotency keys it inserted. The case is its key's claim: a key already taken, or taken
 * meanwhile by a concurrent transaction (the statement waits for its commit), is skipped, its
 * case and change not written, and left out of the answer.
 *
 * The changes draw their cursors under the hall's feed lock, as every feed writer does
 * (store/change-feed.ts `appendChanges`), held to the commit: run it as a transaction of its own
 * (outside any other), or as the last statement of one.
 */
export async function insertSubmittedCases(tx: Sql, hallId: string, cases: readonly NewCase[]): Promise<Set<string>> {
  const rows = cases.map((c) => ({
    case_number: c.caseNumber,
    idempotency_key: c.key,
    request_hash: c.requestHash,
    hall_id: c.request.hallId,
    terminal_id: c.request.terminalId,
    item_code: c.request.itemCode,
    item_name: c.request.itemName,
    applicant_name: c.request.applicant.name,
    applicant_id_number: c.request.applicant.idNumber,
    applicant_phone: c.request.applicant.phone ?? null,
    form: c.request.form,
    materials: c.request.materials,
    submitted_at: c.request.submittedAt,
    received_at: c.receivedAt.toISOString(),
  }));
  if (rows.some((row) => row.hall_id !== hallId)) throw new Error(`cases of another hall than ${hallId} in one insert`);
  // The lock is joined to the new cases, and the cursors drawn over the sorted join: no cursor is
  // drawn before the lock is held. The changes' foreign key sees the cases: checked at the
  // statement's end.
  const inserted = await tx.query<{ key: string }>(
    `WITH new_cases AS (
       INSERT INTO cases (case_number, idempotency_key, request_hash, hall_id, terminal_id, item_code, item_name,
         applicant_name, applicant_id_number, applicant_phone, form, materials, submitted_at, received_at, status)
       SELECT case_number, idempotency_key, request_hash, hall_id, terminal_id, item_code, item_name,
         applicant_name, applicant_id_number, applicant_phone, form, materials, submitted_at, received_at, 'submitted'
       FROM jsonb_to_recordset($1::jsonb) AS r(case_number text, idempotency_key text, request_hash text, hall_id text,
         terminal_id text, item_code text, item_name text, applicant_name text, applicant_id_number text,
         applicant_phone text, form jsonb, materials jsonb, submitted_at timestamptz, received_at timestamptz)
       ON CONFLICT (idempotency_key) DO NOTHING
       RETURNING case_number, idempotency_key, received_at
     ),
     feed_lock AS (SELECT ${hallFeedLockCall('$2')}),
     first_changes AS (
       INSERT INTO case_status_changes (cursor, case_number, hall_id, status, note, at)
       SELECT nextval('case_change_cursors'), n.case_number, $2, 'submitted', NULL, n.received_at
       FROM (SELECT new_cases.* FROM new_cases, feed_lock ORDER BY new_cases.case_number) AS n
     )
     SELECT idempotency_key AS key FROM new_cases`,
    [JSON.stringify(rows), hallId],
  );
  return new Set(inserted.map((row) => row.key));
}

/** A case found by the key it was submitted under: what a replay of that key answers. */
export interface KeyedCase {
  key: string;
  requestHash: string;
  caseNumber: string;
  status: CaseStatus;
  receivedAt: Date;
}

/** The cases submitted under any of `keys` (committed, as this statement sees them). */
export function casesByKeys(sql: Sql, keys: readonly string[]): Promise<KeyedCase[]> {
  return sql.query<KeyedCase>(
    `SELECT idempotency_key AS key, request_hash AS "requestHash", case_number AS "caseNumber", status,
       received_at AS "receivedAt"
     FROM cases WHERE idempotency_key = ANY($1::text[])`,
    [keys],
  );
}

/** A case by number; `forUpdate` locks its row until the transaction ends (a status change). */
export async function caseByNumber(sql: Sql, caseNumber: string, forUpdate = false): Promise<CaseRow | undefined> {
  const [row] = await sql.query<CaseRow>(
    `SELECT ${CASE_COLUMNS} FROM cases WHERE case_number = $1${forUpdate ? ' FOR UPDATE' : ''}`,
    [caseNumber],
  );
  return row;
}

/** Sets the status, and the promised date when one is given (else keeps it). */
export async function updateCaseStatus(
  tx: Sql,
  caseNumber: string,
  status: CaseStatus,
  expectedCompletion: string | null,
): Promise<CaseRow> {
  const [row] = await tx.query<CaseRow>(
    `UPDATE cases SET status = $2, expected_completion = coalesce($3::date, expected_completion)
     WHERE case_number = $1
     RETURNING ${CASE_COLUMNS}`,
    [caseNumber, status, expectedCompletion],
  );
  if (row === undefined) throw new Error(`case ${caseNumber} vanished inside its transaction`);
  return row;
}
