import type { ReviewOutcomeRequest } from '../../contracts/central-api';
import type { Sql } from '../db/sql';

export interface OutcomeRow {
  id: number;
  evaluationId: number;
  hallId: string;
  stage: ReviewOutcomeRequest['stage'];
  /** The body the hall sent, as JSON text. */
  outcomeJson: string;
  receivedAt: Date;
}

const COLUMNS = `id, evaluation_id AS "evaluationId", hall_id AS "hallId", stage, outcome_json AS "outcomeJson",
  received_at AS "receivedAt"`;

export async function insertOutcome(
  tx: Sql,
  evaluationId: number,
  request: ReviewOutcomeRequest,
  receivedAt: Date,
): Promise<OutcomeRow> {
  const [row] = await tx.query<OutcomeRow>(
    `INSERT INTO review_outcomes (evaluation_id, hall_id, stage, outcome_json, received_at)
     VALUES ($1, $2, $3, $4, $5)
     RETURNING ${COLUMNS}`,
    [evaluationId, request.hallId, request.stage, JSON.stringify(request), receivedAt.toISOString()],
  );
  if (row === undefined) throw new Error('the outcome insert returned nothing');
  return row;
}

/** Newest first. */
export function listOutcomes(sql: Sql, limit: number): Promise<OutcomeRow[]> {
  return sql.query<OutcomeRow>(`SELECT ${COLUMNS} FROM review_outcomes ORDER BY id DESC LIMIT $1`, [limit]);
}
