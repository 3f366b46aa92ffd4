import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ClaimPairingResponse, PairingCode } from '../../../contracts/pairing';
import { SignInResponse, StaffList, StaffResponse } from '../../../contracts/auth';
import { ConfigExport, ImportResult } from '../../../contracts/config-transfer';
import { ApiError } from '../../../contracts/errors';
import { HallSettings, HallSettingsIssues } from '../../../contracts/hall-settings';
import { DeviceList } from '../../../contracts/devices';
import { signIn, testStaffSeeds } from '../../support/staff';
import { startTestHost, type TestHost } from '../../support/test-host';

type Headers = { authorization: string };
const CENTRAL_TOKEN = 'central-token-that-must-stay-home';

describe('configuration export and import', () => {
  let a: TestHost;
  let techA: Headers;
  const hosts: TestHost[] = [];

  beforeEach(async () => {
    a = await startTestHost({
      config: {
        hallId: 'hall-07',
        staff: await testStaffSeeds(),
        centralApi: { token: CENTRAL_TOKEN },
        devices: [{ id: 'printer-1', kind: 'printer', name: '取号打印机', transport: { type: 'simulated' } }],
      },
    });
    hosts.push(a);
    techA = await signIn(a.app, '8001');
  });
  afterEach(async () => {
    for (const host of hosts.splice(0)) await host.dispose();
  });

  const exportFrom = async (host: TestHost, headers: Headers) => {
    const res = await host.app.inject({ url: '/api/v1/config/export', headers });
    expect(res.statusCode).toBe(200);
    return { file: ConfigExport.parse(res.json()), raw: res.body, disposition: res.headers['content-disposition'] };
  };
  it('exports the settings of a secondary kiosk too (its hall address in the file)', async () => {
    const kiosk = await startTestHost({ config: { staff: await testStaffSeeds(), hallUrl: 'https://192.168.1.10:7443' } });
    hosts.push(kiosk);
    const { file } = await exportFrom(kiosk, await signIn(kiosk.app, '8001'));
    expect(file.terminal.hallUrl).toBe('https://192.168.1.10:7443');
  });

  const importInto = (host: TestHost, headers: Headers, file: unknown, dryRun: boolean) =>
    host.app.inject({ method: 'POST', url: `/api/v1/config/import?dryRun=${dryRun}`, headers, payload: file as object });
  const settingsOf = async (host: TestHost, headers: Headers) =>
    HallSettings.parse((await host.app.inject({ url: '/api/v1/hall/settings', headers })).json());

  /** Changes a technician makes on the old machine before moving it. */
  const customise = async () => {
    const settings = await settingsOf(a, techA);
    await a.app.inject({
      method: 'PUT',
      url: '/api/v1/hall/settings',
      headers: techA,
      payload: {
        ...settings,
        hallName: '七号大厅',
        services: settings.services.map((s) => (s.prefix === 'A' ? { ...s, name: '企业开办专区' } : s)),
        windows: [...settings.windows, { number: 6, name: '延时服务', services: ['consulting'] }],
        timeouts: { kioskIdleSeconds: 120, identitySessionMinutes: 3, staffSessionHours: 10 },
      },
    });
    await a.app.inject({
      method: 'POST',
      url: '/api/v1/staff',
      headers: techA,
      payload: { staffNo: '1002', name: '延时窗口', role: 'staff', windowNumber: 6 },
    });
  };

  it('is for technicians only', async () => {
    const { file } = await exportFrom(a, techA);
    expect((await a.app.inject({ url: '/api/v1/config/export' })).statusCode).toBe(401);
    expect((await a.app.inject({ method: 'POST', url: '/api/v1/config/import', payload: file })).statusCode).toBe(401);
    for (const staffNo of ['1001', '9001']) {
      const headers = await signIn(a.app, staffNo);
      expect((await a.app.inject({ url: '/api/v1/config/export', headers })).statusCode).toBe(403);
      expect((await importInto(a, headers, file, false)).statusCode).toBe(403);
    }
  });

  it('exports one file with the hall, devices, terminal and staff, and no secret in it', async () => {
    await customise();
    // Make every kind of secret exist: a terminal token, a session token, PIN hashes, the install secret.
    const code = PairingCode.parse(
      (await a.app.inject({ method: 'POST', url: '/api/v1/pairing/codes', headers: techA })).json(),
    ).code;
    const claimed = ClaimPairingResponse.parse(
      (
        await a.app.inject({
          method: 'POST',
          url: '/api/v1/pairing/claim',
          payload: { code, name: '3号窗口电脑', kind: 'counter' },
        })
      ).json(),
    );
    const { file, raw, disposition } = await exportFrom(a, techA);
    expect(disposition).toMatch(/^attachment; filename="hall-kiosk-config-hall-07-\d{4}-\d{2}-\d{2}\.json"$/);
    expect(file).toMatchObject({ format: 'hall-kiosk-config', version: 1, hallId: 'hall-07' });
    expect(file.hall.hallName).toBe('七号大厅');
    expect(file.devices.map((d) => d.id)).toEqual(['printer-1']);
    expect(file.staff.find((s) => s.staffNo === '1002')).toEqual({
      staffNo: '1002',
      name: '延时窗口',
      role: 'staff',
      windowNumber: 6,
      enabled: true,
    });

    const hashes = (a.db.prepare('SELECT pin_hash AS h FROM staff').all() as { h: string }[]).map((r) => r.h);
    const secrets = [
      ...hashes,
      'scrypt$',
      CENTRAL_TOKEN,
      claimed.token,
      techA.authorization.slice('Bearer '.length),
      readFileSync(join(a.dataDir, 'install-secret')).toString('hex'),
      readFileSync(join(a.dataDir, 'install-secret'), 'utf8').trim(),
    ];
    for (const secret of secrets) expect(raw).not.toContain(secret);
    expect(raw).not.toMatch(/pin|token|secret/i);
  });

  it('round trip: a fresh host that imports the file has the same settings, devices and staff', async () => {
    await customise();
    const { file } = await exportFrom(a, techA);

    const b = await startTestHost({ config: { staff: await testStaffSeeds(), devices: [] } });
    hosts.push(b);
    const techB = await signIn(b.app, '8001');

    const dry = await importInto(b, techB, file, true);
    expect(dry.statusCode).toBe(200);
    const plan = ImportResult.parse(dry.json());
    expect(plan).toMatchObject({
      applied: false,
      sourceHallId: 'hall-07',
      hall: ['hallName', 'timeouts'],
      services: { added: [], changed: ['business-startup'], removed: [] },
      windows: { added: ['6'], changed: [], removed: [] },
      devices: { added: ['printer-1'], changed: [], removed: [] },
      staff: { added: ['1002'], changed: [], removed: [] },
      oneTimePins: [],
    });
    // A dry run changes nothing.
    expect((await settingsOf(b, techB)).hallName).not.toBe('七号大厅');

    const applied = ImportResult.parse((await importInto(b, techB, file, false)).json());
    expect(applied.applied).toBe(true);
    expect(applied.oneTimePins.map((p) => p.staffNo)).toEqual(['1002']);
    expect(await settingsOf(b, techB)).toEqual(file.hall);
    const devices = DeviceList.parse((await b.app.inject({ url: '/api/v1/devices', headers: techB })).json()).devices;
    expect(devices.map((d) => d.config)).toEqual(file.devices);
    const staff = StaffList.parse((await b.app.inject({ url: '/api/v1/staff', headers: techB })).json()).staff;
    expect(staff.find((s) => s.staffNo === '1002')).toMatchObject({ name: '延时窗口', windowNumber: 6, active: true });
    expect(b.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'config.import'").get()).toEqual({ n: 1 });

    // The new account signs in with the PIN shown once; the host keeps only its hash.
    const pin = applied.oneTimePins[0]?.pin ?? '';
    const window6 = b.queue.windows().find((w) => w.number === 6);
    const res = await b.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { staffNo: '1002', pin, windowId: window6?.id },
    });
    expect(SignInResponse.parse(res.json()).staff.staffNo).toBe('1002');
    expect(JSON.stringify(b.db.prepare('SELECT * FROM staff').all())).not.toContain(pin);

    // Exported again, the new machine says the same as the old one.
    const again = (await exportFrom(b, techB)).file;
    expect({ ...again, exportedAt: '', hallId: '' }).toEqual({ ...file, exportedAt: '', hallId: '' });
  });

  it('refuses a file that does not hold together, naming the fields, and writes nothing', async () => {
    const { file } = await exportFrom(a, techA);
    const broken = {
      ...file,
      hall: { ...file.hall, windows: [{ number: 1, name: '一', services: ['no-such-service'] }] },
      staff: [...file.staff, { staffNo: '1003', name: '新人', role: 'staff', windowNumber: 42, enabled: true }],
    };
    const res = await importInto(a, techA, broken, false);
    expect(res.statusCode).toBe(400);
    expect(HallSettingsIssues.parse(ApiError.parse(res.json()).error.details).issues.map((i) => [i.path, i.reason])).toEqual([
      ['hall.windows.0.services.0', 'unknown_service'],
      ['staff.3.windowNumber', 'unknown_window'],
    ]);
    const wrongFormat = await importInto(a, techA, { ...file, format: 'something-else' }, true);
    expect(ApiError.parse(wrongFormat.json()).error.code).toBe('invalid_request');
    expect(
      StaffList.parse((await a.app.inject({ url: '/api/v1/staff', headers: techA })).json()).staff.map((s) => s.staffNo),
    ).not.toContain('1003');
  });

  it('disables accounts missing from the file, but never the importer’s own', async () => {
    const { file } = await exportFrom(a, techA);
    const created = StaffResponse.parse(
      (
        await a.app.inject({
          method: 'POST',
          url: '/api/v1/staff',
          headers: techA,
          payload: { staffNo: '1009', name: '临时', role: 'staff' },
        })
      ).json(),
    );
    expect(created.oneTimePin).toMatch(/^\d{6}$/);
    const withoutMe = { ...file, staff: file.staff.filter((s) => s.staffNo !== '8001') };
    const plan = ImportResult.parse((await importInto(a, techA, withoutMe, false)).json());
    expect(plan.staff.removed).toEqual(['1009']);
    const staff = StaffList.parse((await a.app.inject({ url: '/api/v1/staff', headers: techA })).json()).staff;
    expect(staff.find((s) => s.staffNo === '1009')?.active).toBe(false);
    expect(staff.find((s) => s.staffNo === '8001')?.active).toBe(true);
  });
});
