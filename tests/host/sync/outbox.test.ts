import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../db/open';
import {
  counts,
  due,
  enqueue,
  entryById,
  failedEntries,
  markDelivered,
  markPermanent,
  markRetry,
  OutboxError,
  purgeDelivered,
  readCursor,
  saveCursor,
} from '../../../db/repositories/outbox';
import type { NewOutboxEntry } from '../../../db/repositories/outbox';
import { openHallDb, tempDir } from './support';
import type { TempDir } from './support';

const T0 = new Date('2026-11-27T02:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

let tmp: TempDir;
let db: Db;
beforeEach(() => {
  tmp = tempDir('outbox-');
  db = openHallDb(join(tmp.dir, 'hall.sqlite'));
});
afterEach(() => {
  db.close();
  tmp.cleanup();
});

function add(orderingKey: string, recordId: string, now = T0): number {
  const entry: NewOutboxEntry = { kind: 'case', recordId, orderingKey, payload: { recordId }, now };
  return db.transaction(() => enqueue(db, entry).id)();
}

describe('outbox repository', () => {
  it('refuses an enqueue outside a transaction, so a record and its entry always commit together', () => {
    expect(() => enqueue(db, { kind: 'case', recordId: '1', orderingKey: 'case:1', payload: {}, now: T0 })).toThrow(OutboxError);
    expect(counts(db).pending).toBe(0);
  });

  it('rolls the entry back with the record when the transaction fails', () => {
    expect(() =>
      db.transaction(() => {
        enqueue(db, { kind: 'case', recordId: '1', orderingKey: 'case:1', payload: {}, now: T0 });
        throw new Error('saving the case failed');
      })(),
    ).toThrow('saving the case failed');
    expect(counts(db).pending).toBe(0);
  });

  it('hands out only the oldest pending entry of each ordering key', () => {
    const a1 = add('case:a', 'a1');
    const b1 = add('case:b', 'b1');
    const a2 = add('case:a', 'a2');
    expect(due(db, T0, 10).map((e) => e.id)).toEqual([a1, b1]);

    markDelivered(db, a1, { ok: 1 }, T0);
    expect(due(db, T0, 10).map((e) => e.id)).toEqual([b1, a2]);
  });

  it('never lets a later entry overtake an earlier one waiting out its backoff', () => {
    const a1 = add('case:a', 'a1');
    add('case:a', 'a2');
    const b1 = add('case:b', 'b1');
    markRetry(db, a1, at(60_000), 'HTTP 503');
    expect(due(db, T0, 10).map((e) => e.id)).toEqual([b1]);
    expect(due(db, at(60_000), 10).map((e) => e.id)).toEqual([b1, a1]);
    const retried = entryById(db, a1);
    expect(retried).toMatchObject({ attempts: 1, lastError: 'HTTP 503', state: 'pending' });
  });

  it('keeps a permanent failure visible without blocking its key for ever', () => {
    const a1 = add('case:a', 'a1');
    const a2 = add('case:a', 'a2');
    markPermanent(db, a1, 'HTTP 400 invalid_request');
    expect(due(db, T0, 10).map((e) => e.id)).toEqual([a2]);
    expect(failedEntries(db, 10)).toEqual([
      { id: a1, kind: 'case', recordId: 'a1', attempts: 1, lastError: 'HTTP 400 invalid_request', createdAt: T0.toISOString() },
    ]);
    expect(counts(db)).toEqual({ pending: 1, delivered: 0, failedPermanent: 1 });
  });

  it('orders due entries by due time and honours the limit', () => {
    const ids = ['a', 'b', 'c', 'd'].map((k, i) => add(`case:${k}`, k, at(i)));
    expect(due(db, at(10), 2).map((e) => e.id)).toEqual(ids.slice(0, 2));
    expect(due(db, at(1), 10).map((e) => e.id)).toEqual(ids.slice(0, 2));
  });

  it('marks apply only to pending entries', () => {
    const a1 = add('case:a', 'a1');
    expect(markDelivered(db, a1, { caseNumber: 'HK20261127000001' }, T0)).toBe(true);
    expect(markDelivered(db, a1, {}, T0)).toBe(false);
    expect(markRetry(db, a1, T0, 'late')).toBe(false);
    expect(markPermanent(db, a1, 'late')).toBe(false);
    expect(entryById(db, a1)).toMatchObject({ state: 'delivered', response: '{"caseNumber":"HK20261127000001"}' });
  });

  it('purges delivered payloads after retention and keeps the row (key, response) as proof', () => {
    const old = add('case:a', 'a1');
    const recent = add('case:b', 'b1');
    const pending = add('case:c', 'c1');
    markDelivered(db, old, { caseNumber: 'HK20261127000001' }, T0);
    markDelivered(db, recent, { caseNumber: 'HK20261127000002' }, at(86_400_000));
    expect(purgeDelivered(db, at(3_600_000), at(90_000_000))).toBe(1);
    expect(entryById(db, old)).toMatchObject({
      payload: null,
      state: 'delivered',
      response: '{"caseNumber":"HK20261127000001"}',
    });
    expect(entryById(db, recent)?.payload).not.toBeNull();
    expect(entryById(db, pending)?.payload).not.toBeNull();
    expect(purgeDelivered(db, at(3_600_000), at(90_000_000))).toBe(0);
  });

  it('will not let a pending entry lose its payload', () => {
    const a1 = add('case:a', 'a1');
    expect(() => db.prepare('UPDATE outbox SET payload = NULL WHERE id = ?').run(a1)).toThrow(/CHECK/);
  });

  it('stores change-feed cursors by name', () => {
    expect(readCursor(db, 'feed')).toBeUndefined();
    saveCursor(db, 'feed', '5', T0);
    saveCursor(db, 'feed', '9', T0);
    expect(readCursor(db, 'feed')).toBe('9');
  });

  it('finds due entries through the pending indexes', () => {
    const plan = db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT id FROM outbox o WHERE o.state = 'pending' AND o.next_attempt_at <= ?
         AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.state = 'pending' AND p.ordering_key = o.ordering_key AND p.id < o.id)
         ORDER BY o.next_attempt_at, o.id LIMIT 10`,
      )
      .all(T0.toISOString()) as { detail: string }[];
    const details = plan.map((p) => p.detail).join('\n');
    expect(details).toContain('outbox_pending_due');
    expect(details).toContain('outbox_pending_by_key');
  });
});
