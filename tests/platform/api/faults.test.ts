import { afterEach, describe, expect, it } from 'vitest';
import { CentralErrorBody, CreateCaseResponse, FaultState } from '../../../contracts/central-api';
import { FaultInjector } from '../../../platform/api/faults';
import type { Platform } from '../../../platform/server';
import { TERMINAL_TOKEN, adminAuth, newKey, sampleCase, startApi, terminalAuth } from '../support/platform';
import { describeEachDatabase } from '../support/each-database';

describeEachDatabase('platform: fault injection', (database) => {
  let api: Platform;

  afterEach(async () => {
    await api.close();
  });

  it('failRate 1 answers 503 injected_failure and stores nothing', async () => {
    api = await startApi(database(), { faults: { failRate: 1 } });
    const res = await api.app.inject({
      method: 'POST',
      url: '/v1/cases',
      headers: { ...terminalAuth, 'idempotency-key': newKey() },
      payload: sampleCase(),
    });
    expect(res.statusCode).toBe(503);
    expect(CentralErrorBody.parse(res.json()).error.code).toBe('injected_failure');
    expect(await database().count('cases')).toBe(0);

    // Health and admin routes stay reachable, so the operator can switch the fault off.
    expect((await api.app.inject({ method: 'GET', url: '/v1/health' })).statusCode).toBe(200);
    const off = await api.app.inject({ method: 'POST', url: '/v1/admin/faults', headers: adminAuth, payload: { failRate: 0 } });
    expect(off.statusCode).toBe(200);
    const retry = await api.app.inject({
      method: 'POST',
      url: '/v1/cases',
      headers: { ...terminalAuth, 'idempotency-key': newKey() },
      payload: sampleCase(),
    });
    expect(retry.statusCode).toBe(201);
  });

  it('still answers with latency injected (timing itself is not asserted)', async () => {
    api = await startApi(database(), { faults: { latencyMs: 1 } });
    const res = await api.app.inject({
      method: 'POST',
      url: '/v1/cases',
      headers: { ...terminalAuth, 'idempotency-key': newKey() },
      payload: sampleCase(),
    });
    expect(res.statusCode).toBe(201);
  });

  it('changes only the fields given and reports the state', async () => {
    api = await startApi(database(), { faults: { latencyMs: 5, failRate: 0.25 } });
    const res = await api.app.inject({
      method: 'POST',
      url: '/v1/admin/faults',
      headers: adminAuth,
      payload: { dropResponseAfterCommitRate: 0.5, seed: 42 },
    });
    expect(res.statusCode).toBe(200);
    expect(FaultState.parse(res.json())).toEqual({ latencyMs: 5, failRate: 0.25, dropResponseAfterCommitRate: 0.5, seed: 42 });

    const read = await api.app.inject({ method: 'GET', url: '/v1/admin/faults', headers: adminAuth });
    expect(read.json()).toEqual(res.json());

    const invalid = await api.app.inject({
      method: 'POST',
      url: '/v1/admin/faults',
      headers: adminAuth,
      payload: { failRate: 2 },
    });
    expect(invalid.statusCode).toBe(400);
    const asTerminal = await api.app.inject({ method: 'POST', url: '/v1/admin/faults', headers: terminalAuth, payload: {} });
    expect(asTerminal.statusCode).toBe(401);
  });

  it('a dropped response after commit is recovered by retrying with the same key', async () => {
    api = await startApi(database(), { faults: { dropResponseAfterCommitRate: 1 } });
    await api.app.listen({ host: '127.0.0.1', port: 0 });
    const address = api.app.server.address();
    if (address === null || typeof address === 'string') throw new Error('expected a TCP address');
    const url = `http://127.0.0.1:${address.port}/v1/cases`;
    const key = newKey();
    const post = () =>
      fetch(url, {
        method: 'POST',
        headers: { authorization: `Bearer ${TERMINAL_TOKEN}`, 'idempotency-key': key, 'content-type': 'application/json' },
        body: JSON.stringify(sampleCase()),
      });

    await expect(post()).rejects.toThrow();
    expect(await database().count('cases')).toBe(1);

    // Drops apply to new commits only, so the retry is answered: the original case, 200.
    const retry = await post();
    expect(retry.status).toBe(200);
    const replayed = CreateCaseResponse.parse(await retry.json());
    expect(replayed.caseNumber).toBe('HK20261127000001');
    expect(await database().count('cases')).toBe(1);
  });
});

describe('FaultInjector', () => {
  const draws = (injector: FaultInjector, n: number) => Array.from({ length: n }, () => injector.shouldFail());

  it('is deterministic for a given seed, and a new seed restarts the sequence', () => {
    const a = new FaultInjector({ failRate: 0.5, seed: 7 });
    const b = new FaultInjector({ failRate: 0.5, seed: 7 });
    const first = draws(a, 64);
    expect(draws(b, 64)).toEqual(first);
    expect(first).toContain(true);
    expect(first).toContain(false);
    a.configure({ seed: 7 });
    expect(draws(a, 64)).toEqual(first);
    expect(draws(new FaultInjector({ failRate: 0.5, seed: 8 }), 64)).not.toEqual(first);
  });

  it('never fires at rate 0 and always at rate 1', () => {
    const injector = new FaultInjector({ seed: 1 });
    expect(draws(injector, 100).every((x) => !x)).toBe(true);
    injector.configure({ failRate: 1 });
    expect(draws(injector, 100).every((x) => x)).toBe(true);
  });
});
