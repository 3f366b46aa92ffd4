import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TerminalSettingsView } from '../../../contracts/terminal-settings';
import type { HallEvent } from '../../../contracts/events';
import { signIn, testStaffSeeds } from '../../support/staff';
import { startTestHost, type TestHost } from '../../support/test-host';
import { writeSetting } from '../../../db/repositories/settings';

describe('this terminal’s settings (role, hall link, kiosk options)', () => {
  let host: TestHost;
  beforeEach(async () => {
    host = await startTestHost({
      config: { staff: await testStaffSeeds(), role: 'kiosk', terminalId: 'kiosk-07', kiosk: { elderModeDefault: true } },
    });
  });
  afterEach(async () => {
    await host.dispose();
  });

  const read = async () => TerminalSettingsView.parse((await host.app.inject({ url: '/api/v1/terminal/settings' })).json());
  const save = async (payload: Record<string, unknown>, staffNo = '8001') =>
    host.app.inject({ method: 'PUT', url: '/api/v1/terminal/settings', headers: await signIn(host.app, staffNo), payload });

  it('start from the config file, readable by any screen of this host', async () => {
    expect(await read()).toEqual({
      role: 'kiosk',
      name: 'kiosk-07',
      hallUrl: null,
      kiosk: { elderModeDefault: true, voiceDefault: true, hiddenFlows: [] },
      printing: { a4Printer: null },
      updates: { url: null },
      backup: { folder: null, time: '02:30', keepDays: 30 },
    });
  });

  it('carry the Electron shell’s A4 printer and update feed (https only, no credentials, never changed from here)', async () => {
    const base = { role: 'kiosk', name: 'kiosk-07', hallUrl: null, kiosk: {} };
    const res = await save({ ...base, printing: { a4Printer: ' HP_LaserJet_M404 ' }, updates: { url: null } });
    expect(res.statusCode, res.body).toBe(200);
    expect(await read()).toMatchObject({ printing: { a4Printer: 'HP_LaserJet_M404' }, updates: { url: null } });
    for (const url of ['http://192.168.1.10:8080/hall-kiosk/', 'ftp://updates/', 'https://user:pw@192.168.1.10/', 'not a url']) {
      expect((await save({ ...base, updates: { url } })).statusCode, url).toBe(400);
    }
    // A host without the Electron shell has no window "at the machine": the feed stays as it is
    // (tests/security/update-feed.test.ts changes it from the shell).
    const elsewhere = await save({ ...base, updates: { url: 'https://updates.hall.example/kiosk/' } });
    expect(elsewhere.statusCode).toBe(403);
    expect(elsewhere.json()).toMatchObject({ error: { code: 'update_feed_local_only' } });
    // Leaving them out clears them (the settings are replaced whole).
    expect((await save(base)).statusCode).toBe(200);
    expect(await read()).toMatchObject({ printing: { a4Printer: null }, updates: { url: null } });
  });

  it('drop an http feed stored by an older version at start, keeping the rest, audited', async () => {
    const stored = { ...(await read()), role: 'display', updates: { url: 'http://192.168.1.10:8080/hall-kiosk/' } };
    writeSetting(host.db, 'terminal', stored, new Date().toISOString());
    const { dataDir } = host;
    await host.close();
    host = await startTestHost({ dataDir, config: { staff: await testStaffSeeds(), role: 'kiosk' } });
    expect(await read()).toMatchObject({ role: 'display', name: 'kiosk-07', updates: { url: null } });
    const audit = host.db.prepare("SELECT details FROM audit_log WHERE action = 'settings.update_feed'").all();
    expect(audit).toEqual([
      { details: JSON.stringify({ from: 'http://192.168.1.10:8080/hall-kiosk/', to: null, reason: 'not https' }) },
    ]);
  });

  it('change at once when a technician saves them: announced, audited, and the start page follows the role', async () => {
    const events: HallEvent[] = [];
    host.bus.subscribe((e) => events.push(e));
    const res = await save({ role: 'display', name: '一楼大厅屏', hallUrl: 'https://192.168.1.10:7443/', kiosk: {} });
    expect(res.statusCode, res.body).toBe(200);
    // The address is kept as its origin; the options not sent take their defaults.
    expect(await read()).toMatchObject({ role: 'display', name: '一楼大厅屏', hallUrl: 'https://192.168.1.10:7443' });
    expect(events.map((e) => e.type)).toContain('settings.changed');
    const audit = host.db.prepare("SELECT details FROM audit_log WHERE action = 'settings.terminal'").all();
    expect(audit).toHaveLength(1);
    const start = await host.app.inject({ url: '/' });
    expect(start.headers.location).toBe('/display');
    // A host restart keeps them (the database, not the config file, is the truth now).
    const { dataDir } = host;
    await host.close();
    host = await startTestHost({ dataDir, config: { staff: await testStaffSeeds(), role: 'kiosk' } });
    expect((await read()).role).toBe('display');
  });

  it('refuse a hall address that is not one, and anyone but a technician', async () => {
    for (const hallUrl of [
      'ftp://hall',
      'http://user:pw@192.168.1.10',
      'http://192.168.1.10/kiosk',
      'hall.local',
      'http://192.168.1.10:7300',
    ]) {
      const res = await save({ role: 'kiosk', name: 'x', hallUrl, kiosk: {} });
      expect(res.statusCode, hallUrl).toBe(400);
      expect(res.json().error.code).toBe('invalid_request');
    }
    expect((await save({ role: 'kiosk', name: 'x', hallUrl: null, kiosk: {} }, '9001')).statusCode).toBe(403);
    expect((await save({ role: 'kiosk', name: 'x', hallUrl: null, kiosk: {} }, '1001')).statusCode).toBe(403);
    const anonymous = await host.app.inject({ method: 'PUT', url: '/api/v1/terminal/settings', payload: {} });
    expect(anonymous.statusCode).toBe(401);
    expect((await read()).name).toBe('kiosk-07');
  });
});
