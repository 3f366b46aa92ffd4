import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseChange, CreateCaseRequest, CreateCaseResponse } from '../../../contracts/central-api';
import type { Db } from '../../../db/open';
import { enqueue, entryById } from '../../../db/repositories/outbox';
import type { CentralResult } from '../../../host/sync/central-client';
import { enqueueCase } from '../../../host/sync/enqueue-case';
import type { CentralApiClient } from '../../../host/sync/senders';
import { SyncEngine } from '../../../host/sync/sync-engine';
import { sampleCase } from '../../platform/support/platform';
import { ManualClock, openHallDb, tempDir } from './support';
import type { TempDir } from './support';

/**
 * Stand-in central API (an in-memory stub, not the platform) for the scheduling
 * properties: it records the order and overlap of calls and answers as told.
 */
class StubCentral implements CentralApiClient {
  readonly calls: string[] = [];
  readonly inFlight = new Set<string>();
  maxInFlight = 0;
  overlappedSameRecord = false;
  answer: (request: CreateCaseRequest) => CentralResult<CreateCaseResponse> = () => ({
    ok: true,
    status: 201,
    body: {
      caseNumber: `HK20261127${String(this.calls.length).padStart(6, '0')}`,
      status: 'submitted',
      receivedAt: '2026-11-27T02:00:00.000Z',
    },
  });
  duringCall: () => void = () => undefined;

  async submitCase(_key: string, request: CreateCaseRequest): Promise<CentralResult<CreateCaseResponse>> {
    const record = request.form['record'] ?? '?';
    const key = record.split('-')[0] ?? '?';
    if (this.inFlight.has(key)) this.overlappedSameRecord = true;
    this.inFlight.add(key);
    this.calls.push(record);
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight.size);
    this.duringCall();
    await new Promise((resolve) => setImmediate(resolve));
    this.inFlight.delete(key);
    return this.answer(request);
  }

  changes(): Promise<CentralResult<{ changes: CaseChange[]; nextCursor: string }>> {
    return Promise.resolve({ ok: true, status: 200, body: { changes: [], nextCursor: '0' } });
  }
}

let tmp: TempDir;
let db: Db;
let clock: ManualClock;
let stub: StubCentral;
beforeEach(() => {
  tmp = tempDir('sync-engine-');
  db = openHallDb(join(tmp.dir, 'hall.sqlite'));
  clock = new ManualClock();
  stub = new StubCentral();
});
afterEach(() => {
  db.close();
  tmp.cleanup();
});

/** `key-n`: entries of one ordering key `key`, n-th of them. */
function add(orderingKey: string, n: number): number {
  return db.transaction(
    () =>
      enqueue(db, {
        kind: 'case',
        recordId: `${orderingKey}-${n}`,
        orderingKey,
        payload: sampleCase({ form: { record: `${orderingKey}-${n}` } }),
        now: clock.now(),
      }).id,
  )();
}

const engineWith = (extra: Partial<ConstructorParameters<typeof SyncEngine>[0]> = {}) =>
  new SyncEngine({ db, client: stub, clock, random: () => 0.5, batchSize: 4, ...extra });

describe('SyncEngine scheduling', () => {
  it('sends one key strictly in order while different keys go in parallel', async () => {
    for (let n = 1; n <= 3; n++) add('a', n);
    for (let n = 1; n <= 2; n++) add('b', n);
    add('c', 1);
    const report = await engineWith().drainOnce();
    expect(report).toMatchObject({ attempted: 6, delivered: 6, retried: 0 });
    expect(stub.calls.filter((c) => c.startsWith('a'))).toEqual(['a-1', 'a-2', 'a-3']);
    expect(stub.calls.filter((c) => c.startsWith('b'))).toEqual(['b-1', 'b-2']);
    expect(stub.overlappedSameRecord).toBe(false);
    expect(stub.maxInFlight).toBe(3);
  });

  it('never sends an entry twice when passes are requested concurrently', async () => {
    for (const k of ['a', 'b', 'c', 'd', 'e']) add(k, 1);
    const engine = engineWith({ batchSize: 2 });
    const [r1, r2] = await Promise.all([engine.drainOnce(), engine.drainOnce()]);
    expect(r1).toBe(r2);
    expect([...stub.calls].sort()).toEqual(['a-1', 'b-1', 'c-1', 'd-1', 'e-1']);
  });

  it('picks up entries enqueued while it drains', async () => {
    add('a', 1);
    let once = true;
    stub.duringCall = () => {
      if (once) add('z', 1);
      once = false;
    };
    const report = await engineWith().drainOnce();
    expect(report.delivered).toBe(2);
    expect(stub.calls).toEqual(['a-1', 'z-1']);
  });

  it('stores the central reply and runs onDelivered in the same transaction', async () => {
    const id = add('a', 1);
    const seen: string[] = [];
    await engineWith({
      onDelivered: (entry, response) => seen.push(`${entry.recordId}:${JSON.stringify(response)}`),
    }).drainOnce();
    const entry = entryById(db, id);
    expect(entry?.state).toBe('delivered');
    expect(JSON.parse(entry?.response ?? 'null')).toMatchObject({ caseNumber: 'HK20261127000001' });
    expect(seen).toEqual([`a-1:${entry?.response ?? ''}`]);
  });

  it('keeps an entry pending when applying the reply locally fails, and re-sends it later', async () => {
    const id = add('a', 1);
    let fail = true;
    const engine = engineWith({
      backoff: { baseMs: 1_000, maxMs: 1_000 },
      onDelivered: () => {
        if (fail) throw new Error('local case missing');
      },
    });
    expect(await engine.drainOnce()).toMatchObject({ delivered: 0, retried: 1 });
    expect(entryById(db, id)).toMatchObject({ state: 'pending', lastError: 'applying the central reply locally failed' });
    fail = false;
    clock.advance(1_000);
    expect(await engine.drainOnce()).toMatchObject({ delivered: 1 });
  });

  it('retries a retryable failure after a jittered backoff, with the same key', async () => {
    const id = add('a', 1);
    stub.answer = () => ({ ok: false, kind: 'retryable', status: 503, message: 'HTTP 503 injected_failure' });
    const engine = engineWith({ backoff: { baseMs: 1_000, maxMs: 60_000 }, random: () => 0.25 });
    expect(await engine.drainOnce()).toMatchObject({ attempted: 1, retried: 1 });
    expect(entryById(db, id)?.nextAttemptAt).toBe(new Date(clock.now().getTime() + 250).toISOString());
    expect(await engine.drainOnce()).toMatchObject({ attempted: 0 }); // not yet due
    clock.advance(250);
    await engine.drainOnce();
    // Second failure: ceiling doubles to 2 s, a quarter of it.
    expect(entryById(db, id)?.nextAttemptAt).toBe(new Date(clock.now().getTime() + 500).toISOString());
    expect(engine.status()).toMatchObject({ pending: 1, failed: 0, lastError: 'HTTP 503 injected_failure' });
  });

  it('keeps permanent failures visible in the status', async () => {
    add('a', 1);
    stub.answer = () => ({
      ok: false,
      kind: 'permanent',
      status: 400,
      code: 'invalid_request',
      message: 'HTTP 400 invalid_request',
    });
    const engine = engineWith();
    expect(await engine.drainOnce()).toMatchObject({ failedPermanent: 1 });
    expect(engine.status()).toEqual({
      pending: 0,
      failed: 1,
      lastSuccessAt: null,
      lastError: 'HTTP 400 invalid_request',
      breaker: 'closed',
      records: [
        expect.objectContaining({
          recordId: 'a-1',
          state: 'failed-permanent',
          attempts: 1,
          lastError: 'HTTP 400 invalid_request',
          nextAttemptAt: null,
        }),
      ],
    });
  });

  it('stops calling while the breaker is open and probes once after openMs', async () => {
    for (const k of ['a', 'b', 'c', 'd', 'e', 'f']) add(k, 1);
    stub.answer = () => ({ ok: false, kind: 'retryable', status: 503, message: 'HTTP 503' });
    const engine = engineWith({
      batchSize: 2,
      backoff: { baseMs: 1, maxMs: 1 },
      random: () => 0,
      breaker: { failureThreshold: 2, openMs: 10_000 },
    });
    const first = await engine.drainOnce();
    expect(first).toMatchObject({ attempted: 2, heldByBreaker: 0, breaker: 'open' });
    const held = await engine.drainOnce();
    expect(held).toMatchObject({ attempted: 0, heldByBreaker: 2, breaker: 'open' });
    expect(stub.calls).toHaveLength(2);

    clock.advance(10_000);
    stub.answer = () => ({
      ok: true,
      status: 201,
      body: { caseNumber: 'HK20261127000001', status: 'submitted', receivedAt: '2026-11-27T02:00:00.000Z' },
    });
    expect(engine.status().breaker).toBe('half-open');
    const probe = await engine.drainOnce();
    // The probe went out alone (its batch-mate was held); it succeeded, so the rest followed.
    expect(stub.calls[2]).toBe('a-1');
    expect(probe).toMatchObject({ delivered: 6, breaker: 'closed' });
  });

  it('leaves entries of a kind it cannot send yet pending, without tripping the breaker', async () => {
    const id = db.transaction(
      () => enqueue(db, { kind: 'evaluation', recordId: 'e1', orderingKey: 'eval:1', payload: {}, now: clock.now() }).id,
    )();
    const engine = engineWith();
    expect(await engine.drainOnce()).toMatchObject({ retried: 1, breaker: 'closed' });
    expect(entryById(db, id)).toMatchObject({ state: 'pending', lastError: 'no sender for kind evaluation' });
  });

  it('runs in the background and stops after the batch in flight', async () => {
    for (const k of ['a', 'b', 'c']) add(k, 1);
    const sleeps: number[] = [];
    const engine = engineWith({
      idleMs: 500,
      sleep: async (ms) => {
        sleeps.push(ms);
        clock.advance(ms);
        await new Promise((resolve) => setImmediate(resolve));
      },
    });
    engine.start();
    engine.start(); // idempotent
    while (engine.status().pending > 0) await new Promise((resolve) => setImmediate(resolve));
    await engine.stop();
    expect(stub.calls).toHaveLength(3);
    expect(sleeps.every((ms) => ms <= 500)).toBe(true);
  });

  it('validates a case before queueing it, in front of the citizen', () => {
    const bad = { ...sampleCase(), itemCode: '' };
    expect(() => db.transaction(() => enqueueCase(db, { localCaseId: 'c1', request: bad, now: clock.now() }))()).toThrow();
    const ok = db.transaction(() => enqueueCase(db, { localCaseId: 'c1', request: sampleCase(), now: clock.now() }))();
    expect(entryById(db, ok.id)).toMatchObject({
      kind: 'case',
      recordId: 'c1',
      orderingKey: 'case:c1',
      idempotencyKey: ok.idempotencyKey,
    });
  });
});
