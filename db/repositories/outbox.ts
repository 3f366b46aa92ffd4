import { randomUUID } from 'node:crypto';
import type { OutboxKind, OutboxState } from '../../contracts/sync';
import type { Db } from '../open';
import { prepared } from '../statement-cache';

/**
 * The transactional outbox: what the hall still owes the central API.
 *
 * Retention: `purgeDelivered` keeps every row and sets its payload to NULL. The row's
 * identity (kind, record, idempotency key, delivery time, central response) stays, so a
 * technician can still prove a case was delivered and under which key, while the personal
 * data in the payload is gone. Deleting rows would lose that proof for no gain: the rest
 * of a row is a few dozen bytes.
 */

export class OutboxError extends Error {
  override readonly name = 'OutboxError';
}

export interface NewOutboxEntry {
  kind: OutboxKind;
  recordId: string;
  /** Entries sharing a key are delivered strictly in enqueue order. */
  orderingKey: string;
  /** Defaults to a random UUID. Must be unique for ever: the central API remembers keys. */
  idempotencyKey?: string;
  /** Serialised as JSON. */
  payload: unknown;
  now: Date;
}

export interface OutboxEntry {
  id: number;
  kind: string;
  recordId: string;
  orderingKey: string;
  idempotencyKey: string;
  /** JSON text; null once purged after delivery. */
  payload: string | null;
  state: OutboxState;
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  createdAt: string;
  deliveredAt: string | null;
  response: string | null;
}

const columns = `id, kind, record_id AS recordId, ordering_key AS orderingKey, idempotency_key AS idempotencyKey,
  payload, state, attempts, next_attempt_at AS nextAttemptAt, last_error AS lastError, created_at AS createdAt,
  delivered_at AS deliveredAt, response`;

/**
 * Adds an entry. Call it INSIDE the transaction that writes the record it delivers: the
 * record and its outbox entry then commit together, so a crash can lose neither one alone
 * (a case saved but never synced, or a sync of a case that was rolled back). It refuses to
 * run outside a transaction to make that mistake loud.
 */
export function enqueue(db: Db, entry: NewOutboxEntry): { id: number; idempotencyKey: string } {
  if (!db.inTransaction) {
    throw new OutboxError('enqueue must run inside the transaction that writes the record');
  }
  const idempotencyKey = entry.idempotencyKey ?? randomUUID();
  const at = entry.now.toISOString();
  const result = prepared(
    db,
    `INSERT INTO outbox (kind, record_id, ordering_key, idempotency_key, payload, next_attempt_at, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(entry.kind, entry.recordId, entry.orderingKey, idempotencyKey, JSON.stringify(entry.payload), at, at);
  return { id: Number(result.lastInsertRowid), idempotencyKey };
}

/**
 * Entries ready to send: for each ordering key only its oldest pending entry, and only if
 * that one is due. A later entry of a key never overtakes an earlier pending one, even when
 * the earlier one is waiting out a backoff. A permanently failed entry no longer blocks its
 * key (it would block it for ever); it stays visible through `failedEntries`.
 */
export function due(db: Db, now: Date, limit: number): OutboxEntry[] {
  return prepared(
    db,
    `SELECT ${columns} FROM outbox o
     WHERE o.state = 'pending' AND o.next_attempt_at <= ?
       AND NOT EXISTS (SELECT 1 FROM outbox p
                       WHERE p.state = 'pending' AND p.ordering_key = o.ordering_key AND p.id < o.id)
     ORDER BY o.next_attempt_at, o.id
     LIMIT ?`,
  ).all(now.toISOString(), limit) as OutboxEntry[];
}

/** The earliest time a pending entry becomes due, or null when nothing is pending. */
export function nextDueAt(db: Db): string | null {
  const row = prepared(db, `SELECT min(next_attempt_at) AS at FROM outbox WHERE state = 'pending'`).get() as {
    at: string | null;
  };
  return row.at;
}

export function entryById(db: Db, id: number): OutboxEntry | undefined {
  return prepared(db, `SELECT ${columns} FROM outbox WHERE id = ?`).get(id) as OutboxEntry | undefined;
}

/** Each mark applies only to a pending entry and says whether it did. */
export function markDelivered(db: Db, id: number, response: unknown, now: Date): boolean {
  const result = prepared(
    db,
    `UPDATE outbox SET state = 'delivered', attempts = attempts + 1, delivered_at = ?, response = ?, last_error = NULL
     WHERE id = ? AND state = 'pending'`,
  ).run(now.toISOString(), JSON.stringify(response), id);
  return result.changes === 1;
}

export function markRetry(db: Db, id: number, nextAt: Date, error: string): boolean {
  const result = prepared(
    db,
    `UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE id = ? AND state = 'pending'`,
  ).run(nextAt.toISOString(), error, id);
  return result.changes === 1;
}

export function markPermanent(db: Db, id: number, error: string): boolean {
  const result = prepared(
    db,
    `UPDATE outbox SET state = 'failed-permanent', attempts = attempts + 1, last_error = ? WHERE id = ? AND state = 'pending'`,
  ).run(error, id);
  return result.changes === 1;
}

/** Puts a permanently failed entry back in line (a technician's decision after a fix). */
export function requeue(db: Db, id: number, now: Date): boolean {
  const result = prepared(
    db,
    `UPDATE outbox SET state = 'pending', next_attempt_at = ? WHERE id = ? AND state = 'failed-permanent'`,
  ).run(now.toISOString(), id);
  return result.changes === 1;
}

export interface OutboxCounts {
  pending: number;
  delivered: number;
  failedPermanent: number;
}

export function counts(db: Db): OutboxCounts {
  const rows = prepared(db, 'SELECT state, count(*) AS n FROM outbox GROUP BY state').all() as {
    state: OutboxState;
    n: number;
  }[];
  const by = new Map(rows.map((r) => [r.state, r.n]));
  return {
    pending: by.get('pending') ?? 0,
    delivered: by.get('delivered') ?? 0,
    failedPermanent: by.get('failed-permanent') ?? 0,
  };
}

/**
 * The entries still pending and when the oldest of them was enqueued (how long the central API
 * has owed an answer; null when nothing is pending). Read through the pending entries' index,
 * never the delivered rows the table keeps for ever.
 */
export function pendingSummary(db: Db): { pending: number; oldestAt: string | null } {
  return prepared(
    db,
    `SELECT count(*) AS pending, min(created_at) AS oldestAt FROM outbox INDEXED BY outbox_pending_due WHERE state = 'pending'`,
  ).get() as { pending: number; oldestAt: string | null };
}

export function lastDeliveredAt(db: Db): string | null {
  const row = prepared(db, `SELECT max(delivered_at) AS at FROM outbox WHERE state = 'delivered'`).get() as {
    at: string | null;
  };
  return row.at;
}

export interface FailedEntry {
  id: number;
  kind: string;
  recordId: string;
  attempts: number;
  lastError: string | null;
  createdAt: string;
}

/** Permanently failed entries, newest first, without their payloads. */
export function failedEntries(db: Db, limit: number): FailedEntry[] {
  return prepared(
    db,
    `SELECT id, kind, record_id AS recordId, attempts, last_error AS lastError, created_at AS createdAt
     FROM outbox WHERE state = 'failed-permanent' ORDER BY id DESC LIMIT ?`,
  ).all(limit) as FailedEntry[];
}

export interface UndeliveredEntry extends FailedEntry {
  state: 'pending' | 'failed-permanent';
  nextAttemptAt: string | null;
}

/** What is still owed to the central API, one row a record, newest first, without payloads. */
export function undeliveredEntries(db: Db, limit: number): UndeliveredEntry[] {
  return prepared(
    db,
    `SELECT id, kind, record_id AS recordId, state, attempts, last_error AS lastError, created_at AS createdAt,
            CASE WHEN state = 'pending' THEN next_attempt_at END AS nextAttemptAt
     FROM outbox WHERE state <> 'delivered' ORDER BY id DESC LIMIT ?`,
  ).all(limit) as UndeliveredEntry[];
}

/** Clears the payload of entries delivered before `olderThan`; returns how many. */
export function purgeDelivered(db: Db, olderThan: Date, now: Date): number {
  return prepared(
    db,
    `UPDATE outbox SET payload = NULL, purged_at = ?
     WHERE state = 'delivered' AND payload IS NOT NULL AND delivered_at < ?`,
  ).run(now.toISOString(), olderThan.toISOString()).changes;
}

export function readCursor(db: Db, name: string): string | undefined {
  const row = prepared(db, 'SELECT cursor FROM sync_cursor WHERE name = ?').get(name) as { cursor: string } | undefined;
  return row?.cursor;
}

export function saveCursor(db: Db, name: string, cursor: string, now: Date): void {
  prepared(
    db,
    `INSERT INTO sync_cursor (name, cursor, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (name) DO UPDATE SET cursor = excluded.cursor, updated_at = excluded.updated_at`,
  ).run(name, cursor, now.toISOString());
}
