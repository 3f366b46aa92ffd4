import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../db/open';
import { dayCallCount, dayTickets, recentServiceTimes, statServices, statStaff, statWindows } from '../../db/repositories/stats';
import { migrationsDir } from '../support/test-host';

describe('stats repository', () => {
  let dir: string;
  let db: Db;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'db-stats-'));
    db = openDatabase(join(dir, 'hall.sqlite'), { migrationsDir });
    db.exec(`
      INSERT INTO services (code, name, name_en, prefix, sort_order, target_wait_min) VALUES
        ('real-estate', '不动产登记', 'Real estate', 'B', 1, 30),
        ('business-startup', '企业开办', 'Business start-up', 'A', 0, 20);
      INSERT INTO staff (id, staff_no, name, role, pin_hash) VALUES (1, 'S002', '李强', 'staff', 'x'), (2, 'S001', '王芳', 'staff', 'x'), (3, 'S003', '赵敏', 'staff', 'x');
      INSERT INTO windows (id, number, name) VALUES (1, 2, '综合受理 2'), (2, 1, '综合受理 1');
      INSERT INTO tickets (id, business_day, issued_service, service_code, seq, number, status, priority_class, issued_at, queue_key,
                           first_called_at, called_at, window_id, staff_id, recall_count, finished_at, outcome, print_status) VALUES
        (1, '2026-06-01', 'business-startup', 'business-startup', 1, 'A001', 'finished', 'elderly', '2026-06-01T01:30:00.000Z', 1,
         '2026-06-01T01:40:00.000Z', '2026-06-01T01:45:00.000Z', 2, 2, 1, '2026-06-01T01:55:00.000Z', 'done', 'printed'),
        (2, '2026-06-01', 'business-startup', 'real-estate', 2, 'A002', 'finished', 'normal', '2026-06-01T01:20:00.000Z', 2,
         '2026-06-01T02:00:00.000Z', NULL, 1, 1, 0, '2026-06-01T02:04:00.000Z', 'referred', 'failed'),
        (3, '2026-06-01', 'real-estate', 'real-estate', 1, 'B001', 'waiting', 'normal', '2026-06-01T02:30:00.000Z', 3,
         NULL, NULL, NULL, NULL, 0, NULL, NULL, 'none'),
        (4, '2026-05-31', 'business-startup', 'business-startup', 1, 'A001', 'finished', 'normal', '2026-05-31T01:00:00.000Z', 1,
         '2026-05-31T01:10:00.000Z', '2026-05-31T01:10:00.000Z', 1, 3, 0, '2026-05-31T01:12:00.000Z', 'done', 'printed'),
        (5, '2026-06-01', 'real-estate', 'real-estate', 2, 'B002', 'no_show', 'normal', '2026-06-01T02:40:00.000Z', 4,
         '2026-06-01T02:50:00.000Z', '2026-06-01T02:50:00.000Z', 1, 1, 0, '2026-06-01T02:55:00.000Z', NULL, 'printed');
      INSERT INTO calls (ticket_id, window_id, staff_id, kind, called_at) VALUES
        (1, 2, 2, 'call', '2026-06-01T01:40:00.000Z'), (1, 2, 2, 'recall', '2026-06-01T01:45:00.000Z'),
        (2, 1, 1, 'call', '2026-06-01T02:00:00.000Z'), (4, 1, 3, 'call', '2026-05-31T01:10:00.000Z'),
        (5, 1, 1, 'call', '2026-06-01T02:50:00.000Z');
    `);
  });
  afterAll(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads the tickets of one business day in issue order, with the issued service’s target', () => {
    const rows = dayTickets(db, '2026-06-01');
    expect(rows.map((r) => r.id)).toEqual([2, 1, 3, 5]);
    expect(rows[1]).toEqual({
      id: 1,
      number: 'A001',
      issuedService: 'business-startup',
      serviceCode: 'business-startup',
      status: 'finished',
      priorityClass: 'elderly',
      issuedAt: '2026-06-01T01:30:00.000Z',
      firstCalledAt: '2026-06-01T01:40:00.000Z',
      calledAt: '2026-06-01T01:45:00.000Z',
      finishedAt: '2026-06-01T01:55:00.000Z',
      windowId: 2,
      staffId: 2,
      outcome: 'done',
      recallCount: 1,
      printStatus: 'printed',
      targetWaitMin: 20,
    });
    // Transferred to real estate, still judged by the target of what it was issued for.
    expect(rows[0]).toMatchObject({
      id: 2,
      issuedService: 'business-startup',
      serviceCode: 'real-estate',
      targetWaitMin: 20,
      calledAt: null,
    });
    expect(rows[2]).toMatchObject({ id: 3, targetWaitMin: 30, windowId: null, staffId: null, outcome: null });
    expect(dayTickets(db, '2026-06-02')).toEqual([]);
  });

  it('lists services in display order and windows by number', () => {
    expect(statServices(db)).toEqual([
      { code: 'business-startup', name: '企业开办', targetWaitMin: 20 },
      { code: 'real-estate', name: '不动产登记', targetWaitMin: 30 },
    ]);
    expect(statWindows(db)).toEqual([
      { id: 2, number: 1, name: '综合受理 1' },
      { id: 1, number: 2, name: '综合受理 2' },
    ]);
  });

  it('lists only the staff who handled tickets that day, by staff number', () => {
    expect(statStaff(db, '2026-06-01')).toEqual([
      { id: 2, staffNo: 'S001', name: '王芳' },
      { id: 1, staffNo: 'S002', name: '李强' },
    ]);
    expect(statStaff(db, '2026-05-31')).toEqual([{ id: 3, staffNo: 'S003', name: '赵敏' }]);
  });

  it('counts the call rows of a day’s tickets', () => {
    expect(dayCallCount(db, '2026-06-01')).toBe(4);
    expect(dayCallCount(db, '2026-05-31')).toBe(1);
    expect(dayCallCount(db, '2026-06-02')).toBe(0);
  });

  it('gives the latest finished service times oldest first, from the latest call, in the final service', () => {
    expect(recentServiceTimes(db, { since: '2026-05-01T00:00:00.000Z', limit: 10 })).toEqual([
      { serviceCode: 'business-startup', serviceSeconds: 120 }, // 4: 01:10 → 01:12
      { serviceCode: 'business-startup', serviceSeconds: 600 }, // 1: from the recall at 01:45, not the call at 01:40
      { serviceCode: 'real-estate', serviceSeconds: 240 }, // 2: no called_at, first call 02:00 → 02:04
    ]);
    // The limit keeps the newest, still returned oldest first.
    expect(recentServiceTimes(db, { since: '2026-05-01T00:00:00.000Z', limit: 2 }).map((r) => r.serviceSeconds)).toEqual([
      600, 240,
    ]);
    expect(recentServiceTimes(db, { since: '2026-06-01T00:00:00.000Z', limit: 10 })).toHaveLength(2);
  });
});
