import { afterEach, beforeEach, expect, it } from 'vitest';
import { CentralErrorBody, QueueStatsResponse } from '../../../contracts/central-api';
import type { Platform } from '../../../platform/server';
import { sampleStats } from '../support/samples';
import { newKey, startApi, terminalAuth } from '../support/platform';
import { describeEachDatabase } from '../support/each-database';
import { hallAuth } from '../support/halls';

describeEachDatabase('platform: end-of-day queue stats', (database) => {
  let api: Platform;

  beforeEach(async () => {
    api = await startApi(database());
  });
  afterEach(async () => {
    await api.close();
  });

  const upload = (key: string, body: unknown = sampleStats(), auth: Record<string, string> = terminalAuth) =>
    api.app.inject({
      method: 'POST',
      url: '/v1/queue-stats',
      headers: { ...auth, 'idempotency-key': key },
      payload: body as object,
    });

  it('stores figures and upserts per (hall, day) with a revision', async () => {
    const first = await upload(newKey());
    expect(first.statusCode).toBe(201);
    expect(QueueStatsResponse.parse(first.json())).toMatchObject({ hallId: 'hall-01', businessDay: '2026-11-27', revision: 1 });

    const corrected = await upload(newKey(), sampleStats({ figures: { ticketsIssued: 413 } }));
    expect(corrected.statusCode).toBe(201);
    expect(QueueStatsResponse.parse(corrected.json())).toMatchObject({ figures: { ticketsIssued: 413 }, revision: 2 });

    // Another hall's figures come with its own credential.
    expect((await upload(newKey(), sampleStats({ hallId: 'hall-02' }), await hallAuth(api, 'hall-02'))).statusCode).toBe(201);
    await upload(newKey(), sampleStats({ businessDay: '2026-11-26' }));
    expect(await database().count('queue_stats')).toBe(3);
  });

  it('is idempotent: a retry replays the original answer, a different body conflicts', async () => {
    const key = newKey();
    const first = await upload(key);
    await upload(newKey(), sampleStats({ figures: { served: 1 } })); // a later revision in between
    const retry = await upload(key);
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toEqual(first.json());

    const conflict = await upload(key, sampleStats({ figures: { served: 2 } }));
    expect(conflict.statusCode).toBe(409);
    expect(CentralErrorBody.parse(conflict.json()).error.code).toBe('idempotency_conflict');
  });

  it.each([
    ['a negative figure', { ticketsIssued: -1 }],
    ['a fraction', { avgWaitSeconds: 1.5 }],
    ['a string', { served: '12' }],
    ['a bad name', { 'no spaces': 1 }],
  ])('rejects %s', async (_label, figures) => {
    const res = await upload(newKey(), { ...sampleStats(), figures });
    expect(res.statusCode).toBe(400);
    expect(CentralErrorBody.parse(res.json()).error.code).toBe('invalid_request');
    expect(await database().count('queue_stats')).toBe(0);
  });

  it('rejects a malformed business day', async () => {
    expect((await upload(newKey(), { ...sampleStats(), businessDay: '27/11/2026' })).statusCode).toBe(400);
  });
});
