/**
 * Issue 18, hole "the feed URL comes from the terminal settings and may be http:": any
 * technician account, from any paired browser on the LAN, could point a kiosk at their own
 * update server. Now the feed changes only at the machine itself (the Electron shell's own
 * window: loopback plus its per-boot header), only to an https: folder, and every change is
 * audited with the old and new address.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SignInResponse } from '../../contracts/auth';
import { ClaimPairingResponse, PairingCode } from '../../contracts/pairing';
import { TerminalSettingsView } from '../../contracts/terminal-settings';
import { SHELL_HEADER } from '../../host/lan/shell-guard';
import { TEST_PIN, testStaffSeeds } from '../support/staff';
import { startTestHost, type TestHost } from '../support/test-host';

const SHELL_TOKEN = 'per-boot-shell-token-0123456789';
const LAN_BROWSER = '192.168.10.23';
const OLD_FEED = 'https://updates.hall.example/hall-kiosk/';
const EVIL_FEED = 'https://evil.example/hall-kiosk/';

describe('the update feed can be changed only at the machine itself, to https, audited', () => {
  let host: TestHost;
  beforeEach(async () => {
    host = await startTestHost({
      shellToken: SHELL_TOKEN,
      config: { staff: await testStaffSeeds(), lan: { enabled: true }, role: 'kiosk', terminalId: 'kiosk-01' },
    });
  });
  afterEach(async () => {
    await host.dispose();
  });

  const shell = { [SHELL_HEADER]: SHELL_TOKEN };
  const signIn = async (headers: Record<string, string>, remoteAddress = '127.0.0.1') => {
    const res = await host.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      headers,
      remoteAddress,
      payload: { staffNo: '8001', pin: TEST_PIN },
    });
    expect(res.statusCode, res.body).toBe(200);
    return `Bearer ${SignInResponse.parse(res.json()).token}`;
  };
  const settings = (url: string | null, name = 'kiosk-01') => ({
    role: 'kiosk',
    name,
    hallUrl: null,
    kiosk: {},
    updates: { url },
  });
  const save = (payload: object, headers: Record<string, string>, remoteAddress = '127.0.0.1') =>
    host.app.inject({ method: 'PUT', url: '/api/v1/terminal/settings', headers, remoteAddress, payload });
  const feed = async () =>
    TerminalSettingsView.parse((await host.app.inject({ url: '/api/v1/terminal/settings', headers: shell })).json()).updates.url;
  const feedAudits = () =>
    host.db.prepare("SELECT staff_id AS staffId, details FROM audit_log WHERE action = 'settings.update_feed'").all();

  /** A technician signed in on a paired browser elsewhere on the LAN. */
  const lanTechnician = async () => {
    const code = PairingCode.parse(
      (
        await host.app.inject({
          method: 'POST',
          url: '/api/v1/pairing/codes',
          headers: { ...shell, authorization: await signIn(shell) },
        })
      ).json(),
    ).code;
    const claim = await host.app.inject({
      method: 'POST',
      url: '/api/v1/pairing/claim',
      payload: { code, name: '二楼柜台', kind: 'counter' },
      remoteAddress: LAN_BROWSER,
    });
    const terminal = { 'x-terminal-token': ClaimPairingResponse.parse(claim.json()).token };
    return { ...terminal, authorization: await signIn(terminal, LAN_BROWSER) };
  };

  it('a technician at the machine (the shell’s window) sets an https feed; the change is audited, old → new', async () => {
    const technician = { ...shell, authorization: await signIn(shell) };
    expect((await save(settings(OLD_FEED), technician)).statusCode).toBe(200);
    const res = await save(settings(EVIL_FEED.replace('evil', 'new')), technician);
    expect(res.statusCode, res.body).toBe(200);
    expect(await feed()).toBe('https://new.example/hall-kiosk/');
    const rows = feedAudits() as { staffId: number; details: string }[];
    expect(rows.map((r) => JSON.parse(r.details))).toEqual([
      { from: null, to: OLD_FEED },
      { from: OLD_FEED, to: 'https://new.example/hall-kiosk/' },
    ]);
    expect(rows.every((r) => r.staffId !== null)).toBe(true);
  });

  it('refuses a LAN technician (paired browser) changing the feed: 403, the feed stays', async () => {
    const technician = { ...shell, authorization: await signIn(shell) };
    expect((await save(settings(OLD_FEED), technician)).statusCode).toBe(200);
    const remote = await lanTechnician();
    const res = await save(settings(EVIL_FEED), remote, LAN_BROWSER);
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ error: { code: 'update_feed_local_only' } });
    expect((await save(settings(null), remote, LAN_BROWSER)).statusCode).toBe(403);
    expect(await feed()).toBe(OLD_FEED);
    // The rest of the settings are still theirs to change, the feed left as it is.
    expect((await save(settings(OLD_FEED, '一楼自助机'), remote, LAN_BROWSER)).statusCode).toBe(200);
    expect(feedAudits()).toHaveLength(1);
  });

  it('refuses another program on this machine with a technician’s token but without the shell’s header', async () => {
    const token = await signIn(shell);
    const res = await save(settings(EVIL_FEED), { authorization: token });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ error: { code: 'update_feed_local_only' } });
    expect(await feed()).toBeNull();
  });

  it('refuses an http: feed with an error naming the setting, even at the machine', async () => {
    const technician = { ...shell, authorization: await signIn(shell) };
    const res = await save(settings('http://192.168.1.10:8080/hall-kiosk/'), technician);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: { code: 'invalid_request' } });
    expect(JSON.stringify(res.json())).toContain('updates');
    expect(JSON.stringify(res.json())).toMatch(/https/);
    expect(await feed()).toBeNull();
    expect(feedAudits()).toHaveLength(0);
  });

  it('refuses the back door of a configuration import: the file’s feed never replaces this machine’s', async () => {
    const technician = { ...shell, authorization: await signIn(shell) };
    expect((await save(settings(OLD_FEED), technician)).statusCode).toBe(200);
    const remote = await lanTechnician();
    const exported = (
      await host.app.inject({ url: '/api/v1/config/export', headers: remote, remoteAddress: LAN_BROWSER })
    ).json() as {
      terminal: object;
    };
    const file = { ...exported, terminal: { ...exported.terminal, name: '导入的名字', updates: { url: EVIL_FEED } } };
    const res = await host.app.inject({
      method: 'POST',
      url: '/api/v1/config/import?dryRun=false',
      headers: remote,
      remoteAddress: LAN_BROWSER,
      payload: file,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ applied: true, terminalChanged: true });
    expect((await host.app.inject({ url: '/api/v1/terminal/settings', headers: shell })).json()).toMatchObject({
      name: '导入的名字',
    });
    expect(await feed()).toBe(OLD_FEED);
    expect(feedAudits()).toHaveLength(1);
  });
});
