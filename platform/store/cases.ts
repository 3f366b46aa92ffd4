import type { CaseStatus, CreateCaseRequest } from '../../contracts/central-api';
import type { Sql } from '../db/sql';

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

/**
 * The next number of an Asia/Shanghai day (`YYYYMMDD`), starting at 1. The upsert locks the
 * day's row until the transaction ends: a concurrent case waits, then gets the next number, so
 * numbers are unique across instances; a rolled-back case gives its number back.
 */
export async function nextCaseSequence(tx: Sql, day: string): Promise<number> {
  const [row] = await tx.query<{ value: number }>(
    `INSERT INTO case_number_sequences (day, last_value) VALUES ($1, 1)
     ON CONFLICT (day) DO UPDATE SET last_value = case_number_sequences.last_value + 1
     RETURNING last_value AS value`,
    [day],
  );
  if (row === undefined) throw new Error('the case number upsert returned nothing');
  return row.value;
}

export interface NewCase {
  caseNumber: string;
  key: string;
  requestHash: string;
  request: CreateCaseRequest;
  receivedAt: Date;
}

export async function insertCase(tx: Sql, c: NewCase): Promise<void> {
  const r = c.request;
  await tx.query(
    `INSERT INTO cases (case_number, idempotency_key, request_hash, hall_id, terminal_id, item_code, item_name,
       applicant_name, applicant_id_number, applicant_phone, form, materials, submitted_at, received_at, status)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb, $12::jsonb, $13, $14, 'submitted')`,
    [
      c.caseNumber,
      c.key,
      c.requestHash,
      r.hallId,
      r.terminalId,
      r.itemCode,
      r.itemName,
      r.applicant.name,
      r.applicant.idNumber,
      r.applicant.phone ?? null,
      JSON.stringify(r.form),
      JSON.stringify(r.materials),
      r.submittedAt,
      c.receivedAt.toISOString(),
    ],
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
