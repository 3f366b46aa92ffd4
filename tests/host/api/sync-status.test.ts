import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SyncStatus } from '../../../contracts/sync';
import { signIn, testStaffSeeds } from '../../support/staff';
import { startTestHost, type TestHost } from '../../support/test-host';
import { waitFor } from '../../support/wait';

/** A host whose central API is unreachable: a submitted case waits, and the technician sees why. */
describe('GET /api/v1/sync/status', () => {
  let host: TestHost;
  beforeAll(async () => {
    host = await startTestHost({
      // Port 9 (discard) on loopback: nothing answers, as when the province's network is down.
      // The hall's breaker settings come from the config: one failure opens it for an hour.
      config: {
        staff: await testStaffSeeds(),
        centralApi: { url: 'http://127.0.0.1:9', token: 't' },
        sync: { breaker: { failureThreshold: 1, openMs: 3_600_000 } },
      },
    });
  });
  afterAll(async () => {
    await host.dispose();
  });

  it('is for technicians and supervisors only', async () => {
    expect((await host.app.inject({ url: '/api/v1/sync/status' })).statusCode).toBe(401);
    const staff = await signIn(host.app, '1001');
    expect((await host.app.inject({ url: '/api/v1/sync/status', headers: staff })).statusCode).toBe(403);
  });

  it('shows a submitted case pending, with the last error, while the central API is down', async () => {
    host.devices.placeSimulatedCard('zhangSan');
    await waitFor(() => host.identity.view() ?? undefined, 'identity');
    const catalog = (await host.app.inject({ url: '/api/v1/catalog' })).json() as { items: { code: string; category: string }[] };
    const item = catalog.items.find((i) => i.category === 'livelihood');
    const submitted = await host.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      payload: { itemCode: item?.code, form: { phone: '13800000000', address: '示例路1号', residenceAddress: '示例路2号' } },
    });
    expect(submitted.statusCode).toBe(201);
    const tech = await signIn(host.app, '8001');
    const status = await waitFor(
      async () => {
        const s = SyncStatus.parse((await host.app.inject({ url: '/api/v1/sync/status', headers: tech })).json());
        return s.lastError !== null ? s : undefined;
      },
      'a failed delivery attempt',
      10_000,
    );
    expect(status.pending).toBe(1);
    expect(status.lastSuccessAt).toBeNull();
    expect(status.lastError).not.toContain('张');
    // The case itself is listed with its own state and next try; the open breaker holds it back.
    const caseId = (submitted.json() as { case: { id: string } }).case.id;
    expect(status.records).toEqual([
      expect.objectContaining({ kind: 'case', recordId: caseId, state: 'pending', attempts: expect.any(Number) }),
    ]);
    expect(status.records[0]?.nextAttemptAt).not.toBeNull();
    expect(JSON.stringify(status.records)).not.toMatch(/张|110105/);
    expect(status.breaker).toBe('open');
  });
});
