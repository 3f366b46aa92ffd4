/**
 * Issue 19, backups: a restore replaces the whole hall database, and the backup folder receives a
 * copy of it every night (personal data of cases included). Only technicians back up and restore
 * (supervisors read the list); the folder changes only at the machine itself, never from a paired
 * browser on the LAN, so a technician session used elsewhere cannot send the database to a share
 * of its choosing.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SignInResponse } from '../../contracts/auth';
import { ClaimPairingResponse, PairingCode } from '../../contracts/pairing';
import { TerminalSettingsView } from '../../contracts/terminal-settings';
import { SHELL_HEADER } from '../../host/lan/shell-guard';
import { TEST_PIN, testStaffSeeds } from '../support/staff';
import { startTestHost, type TestHost } from '../support/test-host';
import { LAN_CLIENT } from './support';

const SHELL_TOKEN = 'per-boot-shell-token-0123456789';

describe('backups: who may back up, restore and choose the folder', () => {
  let host: TestHost;
  let scratch: string;
  beforeEach(async () => {
    scratch = mkdtempSync(join(tmpdir(), 'backup-security-'));
    mkdirSync(join(scratch, 'usb'));
    host = await startTestHost({
      shellToken: SHELL_TOKEN,
      config: { staff: await testStaffSeeds(), lan: { enabled: true }, backup: { folder: join(scratch, 'usb') } },
    });
  });
  afterEach(async () => {
    await host.dispose();
    rmSync(scratch, { recursive: true, force: true });
  });

  const shell = { [SHELL_HEADER]: SHELL_TOKEN };
  const signIn = async (staffNo: string, headers: Record<string, string> = shell, remoteAddress = '127.0.0.1') => {
    const res = await host.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      headers,
      remoteAddress,
      payload: { staffNo, pin: TEST_PIN },
    });
    expect(res.statusCode, res.body).toBe(200);
    return { ...headers, authorization: `Bearer ${SignInResponse.parse(res.json()).token}` };
  };
  /** A paired counter PC on the LAN, a technician signed in on it. */
  const lanTechnician = async () => {
    const code = PairingCode.parse(
      (await host.app.inject({ method: 'POST', url: '/api/v1/pairing/codes', headers: await signIn('8001') })).json(),
    ).code;
    const claim = await host.app.inject({
      method: 'POST',
      url: '/api/v1/pairing/claim',
      payload: { code, name: '二楼柜台', kind: 'counter' },
      remoteAddress: LAN_CLIENT,
    });
    return signIn('8001', { 'x-terminal-token': ClaimPairingResponse.parse(claim.json()).token }, LAN_CLIENT);
  };
  const NAME = 'hall-kiosk-hall-01-20261206-023000.sqlite';
  const calls = [
    { method: 'POST' as const, url: '/api/v1/backups' },
    { method: 'POST' as const, url: `/api/v1/backups/${NAME}/restore-preview` },
    { method: 'POST' as const, url: `/api/v1/backups/${NAME}/restore`, payload: {} },
  ];

  it('only technicians back up and restore; supervisors read the list; nobody else reads it', async () => {
    for (const [who, expected] of [
      ['1001', 403],
      ['9001', 403],
    ] as const) {
      const headers = await signIn(who);
      for (const call of calls) {
        const res = await host.app.inject({ ...call, headers });
        expect([res.statusCode, res.json<{ error: { code: string } }>().error.code], `${who} ${call.url}`).toEqual([
          expected,
          'forbidden',
        ]);
      }
    }
    for (const call of calls) expect((await host.app.inject({ ...call, headers: shell })).statusCode, call.url).toBe(401);
    expect((await host.app.inject({ url: '/api/v1/backups', headers: await signIn('9001') })).statusCode).toBe(200);
    expect((await host.app.inject({ url: '/api/v1/backups', headers: await signIn('1001') })).statusCode).toBe(403);
    // The technician's calls go through (the named backup does not exist: 404, not a refusal).
    const technician = await signIn('8001');
    expect((await host.app.inject({ ...calls[0], headers: technician })).statusCode).toBe(200);
    expect((await host.app.inject({ ...calls[2], headers: technician })).statusCode).toBe(404);
  });

  it('the backup folder changes at the machine only: a LAN technician is refused, audited changes only from the shell', async () => {
    const read = async () =>
      TerminalSettingsView.parse((await host.app.inject({ url: '/api/v1/terminal/settings', headers: shell })).json());
    const before = await read();
    const elsewhere = { ...before, backup: { ...before.backup, folder: '/mnt/attacker-share' } };

    const remote = await host.app.inject({
      method: 'PUT',
      url: '/api/v1/terminal/settings',
      headers: await lanTechnician(),
      remoteAddress: LAN_CLIENT,
      payload: elsewhere,
    });
    expect([remote.statusCode, remote.json()]).toMatchObject([403, { error: { code: 'backup_folder_local_only' } }]);
    // A loopback request without the shell's header (another program of the kiosk's desktop user) neither.
    const token = (await signIn('8001')).authorization;
    const local = await host.app.inject({
      method: 'PUT',
      url: '/api/v1/terminal/settings',
      headers: { authorization: token },
      payload: elsewhere,
    });
    expect(local.statusCode).toBe(403);
    expect((await read()).backup.folder).toBe(before.backup.folder);
    // The time and the days kept are any technician's to change, from the LAN too.
    const timing = await host.app.inject({
      method: 'PUT',
      url: '/api/v1/terminal/settings',
      headers: await lanTechnician(),
      remoteAddress: LAN_CLIENT,
      payload: { ...before, backup: { ...before.backup, time: '03:15', keepDays: 14 } },
    });
    expect(timing.statusCode, timing.body).toBe(200);

    const atMachine = await host.app.inject({
      method: 'PUT',
      url: '/api/v1/terminal/settings',
      headers: await signIn('8001'),
      payload: { ...elsewhere, backup: { ...elsewhere.backup, folder: '/media/usb/hall' } },
    });
    expect(atMachine.statusCode, atMachine.body).toBe(200);
    const audits = host.db.prepare("SELECT details FROM audit_log WHERE action = 'settings.backup_folder'").all() as {
      details: string;
    }[];
    expect(audits.map((a) => JSON.parse(a.details))).toEqual([{ from: before.backup.folder, to: '/media/usb/hall' }]);
  });
});
