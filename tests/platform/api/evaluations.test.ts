import { afterEach, beforeEach, expect, it } from 'vitest';
import { CentralErrorBody, EvaluationRecord, EvaluationsResponse } from '../../../contracts/central-api';
import type { Platform } from '../../../platform/server';
import { sampleEvaluation } from '../support/samples';
import { FIXED_NOW, adminAuth, newKey, startApi, terminalAuth } from '../support/platform';
import { describeEachDatabase } from '../support/each-database';

describeEachDatabase('platform: evaluations (好差评)', (database) => {
  let api: Platform;

  beforeEach(async () => {
    api = await startApi(database());
  });
  afterEach(async () => {
    await api.close();
  });

  const submit = (key: string, body: unknown = sampleEvaluation()) =>
    api.app.inject({
      method: 'POST',
      url: '/v1/evaluations',
      headers: { ...terminalAuth, 'idempotency-key': key },
      payload: body as object,
    });
  const list = async (query = '') => {
    const res = await api.app.inject({ method: 'GET', url: `/v1/admin/evaluations${query}`, headers: adminAuth });
    expect(res.statusCode).toBe(200);
    return EvaluationsResponse.parse(res.json()).evaluations;
  };

  it('records a ticket evaluation without a call back', async () => {
    const res = await submit(newKey());
    expect(res.statusCode).toBe(201);
    const record = EvaluationRecord.parse(res.json());
    expect(record).toMatchObject({
      hallId: 'hall-01',
      subject: { kind: 'ticket', ticketNumber: 'A012', windowId: 'W05', staffNumber: 'S0231' },
      level: 'very_satisfied',
      callbackRequired: false,
      receivedAt: FIXED_NOW.toISOString(),
    });
  });

  it('accepts a case as the subject', async () => {
    const res = await submit(
      newKey(),
      sampleEvaluation({ subject: { kind: 'case', caseNumber: 'HK20261127000001' }, level: 'basic' }),
    );
    expect(res.statusCode).toBe(201);
    expect(EvaluationRecord.parse(res.json()).subject).toEqual({ kind: 'case', caseNumber: 'HK20261127000001' });
  });

  it.each(['dissatisfied', 'very_dissatisfied'] as const)(
    'requires a reason for %s and flags it for a call back',
    async (level) => {
      const missing = await submit(newKey(), sampleEvaluation({ level }));
      expect(missing.statusCode).toBe(400);
      const body = CentralErrorBody.parse(missing.json());
      expect(body.error.code).toBe('invalid_request');
      expect(JSON.stringify(body.error.details)).toContain('reason');
      expect(await database().count('evaluations')).toBe(0);

      const res = await submit(newKey(), sampleEvaluation({ level, reason: '等候时间过长' }));
      expect(res.statusCode).toBe(201);
      expect(EvaluationRecord.parse(res.json())).toMatchObject({ level, reason: '等候时间过长', callbackRequired: true });
    },
  );

  it('lists flagged evaluations for operators, newest first', async () => {
    await submit(newKey());
    await submit(newKey(), sampleEvaluation({ level: 'dissatisfied', reason: '材料说明不清' }));
    await submit(newKey(), sampleEvaluation({ level: 'satisfied' }));
    await submit(newKey(), sampleEvaluation({ level: 'very_dissatisfied', reason: '态度差' }));

    const flagged = await list('?flagged=true');
    expect(flagged.map((e) => e.reason)).toEqual(['态度差', '材料说明不清']);
    expect((await list('?flagged=false')).map((e) => e.level)).toEqual(['satisfied', 'very_satisfied']);
    expect(await list()).toHaveLength(4);
    expect(await list('?limit=1')).toHaveLength(1);

    const badQuery = await api.app.inject({ method: 'GET', url: '/v1/admin/evaluations?flagged=yes', headers: adminAuth });
    expect(badQuery.statusCode).toBe(400);
    const asTerminal = await api.app.inject({ method: 'GET', url: '/v1/admin/evaluations', headers: terminalAuth });
    expect(asTerminal.statusCode).toBe(401);
  });

  it('is idempotent: a retry replays (200), a different body conflicts (409)', async () => {
    const key = newKey();
    const first = await submit(key);
    const reordered = Object.fromEntries(Object.entries(sampleEvaluation()).reverse());
    const retry = await submit(key, reordered);
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toEqual(first.json());
    expect(await database().count('evaluations')).toBe(1);

    const conflict = await submit(key, sampleEvaluation({ level: 'satisfied' }));
    expect(conflict.statusCode).toBe(409);
    expect(CentralErrorBody.parse(conflict.json()).error.code).toBe('idempotency_conflict');
    expect(await database().count('evaluations')).toBe(1);
  });

  it('rejects an unknown level, a missing subject and a missing key', async () => {
    expect((await submit(newKey(), { ...sampleEvaluation(), level: 'ok' })).statusCode).toBe(400);
    const { subject: _subject, ...noSubject } = sampleEvaluation();
    expect((await submit(newKey(), noSubject)).statusCode).toBe(400);
    const noKey = await api.app.inject({
      method: 'POST',
      url: '/v1/evaluations',
      headers: terminalAuth,
      payload: sampleEvaluation(),
    });
    expect(noKey.statusCode).toBe(400);
    expect(await database().count('evaluations')).toBe(0);
  });
});
