import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ReviewOutcomesResponse } from '../../../contracts/central-api';
import type { Db } from '../../../db/open';
import { counts } from '../../../db/repositories/outbox';
import { CentralExtrasClient, hallCentralClient } from '../../../host/cases/central-extras';
import { CentralClient } from '../../../host/sync/central-client';
import { hallSenders } from '../../../host/sync/senders';
import { SyncEngine } from '../../../host/sync/sync-engine';
import { adminAuth } from '../../platform/support/platform';
import { services, type Services } from '../cases/support';
import { listenCentral, ManualClock, openHallDb, tempDir, token, type ListeningApi, type TempDir } from '../sync/support';
import { seedReviewStaff, type ReviewStaff } from './support';

let tmp: TempDir;
let central: ListeningApi;
let db: Db;
let clock: ManualClock;
let s: Services;
let staff: ReviewStaff;
let engine: SyncEngine;

const CASE = 'HK20261127000001';

beforeEach(async () => {
  tmp = tempDir('reviews-sync-');
  db = openHallDb(join(tmp.dir, 'hall.sqlite'));
  clock = new ManualClock();
  // Every idempotent write answered twice, as a proxy retrying a request it had delivered.
  central = await listenCentral({ faults: { duplicateResponseRate: 1 } });
  s = services(db, clock, { cardCaseNumbers: () => [CASE] });
  staff = seedReviewStaff(db);
  const options = { baseUrl: central.baseUrl, token, timeoutMs: 5_000 };
  engine = new SyncEngine({
    db,
    client: hallCentralClient(new CentralClient(options), new CentralExtrasClient(options)),
    clock,
    senders: hallSenders,
    random: () => 0,
    onDelivered: (entry, response) => s.evaluations.onDelivered(entry, response),
  });
});
afterEach(async () => {
  await engine.stop();
  if (db.open) db.close();
  await central.close();
  tmp.cleanup();
});

const centralOutcomes = async () => {
  const reply = await fetch(`${central.baseUrl}/v1/admin/evaluations/outcomes`, { headers: adminAuth });
  return ReviewOutcomesResponse.parse(await reply.json()).outcomes;
};

describe('差评 outcomes through the sync engine', () => {
  it('delivers the decided appeal and the closed loop after the rating, each once, tied to its central evaluation', async () => {
    const rated = s.evaluations.submit({ level: 'very_dissatisfied', reason: '态度不好', caseNumber: CASE }, { atReader: true });
    const { supervisor, otherSupervisor } = staff;
    s.reviews.assign(rated.id, { handlerStaffNumber: '1001' }, supervisor);
    s.reviews.verify(rated.id, { verification: '属实' }, supervisor);
    s.reviews.appeal(rated.id, { reason: '有误' }, supervisor);
    s.reviews.decide(rated.id, { decision: 'upheld' }, otherSupervisor);
    s.reviews.rectify(rated.id, { rectification: '已整改' }, supervisor);
    s.reviews.callback(rated.id, { result: '认可', rating: 'satisfied' }, supervisor);
    s.reviews.close(rated.id, supervisor);

    // In the rating's order: an outcome sent before its evaluation would be refused for good (404).
    expect(await engine.drainOnce()).toMatchObject({ delivered: 3, failedPermanent: 0 });
    expect(counts(db)).toEqual({ pending: 0, delivered: 3, failedPermanent: 0 });

    const evaluationId = (db.prepare('SELECT central_id AS id FROM evaluations').get() as { id: string }).id;
    const outcomes = await centralOutcomes();
    expect(outcomes.map((o) => [o.stage, o.evaluationId])).toEqual([
      ['closed', evaluationId],
      ['appeal_decided', evaluationId],
    ]);
    expect(outcomes[0]?.outcome).toMatchObject({
      evaluationKey: rated.id,
      callback: { rating: 'satisfied' },
      appeal: { decision: 'upheld' },
    });
  });
});
