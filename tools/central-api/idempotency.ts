import type { Db } from '../../db/open';
import { canonicalHash } from './canonical';

export type IdempotentOutcome<T> =
  | { kind: 'created'; result: T }
  /** The key was seen before with the same body: the stored answer, nothing written. */
  | { kind: 'replayed'; result: T }
  | { kind: 'conflict' };

/**
 * Idempotency for evaluations and queue stats (cases keep their own columns). The key lookup,
 * the write and the stored answer share one IMMEDIATE transaction, so a retry after a lost
 * answer finds either everything or nothing.
 */
export class IdempotencyStore {
  private readonly find;
  private readonly insert;

  constructor(private readonly db: Db) {
    this.find = db.prepare('SELECT request_hash, response_json FROM idempotent_requests WHERE scope = ? AND key = ?');
    this.insert = db.prepare(
      'INSERT INTO idempotent_requests (scope, key, request_hash, response_json, created_at) VALUES (?, ?, ?, ?, ?)',
    );
  }

  /**
   * Runs `write` once per (scope, key). `body` is the validated request; its canonical hash
   * tells a retry (same body) from a misuse of the key (different body).
   */
  run<T>(scope: string, key: string, body: unknown, at: Date, write: () => T): IdempotentOutcome<T> {
    const hash = canonicalHash(body);
    const transaction = this.db.transaction((): IdempotentOutcome<T> => {
      const existing = this.find.get(scope, key) as { request_hash: string; response_json: string } | undefined;
      if (existing) {
        if (existing.request_hash !== hash) return { kind: 'conflict' };
        return { kind: 'replayed', result: JSON.parse(existing.response_json) as T };
      }
      const result = write();
      this.insert.run(scope, key, hash, JSON.stringify(result), at.toISOString());
      return { kind: 'created', result };
    });
    return transaction.immediate();
  }
}
