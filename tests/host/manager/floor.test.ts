import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StaffPrincipal } from '../../../contracts/auth';
import { HostConfig, type HostConfigInput } from '../../../contracts/config';
import type { FloorSnapshot } from '../../../contracts/floor';
import { HallAlertThresholds, type HallAlertThresholds as Thresholds } from '../../../contracts/hall-settings';
import type { DeviceHealth } from '../../../contracts/health';
import type { BreakerState } from '../../../contracts/sync';
import { listAudit } from '../../../db/repositories/audit';
import { insertEvaluation } from '../../../db/repositories/evaluations';
import { openDatabase, type Db } from '../../../db/open';
import { enqueue } from '../../../db/repositories/outbox';
import { assignWindow, insertStaff } from '../../../db/repositories/staff';
import type { Clock } from '../../../host/clock/clock';
import type { HallEvent } from '../../../contracts/events';
import { EventBus } from '../../../host/events/event-bus';
import { DeviceStateSince } from '../../../host/manager/device-state-since';
import { FloorService } from '../../../host/manager/floor';
import { FloorWatch } from '../../../host/manager/floor-watch';
import { QueueService } from '../../../host/queue/queue-service';
import { endOfDayReport } from '../../../host/queue/statistics';
import { migrationsDir } from '../../support/test-host';

class FakeClock implements Clock {
  constructor(public instant: Date) {}
  now() {
    return this.instant;
  }
  set(iso: string) {
    this.instant = new Date(iso);
  }
  advanceMinutes(m: number) {
    this.instant = new Date(this.instant.getTime() + m * 60_000);
  }
}

/** Monday 2026-06-01, 09:00 in Beijing. */
const MONDAY_9AM = '2026-06-01T01:00:00.000Z';
const SUPERVISOR: StaffPrincipal = { id: 0, staffNo: '9001', name: '值班主任', role: 'supervisor', windowId: null };

describe('the manager’s live floor', () => {
  let dir: string;
  let db: Db;
  let bus: EventBus;
  let clock: FakeClock;
  let queue: QueueService;
  let floor: FloorService;
  let thresholds: Thresholds;
  let devices: DeviceHealth[];
  let breaker: { state: BreakerState; openSince: string | null };
  let events: HallEvent[];
  let supervisor: StaffPrincipal;

  const open = (overrides: HostConfigInput = {}) => {
    const config = HostConfig.parse(overrides);
    db = openDatabase(join(dir, 'hall.sqlite'), { migrationsDir });
    queue = new QueueService({ db, bus, clock, timeZone: config.timeZone, hours: config.hours, policy: config.queue });
    queue.seed(config.services, config.windows);
    floor = new FloorService({
      db,
      clock,
      bus,
      timeZone: config.timeZone,
      resetHour: config.queue.dailyResetHour,
      thresholds: () => thresholds,
      devices: () => devices,
      deviceSince: new DeviceStateSince(bus, clock),
      breaker: () => breaker,
    });
    const boss = insertStaff(db, { staffNo: '9001', name: '值班主任', role: 'supervisor', pinHash: 'x' });
    supervisor = { ...SUPERVISOR, id: boss.id };
  };
  const windowId = (n: number) => {
    const w = queue.windows().find((x) => x.number === n);
    if (!w) throw new Error(`window ${n} missing`);
    return w.id;
  };
  /** A clerk signed in at a window (the floor reads windows.staff_id). */
  const staffWindow = (n: number, staffNo: string, name: string) => {
    const s = insertStaff(db, { staffNo, name, role: 'staff', pinHash: 'x' });
    assignWindow(db, windowId(n), s.id);
    return s.id;
  };
  const issue = (serviceCode: string, identity: { key: string; age: number } | null = null) =>
    queue.issue({ serviceCode, identity });
  const windowOf = (f: FloorSnapshot, n: number) => f.windows.find((w) => w.number === n);
  const serviceOf = (f: FloorSnapshot, code: string) => f.services.find((s) => s.code === code);
  const badReview = (id: string, evaluatedAt: string) =>
    insertEvaluation(db, {
      id,
      level: 'very_dissatisfied',
      reason: '等候时间太长',
      comment: '电话 13800000000',
      subject: { kind: 'ticket', ticketId: null, ticketNumber: 'A001', windowNumber: '1', staffNumber: '1001' },
      callbackRequired: true,
      evaluatedAt,
    });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'floor-'));
    bus = new EventBus(2000, () => clock.now());
    events = [];
    bus.subscribe((e) => events.push(e));
    clock = new FakeClock(new Date(MONDAY_9AM));
    thresholds = HallAlertThresholds.parse({});
    devices = [];
    breaker = { state: 'closed', openSince: null };
    open();
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows the waiting per service with the longest wait, and every window: open, paused or closed', () => {
    issue('business-startup');
    issue('business-startup');
    clock.advanceMinutes(5);
    issue('real-estate');
    staffWindow(1, '1001', '王小明');
    staffWindow(3, '1003', '李华');
    queue.callNext(windowId(1), { staffId: null });
    queue.setPaused(windowId(3), true, { staffId: null });
    clock.advanceMinutes(2);

    const f = floor.snapshot();
    expect(f).toMatchObject({ at: '2026-06-01T01:07:00.000Z', businessDay: '2026-06-01', timeZone: 'Asia/Shanghai' });
    expect(serviceOf(f, 'business-startup')).toMatchObject({
      waiting: 1,
      longestWaitTicket: 'A002',
      longestWaitSeconds: 7 * 60,
      targetWaitMin: 20,
      called: 1,
      serviceLevelPct: 100,
    });
    expect(serviceOf(f, 'real-estate')).toMatchObject({ waiting: 1, longestWaitTicket: 'B001', longestWaitSeconds: 2 * 60 });
    expect(serviceOf(f, 'consulting')).toMatchObject({ waiting: 0, longestWaitSeconds: null, serviceLevelPct: null });
    expect(f.hall).toEqual({ waiting: 2, longestWaitSeconds: 7 * 60, called: 1, served: 0, serviceLevelPct: 100 });
    expect(windowOf(f, 1)).toEqual({
      id: windowId(1),
      number: 1,
      name: '综合受理 1',
      services: ['business-startup', 'consulting'],
      status: 'open',
      pausedAt: null,
      pausedSeconds: null,
      staff: { staffNo: '1001', name: '王小明' },
      serving: {
        ticketNumber: 'A001',
        serviceCode: 'business-startup',
        calledAt: '2026-06-01T01:05:00.000Z',
        servingSeconds: 120,
      },
      held: 0,
      servedToday: 0,
    });
    expect(windowOf(f, 3)).toMatchObject({ status: 'paused', pausedAt: '2026-06-01T01:05:00.000Z', pausedSeconds: 120 });
    expect(windowOf(f, 2)).toMatchObject({ status: 'closed', staff: null, serving: null });
    expect(f.alerts).toEqual([]);
  });

  it('counts today’s service level as the day’s report does', () => {
    staffWindow(1, '1001', '王小明');
    for (let i = 0; i < 4; i++) issue('business-startup');
    queue.callNext(windowId(1), { staffId: null });
    clock.advanceMinutes(25);
    queue.finish(windowId(1), 'done', { staffId: null });
    queue.callNext(windowId(1), { staffId: null });
    queue.finish(windowId(1), 'done', { staffId: null });
    queue.callNext(windowId(1), { staffId: null });

    const f = floor.snapshot();
    const report = endOfDayReport(db, '2026-06-01', 'Asia/Shanghai');
    const reported = report.services.find((s) => s.serviceCode === 'business-startup');
    expect(serviceOf(f, 'business-startup')).toMatchObject({
      called: reported?.called,
      serviceLevelPct: reported?.serviceLevelPct,
    });
    expect(serviceOf(f, 'business-startup')?.serviceLevelPct).toBe(33.3);
    expect(f.hall).toMatchObject({ called: report.hall.called, serviceLevelPct: report.hall.serviceLevelPct, served: 2 });
    expect(windowOf(f, 1)).toMatchObject({ servedToday: 2, serving: { ticketNumber: 'A003' } });
  });

  it('alerts on a staffed window paused past the threshold, as the host’s clock runs', () => {
    staffWindow(2, '1002', '赵敏');
    queue.setPaused(windowId(2), true, { staffId: null });
    queue.setPaused(windowId(4), true, { staffId: null });
    clock.advanceMinutes(15);
    expect(floor.snapshot().alerts).toEqual([]);
    clock.advanceMinutes(1);
    expect(floor.snapshot().alerts).toEqual([
      expect.objectContaining({ kind: 'window_paused', windowNumber: 2, since: MONDAY_9AM, pausedSeconds: 16 * 60 }),
    ]);
    // Pausing again keeps the pause's start; resuming ends it.
    queue.setPaused(windowId(2), true, { staffId: null });
    expect(windowOf(floor.snapshot(), 2)?.pausedAt).toBe(MONDAY_9AM);
    queue.setPaused(windowId(2), false, { staffId: null });
    expect(windowOf(floor.snapshot(), 2)).toMatchObject({ status: 'open', pausedAt: null, pausedSeconds: null });
    expect(floor.snapshot().alerts).toEqual([]);
  });

  it('measures a pause in real time across the hall zone’s clock change, not in wall-clock minutes', () => {
    db.close();
    rmSync(join(dir, 'hall.sqlite'));
    // Berlin springs forward at 02:00 on 2026-03-29: 01:50 to 03:05 on the wall is 15 minutes.
    const allDay = [{ from: '00:00', to: '24:00' }];
    const hours = { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay };
    clock.set('2026-03-29T00:50:00.000Z');
    open({ timeZone: 'Europe/Berlin', hours, queue: { dailyResetHour: 0 } });
    staffWindow(1, '1001', '王小明');
    queue.setPaused(windowId(1), true, { staffId: null });
    clock.set('2026-03-29T01:05:00.000Z');
    const f = floor.snapshot();
    expect(f.timeZone).toBe('Europe/Berlin');
    expect(windowOf(f, 1)?.pausedSeconds).toBe(15 * 60);
    expect(f.alerts).toEqual([]);
    clock.advanceMinutes(1);
    expect(floor.snapshot().alerts).toMatchObject([{ kind: 'window_paused', pausedSeconds: 16 * 60 }]);
  });

  it('alerts per service on tickets still waiting for their first call past the target', () => {
    staffWindow(3, '1003', '李华');
    issue('social-security');
    issue('social-security');
    clock.advanceMinutes(10);
    issue('social-security');
    clock.advanceMinutes(10);
    expect(floor.snapshot().alerts).toEqual([]);
    clock.advanceMinutes(1);
    // The first is called now (21 minutes: too late for the service level, but no longer waiting).
    queue.callNext(windowId(3), { staffId: null });
    expect(floor.snapshot().alerts).toEqual([
      {
        kind: 'wait_over_target',
        key: 'wait_over_target:social-security',
        severity: 'warning',
        since: MONDAY_9AM,
        serviceCode: 'social-security',
        serviceName: '社保医保',
        tickets: 1,
        oldestTicket: 'C002',
        longestWaitSeconds: 21 * 60,
        targetWaitMin: 20,
      },
    ]);
    // A 过号 ticket back in the line was called already: its wait is counted, it does not alert.
    queue.skip(windowId(3), { staffId: null });
    expect(floor.snapshot().alerts).toMatchObject([{ tickets: 1, oldestTicket: 'C002' }]);
    clock.advanceMinutes(20);
    expect(floor.snapshot().alerts).toMatchObject([{ severity: 'critical', tickets: 2, oldestTicket: 'C002' }]);
  });

  it('alerts on this host’s printer, since the state began', () => {
    devices = [
      { id: 'idcard-1', kind: 'idcard', simulated: true, state: 'no-device', errorCount: 0 },
      { id: 'printer-1', kind: 'printer', simulated: true, state: 'ok', errorCount: 0 },
    ];
    expect(floor.snapshot().alerts).toEqual([]);
    clock.advanceMinutes(3);
    bus.publish({ type: 'device.status', deviceId: 'printer-1', state: 'paper-end' });
    devices = [devices[0]!, { ...devices[1]!, state: 'paper-end' }];
    clock.advanceMinutes(4);
    expect(floor.snapshot().alerts).toEqual([
      {
        kind: 'printer',
        key: 'printer:printer-1:paper-end',
        severity: 'critical',
        since: '2026-06-01T01:03:00.000Z',
        deviceId: 'printer-1',
        state: 'paper-end',
      },
    ]);
  });

  it('calls the sync stuck when the oldest record owed passes the threshold, or the breaker opens', () => {
    db.transaction(() =>
      enqueue(db, { kind: 'evaluation', recordId: 'ev-x', orderingKey: 'ev-x', payload: {}, now: clock.now() }),
    )();
    clock.advanceMinutes(10);
    expect(floor.snapshot().alerts).toEqual([]);
    breaker = { state: 'open', openSince: '2026-06-01T01:08:00.000Z' };
    expect(floor.snapshot().alerts).toMatchObject([
      { kind: 'sync_stuck', severity: 'warning', since: '2026-06-01T01:08:00.000Z', pending: 1, breaker: 'open' },
    ]);
    thresholds = HallAlertThresholds.parse({ syncStuckMinutes: 5 });
    expect(floor.snapshot().alerts).toMatchObject([
      { kind: 'sync_stuck', severity: 'critical', since: MONDAY_9AM, oldestPendingSeconds: 600, thresholdMinutes: 5 },
    ]);
  });

  it('alerts on today’s 差评 by the hall’s business day, not the UTC date', () => {
    // 07:30 in Beijing on 2 June is still 1 June in UTC; the day turns over at 03:00 Beijing time.
    clock.set('2026-06-01T23:30:00.000Z');
    badReview('ev-today', '2026-06-01T20:00:00.000Z'); // 04:00 Beijing, 2 June: today
    badReview('ev-yesterday', '2026-06-01T18:30:00.000Z'); // 02:30 Beijing, 2 June: still 1 June's business day
    const f = floor.snapshot();
    expect(f.businessDay).toBe('2026-06-02');
    expect(f.alerts).toEqual([
      {
        kind: 'bad_review',
        key: 'bad_review:ev-today',
        severity: 'warning',
        since: '2026-06-01T20:00:00.000Z',
        evaluationId: 'ev-today',
        level: 'very_dissatisfied',
        ticketNumber: 'A001',
        windowNumber: '1',
        staffNumber: '1001',
        caseNumber: null,
      },
    ]);
    // What the citizen wrote stays out of the floor.
    expect(JSON.stringify(f)).not.toMatch(/等候时间太长|13800000000/);
  });

  it('drops a 差评 once a supervisor saw it (audited, once) or its follow-up has a handler', () => {
    badReview('ev-1', '2026-06-01T00:30:00.000Z');
    badReview('ev-2', '2026-06-01T00:40:00.000Z');
    expect(floor.snapshot().alerts.map((a) => a.key)).toEqual(['bad_review:ev-1', 'bad_review:ev-2']);

    const after = floor.markReviewSeen('ev-1', supervisor);
    expect(after.alerts.map((a) => a.key)).toEqual(['bad_review:ev-2']);
    expect(events.filter((e) => e.type === 'floor.changed')).toEqual([expect.objectContaining({ alerts: 1 })]);
    floor.markReviewSeen('ev-1', supervisor);
    expect(events.filter((e) => e.type === 'floor.changed')).toHaveLength(1);
    expect(listAudit(db, { limit: 100 }).filter((e) => e.action === 'floor.review_seen')).toHaveLength(1);

    db.prepare(
      `INSERT INTO review_followups (evaluation_id, opened_at, due_date, handler_staff_number, assigned_at, assigned_by)
       VALUES ('ev-2', ?, '2026-06-05', '9001', ?, '9001')`,
    ).run(MONDAY_9AM, MONDAY_9AM);
    expect(floor.snapshot().alerts).toEqual([]);
  });

  it('refuses to mark an unknown rating, or one that is no 差评, as seen', () => {
    insertEvaluation(db, {
      id: 'ev-good',
      level: 'satisfied',
      reason: null,
      comment: null,
      subject: { kind: 'case', caseNumber: 'C-1' },
      callbackRequired: false,
      evaluatedAt: MONDAY_9AM,
    });
    expect(() => floor.markReviewSeen('nope', supervisor)).toThrow(expect.objectContaining({ code: 'not_found' }));
    expect(() => floor.markReviewSeen('ev-good', supervisor)).toThrow(expect.objectContaining({ code: 'invalid_request' }));
  });

  it('shows ticket numbers and staff numbers, never a citizen’s data', () => {
    issue('business-startup', { key: 'k'.repeat(64), age: 80 });
    staffWindow(1, '1001', '王小明');
    queue.callNext(windowId(1), { staffId: null });
    const text = JSON.stringify(floor.snapshot());
    expect(text).toContain('A001');
    expect(text).not.toContain('k'.repeat(64));
  });

  describe('the watch', () => {
    it('tells screens when time raised or cleared an alert, or someone signed in, and stays quiet otherwise', () => {
      const watch = new FloorWatch({ floor, bus });
      const changed = () => events.filter((e) => e.type === 'floor.changed');
      staffWindow(2, '1002', '赵敏');
      queue.setPaused(windowId(2), true, { staffId: null });
      watch.check();
      clock.advanceMinutes(10);
      watch.check();
      expect(changed()).toEqual([]);
      clock.advanceMinutes(6);
      watch.check();
      expect(changed()).toEqual([expect.objectContaining({ alerts: 1 })]);
      watch.check();
      expect(changed()).toHaveLength(1);
      // Twice the threshold: the alert turns critical.
      clock.advanceMinutes(15);
      watch.check();
      expect(changed()).toHaveLength(2);
      staffWindow(4, '1004', '孙丽');
      watch.check();
      expect(changed()).toHaveLength(3);
    });
  });
});
