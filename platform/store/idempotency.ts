import type { Sql } from '../db/sql';

/** What claiming an Idempotency-Key found: it is ours now, or an earlier request holds it. */
export type KeyClaim = { kind: 'claimed' } | { kind: 'taken'; requestHash: string; responseJson: string | null };

/**
 * Claims (scope, key) for this transaction: the row is inserted before the write it guards. A
 * concurrent request with the same key blocks on the unique index until this transaction ends,
 * then finds the row (`taken`) with the answer stored beside it; after a rollback it claims the
 * key itself. So the write runs once, however requests race, and on any number of instances.
 */
export async function claimKey(tx: Sql, scope: string, key: string, requestHash: string, at: Date): Promise<KeyClaim> {
  const inserted = await tx.query(
    `INSERT INTO idempotent_requests (scope, key, request_hash, created_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (scope, key) DO NOTHING
     RETURNING key`,
    [scope, key, requestHash, at.toISOString()],
  );
  if (inserted.length > 0) return { kind: 'claimed' };
  // A new statement, a new snapshot (READ COMMITTED): the committed claim is visible now.
  const [row] = await tx.query<{ request_hash: string; response_json: string | null }>(
    'SELECT request_hash, response_json FROM idempotent_requests WHERE scope = $1 AND key = $2',
    [scope, key],
  );
  if (row === undefined) throw new Error(`idempotency key ${scope}/${key} conflicted but cannot be read`);
  return { kind: 'taken', requestHash: row.request_hash, responseJson: row.response_json };
}

/** Stores the answer of a claimed key, in the claim's transaction. */
export async function recordResponse(tx: Sql, scope: string, key: string, responseJson: string): Promise<void> {
  await tx.query('UPDATE idempotent_requests SET response_json = $3 WHERE scope = $1 AND key = $2', [scope, key, responseJson]);
}
