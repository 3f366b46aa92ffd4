import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HostConfig } from '../../../contracts/config';
import { ClaimPairingResponse, PairingCode, TerminalList } from '../../../contracts/pairing';
import { signIn, testStaffSeeds } from '../../support/staff';
import { startTestHost, type TestHost } from '../../support/test-host';
import { ManualClock } from '../sync/support';

const LAN_CLIENT = '192.168.10.23';

describe('the LAN API', () => {
  it('is off by default; the plain-http listener never leaves this machine, the LAN is its own (HTTPS) listener', () => {
    expect(HostConfig.parse({}).lan.enabled).toBe(false);
    expect(HostConfig.safeParse({ listen: { host: '0.0.0.0' } }).success).toBe(false);
    expect(HostConfig.safeParse({ listen: { host: '0.0.0.0' }, lan: { enabled: true } }).success).toBe(false);
    expect(HostConfig.safeParse({ lan: { enabled: true, host: '0.0.0.0' } }).success).toBe(true);
  });
});

describe('pairing terminals with the hall (LAN API on)', () => {
  let host: TestHost;
  let clock: ManualClock;
  beforeEach(async () => {
    clock = new ManualClock(Date.now());
    host = await startTestHost({ clock, config: { staff: await testStaffSeeds(), lan: { enabled: true } } });
  });
  afterEach(async () => {
    await host.dispose();
  });

  const fromLan = (url: string, headers: Record<string, string> = {}) =>
    host.app.inject({ method: 'GET', url, headers, remoteAddress: LAN_CLIENT });
  const newCode = async () => {
    const tech = await signIn(host.app, '8001');
    const res = await host.app.inject({ method: 'POST', url: '/api/v1/pairing/codes', headers: tech });
    expect(res.statusCode).toBe(201);
    return PairingCode.parse(res.json()).code;
  };
  const claim = (code: string, kind: 'counter' | 'host' = 'host') =>
    host.app.inject({
      method: 'POST',
      url: '/api/v1/pairing/claim',
      payload: { code, name: '二楼叫号屏', kind },
      remoteAddress: LAN_CLIENT,
    });

  it('refuses every LAN request of an unpaired client, while this machine itself is served as before', async () => {
    const lan = await fromLan('/api/v1/services');
    expect(lan.statusCode).toBe(401);
    expect(lan.json()).toMatchObject({ error: { code: 'terminal_unpaired' } });
    expect((await fromLan('/api/v1/health')).statusCode).toBe(401);
    // Even a staff sign-in needs a paired terminal first.
    const signInFromLan = await host.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { staffNo: '1001', pin: '246810' },
      remoteAddress: LAN_CLIENT,
    });
    expect(signInFromLan.statusCode).toBe(401);
    expect((await host.app.inject({ url: '/api/v1/services' })).statusCode).toBe(200);
    // The hall CA and its fingerprint are public: a browser installs the CA before it can pair.
    const ca = await fromLan('/api/v1/lan/ca-certificate');
    expect(ca.statusCode).toBe(200);
    expect(ca.headers['content-type']).toContain('application/x-pem-file');
    expect(ca.body).toMatch(/^-----BEGIN CERTIFICATE-----/);
    expect((await fromLan('/api/v1/lan/tls')).json()).toMatchObject({ caFingerprint: expect.stringMatching(/^[0-9A-F:]{95}$/) });
  });

  it('only technicians create codes; a code pairs one terminal once, whose token then opens the API', async () => {
    expect((await host.app.inject({ method: 'POST', url: '/api/v1/pairing/codes' })).statusCode).toBe(401);
    const staff = await signIn(host.app, '1001');
    expect((await host.app.inject({ method: 'POST', url: '/api/v1/pairing/codes', headers: staff })).statusCode).toBe(403);

    const code = await newCode();
    const paired = await claim(code);
    expect(paired.statusCode).toBe(201);
    const { token, terminalId } = ClaimPairingResponse.parse(paired.json());
    expect((await fromLan('/api/v1/services', { 'x-terminal-token': token })).statusCode).toBe(200);

    const again = await claim(code);
    expect(again.statusCode).toBe(401);
    expect(again.json()).toMatchObject({ error: { code: 'pairing_invalid' } });

    // The technician sees it, revokes it, and its token stops working.
    const tech = await signIn(host.app, '8001');
    const list = TerminalList.parse((await host.app.inject({ url: '/api/v1/pairing/terminals', headers: tech })).json());
    expect(list.terminals).toEqual([
      expect.objectContaining({ id: terminalId, name: '二楼叫号屏', kind: 'host', revokedAt: null }),
    ]);
    const revoked = await host.app.inject({ method: 'DELETE', url: `/api/v1/pairing/terminals/${terminalId}`, headers: tech });
    expect(revoked.json()).toMatchObject({ revokedAt: expect.any(String) });
    expect((await fromLan('/api/v1/services', { 'x-terminal-token': token })).statusCode).toBe(401);
    // Only hashes are kept.
    const stored = host.db.prepare('SELECT token_hash AS t FROM terminals').get() as { t: string };
    expect(stored.t).not.toContain(token);
    expect(host.db.prepare('SELECT count(*) AS n FROM pairing_codes WHERE code_hash = ?').get(code)).toEqual({ n: 0 });
  });

  it('a browser gets its token as an HttpOnly cookie, which its later requests carry', async () => {
    const paired = await claim(await newCode(), 'counter');
    const cookie = String(paired.headers['set-cookie']);
    expect(cookie).toMatch(/^hk_terminal=[^;]+; Path=\/; HttpOnly; SameSite=Strict/);
    const value = cookie.split(';')[0] ?? '';
    expect((await fromLan('/api/v1/services', { cookie: value })).statusCode).toBe(200);
  });

  it('a code is worthless after ten minutes', async () => {
    const code = await newCode();
    clock.advance(10 * 60_000 + 1);
    const late = await claim(code);
    expect(late.statusCode).toBe(401);
    expect(late.json()).toMatchObject({ error: { code: 'pairing_invalid' } });
  });

  it('guessing codes is stopped after ten wrong tries a minute', async () => {
    await newCode();
    const codes: number[] = [];
    for (let i = 0; i < 11; i++) codes.push((await claim(String(100000 + i))).statusCode);
    expect(codes.slice(0, 10).every((c) => c === 401)).toBe(true);
    expect(codes[10]).toBe(429);
  });
});
