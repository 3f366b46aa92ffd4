import type { CreateEvaluationRequest, EvaluationLevel, EvaluationSubject } from '../../contracts/central-api';
import type { Sql } from '../db/sql';

export interface EvaluationRow {
  id: number;
  hallId: string;
  terminalId: string;
  subject: EvaluationSubject;
  level: EvaluationLevel;
  reason: string | null;
  comment: string | null;
  callbackRequired: boolean;
  evaluatedAt: Date;
  receivedAt: Date;
}

const COLUMNS = `id, hall_id AS "hallId", terminal_id AS "terminalId", subject, level, reason, comment,
  callback_required AS "callbackRequired", evaluated_at AS "evaluatedAt", received_at AS "receivedAt"`;

export async function insertEvaluation(
  tx: Sql,
  key: string,
  request: CreateEvaluationRequest,
  callbackRequired: boolean,
  receivedAt: Date,
): Promise<EvaluationRow> {
  const [row] = await tx.query<EvaluationRow>(
    `INSERT INTO evaluations (idempotency_key, hall_id, terminal_id, subject, level, reason, comment, callback_required,
       evaluated_at, received_at)
     VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7, $8, $9, $10)
     RETURNING ${COLUMNS}`,
    [
      key,
      request.hallId,
      request.terminalId,
      JSON.stringify(request.subject),
      request.level,
      request.reason ?? null,
      request.comment ?? null,
      callbackRequired,
      request.evaluatedAt,
      receivedAt.toISOString(),
    ],
  );
  if (row === undefined) throw new Error('the evaluation insert returned nothing');
  return row;
}

/** Newest first; `flagged` narrows to those that do (true) or do not (false) need a call back. */
export function listEvaluations(sql: Sql, flagged: boolean | undefined, limit: number): Promise<EvaluationRow[]> {
  return flagged === undefined
    ? sql.query<EvaluationRow>(`SELECT ${COLUMNS} FROM evaluations ORDER BY id DESC LIMIT $1`, [limit])
    : sql.query<EvaluationRow>(`SELECT ${COLUMNS} FROM evaluations WHERE callback_required = $1 ORDER BY id DESC LIMIT $2`, [
        flagged,
        limit,
      ]);
}

/** The id of the evaluation `hallId` delivered under `key`; none for a key another hall used. */
export async function evaluationIdOfKey(sql: Sql, key: string, hallId: string): Promise<number | undefined> {
  const [row] = await sql.query<{ id: number }>('SELECT id FROM evaluations WHERE idempotency_key = $1 AND hall_id = $2', [
    key,
    hallId,
  ]);
  return row?.id;
}
