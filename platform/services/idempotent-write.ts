import type { z } from 'zod';
import type { Sql } from '../db/sql';
import { claimKey, recordResponse } from '../store/idempotency';
import { canonicalHash } from './canonical';

export type IdempotentOutcome<T> =
  | { kind: 'created'; result: T }
  /** The key was seen before with the same body: the stored answer, nothing written. */
  | { kind: 'replayed'; result: T }
  | { kind: 'conflict' };

/**
 * Idempotency scopes: a key is unique per endpoint, so an evaluation key never collides with a stats
 * key. Cases are not among them: a case is its own key's claim (services/case-intake.ts).
 */
export type IdempotencyScope = 'evaluations' | 'queue-stats' | 'review-outcomes';

export interface IdempotentWrite<T> {
  scope: IdempotencyScope;
  key: string;
  /** The validated request: its canonical hash tells a retry (same body) from a misuse of the key. */
  body: unknown;
  at: Date;
  /** The answer's shape: a stored answer is read back through it. */
  answer: z.ZodType<T>;
  /** The write, in the claim's transaction. */
  write: (tx: Sql) => Promise<T>;
  /** What a replay answers, from the stored answer (default: the stored answer itself). */
  replay?: (tx: Sql, stored: T) => Promise<T>;
}

/**
 * Runs `write` once per (scope, key): the key is claimed, the write done and its answer stored,
 * all in one transaction. A retry after a lost answer, or a duplicate racing the original on
 * another instance, finds the claim and gets the stored answer; a failed write takes its claim
 * with it, so the retry writes.
 */
export function idempotentWrite<T>(sql: Sql, w: IdempotentWrite<T>): Promise<IdempotentOutcome<T>> {
  const hash = canonicalHash(w.body);
  return sql.transaction(async (tx): Promise<IdempotentOutcome<T>> => {
    const claim = await claimKey(tx, w.scope, w.key, hash, w.at);
    if (claim.kind === 'taken') {
      if (claim.requestHash !== hash) return { kind: 'conflict' };
      if (claim.responseJson === null) throw new Error(`idempotency key ${w.scope}/${w.key} has no stored answer`);
      const stored = w.answer.parse(JSON.parse(claim.responseJson));
      return { kind: 'replayed', result: w.replay === undefined ? stored : await w.replay(tx, stored) };
    }
    const result = await w.write(tx);
    await recordResponse(tx, w.scope, w.key, JSON.stringify(result));
    return { kind: 'created', result };
  });
}
