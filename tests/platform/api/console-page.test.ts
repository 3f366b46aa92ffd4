import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, expect, it } from 'vitest';
import { CONSOLE_PAGE_CSP } from '../../../platform/api/console-page';
import type { Platform } from '../../../platform/server';
import { describeEachDatabase } from '../support/each-database';
import { startApi, terminalAuth } from '../support/platform';

const built = mkdtempSync(join(tmpdir(), 'platform-renderer-'));
mkdirSync(join(built, 'assets'));
writeFileSync(join(built, 'district.html'), '<!doctype html><title>区级政务服务平台</title>');
writeFileSync(join(built, 'assets/district-abc.js'), 'console.log(1);');
writeFileSync(join(built, 'complaint.html'), '<!doctype html><title>营商环境诉求</title>');
afterAll(() => rmSync(built, { recursive: true, force: true }));

describeEachDatabase('platform: the console page on its own origin', (database) => {
  let api: Platform;
  beforeEach(async () => {
    api = await startApi(database(), { rendererDir: built });
  });
  afterEach(async () => {
    await api.close();
  });

  it('serves the page with its policy, and the assets cached for good', async () => {
    const page = await api.app.inject({ method: 'GET', url: '/district' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.headers['content-security-policy']).toBe(CONSOLE_PAGE_CSP);
    expect(page.headers['x-frame-options']).toBe('DENY');
    expect(page.body).toContain('区级政务服务平台');
    const root = await api.app.inject({ method: 'GET', url: '/' });
    expect([root.statusCode, root.headers.location]).toEqual([302, '/district']);
    const asset = await api.app.inject({ method: 'GET', url: '/assets/district-abc.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toContain('immutable');
    expect((await api.app.inject({ method: 'GET', url: '/assets/../district.html' })).statusCode).not.toBe(200);
    expect((await api.app.inject({ method: 'GET', url: '/assets/nothing.js' })).statusCode).toBe(404);
  });

  it('serves the public complaint form’s page under the same policy, never framed', async () => {
    const page = await api.app.inject({ method: 'GET', url: '/complaint' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-security-policy']).toBe(CONSOLE_PAGE_CSP);
    expect(page.headers['x-frame-options']).toBe('DENY');
    expect(page.body).toContain('营商环境诉求');
  });

  it('keeps the API as it was, and serves no page without a renderer', async () => {
    expect((await api.app.inject({ method: 'GET', url: '/v1/health' })).statusCode).toBe(200);
    expect((await api.app.inject({ method: 'GET', url: '/v1/catalog', headers: terminalAuth })).statusCode).toBe(200);
    const bare = await startApi(database());
    try {
      expect((await bare.app.inject({ method: 'GET', url: '/district' })).statusCode).toBe(404);
      expect((await bare.app.inject({ method: 'GET', url: '/complaint' })).statusCode).toBe(404);
    } finally {
      await bare.close();
    }
  });
});
