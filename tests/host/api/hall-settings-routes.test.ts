import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DisplaySettings } from '../../../contracts/announcements';
import { SignInResponse } from '../../../contracts/auth';
import { ApiError } from '../../../contracts/errors';
import type { HallEvent } from '../../../contracts/events';
import { HallInfo, HallSettings, HallSettingsIssues, type HallSettingsInput } from '../../../contracts/hall-settings';
import { CallNextResponse, IssueTicketResponse, ServiceList, WindowList } from '../../../contracts/queue';
import { AuditList } from '../../../contracts/auth';
import { insertCase } from '../../../db/repositories/cases';
import { enqueue } from '../../../db/repositories/outbox';
import { signIn, testStaffSeeds, TEST_PIN } from '../../support/staff';
import { startTestHost, type TestHost } from '../../support/test-host';

type Headers = { authorization: string };

describe('hall settings API (technician console, applied live)', () => {
  let host: TestHost;
  let tech: Headers;

  beforeEach(async () => {
    host = await startTestHost({ config: { staff: await testStaffSeeds(), devices: [] } });
    tech = await signIn(host.app, '8001');
  });
  afterEach(async () => {
    await host.dispose();
  });

  const read = async (): Promise<HallSettings> =>
    HallSettings.parse((await host.app.inject({ url: '/api/v1/hall/settings', headers: tech })).json());
  const save = (settings: HallSettingsInput, headers: Headers = tech) =>
    host.app.inject({ method: 'PUT', url: '/api/v1/hall/settings', headers, payload: settings });
  const services = async () => ServiceList.parse((await host.app.inject({ url: '/api/v1/services' })).json()).services;
  const issues = (body: unknown) => HallSettingsIssues.parse(ApiError.parse(body).error.details).issues;
  /** A ticket without a card (the kiosk's "no ID card" path), for the service that had `prefix` at the start. */
  const issue = (prefix: string) => issueFor(codeOf(prefix));
  const issueFor = (serviceCode: string) =>
    host.app.inject({ method: 'POST', url: '/api/v1/tickets', payload: { serviceCode, withIdentity: false } });
  let prefixes = new Map<string, string>();
  const codeOf = (prefix: string) => prefixes.get(prefix) ?? '';
  beforeEach(async () => {
    prefixes = new Map((await read()).services.map((s) => [s.prefix, s.code]));
  });

  it('keeps the settings from the public, lets supervisors read them and only technicians change them', async () => {
    const settings = await read();
    expect((await host.app.inject({ url: '/api/v1/hall/settings' })).statusCode).toBe(401);
    const anonymous = await host.app.inject({ method: 'PUT', url: '/api/v1/hall/settings', payload: settings });
    expect(anonymous.statusCode).toBe(401);
    const clerk = await signIn(host.app, '1001');
    const supervisor = await signIn(host.app, '9001');
    expect((await host.app.inject({ url: '/api/v1/hall/settings', headers: clerk })).statusCode).toBe(403);
    expect((await host.app.inject({ url: '/api/v1/hall/settings', headers: supervisor })).statusCode).toBe(200);
    for (const headers of [clerk, supervisor]) {
      const res = await save({ ...settings, hallName: '不该改成这个' }, headers);
      expect(res.statusCode).toBe(403);
      expect(ApiError.parse(res.json()).error.code).toBe('forbidden');
    }
    expect((await read()).hallName).toBe(settings.hallName);
    // What a kiosk needs before anyone signs in is public.
    expect(HallInfo.parse((await host.app.inject({ url: '/api/v1/hall/info' })).json())).toEqual({
      hallName: settings.hallName,
      kioskIdleSeconds: 60,
      elderAge: 70,
      evaluatorIdleSeconds: 60,
      kioskVoiceVolume: 100,
    });
  });

  it('refuses settings that do not hold together, naming each field, and changes nothing', async () => {
    const settings = await read();
    const [first, second] = settings.services;
    if (!first || !second) throw new Error('two services expected');
    const res = await save({
      ...settings,
      services: [first, { ...second, prefix: first.prefix, numberStart: 50, numberEnd: 20 }, ...settings.services.slice(2)],
      windows: [{ number: 1, name: '综合受理 1', services: [first.code, 'no-such-service'] }, ...settings.windows.slice(1)],
      hours: { ...settings.hours, mon: [{ from: '12:00', to: '09:00' }] },
    });
    expect(res.statusCode).toBe(400);
    expect(ApiError.parse(res.json()).error.code).toBe('settings_invalid');
    expect(issues(res.json()).map((i) => [i.path, i.reason])).toEqual([
      ['services.1.prefix', 'duplicate'],
      ['services.1.numberEnd', 'number_range'],
      ['windows.0.services.1', 'unknown_service'],
      ['hours.mon.0.to', 'period_order'],
    ]);
    // A malformed document is refused by the schema, with the field's path.
    const malformed = await save({ ...settings, services: [{ ...first, prefix: 'a1' }] });
    expect(malformed.statusCode).toBe(400);
    const body = ApiError.parse(malformed.json()).error;
    expect(body.code).toBe('invalid_request');
    expect(JSON.stringify(body.details)).toContain('/services/0/prefix');
    expect(await read()).toEqual(settings);
  });

  it('renames a service, reorders prefixes and changes the display at once, announced and audited', async () => {
    const events: HallEvent[] = [];
    host.bus.subscribe((e) => events.push(e));
    const settings = await read();
    const [a, b] = settings.services;
    if (!a || !b) throw new Error('two services expected');
    const res = await save({
      ...settings,
      hallName: '示范市政务服务中心',
      services: [{ ...a, name: '企业开办一窗通', prefix: b.prefix }, { ...b, prefix: a.prefix }, ...settings.services.slice(2)],
      display: { announceRepeat: 3, voice: 'off', recentCalls: 4 },
    });
    expect(res.statusCode).toBe(200);
    const list = await services();
    expect(list.find((s) => s.code === a.code)).toMatchObject({ name: '企业开办一窗通', prefix: b.prefix });
    expect(list.find((s) => s.code === b.code)?.prefix).toBe(a.prefix);
    const display = DisplaySettings.parse((await host.app.inject({ url: '/api/v1/display/settings' })).json());
    expect(display).toMatchObject({ hallName: '示范市政务服务中心', announceRepeat: 3, voice: 'off', recentCalls: 4 });
    expect(events.filter((e) => e.type === 'settings.changed')).toMatchObject([{ scope: 'hall' }]);
    const audit = host.db.prepare("SELECT staff_id AS staffId, details FROM audit_log WHERE action = 'settings.hall'").all();
    expect(audit).toHaveLength(1);
    expect(JSON.parse((audit[0] as { details: string }).details).changed).toEqual(['hallName', 'services', 'display']);
    // The ticket printed next takes the new letter.
    const ticket = IssueTicketResponse.parse((await issueFor(a.code)).json()).ticket;
    expect(ticket.number).toBe(`${b.prefix}001`);
    expect(ticket.serviceName).toBe('企业开办一窗通');
  });

  it('opens a new window that can call the next citizen right away', async () => {
    const settings = await read();
    const code = codeOf('C');
    expect(
      (await save({ ...settings, windows: [...settings.windows, { number: 9, name: '新开窗口', services: [code] }] })).statusCode,
    ).toBe(200);
    const windows = WindowList.parse((await host.app.inject({ url: '/api/v1/windows' })).json()).windows;
    const nine = windows.find((w) => w.number === 9);
    if (!nine) throw new Error('window 9 missing');
    expect(nine.services).toEqual([code]);
    const ticket = IssueTicketResponse.parse((await issue('C')).json()).ticket;
    const clerk = await signIn(host.app, '1001', nine.id);
    const call = await host.app.inject({ method: 'POST', url: `/api/v1/windows/${nine.id}/call-next`, headers: clerk });
    expect(call.statusCode).toBe(200);
    expect(CallNextResponse.parse(call.json()).call.ticketNumber).toBe(ticket.number);
  });

  it('closes a service when its hours change', async () => {
    const settings = await read();
    const closed = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
    const res = await save({
      ...settings,
      services: settings.services.map((s) => (s.prefix === 'D' ? { ...s, hours: closed } : s)),
    });
    expect(res.statusCode).toBe(200);
    expect((await services()).find((s) => s.prefix === 'D')).toMatchObject({ open: false, closedReason: 'hours' });
    expect(ApiError.parse((await issue('D')).json()).error.code).toBe('service_closed');
    // The hall's own hours close every service without hours of its own.
    await save({ ...(await read()), hours: closed });
    expect((await services()).every((s) => !s.open)).toBe(true);
  });

  it('will not take out a service with citizens waiting, and retires one whose tickets are done', async () => {
    const settings = await read();
    const code = codeOf('F');
    const ticket = IssueTicketResponse.parse((await issue('F')).json()).ticket;
    const without = {
      ...settings,
      services: settings.services.filter((s) => s.code !== code),
      windows: settings.windows.map((w) => ({ ...w, services: w.services.filter((c) => c !== code) })),
    };
    const refused = await save(without);
    expect(issues(refused.json())).toMatchObject([{ path: 'services', reason: 'open_tickets', values: { code, count: 1 } }]);

    // Served: the service can go, its ticket keeps its name.
    const window = WindowList.parse((await host.app.inject({ url: '/api/v1/windows' })).json()).windows.find((w) =>
      w.services.includes(code),
    );
    if (!window) throw new Error('no window serves the service');
    const clerk = await signIn(host.app, '1001', window.id);
    await host.app.inject({ method: 'POST', url: `/api/v1/windows/${window.id}/call-next`, headers: clerk });
    await host.app.inject({
      method: 'POST',
      url: `/api/v1/windows/${window.id}/finish`,
      headers: clerk,
      payload: { outcome: 'done' },
    });
    expect((await save(without)).statusCode).toBe(200);
    expect((await services()).map((s) => s.code)).not.toContain(code);
    expect(ApiError.parse((await issue('F')).json()).error.code).toBe('service_unknown');
    expect(host.queue.ticket(ticket.id).serviceName).toBe(ticket.serviceName);
    // The letter it held stays taken today: another service cannot print F001 again.
    const reuse = await save({
      ...without,
      services: without.services.map((s) => (s.prefix === 'E' ? { ...s, prefix: 'F' } : s)),
    });
    expect(issues(reuse.json())).toMatchObject([{ reason: 'prefix_used_today', values: { prefix: 'F', code } }]);
    // Added back, it carries on where it stopped.
    expect((await save(settings)).statusCode).toBe(200);
    expect(IssueTicketResponse.parse((await issue('F')).json()).ticket.number).toBe('F002');
  });

  it('will not take out a window someone works at', async () => {
    const settings = await read();
    const windows = WindowList.parse((await host.app.inject({ url: '/api/v1/windows' })).json()).windows;
    const five = windows.find((w) => w.number === 5);
    if (!five) throw new Error('window 5 missing');
    const clerk = await signIn(host.app, '1001', five.id);
    const without = { ...settings, windows: settings.windows.filter((w) => w.number !== 5) };
    expect(issues((await save(without)).json())).toMatchObject([
      { path: 'windows', reason: 'window_in_use', values: { number: 5 } },
    ]);
    await host.app.inject({ method: 'POST', url: '/api/v1/auth/sign-out', headers: clerk });
    expect((await save(without)).statusCode).toBe(200);
    const after = WindowList.parse((await host.app.inject({ url: '/api/v1/windows' })).json()).windows;
    expect(after.map((w) => w.number)).not.toContain(5);
    // Nobody signs in at a window that is gone.
    const res = await host.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { staffNo: '1001', pin: TEST_PIN, windowId: five.id },
    });
    expect(ApiError.parse(res.json()).error.code).toBe('window_unknown');
  });

  it('applies new timeouts to the kiosk, to card sessions and to the next sign-in', async () => {
    const settings = await read();
    await save({ ...settings, timeouts: { kioskIdleSeconds: 90, identitySessionMinutes: 2, staffSessionHours: 3 } });
    expect(HallInfo.parse((await host.app.inject({ url: '/api/v1/hall/info' })).json()).kioskIdleSeconds).toBe(90);
    const res = await host.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { staffNo: '9001', pin: TEST_PIN },
    });
    const { expiresAt } = SignInResponse.parse(res.json());
    const hours = (Date.parse(expiresAt) - Date.now()) / 3_600_000;
    expect(Math.round(hours)).toBe(3);
  });

  it('turns the kiosks’ voice down for a quiet hall (0–100 %, 0 silent), told to every kiosk by /hall/info', async () => {
    const settings = await read();
    expect(settings.kioskVoice.volumePercent).toBe(100);
    const info = async () => HallInfo.parse((await host.app.inject({ url: '/api/v1/hall/info' })).json()).kioskVoiceVolume;
    expect((await save({ ...settings, kioskVoice: { volumePercent: 30 } })).statusCode).toBe(200);
    expect(await info()).toBe(30);
    expect((await save({ ...settings, kioskVoice: { volumePercent: 0 } })).statusCode).toBe(200);
    expect(await info()).toBe(0);
    for (const volumePercent of [101, -1, 50.5]) {
      const res = await save({ ...settings, kioskVoice: { volumePercent } });
      expect(res.statusCode, String(volumePercent)).toBe(400);
    }
    expect(await info()).toBe(0);
  });

  it('keeps undelivered cases the days the hall sets (30 to 365), and the housekeeping purges by it, audited', async () => {
    const settings = await read();
    expect(settings.timeouts.personalDataRetentionDays).toBe(90);
    const tooShort = await save({ ...settings, timeouts: { ...settings.timeouts, personalDataRetentionDays: 10 } });
    expect(tooShort.statusCode).toBe(400);
    expect(JSON.stringify(ApiError.parse(tooShort.json()).error.details)).toContain('/timeouts/personalDataRetentionDays');
    expect((await save({ ...settings, timeouts: { ...settings.timeouts, personalDataRetentionDays: 60 } })).statusCode).toBe(200);

    // A case filed 70 days ago that never reached the central API.
    const filedAt = new Date(Date.now() - 70 * 86_400_000);
    host.db.transaction(() => {
      insertCase(host.db, {
        id: 'old-case',
        itemCode: 'MS-LNYD-001',
        itemName: '老年人优待证办理',
        applicantName: '赵一鸣',
        applicantIdNumber: '110105198503150019',
        applicantPhone: null,
        applicantKey: 'key',
        maskedName: '赵**',
        maskedIdNumber: '110105********0019',
        form: {},
        materials: [],
        submittedAt: filedAt.toISOString(),
        status: 'submitted',
        statusHistory: [{ status: 'submitted', at: filedAt.toISOString() }],
        stewardRequested: false,
      });
      enqueue(host.db, { kind: 'case', recordId: 'old-case', orderingKey: 'case:old-case', payload: {}, now: filedAt });
    })();
    host.housekeeping();

    expect(host.db.prepare('SELECT count(*) AS n FROM cases').get()).toEqual({ n: 0 });
    const audit = AuditList.parse((await host.app.inject({ url: '/api/v1/audit', headers: tech })).json());
    expect(JSON.stringify(audit)).not.toContain('110105198503150019');
    expect(audit.entries.find((e) => e.action === 'cases.personal_data_purged')).toMatchObject({
      details: { undelivered: 1, retentionDays: 60 },
    });
  });
});
