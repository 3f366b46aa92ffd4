import { ApiError } from './errors';
import type { FaultInjector } from './faults';

/**
 * Runs an idempotent write and answers for it as every idempotent route does: a key reused with
 * another body is the 409 `idempotency_conflict`, whatever the write. Under
 * `duplicateResponseRate` the write runs a second time, as a proxy that retried a request it had
 * already delivered would, and that second run answers. It must be a replay of the first (same
 * result, nothing new written): this is how the fault checks the server's idempotency and the
 * client's handling of a 200 for a key it sent only once.
 */
export async function deliverIdempotent<O extends { kind: string }>(
  faults: FaultInjector,
  write: () => Promise<O>,
): Promise<Exclude<O, { kind: 'conflict' }>> {
  const first = await write();
  const answer = first.kind !== 'created' || !faults.shouldDuplicate() ? first : await write();
  if (notConflict(answer)) return answer;
  throw new ApiError(409, 'idempotency_conflict', 'this Idempotency-Key was used with a different body');
}

function notConflict<O extends { kind: string }>(outcome: O): outcome is Exclude<O, { kind: 'conflict' }> {
  return outcome.kind !== 'conflict';
}
