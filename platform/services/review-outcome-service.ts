import { ReviewOutcomeRecord, ReviewOutcomeRequest } from '../../contracts/central-api';
import type { Sql } from '../db/sql';
import { evaluationIdOfKey } from '../store/evaluations';
import { insertOutcome, listOutcomes, type OutcomeRow } from '../store/review-outcomes';
import { evaluationIdOf } from './evaluation-service';
import { idempotentWrite, type IdempotentOutcome } from './idempotent-write';

function toRecord(row: OutcomeRow): ReviewOutcomeRecord {
  return {
    outcomeId: `RO${String(row.id).padStart(8, '0')}`,
    evaluationId: evaluationIdOf(row.evaluationId),
    hallId: row.hallId,
    stage: row.stage,
    receivedAt: row.receivedAt.toISOString(),
  };
}

/** The evaluation a hall delivered under this key, or `unknown` (never delivered, or another hall's). */
export type OutcomeResult = IdempotentOutcome<ReviewOutcomeRecord> | { kind: 'unknown' };

/**
 * 差评整改回访 outcomes: a hall's report of a 差评's follow-up, tied to the evaluation it
 * delivered under `evaluationKey` (the Idempotency-Key of POST /v1/evaluations).
 */
export class ReviewOutcomeService {
  constructor(
    private readonly sql: Sql,
    private readonly now: () => Date,
  ) {}

  async report(key: string, request: ReviewOutcomeRequest): Promise<OutcomeResult> {
    const evaluationId = await evaluationIdOfKey(this.sql, request.evaluationKey, request.hallId);
    if (evaluationId === undefined) return { kind: 'unknown' };
    const now = this.now();
    return idempotentWrite(this.sql, {
      scope: 'review-outcomes',
      key,
      body: request,
      at: now,
      answer: ReviewOutcomeRecord,
      write: async (tx) => toRecord(await insertOutcome(tx, evaluationId, request, now)),
    });
  }

  /** Newest first, each with the body the hall sent. */
  async list(limit: number): Promise<(ReviewOutcomeRecord & { outcome: ReviewOutcomeRequest })[]> {
    return (await listOutcomes(this.sql, limit)).map((row) => ({
      ...toRecord(row),
      outcome: ReviewOutcomeRequest.parse(JSON.parse(row.outcomeJson)),
    }));
  }
}
