import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CentralClient } from '../../../host/sync/central-client';
import { adminAuth, newKey, sampleCase } from '../../platform/support/platform';
import { listenCentral, token } from './support';
import type { ListeningApi } from './support';

let central: ListeningApi;
let client: CentralClient;

beforeEach(async () => {
  central = await listenCentral();
  client = new CentralClient({ baseUrl: central.baseUrl, token, timeoutMs: 2_000 });
});
afterEach(async () => {
  await central.close();
});

const setFaults = (faults: object) =>
  central.api.app.inject({ method: 'POST', url: '/v1/admin/faults', headers: adminAuth, payload: faults });

describe('CentralClient against the district platform', () => {
  it('submits a case (201) and replays it for the same key (200)', async () => {
    const key = newKey();
    const first = await client.submitCase(key, sampleCase());
    expect(first).toMatchObject({ ok: true, status: 201, body: { caseNumber: 'HK20261127000001', status: 'submitted' } });
    const again = await client.submitCase(key, sampleCase());
    expect(again).toMatchObject({ ok: true, status: 200, body: { caseNumber: 'HK20261127000001' } });
  });

  it('maps a key reused with a different body (409) to permanent', async () => {
    const key = newKey();
    await client.submitCase(key, sampleCase());
    const conflict = await client.submitCase(key, sampleCase({ itemCode: 'GA-002' }));
    expect(conflict).toEqual({
      ok: false,
      kind: 'permanent',
      status: 409,
      code: 'idempotency_conflict',
      message: 'HTTP 409 idempotency_conflict',
    });
  });

  it('maps a validation failure (400) to permanent, without echoing the body', async () => {
    const bad = { ...sampleCase(), applicant: { name: '张三', idNumber: '' } };
    const result = await client.submitCase(newKey(), bad);
    expect(result).toEqual({
      ok: false,
      kind: 'permanent',
      status: 400,
      code: 'invalid_request',
      message: 'HTTP 400 invalid_request',
    });
  });

  it('maps an injected 503 to retryable', async () => {
    await setFaults({ failRate: 1 });
    const result = await client.submitCase(newKey(), sampleCase());
    expect(result).toMatchObject({ ok: false, kind: 'retryable', status: 503, code: 'injected_failure' });
  });

  it('maps a wrong token (401) to retryable: a technician fixes it, the entries must survive', async () => {
    const wrong = new CentralClient({ baseUrl: central.baseUrl, token: 'not-a-token' });
    expect(await wrong.submitCase(newKey(), sampleCase())).toMatchObject({
      ok: false,
      kind: 'retryable',
      status: 401,
      code: 'unauthorized',
    });
  });

  it('maps a response dropped after commit to retryable, and the retry gets the committed case', async () => {
    await setFaults({ dropResponseAfterCommitRate: 1 });
    const key = newKey();
    const dropped = await client.submitCase(key, sampleCase());
    expect(dropped).toMatchObject({ ok: false, kind: 'retryable' });
    expect(dropped.ok ? undefined : dropped.status).toBeUndefined();
    const retry = await client.submitCase(key, sampleCase());
    expect(retry).toMatchObject({ ok: true, status: 200, body: { caseNumber: 'HK20261127000001' } });
  });

  it('maps a timeout to retryable', async () => {
    await setFaults({ latencyMs: 1_000 });
    const impatient = new CentralClient({ baseUrl: central.baseUrl, token, timeoutMs: 50 });
    expect(await impatient.changes('0')).toEqual({ ok: false, kind: 'retryable', message: 'timed out' });
  });

  it('maps an unreachable server to retryable', async () => {
    const baseUrl = central.baseUrl;
    await central.api.close();
    const result = await new CentralClient({ baseUrl, token }).changes('0');
    expect(result).toMatchObject({ ok: false, kind: 'retryable' });
    expect(result.ok ? '' : result.message).toMatch(/^network error/);
  });

  it('maps a reply that breaks the contract to retryable (stand-in server: a fetch returning a bad body)', async () => {
    const fake = new CentralClient({
      baseUrl: 'http://central.invalid',
      token,
      fetch: () => Promise.resolve(new Response(JSON.stringify({ caseNumber: 'nope' }), { status: 201 })),
    });
    expect(await fake.submitCase(newKey(), sampleCase())).toMatchObject({ ok: false, kind: 'retryable', status: 201 });
  });

  it('reads the change feed', async () => {
    await client.submitCase(newKey(), sampleCase());
    const page = await client.changes('0', 10);
    expect(page).toMatchObject({ ok: true, body: { nextCursor: '1', changes: [{ cursor: '1', status: 'submitted' }] } });
    expect(await client.changes('1')).toMatchObject({ ok: true, body: { changes: [], nextCursor: '1' } });
  });
});
