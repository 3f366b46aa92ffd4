import { ReviewOutcomeRequest } from '../../contracts/central-api';
import type { Db } from '../../db/open';
import { enqueue } from '../../db/repositories/outbox';
import type { FollowupRow } from '../../db/repositories/review-followups';

export type OutcomeStage = ReviewOutcomeRequest['stage'];

/** The follow-up as the central API receives it at `stage` (contracts/central-api.ts `ReviewOutcomeRequest`). */
export function outcomeOf(row: FollowupRow, stage: OutcomeStage, hallId: string, reportedAt: Date): ReviewOutcomeRequest {
  const text = (value: string | null) => value ?? '';
  return ReviewOutcomeRequest.parse({
    hallId,
    evaluationKey: row.evaluationId,
    stage,
    ratedDate: row.ratedDate,
    dueDate: row.dueDate,
    ...(row.handlerStaffNumber === null ? {} : { handlerStaffNumber: row.handlerStaffNumber }),
    ...(row.verifiedAt === null ? {} : { verification: { text: text(row.verification), at: row.verifiedAt } }),
    ...(row.rectifiedAt === null
      ? {}
      : {
          rectification: {
            text: text(row.rectification),
            at: row.rectifiedAt,
            onTime: row.rectifiedDate !== null && row.rectifiedDate <= row.dueDate,
          },
        }),
    ...(row.callbackAt === null || row.callbackRating === null
      ? {}
      : { callback: { result: text(row.callbackResult), rating: row.callbackRating, at: row.callbackAt } }),
    ...(row.appealAt === null
      ? {}
      : {
          appeal: {
            reason: text(row.appealReason),
            at: row.appealAt,
            ...(row.appealDecision === null ? {} : { decision: row.appealDecision }),
            ...(row.appealDecidedAt === null ? {} : { decidedAt: row.appealDecidedAt }),
          },
        }),
    ...(row.closedAt === null ? {} : { closedAt: row.closedAt }),
    reportedAt: reportedAt.toISOString(),
  });
}

/**
 * Queues the outcome for the central API; call it inside the transaction of the step. Each stage
 * happens once per 差评 (the loop refuses a second), and its Idempotency-Key names the stage and
 * the evaluation, so the outbox's unique key refuses a second entry too, and a re-send after a
 * lost reply is answered with the original. It shares the evaluation's ordering key: delivered
 * after the rating it is about.
 */
export function enqueueOutcome(db: Db, row: FollowupRow, stage: OutcomeStage, hallId: string, now: Date): void {
  enqueue(db, {
    kind: 'review-outcome',
    recordId: row.evaluationId,
    orderingKey: `evaluation:${row.evaluationId}`,
    idempotencyKey: `review-${stage}:${row.evaluationId}`,
    payload: outcomeOf(row, stage, hallId, now),
    now,
  });
}
