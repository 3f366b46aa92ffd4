import { afterEach, beforeEach, expect, it } from 'vitest';
import {
  CASE_BATCH_MAX,
  ChangesResponse,
  CentralErrorBody,
  CreateCaseBatchResponse,
  CreateCaseResponse,
  type CaseBatchItem,
  type CreateCaseRequest,
} from '../../../contracts/central-api';
import type { Platform } from '../../../platform/server';
import { describeEachDatabase } from '../support/each-database';
import { hallAuth } from '../support/halls';
import { adminAuth, FIXED_NOW, newKey, sampleCase, startApi, terminalAuth } from '../support/platform';

/** POST /v1/cases/batch: a hall's waiting cases at once, each exactly as POST /v1/cases under its key. */
describeEachDatabase('platform: cases delivered in a batch', (database) => {
  let api: Platform;

  beforeEach(async () => {
    api = await startApi(database());
  });
  afterEach(async () => {
    await api.close();
  });

  const item = (overrides: Partial<CreateCaseRequest> = {}, key = newKey()): CaseBatchItem => ({
    idempotencyKey: key,
    case: sampleCase(overrides),
  });
  const deliver = (cases: readonly CaseBatchItem[], headers: Record<string, string> = terminalAuth, hallId = 'hall-01') =>
    api.app.inject({ method: 'POST', url: '/v1/cases/batch', headers, payload: { hallId, cases } });
  const results = async (cases: readonly CaseBatchItem[]) => {
    const res = await deliver(cases);
    expect(res.statusCode, res.body).toBe(200);
    return CreateCaseBatchResponse.parse(res.json()).results;
  };
  const submitOne = (key: string, body: CreateCaseRequest) =>
    api.app.inject({ method: 'POST', url: '/v1/cases', headers: { ...terminalAuth, 'idempotency-key': key }, payload: body });

  it('numbers each new case in the batch’s order and puts each in the hall’s change feed once', async () => {
    const batch = [item({ itemName: '甲' }), item({ itemName: '乙' }), item({ itemName: '丙' })];
    const answered = await results(batch);
    expect(answered.map((r) => [r.idempotencyKey, r.outcome])).toEqual(batch.map((b) => [b.idempotencyKey, 'created']));
    expect(answered.map((r) => (r.outcome === 'conflict' ? null : r.case))).toEqual(
      [1, 2, 3].map((n) => ({
        caseNumber: `HK20261127${String(n).padStart(6, '0')}`,
        status: 'submitted',
        receivedAt: FIXED_NOW.toISOString(),
      })),
    );
    const feed = ChangesResponse.parse(
      (await api.app.inject({ url: '/v1/cases/changes?since=0', headers: terminalAuth })).json(),
    );
    expect(feed.changes.map((c) => [c.caseNumber, c.status])).toEqual([
      ['HK20261127000001', 'submitted'],
      ['HK20261127000002', 'submitted'],
      ['HK20261127000003', 'submitted'],
    ]);
    // A single case after the batch takes the next number and cursor.
    const next = CreateCaseResponse.parse((await submitOne(newKey(), sampleCase())).json());
    expect(next.caseNumber).toBe('HK20261127000004');
  });

  it('replays a batch delivered again (the answer was lost): same numbers, current status, nothing written', async () => {
    const batch = [item(), item()];
    const first = await results(batch);
    const number = first[0]?.outcome === 'created' ? first[0].case.caseNumber : '';
    await api.app.inject({
      method: 'POST',
      url: `/v1/admin/cases/${number}/status`,
      headers: adminAuth,
      payload: { status: 'accepted' },
    });

    const again = await results(batch);
    expect(again.map((r) => r.outcome)).toEqual(['replayed', 'replayed']);
    expect(again.map((r) => (r.outcome === 'conflict' ? null : [r.case.caseNumber, r.case.status]))).toEqual([
      [number, 'accepted'],
      ['HK20261127000002', 'submitted'],
    ]);
    expect(await database().count('cases')).toBe(2);
    expect(await database().count('case_status_changes')).toBe(3);
  });

  it('shares its keys with POST /v1/cases both ways; a key reused with another body is that item’s conflict alone', async () => {
    const single = newKey();
    const answeredAlone = CreateCaseResponse.parse((await submitOne(single, sampleCase({ itemName: '单件' }))).json());

    const batched = item({ itemName: '批量' });
    const answered = await results([
      { idempotencyKey: single, case: sampleCase({ itemName: '单件' }) },
      { idempotencyKey: newKey(), case: sampleCase({ itemName: '另一件' }) },
      batched,
    ]);
    expect(answered.map((r) => r.outcome)).toEqual(['replayed', 'created', 'created']);
    expect(answered[0]?.outcome === 'replayed' && answered[0].case.caseNumber).toBe(answeredAlone.caseNumber);

    // The batch's key, sent alone later (the host fell back to single sends): the same case.
    const alone = await submitOne(batched.idempotencyKey, batched.case);
    expect(alone.statusCode).toBe(200);
    expect(CreateCaseResponse.parse(alone.json()).caseNumber).toBe('HK20261127000003');

    const misuse = await results([{ idempotencyKey: single, case: sampleCase({ itemName: '换了内容' }) }, item()]);
    expect(misuse.map((r) => r.outcome)).toEqual(['conflict', 'created']);
    expect(await database().count('cases')).toBe(4);
  });

  it('writes each case once when the same batch arrives twice at once (two instances, one database)', async () => {
    const batch = Array.from({ length: 20 }, () => item());
    const [a, b] = await Promise.all([results(batch), results(batch)]);
    const numbers = (r: typeof a) => r.map((x) => (x.outcome === 'conflict' ? null : x.case.caseNumber));
    expect(numbers(a)).toEqual(numbers(b));
    expect(new Set(numbers(a)).size).toBe(20);
    expect(await database().count('cases')).toBe(20);
    expect(await database().count('case_status_changes')).toBe(20);
  });

  it('refuses a batch for another hall (403) and a malformed one (400), writing nothing', async () => {
    const other = await deliver([item({ hallId: 'hall-02' })], terminalAuth, 'hall-02');
    expect(other.statusCode).toBe(403);
    expect(CentralErrorBody.parse(other.json()).error.code).toBe('hall_mismatch');
    // Another hall's case smuggled into this hall's batch.
    expect((await deliver([item(), item({ hallId: 'hall-02' })])).statusCode).toBe(400);
    const key = newKey();
    expect((await deliver([item({}, key), item({}, key)])).statusCode).toBe(400);
    expect((await deliver([])).statusCode).toBe(400);
    expect((await deliver(Array.from({ length: CASE_BATCH_MAX + 1 }, () => item()))).statusCode).toBe(400);
    expect((await deliver([item()], {})).statusCode).toBe(401);
    expect(await database().count('cases')).toBe(0);

    // The other hall, with its own credential, delivers its own.
    const own = await deliver([item({ hallId: 'hall-02' })], await hallAuth(api, 'hall-02'), 'hall-02');
    expect(own.statusCode).toBe(200);
  });
});
