import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Platform } from '../../../platform/server';
import { adminAuth, startApi } from '../support/platform';
import { describeEachDatabase } from '../support/each-database';

describeEachDatabase('platform: OpenAPI for catalog, evaluations, stats, appointments, notices', (database) => {
  let api: Platform;

  beforeAll(async () => {
    api = await startApi(database());
  });
  afterAll(async () => {
    await api.close();
  });

  it('publishes every new route with its security scheme', async () => {
    const res = await api.app.inject({ method: 'GET', url: '/v1/openapi.json', headers: adminAuth });
    expect(res.statusCode).toBe(200);
    type Operation = { security?: Record<string, unknown>[]; requestBody?: unknown; parameters?: { name: string }[] };
    const doc = res.json() as { paths: Record<string, Record<string, Operation>> };
    const op = (path: string, method: string) => doc.paths[path]?.[method];

    expect(op('/v1/catalog', 'get')?.security).toEqual([{ terminalToken: [] }]);
    expect(op('/v1/admin/catalog', 'put')?.security).toEqual([{ adminToken: [] }]);
    expect(op('/v1/evaluations', 'post')?.requestBody).toBeDefined();
    expect(op('/v1/evaluations', 'post')?.parameters?.map((p) => p.name)).toContain('idempotency-key');
    expect(op('/v1/admin/evaluations', 'get')).toBeDefined();
    expect(op('/v1/queue-stats', 'post')?.requestBody).toBeDefined();
    expect(op('/v1/appointments', 'get')?.parameters?.map((p) => p.name)).toEqual(expect.arrayContaining(['hall', 'date']));
    expect(op('/v1/admin/appointments', 'post')).toBeDefined();
    expect(op('/v1/notices', 'get')).toBeDefined();
    expect(op('/v1/admin/notices', 'post')).toBeDefined();
    expect(op('/v1/live', 'put')?.security).toEqual([{ terminalToken: [] }]);
    expect(op('/v1/live/nearby', 'get')?.parameters?.map((p) => p.name)).toEqual(expect.arrayContaining(['hall', 'service']));
    expect(op('/v1/console/live', 'get')?.security).toEqual([{ consoleSession: [] }, { adminToken: [] }]);
    // The hall registry's changes: the operator token or a district admin's session.
    expect(op('/v1/admin/halls/{hallId}/credentials', 'post')?.security).toEqual([{ adminToken: [] }, { consoleSession: [] }]);
  });
});
