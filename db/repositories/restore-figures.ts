import type { Db } from '../open';
import { prepared } from '../statement-cache';

/**
 * The figures of a restore's dry run, read from the backup and from the current database alike
 * (host/backup/restore-preview.ts compares them). Reads only.
 */

/** Tickets of a business day (every status). */
export function ticketsOn(db: Db, businessDay: string): number {
  return (prepared(db, 'SELECT count(*) AS n FROM tickets WHERE business_day = ?').get(businessDay) as { n: number }).n;
}

export function caseCount(db: Db): number {
  return (prepared(db, 'SELECT count(*) AS n FROM cases').get() as { n: number }).n;
}

/** A record and whether the central API already has it. */
export interface SubmittedRecord {
  id: string;
  delivered: boolean;
}

/** Cases submitted at or after `since` (ISO instant). */
export function casesSince(db: Db, since: string): SubmittedRecord[] {
  return (
    prepared(db, 'SELECT id, delivered_at IS NOT NULL AS delivered FROM cases WHERE submitted_at >= ?').all(since) as {
      id: string;
      delivered: number;
    }[]
  ).map((r) => ({ id: r.id, delivered: r.delivered === 1 }));
}

/** Evaluations (好差评) made at or after `since` (ISO instant). */
export function evaluationsSince(db: Db, since: string): SubmittedRecord[] {
  return (
    prepared(db, 'SELECT id, delivered_at IS NOT NULL AS delivered FROM evaluations WHERE evaluated_at >= ?').all(since) as {
      id: string;
      delivered: number;
    }[]
  ).map((r) => ({ id: r.id, delivered: r.delivered === 1 }));
}

export function hasCase(db: Db, id: string): boolean {
  return prepared(db, 'SELECT 1 FROM cases WHERE id = ?').get(id) !== undefined;
}

export function hasEvaluation(db: Db, id: string): boolean {
  return prepared(db, 'SELECT 1 FROM evaluations WHERE id = ?').get(id) !== undefined;
}

/** An outbox entry not delivered yet (pending, or refused for good), by its Idempotency-Key. */
export interface UndeliveredEntry {
  idempotencyKey: string;
  kind: string;
  recordId: string;
}

export function undeliveredEntries(db: Db): UndeliveredEntry[] {
  return prepared(
    db,
    `SELECT idempotency_key AS idempotencyKey, kind, record_id AS recordId FROM outbox WHERE state <> 'delivered' ORDER BY id`,
  ).all() as UndeliveredEntry[];
}

export function hasOutboxEntry(db: Db, idempotencyKey: string): boolean {
  return prepared(db, 'SELECT 1 FROM outbox WHERE idempotency_key = ?').get(idempotencyKey) !== undefined;
}
