import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../db/open';
import { rateCounts } from '../../../db/repositories/review-followups';
import { buildReport } from '../../../host/reports/build-report';
import { writeDemoHistory, type DemoHistorySummary } from '../../../host/demo/write-history';
import { openDemoHall, type DemoHall } from './support';

/** Wednesday 10 June 2026, 10:00 in Beijing. */
const NOW = new Date('2026-06-10T02:00:00.000Z');
const TODAY = '2026-06-10';
const TZ = 'Asia/Shanghai';

function write(hall: DemoHall, seed = 'test-seed'): DemoHistorySummary {
  return writeDemoHistory({
    db: hall.db,
    hall: hall.settings.get(),
    hallId: 'hall-01',
    timeZone: TZ,
    resetHour: 3,
    today: TODAY,
    now: NOW,
    seed,
    workdays: 30,
    ticketsPerWorkday: 300,
  });
}

const all = (db: Db, sql: string) => db.prepare(sql).all() as Record<string, unknown>[];
const one = (db: Db, sql: string) => db.prepare(sql).get() as Record<string, number>;

describe('the demo history generator', () => {
  let hall: DemoHall;
  let summary: DemoHistorySummary;

  beforeAll(() => {
    hall = openDemoHall(NOW);
    summary = write(hall);
  });
  afterAll(() => hall.dispose());

  it('fills 30 working days before today, and the weekend mornings the hall opens, never today', () => {
    const days = all(hall.db, 'SELECT business_day AS day, count(*) AS n FROM tickets GROUP BY business_day ORDER BY 1') as {
      day: string;
      n: number;
    }[];
    expect(summary).toMatchObject({ days: days.length, skippedDays: 0, to: '2026-06-09' });
    const weekday = (d: string) => new Date(`${d}T12:00:00Z`).getUTCDay();
    const working = days.filter((d) => weekday(d.day) !== 0 && weekday(d.day) !== 6);
    const weekend = days.filter((d) => weekday(d.day) === 0 || weekday(d.day) === 6);
    expect(working).toHaveLength(30);
    expect(weekend.length).toBeGreaterThan(8);
    expect(days.every((d) => d.day < TODAY)).toBe(true);
    const mean = (list: { n: number }[]) => list.reduce((s, d) => s + d.n, 0) / list.length;
    expect(mean(working)).toBeGreaterThan(250);
    expect(mean(working)).toBeLessThan(350);
    expect(mean(weekend)).toBeLessThan(mean(working) / 3);
    // Mondays bring the weekend's backlog.
    expect(mean(working.filter((d) => weekday(d.day) === 1))).toBeGreaterThan(mean(working.filter((d) => weekday(d.day) === 5)));
  });

  it('has a morning peak, a quiet lunch duty and a smaller peak after lunch, on the hall’s clock', () => {
    const report = buildReport(hall.db, {
      from: '2026-04-01',
      to: '2026-06-09',
      today: TODAY,
      timeZone: TZ,
      resetHour: 3,
      hallId: 'hall-01',
      hallName: '政务服务中心',
      generatedAt: NOW,
    });
    const byHour = Array.from({ length: 24 }, (_, h) =>
      report.arrivals.slice(0, 5).reduce((s, row) => s + (row.hours[h] ?? 0), 0),
    );
    expect(byHour[9]).toBeGreaterThan(byHour[11] ?? 0);
    expect(byHour[11]).toBeGreaterThan(byHour[12] ?? 0);
    expect(byHour[14]).toBeGreaterThan(byHour[13] ?? 0);
    expect(byHour[14]).toBeGreaterThan(byHour[16] ?? 0);
    // Closed at night: nothing before 08:00 or after 18:00.
    expect(
      byHour
        .slice(0, 8)
        .concat(byHour.slice(18))
        .every((n) => n === 0),
    ).toBe(true);

    const figures = report.hall;
    expect(figures.noShowPct).toBeGreaterThan(1);
    expect(figures.noShowPct).toBeLessThan(10);
    expect(figures.transfers).toBeGreaterThan(0);
    expect(figures.wait.median).toBeGreaterThan(120);
    expect(figures.wait.median).toBeLessThan(1800);
    expect(figures.wait.p90).toBeGreaterThan(figures.wait.median ?? 0);
    expect(figures.serviceLevelPct).toBeGreaterThan(50);
    expect(figures.satisfactionPct).toBeGreaterThan(70);
    expect(figures.badReviews).toBeGreaterThan(0);
    // Every window and several clerks served, and the clerks differ.
    expect(report.windows.every((w) => w.served > 0)).toBe(true);
    expect(report.staff.length).toBeGreaterThan(report.windows.length);
  });

  it('gives 差评 follow-ups in every state, and cases, old ones purged of their (invented) applicant', () => {
    const states = all(
      hall.db,
      `SELECT CASE WHEN appeal_decision = 'overturned' THEN 'overturned' WHEN closed_at IS NOT NULL THEN 'closed'
                   WHEN rectified_at IS NOT NULL THEN 'rectified' WHEN verified_at IS NOT NULL THEN 'verified'
                   WHEN assigned_at IS NOT NULL THEN 'assigned' ELSE 'open' END AS state FROM review_followups`,
    ).map((r) => r.state);
    expect(new Set(states).has('closed')).toBe(true);
    expect(new Set(states).size).toBeGreaterThan(1);
    expect(one(hall.db, 'SELECT count(*) AS n FROM evaluations WHERE callback_required = 1').n).toBe(states.length);
    expect(summary.cases).toBeGreaterThan(20);
    expect(
      one(hall.db, 'SELECT count(*) AS n FROM cases WHERE purged_at IS NOT NULL AND applicant_id_number IS NULL').n,
    ).toBeGreaterThan(0);
    expect(
      one(hall.db, 'SELECT count(*) AS n FROM cases WHERE purged_at IS NULL AND applicant_id_number IS NOT NULL').n,
    ).toBeGreaterThan(0);
  });

  it('writes 差评 follow-ups the 差评整改 section reads as the report does: the same count, due and on time', () => {
    const range = { from: '2026-04-01', to: '2026-06-09' };
    const report = buildReport(hall.db, {
      ...range,
      today: TODAY,
      timeZone: TZ,
      resetHour: 3,
      hallId: 'hall-01',
      hallName: '政务服务中心',
      generatedAt: NOW,
    });
    const rates = rateCounts(hall.db, { ...range, today: TODAY });
    expect(rates.badReviews).toBeGreaterThan(0);
    expect([report.hall.badReviews, report.hall.overturned, report.hall.rectificationDue, report.hall.rectifiedOnTime]).toEqual([
      rates.badReviews,
      rates.overturned,
      rates.dueOrRectified,
      rates.rectifiedOnTime,
    ]);
  });

  it('leaves nothing for the central API: past days count as reported, ratings as delivered', () => {
    expect(one(hall.db, 'SELECT count(*) AS n FROM evaluations WHERE delivered_at IS NULL').n).toBe(0);
    expect(
      one(
        hall.db,
        'SELECT count(DISTINCT business_day) AS n FROM tickets WHERE business_day NOT IN (SELECT business_day FROM queue_stats_reports)',
      ).n,
    ).toBe(0);
    expect(one(hall.db, 'SELECT count(*) AS n FROM outbox').n).toBe(0);
  });

  it('writes the same history for the same seed, another for another seed, and nothing twice', () => {
    const dump = (db: Db) =>
      JSON.stringify([
        all(db, 'SELECT * FROM tickets ORDER BY id'),
        all(db, 'SELECT * FROM evaluations ORDER BY id'),
        all(db, 'SELECT * FROM review_followups ORDER BY evaluation_id'),
        all(db, 'SELECT id, case_number, status FROM cases ORDER BY id'),
      ]);
    const same = openDemoHall(NOW);
    const other = openDemoHall(NOW);
    try {
      write(same);
      write(other, 'another seed');
      expect(dump(same.db)).toBe(dump(hall.db));
      expect(dump(other.db)).not.toBe(dump(hall.db));
      const again = write(same);
      expect(again).toMatchObject({ days: 0, tickets: 0, skippedDays: summary.days });
      expect(dump(same.db)).toBe(dump(hall.db));
    } finally {
      same.dispose();
      other.dispose();
    }
  });
});
