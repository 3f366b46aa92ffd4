import { installStaffRequest } from '../../../host/api/auth-guard';
import { hashPin } from '../../../host/auth/pin-hash';
import { StaffAuth } from '../../../host/auth/staff-auth';
import { testPepper } from '../auth/support';
import { findStaffByNo, insertStaff } from '../../../db/repositories/staff';
import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../../contracts/errors';
import type { TicketStatus } from '../../../contracts/queue';
import { DayStatistics, EndOfDayReport, type HourBucket, type StatFigures } from '../../../contracts/stats';
import { openDatabase, type Db } from '../../../db/open';
import { installErrorHandling } from '../../../host/api/errors';
import { statsRoutes } from '../../../host/api/routes-stats';
import { dayStatistics, endOfDayReport, QueueStatistics } from '../../../host/queue/statistics';
import { migrationsDir } from '../../support/test-host';

const TZ = 'Asia/Shanghai';
const DAY = '2026-06-01';

interface TicketFixture {
  id: number;
  day?: string;
  number: string;
  issued: string;
  service?: string;
  status: TicketStatus;
  priority?: string;
  issuedAt: string;
  firstCalledAt?: string;
  calledAt?: string;
  finishedAt?: string;
  windowId?: number;
  staffId?: number;
  recalls?: number;
  outcome?: string;
  print?: string;
}

function insertTicket(db: Db, t: TicketFixture): void {
  db.prepare(
    `INSERT INTO tickets (id, business_day, issued_service, service_code, seq, number, status, priority_class, issued_at,
       queue_key, first_called_at, called_at, window_id, staff_id, recall_count, finished_at, outcome, print_status)
     VALUES (@id, @day, @issued, @service, @seq, @number, @status, @priority, @issuedAt, @id, @firstCalledAt, @calledAt,
       @windowId, @staffId, @recalls, @finishedAt, @outcome, @print)`,
  ).run({
    id: t.id,
    day: t.day ?? DAY,
    issued: t.issued,
    service: t.service ?? t.issued,
    seq: Number(t.number.slice(1)),
    number: t.number,
    status: t.status,
    priority: t.priority ?? 'normal',
    issuedAt: t.issuedAt,
    firstCalledAt: t.firstCalledAt ?? null,
    calledAt: t.calledAt ?? t.firstCalledAt ?? null,
    windowId: t.windowId ?? null,
    staffId: t.staffId ?? null,
    recalls: t.recalls ?? 0,
    finishedAt: t.finishedAt ?? null,
    outcome: t.outcome ?? null,
    print: t.print ?? 'printed',
  });
}

function insertCall(db: Db, ticketId: number, windowId: number, staffId: number, kind: string, at: string): void {
  db.prepare('INSERT INTO calls (ticket_id, window_id, staff_id, kind, called_at) VALUES (?, ?, ?, ?, ?)').run(
    ticketId,
    windowId,
    staffId,
    kind,
    at,
  );
}

/**
 * One business day (2026-06-01) in Beijing, UTC+8: local = Z + 8 h.
 * Targets: business-startup (A) 20 min, real-estate (B) 30 min.
 */
function seedDay(db: Db): void {
  const service = db.prepare(
    'INSERT INTO services (code, name, name_en, prefix, sort_order, target_wait_min) VALUES (?, ?, ?, ?, ?, ?)',
  );
  service.run('business-startup', '企业开办', 'Business start-up', 'A', 0, 20);
  service.run('real-estate', '不动产登记', 'Real estate', 'B', 1, 30);
  service.run('consulting', '咨询', 'Enquiries', 'F', 2, 10);
  const staff = db.prepare("INSERT INTO staff (id, staff_no, name, role, pin_hash) VALUES (?, ?, ?, 'staff', 'x')");
  staff.run(1, 'S001', '王芳');
  staff.run(2, 'S002', '李强');
  staff.run(3, 'S003', '赵敏'); // handles nothing today
  const window = db.prepare('INSERT INTO windows (id, number, name, staff_id) VALUES (?, ?, ?, ?)');
  window.run(1, 1, '综合受理 1', 1);
  window.run(2, 2, '综合受理 2', 2);
  window.run(3, 3, '社保医保', null);

  const A = 'business-startup';
  const B = 'real-estate';
  // 09:30 issued, called after 10 min, served 10 min.
  insertTicket(db, {
    id: 1,
    number: 'A001',
    issued: A,
    status: 'finished',
    issuedAt: '2026-06-01T01:30:00.000Z',
    firstCalledAt: '2026-06-01T01:40:00.000Z',
    finishedAt: '2026-06-01T01:50:00.000Z',
    windowId: 1,
    staffId: 1,
    outcome: 'done',
  });
  insertCall(db, 1, 1, 1, 'call', '2026-06-01T01:40:00.000Z');
  // Elder; waited 30 min (over target), recalled 5 min later, served 10.5 min from the recall.
  insertTicket(db, {
    id: 2,
    number: 'A002',
    issued: A,
    status: 'finished',
    priority: 'elderly',
    issuedAt: '2026-06-01T01:35:00.000Z',
    firstCalledAt: '2026-06-01T02:05:00.000Z',
    calledAt: '2026-06-01T02:10:00.000Z',
    recalls: 1,
    finishedAt: '2026-06-01T02:20:30.000Z',
    windowId: 1,
    staffId: 1,
    outcome: 'needs_materials',
  });
  insertCall(db, 2, 1, 1, 'call', '2026-06-01T02:05:00.000Z');
  insertCall(db, 2, 1, 1, 'recall', '2026-06-01T02:10:00.000Z');
  // Waited 25 min, did not come: its finished_at is no service.
  insertTicket(db, {
    id: 3,
    number: 'A003',
    issued: A,
    status: 'no_show',
    issuedAt: '2026-06-01T02:00:00.000Z',
    firstCalledAt: '2026-06-01T02:25:00.000Z',
    finishedAt: '2026-06-01T02:30:00.000Z',
    windowId: 1,
    staffId: 1,
  });
  insertCall(db, 3, 1, 1, 'call', '2026-06-01T02:25:00.000Z');
  // Appointment, cancelled before any call.
  insertTicket(db, {
    id: 4,
    number: 'A004',
    issued: A,
    status: 'cancelled',
    priority: 'appointment',
    issuedAt: '2026-06-01T02:10:00.000Z',
    finishedAt: '2026-06-01T02:15:00.000Z',
  });
  // 14:00, still waiting; its print failed.
  insertTicket(db, {
    id: 5,
    number: 'A005',
    issued: A,
    status: 'waiting',
    issuedAt: '2026-06-01T06:00:00.000Z',
    print: 'failed',
  });
  // 08:45, waited 15 min, served 30 min.
  insertTicket(db, {
    id: 6,
    number: 'B001',
    issued: B,
    status: 'finished',
    issuedAt: '2026-06-01T00:45:00.000Z',
    firstCalledAt: '2026-06-01T01:00:00.000Z',
    finishedAt: '2026-06-01T01:30:00.000Z',
    windowId: 2,
    staffId: 2,
    outcome: 'referred',
  });
  insertCall(db, 6, 2, 2, 'call', '2026-06-01T01:00:00.000Z');
  // 01:30 local on the 2nd, before the 03:00 reset: still this business day; at the window now.
  insertTicket(db, {
    id: 7,
    number: 'B002',
    issued: B,
    status: 'called',
    issuedAt: '2026-06-01T17:30:00.000Z',
    firstCalledAt: '2026-06-01T17:40:00.000Z',
    windowId: 2,
    staffId: 2,
  });
  insertCall(db, 7, 2, 2, 'call', '2026-06-01T17:40:00.000Z');
  // 11:00, waited 20 min, set aside (held).
  insertTicket(db, {
    id: 8,
    number: 'B003',
    issued: B,
    status: 'held',
    issuedAt: '2026-06-01T03:00:00.000Z',
    firstCalledAt: '2026-06-01T03:20:00.000Z',
    windowId: 2,
    staffId: 2,
  });
  insertCall(db, 8, 2, 2, 'call', '2026-06-01T03:20:00.000Z');
  // Issued for A at 11:00, called at window 1 after 5 min, transferred to B, finished at window 2.
  insertTicket(db, {
    id: 9,
    number: 'A006',
    issued: A,
    service: B,
    status: 'finished',
    issuedAt: '2026-06-01T03:00:00.000Z',
    firstCalledAt: '2026-06-01T03:05:00.000Z',
    calledAt: '2026-06-01T03:30:00.000Z',
    finishedAt: '2026-06-01T03:45:00.000Z',
    windowId: 2,
    staffId: 2,
    outcome: 'done',
  });
  insertCall(db, 9, 1, 1, 'call', '2026-06-01T03:05:00.000Z');
  insertCall(db, 9, 2, 2, 'call', '2026-06-01T03:30:00.000Z');
  // The day before: never part of 2026-06-01.
  insertTicket(db, {
    id: 10,
    day: '2026-05-31',
    number: 'A001',
    issued: A,
    status: 'finished',
    issuedAt: '2026-05-31T02:00:00.000Z',
    firstCalledAt: '2026-05-31T04:00:00.000Z',
    finishedAt: '2026-05-31T05:00:00.000Z',
    windowId: 1,
    staffId: 3,
    outcome: 'done',
  });
  insertCall(db, 10, 1, 3, 'call', '2026-05-31T04:00:00.000Z');
}

/** 24 hour buckets from sparse counts. */
function hours(issued: Record<number, number>, served: Record<number, number> = {}): HourBucket[] {
  return Array.from({ length: 24 }, (_, hour) => ({ hour, issued: issued[hour] ?? 0, served: served[hour] ?? 0 }));
}

const empty: StatFigures = {
  issued: 0,
  served: 0,
  noShow: 0,
  cancelled: 0,
  waiting: 0,
  inService: 0,
  held: 0,
  called: 0,
  avgWaitSeconds: null,
  maxWaitSeconds: null,
  avgServiceSeconds: null,
  serviceLevelPct: null,
  byHour: hours({}),
};

describe('queue statistics of a business day', () => {
  let dir: string;
  let db: Db;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'stats-'));
    db = openDatabase(join(dir, 'hall.sqlite'), { migrationsDir });
    seedDay(db);
  });
  afterAll(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sums up the hall', () => {
    const stats = dayStatistics(db, DAY, TZ);
    expect(DayStatistics.parse(stats)).toEqual(stats);
    expect(stats.businessDay).toBe(DAY);
    expect(stats.timeZone).toBe(TZ);
    expect(stats.hall).toEqual({
      issued: 9,
      served: 4,
      noShow: 1,
      cancelled: 1,
      waiting: 1,
      inService: 1,
      held: 1,
      called: 7,
      // Waits 600 1800 1500 900 600 1200 300 s: 6900 / 7 = 985.7.
      avgWaitSeconds: 986,
      maxWaitSeconds: 1800,
      // Service 600, 630 (from the recall), 1800, 900 (from the call after the transfer): 3930 / 4.
      avgServiceSeconds: 983,
      // Within target: A001 (600 ≤ 1200), B001, B002, B003 (≤ 1800), A006 (300 ≤ 1200): 5 of 7.
      serviceLevelPct: 71.4,
      byHour: hours({ 1: 1, 8: 1, 9: 2, 10: 2, 11: 2, 14: 1 }, { 9: 2, 10: 1, 11: 1 }),
    });
  });

  it('buckets by the hall’s local hour: 01:30Z is 09:30 in Beijing', () => {
    const hall = dayStatistics(db, DAY, TZ).hall;
    expect(hall.byHour[9]).toEqual({ hour: 9, issued: 2, served: 2 });
    expect(hall.byHour[1]).toEqual({ hour: 1, issued: 1, served: 0 });
    // Read in UTC the same tickets land elsewhere: the zone is honoured, not assumed.
    const utc = dayStatistics(db, DAY, 'UTC').hall;
    expect(utc.byHour[1]).toEqual({ hour: 1, issued: 2, served: 2 });
    expect(utc.byHour[17]).toEqual({ hour: 17, issued: 1, served: 0 });
  });

  it('counts each ticket for the service it was issued for, transfers included', () => {
    const [a, b, f] = dayStatistics(db, DAY, TZ).services;
    expect(a).toEqual({
      serviceCode: 'business-startup',
      serviceName: '企业开办',
      targetWaitMin: 20,
      issued: 6,
      served: 3,
      noShow: 1,
      cancelled: 1,
      waiting: 1,
      inService: 0,
      held: 0,
      called: 4,
      avgWaitSeconds: 1050, // (600 + 1800 + 1500 + 300) / 4
      maxWaitSeconds: 1800,
      avgServiceSeconds: 710, // (600 + 630 + 900) / 3
      serviceLevelPct: 50,
      byHour: hours({ 9: 2, 10: 2, 11: 1, 14: 1 }, { 9: 1, 10: 1, 11: 1 }),
    });
    expect(b).toEqual({
      serviceCode: 'real-estate',
      serviceName: '不动产登记',
      targetWaitMin: 30,
      issued: 3,
      served: 1,
      noShow: 0,
      cancelled: 0,
      waiting: 0,
      inService: 1,
      held: 1,
      called: 3,
      avgWaitSeconds: 900, // (900 + 600 + 1200) / 3
      maxWaitSeconds: 1200,
      avgServiceSeconds: 1800,
      serviceLevelPct: 100,
      byHour: hours({ 1: 1, 8: 1, 11: 1 }, { 9: 1 }),
    });
    expect(f).toEqual({ serviceCode: 'consulting', serviceName: '咨询', targetWaitMin: 10, ...empty });
  });

  it('counts each ticket for the window and the staff member that handled it last', () => {
    const stats = dayStatistics(db, DAY, TZ);
    const window1: StatFigures = {
      issued: 3,
      served: 2,
      noShow: 1,
      cancelled: 0,
      waiting: 0,
      inService: 0,
      held: 0,
      called: 3,
      avgWaitSeconds: 1300, // (600 + 1800 + 1500) / 3
      maxWaitSeconds: 1800,
      avgServiceSeconds: 615, // (600 + 630) / 2
      serviceLevelPct: 33.3,
      byHour: hours({ 9: 2, 10: 1 }, { 9: 1, 10: 1 }),
    };
    const window2: StatFigures = {
      issued: 4,
      served: 2,
      noShow: 0,
      cancelled: 0,
      waiting: 0,
      inService: 1,
      held: 1,
      called: 4,
      avgWaitSeconds: 750, // (900 + 600 + 1200 + 300) / 4
      maxWaitSeconds: 1200,
      avgServiceSeconds: 1350, // (1800 + 900) / 2
      serviceLevelPct: 100, // A006 against A's 20 min: 300 s
      byHour: hours({ 1: 1, 8: 1, 11: 2 }, { 9: 1, 11: 1 }),
    };
    expect(stats.windows).toEqual([
      { windowId: 1, windowNumber: 1, windowName: '综合受理 1', ...window1 },
      { windowId: 2, windowNumber: 2, windowName: '综合受理 2', ...window2 },
      { windowId: 3, windowNumber: 3, windowName: '社保医保', ...empty },
    ]);
    // S003 handled only a ticket of the day before: not listed.
    expect(stats.staff).toEqual([
      { staffId: 1, staffNo: 'S001', staffName: '王芳', ...window1 },
      { staffId: 2, staffNo: 'S002', staffName: '李强', ...window2 },
    ]);
  });

  it('reports totals and the tickets still open', () => {
    const report = endOfDayReport(db, DAY, TZ);
    expect(EndOfDayReport.parse(report)).toEqual(report);
    expect(report.hall).toEqual(dayStatistics(db, DAY, TZ).hall);
    expect(report.totals).toEqual({
      issued: 9,
      served: 4,
      noShow: 1,
      cancelled: 1,
      open: 3,
      outcomes: { done: 2, needsMaterials: 1, referred: 1, notHandled: 0, unrecorded: 0 },
      priorityClasses: { normal: 7, appointment: 1, elderly: 1, disabled: 0, vip: 0 },
      calls: 9,
      recalls: 1,
      printFailures: 1,
    });
    expect(report.openTickets).toEqual([
      {
        id: 8,
        number: 'B003',
        serviceCode: 'real-estate',
        status: 'held',
        priorityClass: 'normal',
        issuedAt: '2026-06-01T03:00:00.000Z',
        windowNumber: 2,
      },
      {
        id: 5,
        number: 'A005',
        serviceCode: 'business-startup',
        status: 'waiting',
        priorityClass: 'normal',
        issuedAt: '2026-06-01T06:00:00.000Z',
        windowNumber: null,
      },
      {
        id: 7,
        number: 'B002',
        serviceCode: 'real-estate',
        status: 'called',
        priorityClass: 'normal',
        issuedAt: '2026-06-01T17:30:00.000Z',
        windowNumber: 2,
      },
    ]);
  });

  it('reports a day with no tickets as zeros and nulls', () => {
    const report = endOfDayReport(db, '2026-06-02', TZ);
    expect(report.hall).toEqual(empty);
    expect(report.staff).toEqual([]);
    expect(report.openTickets).toEqual([]);
    expect(report.totals.issued).toBe(0);
  });

  describe('GET /stats/today and /stats/report', () => {
    let headers: { authorization: string } = { authorization: '' };
    async function app(now: string) {
      const clock = { now: () => new Date(now) };
      const auth = new StaffAuth({ db, clock, pepper: testPepper });
      if (!findStaffByNo(db, 'SUP1'))
        insertStaff(db, { staffNo: 'SUP1', name: '主任', role: 'supervisor', pinHash: await hashPin('135790') });
      headers = { authorization: `Bearer ${(await auth.signIn('SUP1', '135790')).token}` };
      const fastify = Fastify({ logger: false }).withTypeProvider<ZodTypeProvider>();
      fastify.setValidatorCompiler(validatorCompiler);
      fastify.setSerializerCompiler(serializerCompiler);
      installErrorHandling(fastify);
      installStaffRequest(fastify);
      const stats = new QueueStatistics({ db, clock, timeZone: TZ, resetHour: 3 });
      await fastify.register(statsRoutes({ stats, auth }), { prefix: '/api/v1' });
      return fastify;
    }

    it('shows statistics to signed-in staff only', async () => {
      const api = await app('2026-06-01T18:30:00Z');
      expect((await api.inject({ url: '/api/v1/stats/today' })).statusCode).toBe(401);
      await api.close();
    });

    it('serves today’s statistics, today turning over at the reset hour', async () => {
      // 02:30 on the 2nd in Beijing: still business day 2026-06-01.
      const api = await app('2026-06-01T18:30:00Z');
      const res = await api.inject({ url: '/api/v1/stats/today', headers });
      expect(res.statusCode).toBe(200);
      const body = DayStatistics.parse(res.json());
      expect(body.businessDay).toBe(DAY);
      expect(body.hall.issued).toBe(9);
      await api.close();
    });

    it('serves the report of a named day, today by default, and rejects a malformed day', async () => {
      const api = await app('2026-06-01T19:00:00Z'); // 03:00 on the 2nd: business day 2026-06-02
      const named = await api.inject({ url: '/api/v1/stats/report?day=2026-05-31', headers });
      expect(named.statusCode).toBe(200);
      const report = EndOfDayReport.parse(named.json());
      expect(report.totals).toMatchObject({ issued: 1, served: 1, calls: 1 });
      expect(report.staff.map((s) => s.staffNo)).toEqual(['S003']);
      const today = EndOfDayReport.parse((await api.inject({ url: '/api/v1/stats/report', headers })).json());
      expect(today.businessDay).toBe('2026-06-02');
      const bad = await api.inject({ url: '/api/v1/stats/report?day=June', headers });
      expect(bad.statusCode).toBe(400);
      expect(ApiError.parse(bad.json()).error.code).toBe('invalid_request');
      await api.close();
    });
  });
});
