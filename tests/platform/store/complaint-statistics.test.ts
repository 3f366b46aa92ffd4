import { afterEach, beforeEach, expect, it } from 'vitest';
import type { AssessmentPeriod, UnitFigures } from '../../../contracts/complaint-assessment';
import type { Sql } from '../../../platform/db/sql';
import type { Platform } from '../../../platform/server';
import { complaintsOf } from '../../../platform/services/complaint-records';
import { DEFAULT_SESSION_RULES } from '../../../platform/services/district-staff-service';
import { ComplaintSettings } from '../../../platform/services/complaint-settings';
import { unitFiguresOf } from '../../../platform/services/complaint-unit-figures';
import { countedUnitFigures, forgetSettledDays } from '../../../platform/services/complaint-figures';
import { unitFiguresForPeriod } from '../../../platform/store/complaint-statistics';
import { upsertCalendarDay } from '../../../platform/store/complaint-settings';
import { complaintRowsWithStepBetween } from '../../../platform/store/complaints';
import { setUpComplaintDesk, type ComplaintDesk } from '../support/complaint-desk';
import { beijing } from '../support/complaints';
import { describeEachDatabase } from '../support/each-database';
import { startApi } from '../support/platform';
import { deskActions, generateHistory, HANDLING_UNITS, HOUR, type TestClock } from '../support/random-complaint-history';

describeEachDatabase('platform/store: each unit’s figures for a period, in SQL', (database) => {
  let api: Platform;
  let desk: ComplaintDesk;
  let actions: ReturnType<typeof deskActions>;
  const clock: TestClock = { now: new Date() };

  beforeEach(async () => {
    clock.now = new Date(beijing('2026-10-26T09:00'));
    // The desk's sessions must outlive the months the clock moves through.
    const year = 365 * 24 * HOUR;
    api = await startApi(database(), {
      now: () => clock.now,
      sessionRules: { ...DEFAULT_SESSION_RULES, idleMs: year, absoluteMs: year },
    });
    desk = await setUpComplaintDesk(api);
    actions = deskActions(api, desk);
  });
  afterEach(async () => {
    await api.close();
  });

  /** The reference: whole complaints read back and counted by complaint-unit-figures.ts. */
  async function referenceFigures(period: AssessmentPeriod, now: Date): Promise<UnitFigures[]> {
    const { sql } = database();
    const rows = await complaintRowsWithStepBetween(sql, 'register', new Date(0), new Date('2100-01-01T00:00:00Z'));
    const complaints = await complaintsOf(sql, rows);
    const { deadlines } = await new ComplaintSettings(sql, () => now).current();
    return unitFiguresOf(complaints, ['business-bureau', ...HANDLING_UNITS], period, deadlines, now.toISOString());
  }

  const november: AssessmentPeriod = { from: '2026-11-01', to: '2026-11-30', label: '2026年11月' };
  const december: AssessmentPeriod = { from: '2026-12-01', to: '2026-12-31', label: '2026年12月' };
  const quarter: AssessmentPeriod = { from: '2026-10-01', to: '2026-12-31', label: '2026年第四季度' };
  const periods: AssessmentPeriod[] = [
    november,
    december,
    quarter,
    { from: '2026-11-16', to: '2026-11-16', label: '一天' },
    { from: '2026-12-28', to: '2027-01-10', label: '跨年两周' },
  ];

  it('counts what the reference counts from whole complaints, for every period', async () => {
    await generateHistory(api, desk, clock, 21, 320);
    const now = new Date(clock.now.getTime() + 2 * HOUR);
    let active = 0;
    for (const period of periods) {
      const figures = await unitFiguresForPeriod(database().sql, period, now);
      expect(figures, period.label).toEqual(await referenceFigures(period, now));
      active += figures.reduce((n, f) => n + f.received + f.acceptDue + f.closed + f.supervised + f.returned, 0);
    }
    // A history that counted nothing would prove nothing.
    const figures = await unitFiguresForPeriod(database().sql, quarter, now);
    const total = (key: 'received' | 'acceptDue' | 'acceptedOnTime' | 'closedOnTime' | 'supervised' | 'returned') =>
      figures.reduce((n, f) => n + f[key], 0);
    expect(active).toBeGreaterThan(0);
    expect(total('received')).toBeGreaterThan(20);
    expect(total('acceptedOnTime')).toBeLessThan(total('acceptDue'));
    expect(total('closedOnTime')).toBeGreaterThan(0);
    expect(total('supervised')).toBeGreaterThan(0);
    expect(total('returned')).toBeGreaterThan(0);
  }, 120_000);

  it('keeps the days that passed and counts them the same as the rows; a calendar edit forgets them', async () => {
    const { sql } = database();
    const kept = async () =>
      (await database().observe<{ n: number }>('SELECT count(*)::int AS n FROM complaint_statistics_days'))[0]?.n;
    // The clock ends in December: November's days are settled, December's partly.
    await generateHistory(api, desk, clock, 5, 160);
    const first = new Date(clock.now.getTime() + 2 * HOUR);
    for (const period of periods) {
      expect(await countedUnitFigures(sql, period, first), `${period.label}, counted`).toEqual(
        await referenceFigures(period, first),
      );
      expect(await countedUnitFigures(sql, period, first), `${period.label}, kept`).toEqual(
        await referenceFigures(period, first),
      );
    }
    expect(await kept()).toBeGreaterThan(30);

    // Time goes on and more is done: the kept days stay right beside the newly counted ones.
    clock.now = first;
    await generateHistory(api, desk, clock, 6, 60);
    const later = new Date(clock.now.getTime() + 2 * HOUR);
    for (const period of periods) {
      expect(await countedUnitFigures(sql, period, later), `${period.label}, later`).toEqual(
        await referenceFigures(period, later),
      );
    }

    // A day off moves the stage runs' due days: the kept days are forgotten and counted again.
    await sql.transaction(async (tx) => {
      await upsertCalendarDay(tx, { date: '2026-11-16', kind: 'holiday', holiday: '国庆节', source: '区政府决定（测试）' });
      await forgetSettledDays(tx);
    });
    expect(await kept()).toBe(0);
    for (const period of periods) {
      expect(await countedUnitFigures(sql, period, later), `${period.label}, new calendar`).toEqual(
        await referenceFigures(period, later),
      );
    }
  }, 120_000);

  it('puts a step at Beijing midnight in the day it begins, and work at its deadline on time', async () => {
    // Monday 30 November 2026, 10:00: dispatched at 23:59:59.999 (November) and at 00:00 (December).
    clock.now = new Date(beijing('2026-11-30T10:00'));
    const late = await actions.hotline('approval', '边界一有限公司');
    const early = await actions.hotline('approval', '边界二有限公司');
    clock.now = new Date(new Date(beijing('2026-12-01T00:00')).getTime() - 1);
    await actions.act(late, 'sorter', { type: 'dispatch', leadUnit: 'tax', coUnits: [], note: null });
    clock.now = new Date(beijing('2026-12-01T00:00'));
    await actions.act(early, 'sorter', { type: 'dispatch', leadUnit: 'tax', coUnits: [], note: null });
    // The one of 30 November is due at the end of 1 December: accepted at that very instant, on time.
    clock.now = new Date(beijing('2026-12-02T00:00'));
    await actions.act(late, 'taxHandler', { type: 'accept' });
    // The one of 1 December is due at the end of 2 December: accepted a millisecond after, late.
    clock.now = new Date(new Date(beijing('2026-12-03T00:00')).getTime() + 1);
    await actions.act(early, 'taxHandler', { type: 'accept' });
    const now = new Date(beijing('2026-12-03T12:00'));

    const taxIn = async (period: AssessmentPeriod) => {
      const figures = await unitFiguresForPeriod(database().sql, period, now);
      expect(figures).toEqual(await referenceFigures(period, now));
      return figures.find((f) => f.unitCode === 'tax');
    };
    expect(await taxIn(november)).toMatchObject({ received: 1, acceptDue: 0 });
    expect(await taxIn(december)).toMatchObject({ received: 1, acceptDue: 2, acceptedOnTime: 1, supervised: 1 });
  });

  it('lists every unit, all zero, before any complaint', async () => {
    const figures = await unitFiguresForPeriod(database().sql, november, clock.now);
    expect(figures.map((f) => f.unitCode)).toEqual(['business-bureau', ...HANDLING_UNITS]);
    expect(figures.every((f) => f.received === 0 && f.supervised === 0)).toBe(true);
  });
});

/** Every node of an EXPLAIN (FORMAT JSON) plan, depth first. */
interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}
const nodesOf = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodesOf)];

/**
 * A year over 100,000 complaints (the bench) must read index ranges of the period, never the
 * whole tables: with table scans made to cost everything, no statement may still need one of the
 * complaints or their steps, and the 办结期限 are read by migration 009's index.
 */
describeEachDatabase('platform/store: the unit statistics read index ranges of the period', (database) => {
  it('plans no scan of a whole complaint table', async () => {
    const plans = await database().sql.transaction(async (tx) => {
      await tx.query('SET LOCAL enable_seqscan = off');
      const nodes: PlanNode[] = [];
      const explaining: Sql = {
        ...tx,
        query: async <R>(text: string, params?: readonly unknown[]): Promise<R[]> => {
          const [row] = await tx.query<{ 'QUERY PLAN': [{ Plan: PlanNode }] | string }>(`EXPLAIN (FORMAT JSON) ${text}`, params);
          const raw = row?.['QUERY PLAN'];
          const parsed: [{ Plan: PlanNode }] | undefined = typeof raw === 'string' ? JSON.parse(raw) : raw;
          if (parsed !== undefined) nodes.push(...nodesOf(parsed[0].Plan));
          return [];
        },
      };
      await unitFiguresForPeriod(explaining, { from: '2026-01-01', to: '2026-12-31', label: '2026年' }, new Date());
      return nodes;
    });
    const wholeScans = plans.filter(
      (n) => n['Node Type'] === 'Seq Scan' && ['complaints', 'complaint_steps'].includes(n['Relation Name'] ?? ''),
    );
    expect(wholeScans, JSON.stringify(wholeScans)).toEqual([]);
    const indexes = new Set(plans.map((n) => n['Index Name']));
    expect(indexes.has('complaint_steps_by_action')).toBe(true);
    expect(indexes.has('complaints_by_close_due')).toBe(true);
  });
});
