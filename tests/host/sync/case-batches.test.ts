import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type {
  CaseBatchItem,
  CaseBatchResult,
  CaseChange,
  CreateCaseBatchResponse,
  CreateCaseRequest,
  CreateCaseResponse,
} from '../../../contracts/central-api';
import type { Db } from '../../../db/open';
import { enqueue, entryById } from '../../../db/repositories/outbox';
import type { CentralResult } from '../../../host/sync/central-client';
import type { CentralApiClient } from '../../../host/sync/senders';
import { SyncEngine } from '../../../host/sync/sync-engine';
import { sampleCase } from '../../platform/support/platform';
import { ManualClock, openHallDb, tempDir, type TempDir } from './support';

const answer = (n: number): CreateCaseResponse => ({
  caseNumber: `HK20261127${String(n).padStart(6, '0')}`,
  status: 'submitted',
  receivedAt: '2026-11-27T02:00:00.000Z',
});

/**
 * Stand-in central API (an in-memory stub, not the platform) that takes batches: it records each
 * request and answers each case as told. The platform's own batch route is tested on both
 * databases in tests/platform/api/case-batch.test.ts, and the hall's sync against it in the chaos test.
 */
class BatchingCentral implements CentralApiClient {
  readonly batches: string[][] = [];
  readonly singles: string[] = [];
  whole: CentralResult<CreateCaseBatchResponse> | undefined;
  outcomeOf: (item: CaseBatchItem, n: number) => CaseBatchResult['outcome'] = () => 'created';
  private numbered = 0;

  submitCases(_hallId: string, items: readonly CaseBatchItem[]): Promise<CentralResult<CreateCaseBatchResponse>> {
    this.batches.push(items.map((item) => item.case.form['record'] ?? '?'));
    if (this.whole) return Promise.resolve(this.whole);
    const results = items.map((item): CaseBatchResult => {
      const outcome = this.outcomeOf(item, ++this.numbered);
      return outcome === 'conflict'
        ? { idempotencyKey: item.idempotencyKey, outcome }
        : { idempotencyKey: item.idempotencyKey, outcome, case: answer(this.numbered) };
    });
    return Promise.resolve({ ok: true, status: 200, body: { results } });
  }

  submitCase(_key: string, request: CreateCaseRequest): Promise<CentralResult<CreateCaseResponse>> {
    this.singles.push(request.form['record'] ?? '?');
    return Promise.resolve({ ok: true, status: 201, body: answer(++this.numbered) });
  }

  changes(): Promise<CentralResult<{ changes: CaseChange[]; nextCursor: string }>> {
    return Promise.resolve({ ok: true, status: 200, body: { changes: [], nextCursor: '0' } });
  }
}

let tmp: TempDir;
let db: Db;
let clock: ManualClock;
let central: BatchingCentral;
beforeEach(() => {
  tmp = tempDir('case-batches-');
  db = openHallDb(join(tmp.dir, 'hall.sqlite'));
  clock = new ManualClock();
  central = new BatchingCentral();
});
afterEach(() => {
  db.close();
  tmp.cleanup();
});

/** A case of its own ordering key, as the hall files them. */
function add(record: string, payload: CreateCaseRequest = sampleCase({ form: { record } })): number {
  return db.transaction(
    () => enqueue(db, { kind: 'case', recordId: record, orderingKey: record, payload, now: clock.now() }).id,
  )();
}
const engine = () => new SyncEngine({ db, client: central, clock, random: () => 0.5, batchSize: 8 });
const stateOf = (id: number) => entryById(db, id)?.state;

describe('the hall sends its waiting cases in batches', () => {
  it('delivers a pass’s cases in one request and stores each case’s own number', async () => {
    const ids = ['a', 'b', 'c'].map((r) => add(r));
    const report = await engine().drainOnce();
    expect(report).toMatchObject({ attempted: 3, delivered: 3 });
    expect(central.batches).toEqual([['a', 'b', 'c']]);
    expect(central.singles).toEqual([]);
    expect(ids.map((id) => JSON.parse(entryById(db, id)?.response ?? 'null'))).toEqual([answer(1), answer(2), answer(3)]);
  });

  it('fails only the case whose key the platform holds with another body; the others are delivered', async () => {
    const [a, b] = [add('a'), add('b')];
    central.outcomeOf = (item) => (item.case.form['record'] === 'a' ? 'conflict' : 'replayed');
    const report = await engine().drainOnce();
    expect(report).toMatchObject({ delivered: 1, failedPermanent: 1 });
    expect([stateOf(a), stateOf(b)]).toEqual(['failed-permanent', 'delivered']);
  });

  it('keeps every case for a retry when the batch request fails on the way (503, network)', async () => {
    const ids = [add('a'), add('b')];
    central.whole = { ok: false, kind: 'retryable', status: 503, message: 'HTTP 503' };
    const report = await engine().drainOnce();
    expect(report).toMatchObject({ retried: 2, delivered: 0 });
    expect(ids.map(stateOf)).toEqual(['pending', 'pending']);
  });

  it('sends each case alone when the platform refuses the whole batch (an older one without the route: 404)', async () => {
    const ids = [add('a'), add('b')];
    central.whole = { ok: false, kind: 'permanent', status: 404, message: 'HTTP 404' };
    const report = await engine().drainOnce();
    expect(report).toMatchObject({ delivered: 2, failedPermanent: 0 });
    expect(central.singles.sort()).toEqual(['a', 'b']);
    expect(ids.map(stateOf)).toEqual(['delivered', 'delivered']);
  });

  it('fails a case that no longer parses without holding back the others', async () => {
    const broken = add('x', { ...sampleCase({ form: { record: 'x' } }), itemCode: '' });
    const good = [add('a'), add('b')];
    await engine().drainOnce();
    expect(stateOf(broken)).toBe('failed-permanent');
    expect(good.map(stateOf)).toEqual(['delivered', 'delivered']);
    expect(central.batches).toEqual([['a', 'b']]);
  });
});
