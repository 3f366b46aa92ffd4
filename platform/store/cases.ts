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

/**
 * Reserves `count` numbers of a day at once; returns the first (they run to first + count - 1).
 * Locked like `nextCaseSequence` until its transaction ends: numbers stay unique. A batch takes
 * them in a transaction of its own (services/case-batch-intake.ts).
 */
export async function reserveCaseSequences(tx: Sql, day: string, count: number): Promise<number> {
  const [row] = await tx.query<{ value: number }>(
    `INSERT INTO case_number_sequences (day, last_value) VALUES ($1, $2)
     ON CONFLICT (day) DO UPDATE SET last_value = case_number_sequences.last_value + $2
     RETURNING last_value AS value`,
    [day, count],
  );
  if (row === undefined) throw new Error('the case number upsert returned nothing');
  return row.value - count + 1;
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

/** Many cases in one statement (a batch): the same columns as `insertCase`, one row each. */
export async function insertCases(tx: Sql, cases: readonly NewCase[]): Promise<void> {
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
  await tx.query(
    `INSERT INTO cases (case_number, idempotency_key, request_hash, hall_id, terminal_id, item_code, item_name,
       applicant_name, applicant_id_number, applicant_phone, form, materials, submitted_at, received_at, status)
     SELECT case_number, idempotency_key, request_hash, hall_id, terminal_id, item_code, item_name,
       applicant_name, applicant_id_number, applicant_phone, form, materials, submitted_at, received_at, 'submitted'
     FROM jsonb_to_recordset($1::jsonb) AS r(case_number text, idempotency_key text, request_hash text, hall_id text,
       terminal_id text, item_code text, item_name text, applicant_name text, applicant_id_number text,
       applicant_phone text, form jsonb, materials jsonb, submitted_at timestamptz, received_at timestamptz)`,
    [JSON.stringify(rows)],
  );
}

/** The current status of each of `caseNumbers` that exists. */
export async function caseStatuses(sql: Sql, caseNumbers: readonly string[]): Promise<Map<string, CaseStatus>> {
  const rows = await sql.query<{ caseNumber: string; status: CaseStatus }>(
    `SELECT case_number AS "caseNumber", status FROM cases WHERE case_number = ANY($1::text[])`,
    [caseNumbers],
  );
  return new Map(rows.map((row) => [row.caseNumber, row.status]));
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
