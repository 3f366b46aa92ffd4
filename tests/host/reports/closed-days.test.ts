import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Report } from '../../../contracts/reports';
import { openDatabase, type Db } from '../../../db/open';
import { reportCacheState } from '../../../db/repositories/reports';
import { buildReport } from '../../../host/reports/build-report';
import { ClosedDays } from '../../../host/reports/closed-days';
import { migrationsDir } from '../../support/test-host';
import { NOW, RANGE, RESET_HOUR, seedReportHistory, TZ } from './history';

/**
 * The closed days a host keeps in memory for its reports: a report from the kept columns is the
 * report SQLite would give, and a write to a day already kept (a late sweep, a synced rating with
 * an old instant) is in the next report, never hidden by the cache.
 */
describe('closed business days kept for reports', () => {
  let dir: string;
  let db: Db;
  let kept: ClosedDays;
  const request = {
    ...RANGE,
    today: '2026-04-02',
    timeZone: TZ,
    resetHour: RESET_HOUR,
    hallId: 'hall-01',
    hallName: '测试政务服务中心',
    generatedAt: NOW,
  };
  /** The report from the kept columns, and the one read afresh from SQLite. */
  const both = (): { warm: Report; fresh: Report } => ({
    warm: buildReport(db, request, kept),
    fresh: buildReport(db, request, new ClosedDays()),
  });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'closed-days-'));
    db = openDatabase(join(dir, 'hall.sqlite'), { migrationsDir, synchronous: 'NORMAL' });
    seedReportHistory(db);
    kept = new ClosedDays();
    buildReport(db, request, kept);
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives from memory exactly the report SQLite gives, and keeps the days before today only', () => {
    const { warm, fresh } = both();
    expect(warm).toEqual(fresh);
    const state = reportCacheState(db);
    expect(state.horizonDay).toBe('2026-04-01');
    // Ratings by hall-local date: kept up to the end of 04-01, 16:00 Z.
    expect(state.horizonAt).toBe('2026-04-01T16:00:00.000Z');
  });

  it('shows a kept day’s ticket changed afterwards (a late sweep marks it no-show)', () => {
    const before = buildReport(db, request, kept).hall;
    db.prepare("UPDATE tickets SET status = 'no_show', window_id = NULL, staff_id = NULL WHERE id = 1").run();
    const { warm, fresh } = both();
    expect(warm).toEqual(fresh);
    expect(warm.hall.served).toBe(before.served - 1);
    expect(warm.hall.noShow).toBe(before.noShow + 1);
  });

  it('shows a rating synced in with an old instant, and a kept ticket deleted', () => {
    const before = buildReport(db, request, kept).hall;
    db.prepare(
      `INSERT INTO evaluations (id, level, subject_kind, case_number, callback_required, evaluated_at)
       VALUES ('late', 'very_satisfied', 'case', 'C9', 0, '2026-03-31T02:00:00.000Z')`,
    ).run();
    db.prepare('DELETE FROM tickets WHERE id = 3').run();
    const { warm, fresh } = both();
    expect(warm).toEqual(fresh);
    expect(warm.hall.rated).toBe(before.rated + 1);
    expect(warm.hall.issued).toBe(before.issued - 1);
  });

  it('keeps its columns through today’s queue and through writes no report reads', () => {
    const generation = reportCacheState(db).generation;
    db.prepare(
      `INSERT INTO tickets (id, business_day, issued_service, service_code, seq, number, status, issued_at, queue_key)
       VALUES (50, '2026-04-02', 'real-estate', 'real-estate', 50, 'B050', 'waiting', '2026-04-02T02:30:00.000Z', 50)`,
    ).run();
    db.prepare("UPDATE tickets SET status = 'cancelled' WHERE id = 50").run();
    db.prepare("UPDATE evaluations SET delivered_at = '2026-04-02T02:40:00.000Z' WHERE id = 'e1'").run();
    expect(reportCacheState(db).generation).toBe(generation);
    const { warm, fresh } = both();
    expect(warm).toEqual(fresh);
    expect(warm.daily.at(-1)?.issued).toBe(fresh.daily.at(-1)?.issued);
  });

  it('reads 差评 follow-ups fresh: a rectification recorded today counts at once', () => {
    const before = buildReport(db, request, kept).hall;
    db.prepare(
      "UPDATE review_followups SET rectified_at = '2026-04-02T02:00:00.000Z', rectified_date = '2026-04-02' WHERE evaluation_id = 'e7'",
    ).run();
    const { warm, fresh } = both();
    expect(warm).toEqual(fresh);
    expect(warm.hall.rectificationDue).toBe(before.rectificationDue + 1);
  });
});
