import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../db/open';
import { counts } from '../../../db/repositories/outbox';
import { evaluationById } from '../../../db/repositories/evaluations';
import { CentralExtrasClient, hallCentralClient } from '../../../host/cases/central-extras';
import { CentralClient } from '../../../host/sync/central-client';
import { hallSenders } from '../../../host/sync/senders';
import { SyncEngine } from '../../../host/sync/sync-engine';
import { HostError } from '../../../host/errors/host-error';
import { adminAuth } from '../../platform/support/platform';
import { listenCentral, ManualClock, openHallDb, tempDir, token } from '../sync/support';
import type { ListeningApi, TempDir } from '../sync/support';
import { CARD, ELDER_ITEM, elderForm, services } from './support';
import type { Services } from './support';

let tmp: TempDir;
let central: ListeningApi;
let db: Db;
let clock: ManualClock;
let s: Services;
let engine: SyncEngine;

beforeEach(async () => {
  tmp = tempDir('cases-sync-');
  db = openHallDb(join(tmp.dir, 'hall.sqlite'));
  clock = new ManualClock();
  central = await listenCentral();
  // The card on the reader filed the two cases rated below.
  s = services(db, clock, { cardCaseNumbers: () => ['HK20261127000001', 'HK20261127000002'] });
  const options = { baseUrl: central.baseUrl, token, timeoutMs: 5_000 };
  engine = new SyncEngine({
    db,
    client: hallCentralClient(new CentralClient(options), new CentralExtrasClient(options)),
    clock,
    senders: hallSenders,
    random: () => 0,
    onDelivered: (entry, response) => {
      s.cases.onDelivered(entry, response);
      s.evaluations.onDelivered(entry, response);
    },
    onChange: (change) => {
      s.cases.applyChange(change);
    },
  });
});
afterEach(async () => {
  await engine.stop();
  if (db.open) db.close();
  await central.close();
  tmp.cleanup();
});

function centralCount(table: 'cases' | 'evaluations'): Promise<number> {
  return central.database.count(table);
}

async function advance(caseNumber: string, status: string): Promise<void> {
  const reply = await fetch(`${central.baseUrl}/v1/admin/cases/${caseNumber}/status`, {
    method: 'POST',
    headers: { ...adminAuth, 'content-type': 'application/json' },
    body: JSON.stringify({ status }),
  });
  expect(reply.status).toBe(200);
}

describe('cases and evaluations through the sync engine', () => {
  it('delivers a submitted case, stores its case number and follows its status', async () => {
    const local = s.cases.submit({ itemCode: ELDER_ITEM, form: elderForm, materials: ['photo', 'id-card'] }, CARD);
    expect(await engine.drainOnce()).toMatchObject({ delivered: 1 });
    const delivered = s.cases.localCase(local.id);
    expect(delivered.caseNumber).toMatch(/^HK20261127\d{6}$/);
    const caseNumber = delivered.caseNumber ?? '';
    expect(await centralCount('cases')).toBe(1);

    await advance(caseNumber, 'accepted');
    await advance(caseNumber, 'in_progress');
    expect(await engine.pullChanges()).toMatchObject({ complete: true, applied: 3 });
    expect(s.cases.progress(caseNumber)).toMatchObject({ status: 'in_progress' });
    expect(s.cases.progress(caseNumber).statusHistory.map((h) => h.status)).toEqual(['submitted', 'accepted', 'in_progress']);

    // A second pull finds nothing new; the history stays as it is.
    await engine.pullChanges();
    expect(s.cases.progress(caseNumber).statusHistory).toHaveLength(3);
    await advance(caseNumber, 'completed');
    await engine.pullChanges();
    expect(s.cases.progress(caseNumber).status).toBe('completed');
  });

  it('keeps a case while the central API is down and delivers it later, once', async () => {
    await central.api.close();
    const local = s.cases.submit({ itemCode: ELDER_ITEM, form: elderForm }, CARD);
    expect(await engine.drainOnce()).toMatchObject({ delivered: 0, retried: 1 });
    expect(s.cases.localCase(local.id).caseNumber).toBeNull();

    central = await listenCentral({ database: central.database });
    // The engine's client still points at the old port: build one for the new server.
    const options = { baseUrl: central.baseUrl, token, timeoutMs: 5_000 };
    const again = new SyncEngine({
      db,
      client: hallCentralClient(new CentralClient(options), new CentralExtrasClient(options)),
      clock,
      senders: hallSenders,
      random: () => 0,
      onDelivered: (entry, response) => s.cases.onDelivered(entry, response),
    });
    clock.advance(120_000);
    expect(await again.drainOnce()).toMatchObject({ delivered: 1 });
    expect(s.cases.localCase(local.id).caseNumber).toMatch(/^HK/);
    expect(await centralCount('cases')).toBe(1);
  });

  it('refuses a bad rating without a reason; delivers rated evaluations once, flagged', async () => {
    expect(() =>
      s.evaluations.submit({ level: 'very_dissatisfied', caseNumber: 'HK20261127000001' }, { atReader: true }),
    ).toThrow(HostError);
    expect(counts(db).pending).toBe(0);

    const bad = s.evaluations.submit(
      { level: 'dissatisfied', reason: '等候时间长', caseNumber: 'HK20261127000001' },
      { atReader: true },
    );
    const good = s.evaluations.submit({ level: 'very_satisfied', caseNumber: 'HK20261127000002' }, { atReader: true });
    expect(bad.callbackRequired).toBe(true);
    expect(good.callbackRequired).toBe(false);
    expect(s.evaluations.callbacks().map((e) => e.id)).toEqual([bad.id]);

    expect(await engine.drainOnce()).toMatchObject({ delivered: 2 });
    expect(await engine.drainOnce()).toMatchObject({ attempted: 0 });
    expect(await centralCount('evaluations')).toBe(2);
    expect(evaluationById(db, bad.id)?.centralId).toMatch(/.+/);

    const flagged = await fetch(`${central.baseUrl}/v1/admin/evaluations?flagged=true`, { headers: adminAuth });
    const body = (await flagged.json()) as { evaluations: { level: string; callbackRequired: boolean }[] };
    expect(body.evaluations).toEqual([expect.objectContaining({ level: 'dissatisfied', callbackRequired: true })]);
  });
});
