import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Platform } from '../../../platform/server';
import { startApi, terminalAuth } from '../support/platform';
import { describeEachDatabase } from '../support/each-database';

describeEachDatabase('platform: OpenAPI', (database) => {
  let api: Platform;

  // Per test: the database is emptied before each, and the demo hall the token signs in as with it.
  beforeEach(async () => {
    api = await startApi(database());
  });
  afterEach(async () => {
    await api.close();
  });

  it('publishes the routes with their schemas', async () => {
    const res = await api.app.inject({ method: 'GET', url: '/v1/openapi.json', headers: terminalAuth });
    expect(res.statusCode).toBe(200);
    const doc = res.json() as { openapi: string; paths: Record<string, Record<string, { requestBody?: unknown }>> };
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/v1/cases',
        '/v1/cases/changes',
        '/v1/cases/{caseNumber}',
        '/v1/admin/cases/{caseNumber}/status',
        '/v1/health',
      ]),
    );
    expect(doc.paths['/v1/cases']?.post?.requestBody).toBeDefined();
    expect(doc.paths['/v1/openapi.json']).toBeUndefined();
  });

  it('needs a token like every /v1 route but health', async () => {
    const res = await api.app.inject({ method: 'GET', url: '/v1/openapi.json' });
    expect(res.statusCode).toBe(401);
  });
});
