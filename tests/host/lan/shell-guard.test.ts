import Fastify from 'fastify';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HostConfig } from '../../../contracts/config';
import { createHost, type Host } from '../../../host/app';
import { installErrorHandling } from '../../../host/api/errors';
import { installShellGuard, SHELL_HEADER, sameToken } from '../../../host/lan/shell-guard';
import { signIn, TEST_PIN, testStaffSeeds } from '../../support/staff';
import { ALL_DAY_HOURS, migrationsDir } from '../../support/test-host';

const TOKEN = 'per-boot-token-0123456789abcdef';
const LAN_CLIENT = '192.168.10.23';

describe('the shell guard (a plain Fastify app)', () => {
  const build = async () => {
    const app = Fastify();
    installErrorHandling(app);
    installShellGuard(app, {
      token: TOKEN,
      isStaffToken: (token) => token === 'staff-ok',
      isTerminalToken: (token) => token === 'terminal-ok',
    });
    app.get('/api/v1/thing', async () => ({ ok: true }));
    await app.ready();
    return app;
  };

  it('refuses loopback requests without the shell header, admits them with it', async () => {
    const app = await build();
    expect((await app.inject({ url: '/api/v1/thing' })).statusCode).toBe(403);
    expect((await app.inject({ url: '/api/v1/thing', remoteAddress: '::1' })).statusCode).toBe(403);
    expect((await app.inject({ url: '/api/v1/thing', headers: { [SHELL_HEADER]: 'wrong' } })).statusCode).toBe(403);
    expect((await app.inject({ url: '/api/v1/thing', headers: { [SHELL_HEADER]: '' } })).statusCode).toBe(403);
    expect((await app.inject({ url: '/api/v1/thing', headers: { [SHELL_HEADER]: TOKEN } })).statusCode).toBe(200);
    await app.close();
  });

  it('admits a live staff bearer token or a paired terminal token instead of the header', async () => {
    const app = await build();
    const get = (headers: Record<string, string>) => app.inject({ url: '/api/v1/thing', headers });
    expect((await get({ authorization: 'Bearer staff-ok' })).statusCode).toBe(200);
    expect((await get({ authorization: 'Bearer staff-expired' })).statusCode).toBe(403);
    expect((await get({ 'x-terminal-token': 'terminal-ok' })).statusCode).toBe(200);
    expect((await get({ cookie: 'hk_terminal=terminal-ok' })).statusCode).toBe(200);
    expect((await get({ 'x-terminal-token': 'revoked' })).statusCode).toBe(403);
    await app.close();
  });

  it('leaves requests from other machines to the LAN guard', async () => {
    const app = await build();
    expect((await app.inject({ url: '/api/v1/thing', remoteAddress: LAN_CLIENT })).statusCode).toBe(200);
    await app.close();
  });

  it('compares tokens in constant time over their hashes (any length)', () => {
    expect(sameToken(TOKEN, TOKEN)).toBe(true);
    expect(sameToken(`${TOKEN}x`, TOKEN)).toBe(false);
    expect(sameToken('', TOKEN)).toBe(false);
  });
});

describe('a host started by the Electron shell (shellToken set)', () => {
  let dataDir: string;
  let host: Host;
  const start = async (shellToken: string | undefined) => {
    dataDir = mkdtempSync(join(tmpdir(), 'hall-kiosk-shell-'));
    // A stand-in renderer: the guard and the page headers do not depend on the real build.
    const rendererDir = join(dataDir, 'renderer');
    mkdirRenderer(rendererDir);
    host = await createHost({
      environment: 'test',
      config: HostConfig.parse({ hours: ALL_DAY_HOURS, staff: await testStaffSeeds(), devices: [] }),
      migrationsDir,
      rendererDir,
      dbFile: join(dataDir, 'hall.sqlite'),
      logLevel: 'silent',
      ...(shellToken === undefined ? {} : { shellToken }),
    });
  };
  afterEach(async () => {
    await host.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves its pages and API to the shell only, and to signed-in staff', async () => {
    await start(TOKEN);
    const shell = { [SHELL_HEADER]: TOKEN };
    expect((await host.app.inject({ url: '/api/v1/health' })).statusCode).toBe(403);
    expect((await host.app.inject({ url: '/kiosk' })).statusCode).toBe(403);
    expect((await host.app.inject({ url: '/api/v1/health', headers: shell })).statusCode).toBe(200);
    expect((await host.app.inject({ url: '/kiosk', headers: shell })).statusCode).toBe(200);
    // Sign-in itself goes through the shell's window; the token then works on its own.
    const signInRes = await host.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      headers: shell,
      payload: { staffNo: '8001', pin: TEST_PIN },
    });
    expect(signInRes.statusCode).toBe(200);
    const token = (signInRes.json() as { token: string }).token;
    const me = await host.app.inject({ url: '/api/v1/auth/me', headers: { authorization: `Bearer ${token}` } });
    expect(me.statusCode).toBe(200);
  });

  it('keeps the loopback open without a token (npm start, the Chromium fallback)', async () => {
    await start(undefined);
    expect((await host.app.inject({ url: '/api/v1/health' })).statusCode).toBe(200);
    expect((await signIn(host.app, '8001')).authorization).toMatch(/^Bearer /);
  });

  it('sends the renderer policy with every page', async () => {
    await start(undefined);
    const page = await host.app.inject({ url: '/display', headers: { host: '127.0.0.1:7300' } });
    expect(page.statusCode).toBe(200);
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("connect-src 'self' ws://127.0.0.1:7300 wss://127.0.0.1:7300");
    expect(csp).not.toContain('unsafe-eval');
  });
});

function mkdirRenderer(dir: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>stand-in</title>');
}
