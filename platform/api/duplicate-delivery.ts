import type { FaultInjector } from './faults';

/**
 * Runs an idempotent write; under `duplicateResponseRate` runs it a second time, as a proxy
 * that retried a request it had already delivered would, and answers with that second run.
 * The second run must be a replay of the first (same result, nothing new written): this is how
 * the fault checks the server's idempotency and the client's handling of a 200 for a key it
 * sent only once.
 */
export async function deliverIdempotent<O extends { kind: string }>(faults: FaultInjector, write: () => Promise<O>): Promise<O> {
  const first = await write();
  if (first.kind !== 'created' || !faults.shouldDuplicate()) return first;
  return write();
}
