import { afterEach, beforeEach, expect, it } from 'vitest';
import { CaseStatusRecord, CentralErrorBody, CreateCaseResponse } from '../../../contracts/central-api';
import type { Platform } from '../../../platform/server';
import { FIXED_NOW, newKey, sampleCase, startApi, terminalAuth } from '../support/platform';
import { describeEachDatabase } from '../support/each-database';

describeEachDatabase('platform: cases', (database) => {
  let api: Platform;

  beforeEach(async () => {
    api = await startApi(database());
  });
  afterEach(async () => {
    await api.close();
  });

  const submit = (key: string, body: unknown = sampleCase()) =>
    api.app.inject({
      method: 'POST',
      url: '/v1/cases',
      headers: { ...terminalAuth, 'idempotency-key': key },
      payload: body as object,
    });

  it('creates a case numbered by Beijing date and daily sequence', async () => {
    const first = await submit(newKey());
    expect(first.statusCode).toBe(201);
    const created = CreateCaseResponse.parse(first.json());
    expect(created).toEqual({ caseNumber: 'HK20261127000001', status: 'submitted', receivedAt: FIXED_NOW.toISOString() });

    const second = CreateCaseResponse.parse((await submit(newKey())).json());
    expect(second.caseNumber).toBe('HK20261127000002');
  });

  it('restarts the sequence on a new Asia/Shanghai day, even while it is still the same UTC day', async () => {
    await api.close();
    let now = new Date('2026-11-27T15:59:00Z'); // 23:59 in Beijing
    api = await startApi(database(), { now: () => now });
    expect(CreateCaseResponse.parse((await submit(newKey())).json()).caseNumber).toBe('HK20261127000001');
    now = new Date('2026-11-27T16:01:00Z'); // 00:01 next day in Beijing, same UTC date
    expect(CreateCaseResponse.parse((await submit(newKey())).json()).caseNumber).toBe('HK20261128000001');
  });

  it('answers a retry with the same key and body with the same case, without a second row', async () => {
    const key = newKey();
    const first = await submit(key);
    expect(first.statusCode).toBe(201);
    // Same content, different key order: still the same body.
    const reordered = Object.fromEntries(Object.entries(sampleCase()).reverse());
    const retry = await submit(key, reordered);
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toEqual(first.json());
    expect(await database().count('cases')).toBe(1);
    expect(await database().count('case_status_changes')).toBe(1);
  });

  it('rejects the same key with a different body: 409 idempotency_conflict', async () => {
    const key = newKey();
    await submit(key);
    const conflict = await submit(key, sampleCase({ itemCode: 'GA-002' }));
    expect(conflict.statusCode).toBe(409);
    expect(CentralErrorBody.parse(conflict.json()).error.code).toBe('idempotency_conflict');
    expect(await database().count('cases')).toBe(1);
  });

  it.each([
    ['no Authorization header', {}],
    ['an unknown token', { authorization: 'Bearer nope' }],
    ['the admin token', { authorization: 'Bearer test-admin-token' }],
    ['a non-bearer scheme', { authorization: 'Basic dGVzdA==' }],
  ])('answers 401 unauthorized for %s', async (_label, headers) => {
    const res = await api.app.inject({
      method: 'POST',
      url: '/v1/cases',
      headers: { ...headers, 'idempotency-key': newKey() },
      payload: sampleCase(),
    });
    expect(res.statusCode).toBe(401);
    expect(res.headers['www-authenticate']).toBe('Bearer');
    expect(CentralErrorBody.parse(res.json()).error.code).toBe('unauthorized');
    expect(await database().count('cases')).toBe(0);
  });

  it('accepts every configured terminal token', async () => {
    const res = await api.app.inject({
      method: 'POST',
      url: '/v1/cases',
      headers: { authorization: 'Bearer second-terminal-token', 'idempotency-key': newKey() },
      payload: sampleCase(),
    });
    expect(res.statusCode).toBe(201);
  });

  it('rejects an invalid body with 400 invalid_request and the zod issues', async () => {
    const res = await submit(newKey(), { ...sampleCase(), applicant: { name: '', idNumber: 110105 }, submittedAt: 'yesterday' });
    expect(res.statusCode).toBe(400);
    const body = CentralErrorBody.parse(res.json());
    expect(body.error.code).toBe('invalid_request');
    const details = body.error.details as { in: string; issues: { path: string }[] };
    expect(details.in).toBe('body');
    const paths = details.issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['/applicant/name', '/applicant/idNumber', '/submittedAt']));
    expect(await database().count('cases')).toBe(0);
  });

  it('requires a uuid-ish Idempotency-Key', async () => {
    const missing = await api.app.inject({ method: 'POST', url: '/v1/cases', headers: terminalAuth, payload: sampleCase() });
    expect(missing.statusCode).toBe(400);
    expect(CentralErrorBody.parse(missing.json()).error.details).toMatchObject({ in: 'headers' });
    const short = await submit('abc');
    expect(short.statusCode).toBe(400);
    expect(await database().count('cases')).toBe(0);
  });

  it('answers malformed JSON with 400 invalid_request', async () => {
    const res = await api.app.inject({
      method: 'POST',
      url: '/v1/cases',
      headers: { ...terminalAuth, 'idempotency-key': newKey(), 'content-type': 'application/json' },
      payload: '{"hallId":',
    });
    expect(res.statusCode).toBe(400);
    expect(CentralErrorBody.parse(res.json()).error.code).toBe('invalid_request');
  });

  it('returns the status record of a case, without personal data', async () => {
    const { caseNumber } = CreateCaseResponse.parse((await submit(newKey())).json());
    const res = await api.app.inject({ method: 'GET', url: `/v1/cases/${caseNumber}`, headers: terminalAuth });
    expect(res.statusCode).toBe(200);
    const record = CaseStatusRecord.parse(res.json());
    expect(record).toEqual({
      caseNumber,
      itemCode: 'GA-001',
      itemName: '居民身份证换领',
      status: 'submitted',
      statusHistory: [{ status: 'submitted', at: FIXED_NOW.toISOString() }],
    });
    expect(res.body).not.toContain('11010519491231002X');
  });

  it('answers 404 case_not_found for an unknown case and 404 not_found for an unknown route', async () => {
    const missing = await api.app.inject({ method: 'GET', url: '/v1/cases/HK20261127999999', headers: terminalAuth });
    expect(missing.statusCode).toBe(404);
    expect(CentralErrorBody.parse(missing.json()).error.code).toBe('case_not_found');

    const route = await api.app.inject({ method: 'GET', url: '/v1/nothing-here' });
    expect(route.statusCode).toBe(404);
    expect(CentralErrorBody.parse(route.json()).error.code).toBe('not_found');
  });

  it('serves health without a token', async () => {
    const res = await api.app.inject({ method: 'GET', url: '/v1/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });
});
