import type { Db } from '../../db/open';
import type { ReviewOutcomeRecord, ReviewOutcomeRequest } from '../../contracts/central-api';
import type { IdempotencyStore, IdempotentOutcome } from './idempotency';

interface OutcomeRow {
  id: number;
  evaluation_id: number;
  hall_id: string;
  stage: ReviewOutcomeRequest['stage'];
  outcome_json: string;
  received_at: string;
}

const centralEvaluationId = (id: number) => `EV${String(id).padStart(8, '0')}`;

function toRecord(row: OutcomeRow): ReviewOutcomeRecord {
  return {
    outcomeId: `RO${String(row.id).padStart(8, '0')}`,
    evaluationId: centralEvaluationId(row.evaluation_id),
    hallId: row.hall_id,
    stage: row.stage,
    receivedAt: row.received_at,
  };
}

/** The evaluation a hall delivered under this key, or `unknown` (never delivered, or another hall's). */
export type OutcomeResult = IdempotentOutcome<ReviewOutcomeRecord> | { kind: 'unknown' };

/**
 * 差评整改回访 outcomes: a hall's report of a 差评's follow-up, tied to the evaluation it
 * delivered under `evaluationKey` (the Idempotency-Key of POST /v1/evaluations).
 */
export class ReviewOutcomeStore {
  private readonly evaluationOfKey;
  private readonly insert;
  private readonly byId;
  private readonly recent;

  constructor(
    db: Db,
    private readonly idempotency: IdempotencyStore,
    private readonly now: () => Date,
  ) {
    // The stored answer of the evaluation's delivery names its id and hall.
    this.evaluationOfKey = db.prepare(
      `SELECT e.id FROM idempotent_requests r JOIN evaluations e
         ON e.id = CAST(substr(json_extract(r.response_json, '$.evaluationId'), 3) AS INTEGER)
       WHERE r.scope = 'evaluations' AND r.key = ? AND e.hall_id = ?`,
    );
    this.insert = db.prepare(
      `INSERT INTO review_outcomes (evaluation_id, hall_id, stage, outcome_json, received_at)
       VALUES (@evaluationId, @hallId, @stage, @outcome, @receivedAt)`,
    );
    this.byId = db.prepare('SELECT * FROM review_outcomes WHERE id = ?');
    this.recent = db.prepare('SELECT * FROM review_outcomes ORDER BY id DESC LIMIT ?');
  }

  report(key: string, request: ReviewOutcomeRequest): OutcomeResult {
    const evaluation = this.evaluationOfKey.get(request.evaluationKey, request.hallId) as { id: number } | undefined;
    if (!evaluation) return { kind: 'unknown' };
    const now = this.now();
    return this.idempotency.run('review-outcomes', key, request, now, () => {
      const { lastInsertRowid } = this.insert.run({
        evaluationId: evaluation.id,
        hallId: request.hallId,
        stage: request.stage,
        outcome: JSON.stringify(request),
        receivedAt: now.toISOString(),
      });
      return toRecord(this.byId.get(lastInsertRowid) as OutcomeRow);
    });
  }

  /** Newest first, each with the body the hall sent. */
  list(limit: number): (ReviewOutcomeRecord & { outcome: ReviewOutcomeRequest })[] {
    return (this.recent.all(limit) as OutcomeRow[]).map((row) => ({
      ...toRecord(row),
      outcome: JSON.parse(row.outcome_json) as ReviewOutcomeRequest,
    }));
  }
}
