/**
 * Sync benchmark: drain a 3,000-entry outbox backlog to the district platform (the central
 * API, on PGlite as `npm start` runs it; no faults) and compare its throughput with a plain HTTP POST loop of the same
 * payloads (fresh Idempotency-Keys) at the same concurrency, measured in the same run: the
 * plain loop is what the network and the central API allow, the ratio what the outbox's
 * durable bookkeeping costs (or saves). Each run gets its own central database so neither pays
 * for the other's rows. 3,000 entries give a steady rate; 10,000 only made `npm run bench` a
 * minute longer. No target: the issue sets none.
 */
import { randomUUID } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CreateCaseRequest } from '../../contracts/central-api';
import { openDatabase } from '../../db/open';
import { counts } from '../../db/repositories/outbox';
import { systemClock } from '../../host/clock/clock';
import { CentralClient } from '../../host/sync/central-client';
import { enqueueCase } from '../../host/sync/enqueue-case';
import { SyncEngine } from '../../host/sync/sync-engine';
import { createPlatform, type Platform } from '../../platform/server';
import { openPgliteTestDatabase } from '../platform/support/pglite-test-database';
import { nowMs, report } from './harness';

const ENTRIES = 3_000;
const CONCURRENCY = 16;
const TOKEN = 'bench-terminal-token';
const migrationsDir = join(process.cwd(), 'db/migrations');

function payload(i: number): CreateCaseRequest {
  return {
    hallId: 'hall-01',
    terminalId: 'kiosk-01',
    itemCode: 'GA-001',
    itemName: '居民身份证换领',
    applicant: { name: '测试', idNumber: `11010519491231${String(i).padStart(4, '0')}`.slice(0, 18) },
    form: { n: String(i) },
    materials: [{ code: 'photo', name: '近期免冠照片', received: true }],
    submittedAt: '2026-11-27T09:58:00+08:00',
  };
}

/** A platform on a fresh database of its own; `close` closes both. */
async function listen(): Promise<{ api: Platform; baseUrl: string; close: () => Promise<void> }> {
  const database = await openPgliteTestDatabase();
  const api = await createPlatform({ sql: database.sql, tokens: [TOKEN], adminToken: 'bench-admin-token' });
  await api.app.listen({ host: '127.0.0.1', port: 0 });
  const address = api.app.server.address();
  if (address === null || typeof address === 'string') throw new Error('expected a TCP address');
  return {
    api,
    baseUrl: `http://127.0.0.1:${address.port}`,
    close: async () => {
      await api.close();
      await database.close();
    },
  };
}

/** The baseline: CONCURRENCY workers posting straight to the API, no outbox, no bookkeeping. */
async function plainLoop(): Promise<number> {
  const { baseUrl, close } = await listen();
  try {
    let next = 0;
    const started = nowMs();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < ENTRIES) {
          const i = next++;
          const res = await fetch(`${baseUrl}/v1/cases`, {
            method: 'POST',
            headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
            body: JSON.stringify(payload(i)),
          });
          if (res.status !== 201) throw new Error(`plain POST answered ${res.status}`);
          await res.arrayBuffer();
        }
      }),
    );
    return ENTRIES / ((nowMs() - started) / 1000);
  } finally {
    await close();
  }
}

/** The outbox: a FULL-sync hall database holding the backlog, drained by the engine. */
async function engineDrain(dir: string): Promise<number> {
  const { baseUrl, close } = await listen();
  const db = openDatabase(join(dir, 'hall.sqlite'), { migrationsDir, synchronous: 'FULL' });
  try {
    db.transaction(() => {
      for (let i = 0; i < ENTRIES; i++) enqueueCase(db, { localCaseId: `local-${i}`, request: payload(i), now: new Date() });
    })();
    const engine = new SyncEngine({
      db,
      client: new CentralClient({ baseUrl, token: TOKEN }),
      clock: systemClock,
      batchSize: CONCURRENCY,
    });
    const started = nowMs();
    while (counts(db).pending > 0) {
      const r = await engine.drainOnce();
      if (r.retried + r.failedPermanent > 0) throw new Error('the bench expects no failures');
    }
    return ENTRIES / ((nowMs() - started) / 1000);
  } finally {
    db.close();
    await close();
  }
}

// The platform finds its migrations next to its own module; bundled into .cache/bench that
// is next to this file, so put a copy there (the folder is recreated by every bench run).
cpSync(join(process.cwd(), 'platform/db/migrations'), join(dirname(fileURLToPath(import.meta.url)), 'migrations'), {
  recursive: true,
});
const dir = mkdtempSync(join(tmpdir(), 'bench-sync-'));
try {
  const plain = await plainLoop();
  const engine = await engineDrain(dir);
  console.log(`sync: ${ENTRIES} entries, concurrency ${CONCURRENCY}`);
  report({
    name: `sync outbox drain (${ENTRIES} entries, concurrency ${CONCURRENCY})`,
    value: engine,
    unit: 'entries/s',
    baseline: plain,
    baselineName: 'plain POST loop',
  });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
