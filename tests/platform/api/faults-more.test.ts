import { afterEach, describe, expect, it } from 'vitest';
import { CreateCaseResponse, EvaluationRecord, FaultState, QueueStatsResponse } from '../../../contracts/central-api';
import { FaultInjector } from '../../../platform/api/faults';
import type { Platform } from '../../../platform/server';
import { listenOnPort, sampleEvaluation, sampleStats } from '../support/samples';
import { TERMINAL_TOKEN, adminAuth, newKey, sampleCase, startApi, terminalAuth } from '../support/platform';
import { describeEachDatabase } from '../support/each-database';

describeEachDatabase('platform: timeout, reset, slow and duplicate faults', (database) => {
  let api: Platform;

  afterEach(async () => {
    await api.close();
  });

  const postJson = (url: string, key: string, body: object, signal?: AbortSignal) =>
    fetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${TERMINAL_TOKEN}`, 'idempotency-key': key, 'content-type': 'application/json' },
      body: JSON.stringify(body),
      ...(signal === undefined ? {} : { signal }),
    });

  it('timeoutRate 1 never answers until the client gives up, and commits nothing', async () => {
    api = await startApi(database(), { faults: { timeoutRate: 1 } });
    const base = await listenOnPort(api);
    const controller = new AbortController();
    const pending = postJson(`${base}/v1/evaluations`, newKey(), sampleEvaluation(), controller.signal);
    // Reads still hang too: the fault applies to every terminal route.
    const read = fetch(`${base}/v1/catalog`, {
      headers: { authorization: `Bearer ${TERMINAL_TOKEN}` },
      signal: controller.signal,
    });
    // Admin routes answer meanwhile, so the server is not simply stuck.
    const admin = await fetch(`${base}/v1/admin/faults`, { headers: adminAuth });
    expect(FaultState.parse(await admin.json()).timeoutRate).toBe(1);
    controller.abort();
    await expect(pending).rejects.toThrow();
    await expect(read).rejects.toThrow();
    expect(await database().count('evaluations')).toBe(0);
  });

  it('a held request does not keep the server from closing', async () => {
    api = await startApi(database(), { faults: { timeoutRate: 1 } });
    const base = await listenOnPort(api);
    const pending = postJson(`${base}/v1/cases`, newKey(), sampleCase()).then(
      (res) => res.status,
      () => 'reset' as const,
    );
    await fetch(`${base}/v1/admin/faults`, { headers: adminAuth });
    // close() must resolve. The held request is then reset, or, if it reached the server only
    // after closing began, refused with 503; either way nothing is committed.
    await api.close();
    expect([503, 'reset']).toContain(await pending);
    expect(await database().count('cases')).toBe(0);
  });

  it('a held socket is released after timeoutHoldMs', async () => {
    api = await startApi(database(), { faults: { timeoutRate: 1 }, timeoutHoldMs: 20 });
    const base = await listenOnPort(api);
    await expect(postJson(`${base}/v1/cases`, newKey(), sampleCase())).rejects.toThrow();
    expect(await database().count('cases')).toBe(0);
  });

  it('resetRate 1 destroys the socket before anything is committed', async () => {
    api = await startApi(database(), { faults: { resetRate: 1 } });
    const base = await listenOnPort(api);
    await expect(postJson(`${base}/v1/cases`, newKey(), sampleCase())).rejects.toThrow();
    await expect(postJson(`${base}/v1/queue-stats`, newKey(), sampleStats())).rejects.toThrow();
    expect(await database().count('cases')).toBe(0);
    expect(await database().count('queue_stats')).toBe(0);

    await api.app.inject({ method: 'POST', url: '/v1/admin/faults', headers: adminAuth, payload: { resetRate: 0 } });
    expect((await postJson(`${base}/v1/cases`, newKey(), sampleCase())).status).toBe(201);
  });

  it('slowMs delays the answer but still answers (timing not asserted)', async () => {
    api = await startApi(database(), { faults: { slowMs: 1 } });
    const res = await api.app.inject({
      method: 'POST',
      url: '/v1/queue-stats',
      headers: { ...terminalAuth, 'idempotency-key': newKey() },
      payload: sampleStats(),
    });
    expect(res.statusCode).toBe(201);
  });

  it.each([
    ['/v1/evaluations', sampleEvaluation(), 'evaluations', EvaluationRecord],
    ['/v1/queue-stats', sampleStats(), 'queue_stats', QueueStatsResponse],
    ['/v1/cases', sampleCase(), 'cases', CreateCaseResponse],
  ] as const)(
    'duplicateResponseRate 1 on %s: one commit, the replayed answer, and a retry that matches',
    async (url, body, table, schema) => {
      api = await startApi(database(), { faults: { duplicateResponseRate: 1 } });
      const base = await listenOnPort(api);
      const key = newKey();
      const first = await postJson(`${base}${url}`, key, body);
      // The client hears the duplicate's answer: a replay of what the first delivery committed.
      expect(first.status).toBe(200);
      const result = schema.parse(await first.json());
      expect(await database().count(table)).toBe(1);

      const retry = await postJson(`${base}${url}`, key, body);
      expect(retry.status).toBe(200);
      expect(schema.parse(await retry.json())).toEqual(result);
      expect(await database().count(table)).toBe(1);
    },
  );

  it('reports the new fault fields once set, and keeps the others', async () => {
    api = await startApi(database(), { faults: { failRate: 0.1 } });
    const res = await api.app.inject({
      method: 'POST',
      url: '/v1/admin/faults',
      headers: adminAuth,
      payload: { timeoutRate: 0.2, resetRate: 0.3, slowMs: 40, duplicateResponseRate: 0.4, seed: 3 },
    });
    expect(FaultState.parse(res.json())).toEqual({
      latencyMs: 0,
      failRate: 0.1,
      dropResponseAfterCommitRate: 0,
      timeoutRate: 0.2,
      resetRate: 0.3,
      slowMs: 40,
      duplicateResponseRate: 0.4,
      seed: 3,
    });
    const invalid = await api.app.inject({
      method: 'POST',
      url: '/v1/admin/faults',
      headers: adminAuth,
      payload: { resetRate: -1 },
    });
    expect(invalid.statusCode).toBe(400);
  });
});

describe('FaultInjector: new modes', () => {
  it('draws timeouts, resets and duplicates deterministically for a seed', () => {
    const config = { timeoutRate: 0.5, resetRate: 0.5, duplicateResponseRate: 0.5, seed: 11 };
    const run = (injector: FaultInjector) =>
      Array.from({ length: 32 }, () => [injector.shouldReset(), injector.shouldTimeout(), injector.shouldDuplicate()]);
    const first = run(new FaultInjector(config));
    expect(run(new FaultInjector(config))).toEqual(first);
    expect(first.flat()).toContain(true);
    expect(first.flat()).toContain(false);
  });

  it('defaults the new modes to off', () => {
    const injector = new FaultInjector({ seed: 1 });
    expect(injector.slowMs).toBe(0);
    expect(
      Array.from({ length: 50 }, () => injector.shouldTimeout() || injector.shouldReset() || injector.shouldDuplicate()),
    ).not.toContain(true);
  });
});
