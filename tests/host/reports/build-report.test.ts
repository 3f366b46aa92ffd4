import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Report, type ReportFigures } from '../../../contracts/reports';
import { openDatabase, type Db } from '../../../db/open';
import { buildReport } from '../../../host/reports/build-report';
import { migrationsDir } from '../../support/test-host';
import { NOW, RANGE, RESET_HOUR, seedReportHistory, TZ } from './history';

const none = { avg: null, median: null, p90: null, max: null };
const noRatings = { very_satisfied: 0, satisfied: 0, basic: 0, dissatisfied: 0, very_dissatisfied: 0 };
/** A group with nothing in the range. */
const EMPTY: ReportFigures = {
  issued: 0,
  served: 0,
  noShow: 0,
  cancelled: 0,
  open: 0,
  noShowPct: null,
  transfers: 0,
  called: 0,
  wait: none,
  service: none,
  serviceLevelPct: null,
  ratings: noRatings,
  rated: 0,
  satisfactionPct: null,
  badReviews: 0,
  overturned: 0,
  rectificationDue: 0,
  rectifiedOnTime: 0,
  onTimeRectificationPct: null,
};

describe('the report of a range (a hand-made history, every figure worked out)', () => {
  let dir: string;
  let db: Db;
  let report: Report;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'reports-'));
    db = openDatabase(join(dir, 'hall.sqlite'), { migrationsDir, synchronous: 'NORMAL' });
    seedReportHistory(db);
    report = buildReport(db, {
      ...RANGE,
      today: '2026-04-02',
      timeZone: TZ,
      resetHour: RESET_HOUR,
      hallId: 'hall-01',
      hallName: '测试政务服务中心',
      generatedAt: NOW,
    });
  });
  afterAll(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('fits its contract and names the range', () => {
    expect(Report.parse(report)).toEqual(report);
    expect(report).toMatchObject({
      hallId: 'hall-01',
      hallName: '测试政务服务中心',
      timeZone: TZ,
      from: '2026-03-30',
      to: '2026-04-02',
      days: 4,
      openDays: 4,
      generatedAt: NOW.toISOString(),
    });
  });

  it('totals the hall: tickets of the range only, a 01:30 ticket in the day before the reset', () => {
    expect(report.hall).toEqual({
      issued: 9,
      served: 5,
      noShow: 1,
      cancelled: 2,
      open: 1,
      // 1 of the 6 called whose visit ended.
      noShowPct: 16.7,
      transfers: 1,
      called: 6,
      // Waits 120, 300, 600, 1200, 1800, 2400 s: mean 1070, the 3rd of 6, the 6th of 6.
      wait: { avg: 1070, median: 600, p90: 2400, max: 2400 },
      // Service 600, 600, 600, 1200, 1800 s (ticket 2 from its recall, ticket 7 from its second call).
      service: { avg: 960, median: 600, p90: 1800, max: 1800 },
      // Tickets 1, 3, 5 and 7 within their service's target.
      serviceLevelPct: 66.7,
      ratings: { very_satisfied: 1, satisfied: 2, basic: 2, dissatisfied: 3, very_dissatisfied: 2 },
      rated: 10,
      // 3 at 'satisfied' or above of the 9 that count (the overturned 差评 counts in none).
      satisfactionPct: 33.3,
      // Five needed a callback, one was overturned.
      badReviews: 4,
      overturned: 1,
      // e3 on time, e4 a day late (by the hall's date, not UTC's); e7 not due; e8 has no deadline.
      rectificationDue: 2,
      rectifiedOnTime: 1,
      onTimeRectificationPct: 50,
    });
  });

  it('counts a ticket for the service it was issued for, its transfer too', () => {
    expect(report.services.map((s) => s.serviceCode)).toEqual(['business-startup', 'real-estate']);
    const [a, b] = report.services;
    expect(a).toEqual({
      serviceCode: 'business-startup',
      serviceName: '企业开办',
      targetWaitMin: 20,
      issued: 5,
      served: 4,
      noShow: 0,
      cancelled: 0,
      open: 1,
      noShowPct: 0,
      transfers: 1,
      called: 4,
      wait: { avg: 705, median: 300, p90: 1800, max: 1800 },
      service: { avg: 900, median: 600, p90: 1800, max: 1800 },
      serviceLevelPct: 75,
      ratings: { ...noRatings, very_satisfied: 1, satisfied: 1, dissatisfied: 2 },
      rated: 4,
      satisfactionPct: 66.7,
      badReviews: 1,
      overturned: 1,
      rectificationDue: 1,
      rectifiedOnTime: 1,
      onTimeRectificationPct: 100,
    });
    expect(b).toEqual({
      serviceCode: 'real-estate',
      serviceName: '不动产登记',
      targetWaitMin: 30,
      issued: 4,
      served: 1,
      noShow: 1,
      cancelled: 2,
      open: 0,
      noShowPct: 50,
      transfers: 0,
      called: 2,
      wait: { avg: 1800, median: 1200, p90: 2400, max: 2400 },
      service: { avg: 1200, median: 1200, p90: 1200, max: 1200 },
      serviceLevelPct: 50,
      ratings: { ...noRatings, very_dissatisfied: 1 },
      rated: 1,
      satisfactionPct: 0,
      badReviews: 1,
      overturned: 0,
      rectificationDue: 1,
      rectifiedOnTime: 0,
      onTimeRectificationPct: 0,
    });
  });

  it('counts a ticket for the window that handled it last and a transfer for the window that made it', () => {
    // Window 3 had nothing and is listed; retired window 9 had nothing and is not.
    expect(report.windows.map((w) => w.windowNumber)).toEqual([1, 2, 3]);
    const [w1, w2, w3] = report.windows;
    expect(w1).toEqual({
      windowId: 1,
      windowNumber: 1,
      windowName: '综合受理 1',
      ...EMPTY,
      issued: 3,
      served: 3,
      noShowPct: 0,
      called: 3,
      wait: { avg: 840, median: 600, p90: 1800, max: 1800 },
      service: { avg: 600, median: 600, p90: 600, max: 600 },
      serviceLevelPct: 66.7,
      ratings: { ...noRatings, very_satisfied: 1, satisfied: 1, dissatisfied: 1 },
      rated: 3,
      satisfactionPct: 100,
      overturned: 1,
    });
    expect(w2).toEqual({
      windowId: 2,
      windowNumber: 2,
      windowName: '综合受理 2',
      ...EMPTY,
      issued: 3,
      served: 2,
      noShow: 1,
      noShowPct: 33.3,
      transfers: 1,
      called: 3,
      wait: { avg: 1300, median: 1200, p90: 2400, max: 2400 },
      service: { avg: 1500, median: 1200, p90: 1800, max: 1800 },
      serviceLevelPct: 66.7,
      ratings: { ...noRatings, dissatisfied: 1, very_dissatisfied: 1 },
      rated: 2,
      satisfactionPct: 0,
      badReviews: 2,
      rectificationDue: 2,
      rectifiedOnTime: 1,
      onTimeRectificationPct: 50,
    });
    expect(w3).toEqual({ windowId: 3, windowNumber: 3, windowName: '社保医保', ...EMPTY });
  });

  it('lists the staff the range names: who served, transferred or was rated', () => {
    expect(report.staff.map((s) => s.staffNo)).toEqual(['S001', 'S002', 'S003']);
    const [s1, s2, s3] = report.staff;
    expect(s1).toMatchObject({
      staffName: '王芳',
      issued: 2,
      wait: { avg: 1200, median: 600, p90: 1800, max: 1800 },
      serviceLevelPct: 50,
      rated: 2,
      satisfactionPct: 100,
    });
    expect(s2).toMatchObject({ staffName: '李强', issued: 3, transfers: 1, badReviews: 2, onTimeRectificationPct: 50 });
    // S003's only rating was overturned: rated, but no satisfaction rate.
    expect(s3).toMatchObject({
      staffName: '赵敏',
      issued: 1,
      served: 1,
      wait: { avg: 120, median: 120, p90: 120, max: 120 },
      serviceLevelPct: 100,
      rated: 1,
      overturned: 1,
      satisfactionPct: null,
      badReviews: 0,
    });
  });

  it('gives every day of the range', () => {
    expect(report.daily).toEqual([
      { date: '2026-03-30', issued: 5, served: 2, noShow: 1 },
      { date: '2026-03-31', issued: 2, served: 2, noShow: 0 },
      { date: '2026-04-01', issued: 1, served: 1, noShow: 0 },
      { date: '2026-04-02', issued: 1, served: 0, noShow: 0 },
    ]);
  });

  it('maps arrivals by weekday of the business day and hour of the hall’s clock', () => {
    const hours = (entries: Record<number, number>) => Array.from({ length: 24 }, (_, h) => entries[h] ?? 0);
    expect(report.arrivals).toEqual([
      { weekday: 1, days: 1, hours: hours({ 1: 1, 9: 2, 14: 2 }) },
      { weekday: 2, days: 1, hours: hours({ 10: 2 }) },
      { weekday: 3, days: 1, hours: hours({ 9: 1 }) },
      { weekday: 4, days: 1, hours: hours({ 10: 1 }) },
      { weekday: 5, days: 0, hours: hours({}) },
      { weekday: 6, days: 0, hours: hours({}) },
      { weekday: 7, days: 0, hours: hours({}) },
    ]);
  });

  it('ranks the windows of each month by satisfaction, then service level, then served', () => {
    expect(report.ranking).toEqual([
      {
        month: '2026-03',
        windows: [
          {
            rank: 1,
            windowId: 1,
            windowNumber: 1,
            windowName: '综合受理 1',
            satisfactionPct: 100,
            serviceLevelPct: 50,
            served: 2,
            rated: 2,
          },
          {
            rank: 2,
            windowId: 2,
            windowNumber: 2,
            windowName: '综合受理 2',
            satisfactionPct: 0,
            serviceLevelPct: 66.7,
            served: 2,
            rated: 2,
          },
        ],
      },
      {
        month: '2026-04',
        windows: [
          {
            rank: 1,
            windowId: 1,
            windowNumber: 1,
            windowName: '综合受理 1',
            satisfactionPct: null,
            serviceLevelPct: 100,
            served: 1,
            rated: 1,
          },
        ],
      },
    ]);
  });

  it('gives a range without history zeros, every service and window still listed', () => {
    const quiet = buildReport(db, {
      from: '2025-01-01',
      to: '2025-01-31',
      today: '2026-04-02',
      timeZone: TZ,
      resetHour: RESET_HOUR,
      hallId: 'hall-01',
      hallName: '测试政务服务中心',
      generatedAt: NOW,
    });
    expect(quiet.hall).toEqual(EMPTY);
    expect(quiet.openDays).toBe(0);
    expect(quiet.daily).toHaveLength(31);
    expect(quiet.services.map((s) => s.serviceCode)).toEqual(['business-startup', 'real-estate']);
    expect(quiet.windows.map((w) => w.windowNumber)).toEqual([1, 2, 3]);
    expect(quiet.staff).toEqual([]);
    expect(quiet.ranking).toEqual([{ month: '2025-01', windows: [] }]);
  });
});

describe('the monthly window ranking', () => {
  it('shares a rank between windows equal on all three scores and puts a window without ratings last', () => {
    const dir = mkdtempSync(join(tmpdir(), 'reports-ranking-'));
    const db = openDatabase(join(dir, 'hall.sqlite'), { migrationsDir, synchronous: 'NORMAL' });
    try {
      db.exec(`
        INSERT INTO services (code, name, name_en, prefix, target_wait_min) VALUES ('a', '事项', 'A', 'A', 20);
        INSERT INTO windows (id, number, name) VALUES (1, 1, '一'), (2, 2, '二'), (3, 3, '三'), (4, 4, '四');
      `);
      const ticket = db.prepare(
        `INSERT INTO tickets (id, business_day, issued_service, service_code, seq, number, status, issued_at, queue_key,
           first_called_at, called_at, window_id, finished_at)
         VALUES (?, '2026-05-06', 'a', 'a', ?, ?, 'finished', '2026-05-06T01:00:00.000Z', ?, ?, ?, ?, '2026-05-06T02:00:00.000Z')`,
      );
      const inTarget = '2026-05-06T01:01:00.000Z';
      const late = '2026-05-06T01:30:00.000Z';
      const calls: [number, string][] = [
        [1, inTarget],
        [2, inTarget],
        [3, inTarget],
        [3, inTarget],
        [4, late],
      ];
      calls.forEach(([windowId, calledAt], i) => ticket.run(i + 1, i + 1, `A${i + 1}`, i + 1, calledAt, calledAt, windowId));
      const rating = db.prepare(
        `INSERT INTO evaluations (id, level, subject_kind, ticket_number, window_number, staff_number, callback_required, evaluated_at, ticket_id)
         VALUES (?, ?, 'ticket', ?, ?, 'S1', 0, '2026-05-06T03:00:00.000Z', ?)`,
      );
      rating.run('r1', 'satisfied', 'A1', '1', 1);
      rating.run('r2', 'satisfied', 'A2', '2', 2);
      rating.run('r5', 'very_satisfied', 'A5', '4', 5);
      const report = buildReport(db, {
        from: '2026-05-01',
        to: '2026-05-31',
        today: '2026-06-01',
        timeZone: TZ,
        resetHour: RESET_HOUR,
        hallId: 'hall-01',
        hallName: '厅',
        generatedAt: NOW,
      });
      expect(report.ranking).toHaveLength(1);
      expect(
        report.ranking[0]?.windows.map((w) => [w.windowNumber, w.rank, w.satisfactionPct, w.serviceLevelPct, w.served]),
      ).toEqual([
        [1, 1, 100, 100, 1],
        [2, 1, 100, 100, 1],
        [4, 3, 100, 0, 1],
        [3, 4, null, 100, 2],
      ]);
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
