import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_HALL_HOURS } from '../../../contracts/config';
import { HoursExtension, HoursExtensionList, HoursToday } from '../../../contracts/hours';
import { IssueTicketResponse, ServiceList } from '../../../contracts/queue';
import { ApiError } from '../../../contracts/errors';
import type { HallEvent } from '../../../contracts/events';
import { signIn, testStaffSeeds } from '../../support/staff';
import { startTestHost, type TestHost } from '../../support/test-host';

/**
 * An invented National Day week in the hall calendar: 1–7 October 2026 off, Saturday 10 October
 * worked in its place (调休). Beijing is UTC+8. The hall keeps the default hours: weekdays
 * 08:30–17:30 (lunch duty 12:00–14:00), weekend mornings 09:00–12:00.
 */
const calendar = {
  holidays: ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'],
  extraWorkdays: ['2026-10-10'],
};

describe('the queue keeps the hall calendar and 延时服务', () => {
  let host: TestHost;
  let now: Date;
  const events: HallEvent[] = [];
  beforeEach(async () => {
    now = new Date('2026-10-12T09:45:00Z'); // Monday 12 October, 17:45: just closed
    host = await startTestHost({
      clock: { now: () => now },
      config: { staff: await testStaffSeeds(), hours: DEFAULT_HALL_HOURS, calendar },
    });
    events.length = 0;
    host.bus.subscribe((e) => events.push(e));
  });
  afterEach(async () => {
    await host.dispose();
  });

  const services = async () => ServiceList.parse((await host.app.inject({ url: '/api/v1/services' })).json()).services;
  const serviceState = async (code: string) => (await services()).find((s) => s.code === code);
  const issue = (serviceCode = 'business-startup') =>
    host.app.inject({ method: 'POST', url: '/api/v1/tickets', payload: { serviceCode, withIdentity: false } });
  const extend = async (body: object, staffNo = '9001') =>
    host.app.inject({ method: 'POST', url: '/api/v1/hours/extensions', headers: await signIn(host.app, staffNo), payload: body });
  const auditActions = () =>
    (host.db.prepare("SELECT action FROM audit_log WHERE action LIKE 'hours.%' ORDER BY id").all() as { action: string }[]).map(
      (r) => r.action,
    );

  it('closes the queue all day on a holiday: the services say why and when, the ticket API refuses with a typed error', async () => {
    now = new Date('2026-10-01T02:00:00Z'); // Thursday 1 October, 10:00
    for (const s of await services()) {
      expect(s, s.code).toMatchObject({ open: false, closedReason: 'holiday', nextOpening: '2026-10-08T00:30:00.000Z' });
    }
    const refused = await issue();
    expect(refused.statusCode).toBe(409);
    expect(ApiError.parse(refused.json()).error).toMatchObject({
      code: 'service_closed',
      message: '今天是法定节假日，大厅休息',
      details: { reason: 'holiday', nextOpening: '2026-10-08T00:30:00.000Z' },
    });
    expect(host.db.prepare('SELECT count(*) AS n FROM tickets').get()).toEqual({ n: 0 });
  });

  it('opens a 调休 Saturday afternoon with weekday hours and issues numbers', async () => {
    now = new Date('2026-10-10T07:00:00Z'); // Saturday 10 October, 15:00
    expect(await serviceState('business-startup')).toMatchObject({ open: true, closedReason: null });
    const issued = await issue();
    expect(issued.statusCode, issued.body).toBe(201);
    expect(IssueTicketResponse.parse(issued.json()).ticket.number).toBe('A001');
    // The Saturday after is an ordinary weekend: closed in the afternoon.
    now = new Date('2026-10-17T07:00:00Z');
    expect(await serviceState('business-startup')).toMatchObject({ open: false, closedReason: 'hours' });
  });

  it('a supervisor’s extension of a service opens it past hours until then, audited, and screens hear of it', async () => {
    expect(await serviceState('business-startup')).toMatchObject({ open: false, closedReason: 'hours' });
    const made = await extend({ serviceCode: 'business-startup', until: '18:30', reason: '排队人数多' });
    expect(made.statusCode, made.body).toBe(201);
    const extension = HoursExtension.parse(made.json());
    expect(extension).toMatchObject({
      businessDay: '2026-10-12',
      serviceCode: 'business-startup',
      windowId: null,
      until: '18:30',
      createdByStaffNo: '9001',
      cancelledAt: null,
    });
    expect(events.map((e) => e.type)).toContain('hours.changed');
    expect(await serviceState('business-startup')).toMatchObject({ open: true, closedReason: null });
    // Only that service: the others closed on time.
    expect(await serviceState('real-estate')).toMatchObject({ open: false, closedReason: 'hours' });
    expect((await issue()).statusCode).toBe(201);

    // At 18:30 it closes; tomorrow opens with its own hours.
    now = new Date('2026-10-12T10:30:00Z');
    expect(await serviceState('business-startup')).toMatchObject({ open: false, nextOpening: '2026-10-13T00:30:00.000Z' });
    expect((await issue()).statusCode).toBe(409);

    // Cancelled, it no longer holds; the record keeps who and when.
    now = new Date('2026-10-12T09:50:00Z');
    const cancelled = await host.app.inject({
      method: 'DELETE',
      url: `/api/v1/hours/extensions/${extension.id}`,
      headers: await signIn(host.app, '9001'),
    });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(HoursExtension.parse(cancelled.json())).toMatchObject({ cancelledByStaffNo: '9001' });
    expect(await serviceState('business-startup')).toMatchObject({ open: false, closedReason: 'hours' });
    expect(auditActions()).toEqual(['hours.extend', 'hours.extension_cancel']);
    // The reason is free text: it stays in its row, never in the audit log.
    expect(JSON.stringify(host.db.prepare("SELECT details FROM audit_log WHERE action LIKE 'hours.%'").all())).not.toContain(
      '排队',
    );
  });

  it('a window’s extension keeps every service that window serves open, and no other', async () => {
    // Window 1 serves 企业开办 and 综合咨询.
    const made = await extend({ windowId: 1, until: '19:00' });
    expect(made.statusCode, made.body).toBe(201);
    expect(HoursExtension.parse(made.json())).toMatchObject({ windowNumber: 1, serviceCode: null });
    expect(await serviceState('business-startup')).toMatchObject({ open: true });
    expect(await serviceState('consulting')).toMatchObject({ open: true });
    expect(await serviceState('social-security')).toMatchObject({ open: false });
    const today = HoursToday.parse(
      (await host.app.inject({ url: '/api/v1/hours/today', headers: await signIn(host.app, '8001') })).json(),
    );
    expect(today).toMatchObject({ businessDay: '2026-10-12', dayKind: 'regular', makeupHours: null });
    const startup = today.services.find((s) => s.serviceCode === 'business-startup');
    expect(startup?.extension).toEqual({ until: '19:00', by: 'window', windowNumbers: [1] });
    expect(startup?.periods.at(-1)).toEqual({ from: '17:30', to: '19:00', duty: false, extended: true });
    expect(today.services.find((s) => s.serviceCode === 'social-security')?.extension).toBeNull();
  });

  it('extensions expire with the day', async () => {
    expect((await extend({ serviceCode: 'business-startup', until: '18:30' })).statusCode).toBe(201);
    now = new Date('2026-10-13T09:45:00Z'); // Tuesday 17:45
    expect(await serviceState('business-startup')).toMatchObject({ open: false, closedReason: 'hours' });
    const list = HoursExtensionList.parse(
      (await host.app.inject({ url: '/api/v1/hours/extensions', headers: await signIn(host.app, '9001') })).json(),
    );
    expect(list).toEqual({ businessDay: '2026-10-13', extensions: [] });
  });

  it('refuses an extension that ends in the past, changes nothing, or would open a holiday', async () => {
    const code = async (body: object) => {
      const res = await extend(body);
      return [res.statusCode, ApiError.parse(res.json()).error.code];
    };
    expect(await code({ serviceCode: 'business-startup', until: '17:00' })).toEqual([400, 'invalid_request']);
    expect(await code({ serviceCode: 'business-startup', until: '24:00' })).toEqual([400, 'invalid_request']);
    expect(await code({ serviceCode: 'nope-service', until: '19:00' })).toEqual([404, 'service_unknown']);
    expect(await code({ windowId: 99, until: '19:00' })).toEqual([404, 'window_unknown']);
    expect(await code({ serviceCode: 'business-startup', windowId: 1, until: '19:00' })).toEqual([400, 'invalid_request']);
    now = new Date('2026-10-12T02:00:00Z'); // 10:00: the day runs to 17:30 anyway
    expect(await code({ serviceCode: 'business-startup', until: '17:00' })).toEqual([409, 'invalid_state']);
    now = new Date('2026-10-01T02:00:00Z'); // a holiday stays closed
    expect(await code({ serviceCode: 'business-startup', until: '19:00' })).toEqual([409, 'invalid_state']);
    expect(host.db.prepare('SELECT count(*) AS n FROM hour_extensions').get()).toEqual({ n: 0 });
  });

  it('leaves 延时服务 to supervisors: a clerk and a technician may not extend; the technician may look', async () => {
    expect((await extend({ serviceCode: 'business-startup', until: '18:30' }, '1001')).statusCode).toBe(403);
    expect((await extend({ serviceCode: 'business-startup', until: '18:30' }, '8001')).statusCode).toBe(403);
    const look = await host.app.inject({ url: '/api/v1/hours/today', headers: await signIn(host.app, '8001') });
    expect(look.statusCode).toBe(200);
    const clerk = await host.app.inject({ url: '/api/v1/hours/today', headers: await signIn(host.app, '1001') });
    expect(clerk.statusCode).toBe(403);
  });
});
