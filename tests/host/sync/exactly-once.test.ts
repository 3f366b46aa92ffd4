import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseChange } from '../../../contracts/central-api';
import type { Db } from '../../../db/open';
import { counts, readCursor } from '../../../db/repositories/outbox';
import { CentralClient } from '../../../host/sync/central-client';
import { enqueueCase } from '../../../host/sync/enqueue-case';
import { SyncEngine } from '../../../host/sync/sync-engine';
import type { SyncEngineOptions } from '../../../host/sync/sync-engine';
import { adminAuth, sampleCase } from '../../platform/support/platform';
import { listenCentral, ManualClock, openHallDb, tempDir, token } from './support';
import type { ListeningApi, TempDir } from './support';

let tmp: TempDir;
let central: ListeningApi;
let hallFile: string;
let db: Db;
let clock: ManualClock;

beforeEach(() => {
  tmp = tempDir('sync-exactly-once-');
  hallFile = join(tmp.dir, 'hall.sqlite');
  db = openHallDb(hallFile);
  clock = new ManualClock();
});
afterEach(async () => {
  if (db.open) db.close();
  await central.close();
  tmp.cleanup();
});

/** A small seeded generator for the jitter, so a failing run can be replayed. */
function seeded(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 0x1_0000_0000;
  };
}

function enqueueCases(n: number): void {
  // Each case in its own transaction, as the kiosk saves them.
  for (let i = 0; i < n; i++) {
    db.transaction(() =>
      enqueueCase(db, { localCaseId: `local-${i}`, request: sampleCase({ form: { n: String(i) } }), now: clock.now() }),
    )();
  }
}

function newEngine(options: Partial<SyncEngineOptions> = {}): SyncEngine {
  return new SyncEngine({
    db,
    client: new CentralClient({ baseUrl: central.baseUrl, token, timeoutMs: 5_000 }),
    clock,
    random: seeded(7),
    batchSize: 16,
    backoff: { baseMs: 100, maxMs: 2_000 },
    breaker: { failureThreshold: 5, openMs: 1_000 },
    ...options,
  });
}

/** Drain passes, moving the hall's clock past every backoff and breaker wait in between. */
async function drainAll(engine: SyncEngine): Promise<void> {
  for (let pass = 0; pass < 500 && engine.status().pending > 0; pass++) {
    await engine.drainOnce();
    clock.advance(2_000);
  }
}

/** The central API's view: cases, distinct keys, and key → case number. */
async function centralCases(): Promise<{ rows: number; keys: number; byKey: Map<string, string> }> {
  const rows = await central.database.observe<{ k: string; c: string }>(
    'SELECT idempotency_key AS k, case_number AS c FROM cases',
  );
  return { rows: rows.length, keys: new Set(rows.map((r) => r.k)).size, byKey: new Map(rows.map((r) => [r.k, r.c])) };
}

/** Every local entry delivered, with the case number the central API holds for its key. */
async function expectExactlyOnce(n: number): Promise<void> {
  expect(counts(db)).toEqual({ pending: 0, delivered: n, failedPermanent: 0 });
  const central = await centralCases();
  expect(central.rows).toBe(n);
  expect(central.keys).toBe(n);
  const local = db.prepare('SELECT idempotency_key AS k, response FROM outbox').all() as { k: string; response: string }[];
  for (const row of local) {
    expect((JSON.parse(row.response) as { caseNumber: string }).caseNumber).toBe(central.byKey.get(row.k));
  }
}

describe('exactly-once delivery against the district platform', () => {
  it('delivers 300 cases exactly once through 30% failures and 10% responses dropped after commit', async () => {
    central = await listenCentral({
      faults: {
        failRate: 0.3,
        dropResponseAfterCommitRate: 0.1,
        seed: 2026,
      },
    });
    enqueueCases(300);
    const engine = newEngine();
    await drainAll(engine);
    await expectExactlyOnce(300);
    const retried = db.prepare('SELECT count(*) AS n FROM outbox WHERE attempts > 1').get() as { n: number };
    expect(retried.n).toBeGreaterThan(0); // the faults really happened
  });

  it('survives a stop mid-drain and a new engine on the reopened file (restart)', async () => {
    central = await listenCentral({ faults: { failRate: 0.3, dropResponseAfterCommitRate: 0.1, seed: 99 } });
    enqueueCases(200);
    const first = newEngine({
      idleMs: 100,
      sleep: async (ms) => {
        clock.advance(ms);
        await new Promise((resolve) => setImmediate(resolve));
      },
    });
    first.start();
    while (counts(db).delivered < 60) await new Promise((resolve) => setTimeout(resolve, 1));
    await first.stop();
    const midway = counts(db);
    expect(midway.pending).toBeGreaterThan(0);
    db.close();

    db = openHallDb(hallFile);
    const second = newEngine({ random: seeded(8) });
    await drainAll(second);
    await expectExactlyOnce(200);
  });

  it('pulls status changes once, saving the cursor only after each change is applied', async () => {
    central = await listenCentral();
    enqueueCases(3);
    const applied: CaseChange[] = [];
    let failOn: string | undefined;
    const engine = newEngine({
      pullLimit: 2,
      onChange: (change) => {
        applied.push(change);
        // Crash stand-in: the change is applied, then the process "dies" before the cursor is saved.
        if (change.cursor === failOn) throw new Error('crash before the cursor is saved');
      },
    });
    await drainAll(engine);
    const accept = await central.api.app.inject({
      method: 'POST',
      url: '/v1/admin/cases/HK20261127000002/status',
      headers: adminAuth,
      payload: { status: 'accepted' },
    });
    expect(accept.statusCode).toBe(200);

    failOn = '3';
    expect(await engine.pullChanges()).toEqual({ applied: 2, cursor: '2', complete: false, error: 'applying a change failed' });
    expect(readCursor(db, 'central-case-changes')).toBe('2');

    failOn = undefined;
    expect(await engine.pullChanges()).toEqual({ applied: 2, cursor: '4', complete: true });
    // Change 3 came twice (re-delivered after the crash), none was skipped.
    expect(applied.map((c) => c.cursor)).toEqual(['1', '2', '3', '3', '4']);
    expect(applied.at(-1)).toMatchObject({ caseNumber: 'HK20261127000002', status: 'accepted' });

    expect(await engine.pullChanges()).toEqual({ applied: 0, cursor: '4', complete: true });
    expect(await central.database.count('case_status_changes')).toBe(4);
  });

  it('reports an unreachable central API on pull without moving the cursor', async () => {
    central = await listenCentral({ faults: { failRate: 1 } });
    const engine = newEngine({ onChange: () => undefined });
    expect(await engine.pullChanges()).toEqual({ applied: 0, cursor: '0', complete: false, error: 'HTTP 503 injected_failure' });
    expect(engine.status().lastError).toBe('HTTP 503 injected_failure');
    expect(readCursor(db, 'central-case-changes')).toBeUndefined();
  });
});
