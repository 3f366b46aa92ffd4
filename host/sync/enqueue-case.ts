import { CreateCaseRequest } from '../../contracts/central-api';
import type { Db } from '../../db/open';
import { enqueue } from '../../db/repositories/outbox';

export interface CaseSubmission {
  /** The case's local id: the outbox entry points back at it. */
  localCaseId: string;
  request: CreateCaseRequest;
  now: Date;
  idempotencyKey?: string;
}

/**
 * Queues a case for the central API. Call it inside the transaction that saves the case
 * (the two commit together). The request is validated here so a malformed case fails at
 * the kiosk, in front of the citizen, not hours later in the sync.
 */
export function enqueueCase(db: Db, submission: CaseSubmission): { id: number; idempotencyKey: string } {
  return enqueue(db, {
    kind: 'case',
    recordId: submission.localCaseId,
    // One key per case: later entries about the same case never overtake its submission.
    orderingKey: `case:${submission.localCaseId}`,
    payload: CreateCaseRequest.parse(submission.request),
    now: submission.now,
    ...(submission.idempotencyKey === undefined ? {} : { idempotencyKey: submission.idempotencyKey }),
  });
}
