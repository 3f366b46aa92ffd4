import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../db/open';
import {
  eachReportRating,
  eachReportTicket,
  reportFollowups,
  reportServices,
  reportStaff,
  reportTransfers,
  reportWindows,
  type ReportRatingRow,
  type ReportTicketRow,
} from '../../db/repositories/reports';
import { seedReportHistory } from '../host/reports/history';
import { migrationsDir } from '../support/test-host';

/** The reads behind a report, on the hand-made history of tests/host/reports/history.ts. */
describe('reports repository', () => {
  let dir: string;
  let db: Db;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'db-reports-'));
    db = openDatabase(join(dir, 'hall.sqlite'), { migrationsDir, synchronous: 'NORMAL' });
    seedReportHistory(db);
  });
  afterAll(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads the tickets of the business days in the range, the latest call standing in for a missing one', () => {
    const rows: ReportTicketRow[] = [];
    eachReportTicket(db, '2026-03-30', '2026-04-02', (row) => rows.push(row));
    expect(rows.map((r) => r[0]).sort()).toEqual([
      '2026-03-30',
      '2026-03-30',
      '2026-03-30',
      '2026-03-30',
      '2026-03-30',
      '2026-03-31',
      '2026-03-31',
      '2026-04-01',
      '2026-04-02',
    ]);
    // Ticket 2: recalled, so its latest call is the recall.
    expect(rows).toContainEqual([
      '2026-03-30',
      'business-startup',
      1,
      1,
      'finished',
      '2026-03-30T01:05:00.000Z',
      '2026-03-30T01:35:00.000Z',
      '2026-03-30T01:40:00.000Z',
      '2026-03-30T01:50:00.000Z',
    ]);
    expect(rows).toContainEqual([
      '2026-03-30',
      'real-estate',
      null,
      null,
      'cancelled',
      '2026-03-30T06:10:00.000Z',
      null,
      null,
      '2026-03-30T06:15:00.000Z',
    ]);
  });

  it('reads the transfers of the range from the audit log, and nothing else there', () => {
    const range = {
      from: '2026-03-30',
      to: '2026-04-02',
      fromInstant: '2026-03-29T19:00:00.000Z',
      toInstant: '2026-04-02T19:00:00.000Z',
    };
    expect(reportTransfers(db, range)).toEqual([['business-startup', 2, 2]]);
  });

  it('reads the ratings given between two instants with their ticket’s service', () => {
    const rows: ReportRatingRow[] = [];
    eachReportRating(db, '2026-03-29T19:00:00.000Z', '2026-04-02T19:00:00.000Z', (row) => rows.push(row));
    expect(rows).toHaveLength(10);
    expect(rows).toContainEqual(['e4', 'very_dissatisfied', 1, '2026-03-31T03:05:00.000Z', '2', 'S002', 'real-estate']);
    expect(rows).toContainEqual(['e8', 'dissatisfied', 1, '2026-03-30T08:00:00.000Z', null, null, null]);
  });

  it('reads the 差评 follow-ups of the ratings given between two instants, and no others', () => {
    const rows = reportFollowups(db, '2026-03-29T19:00:00.000Z', '2026-04-02T19:00:00.000Z');
    expect(rows.map((r) => r[0]).sort()).toEqual(['e3', 'e4', 'e5', 'e7']);
    expect(rows).toContainEqual(['e4', '2026-04-01', '2026-04-01T17:00:00.000Z', null, null]);
    expect(rows).toContainEqual(['e5', '2026-04-03', null, null, 'overturned']);
    expect(reportFollowups(db, '2026-04-01T19:00:00.000Z', '2026-04-02T19:00:00.000Z').map((r) => r[0])).toEqual(['e7']);
  });

  it('lists retired services and windows with a flag, and every staff account', () => {
    expect(reportServices(db).map((s) => [s.code, s.retired])).toEqual([
      ['business-startup', false],
      ['real-estate', false],
      ['retired-service', true],
    ]);
    expect(reportWindows(db).map((w) => [w.number, w.retired])).toEqual([
      [1, false],
      [2, false],
      [3, false],
      [9, true],
    ]);
    expect(reportStaff(db).map((s) => s.staffNo)).toEqual(['S001', 'S002', 'S003', 'S004']);
  });

  it('reads each table through an index, never a full scan: a year of history must not read all history', () => {
    const plan = (sql: string, ...args: string[]) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[]).map((r) => r.detail).join('\n');
    expect(plan('SELECT * FROM tickets WHERE business_day BETWEEN ? AND ?', 'a', 'b')).toMatch(/USING INDEX tickets_day_key/);
    expect(plan('SELECT * FROM evaluations e WHERE e.evaluated_at >= ? AND e.evaluated_at < ?', 'a', 'b')).toMatch(
      /USING INDEX evaluations_by_time/,
    );
    expect(plan("SELECT * FROM audit_log a WHERE a.action = 'ticket.transfer' AND a.at >= ? AND a.at < ?", 'a', 'b')).toMatch(
      /USING INDEX audit_transfers/,
    );
  });
});
