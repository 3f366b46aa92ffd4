import { afterEach, beforeEach, expect, it } from 'vitest';
import type { AssessmentPeriod } from '../../../contracts/complaint-assessment';
import { DISTRICT_TIME_ZONE, localDateOf } from '../../../contracts/working-time';
import type { Sql } from '../../../platform/db/sql';
import type { Platform } from '../../../platform/server';
import { closedAtOf, supervisionOrders } from '../../../platform/services/complaint-deadlines';
import { complaintsOf } from '../../../platform/services/complaint-records';
import { ComplaintSettings } from '../../../platform/services/complaint-settings';
import { DEFAULT_SESSION_RULES } from '../../../platform/services/district-staff-service';
import { closedSupervisionForPeriod, type ClosedSupervision } from '../../../platform/store/complaint-closed-supervision';
import { complaintRowsWithStepBetween } from '../../../platform/store/complaints';
import { setUpComplaintDesk, type ComplaintDesk } from '../support/complaint-desk';
import { beijing } from '../support/complaints';
import { describeEachDatabase } from '../support/each-database';
import { startApi } from '../support/platform';
import { deskActions, generateHistory, HOUR, type TestClock } from '../support/random-complaint-history';

describeEachDatabase('platform/store: 诉求督办率’s counts, per closed complaint, in SQL', (database) => {
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

  /**
   * The reference, by the definition: every complaint read back whole, those whose 办结 falls on a
   * Beijing date of the period, and of them those with a 督办单 as of their close
   * (complaint-deadlines.ts, the desk's own red list).
   */
  async function reference(period: AssessmentPeriod): Promise<ClosedSupervision> {
    const { sql } = database();
    const rows = await complaintRowsWithStepBetween(sql, 'register', new Date(0), new Date('2100-01-01T00:00:00Z'));
    const complaints = await complaintsOf(sql, rows);
    const { deadlines } = await new ComplaintSettings(sql, () => clock.now).current();
    let closed = 0;
    let supervised = 0;
    for (const complaint of complaints) {
      const closedAt = closedAtOf(complaint);
      if (closedAt === null) continue;
      const date = localDateOf(closedAt, DISTRICT_TIME_ZONE);
      if (date < period.from || date > period.to) continue;
      closed += 1;
      if (supervisionOrders(complaint, deadlines, closedAt).length > 0) supervised += 1;
    }
    return { closed, supervised };
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
    { from: '2026-10-01', to: '2027-09-30', label: '全程' },
  ];

  it('counts what the reference counts from whole complaints, for every period', async () => {
    // Longer than the unit statistics' history: enough complaints get as far as their close.
    await generateHistory(api, desk, clock, 21, 640);
    for (const period of periods) {
      expect(await closedSupervisionForPeriod(database().sql, period), period.label).toEqual(await reference(period));
    }
    // A history where nothing closed, or every closed complaint alike, would prove nothing.
    const counts = await closedSupervisionForPeriod(database().sql, { from: '2026-10-01', to: '2027-09-30' });
    expect(counts.closed, JSON.stringify(counts)).toBeGreaterThan(15);
    expect(counts.supervised, JSON.stringify(counts)).toBeGreaterThan(0);
    expect(counts.supervised, JSON.stringify(counts)).toBeLessThan(counts.closed);
  }, 120_000);

  /** Registered, dispatched, accepted, replied, approved and closed at the Beijing times given. */
  async function handled(times: { register: string; dispatch: string; submit: string; approve: string }): Promise<string> {
    clock.now = new Date(beijing(times.register));
    const number = await actions.hotline('approval', `示例企业${times.register}有限公司`);
    clock.now = new Date(beijing(times.dispatch));
    await actions.act(number, 'sorter', { type: 'dispatch', leadUnit: 'tax', coUnits: [], note: null });
    await actions.act(number, 'taxHandler', { type: 'accept' });
    clock.now = new Date(beijing(times.submit));
    await actions.act(number, 'taxHandler', { type: 'draft', text: '已核实，答复如下。' });
    await actions.act(number, 'taxHandler', { type: 'submit' });
    clock.now = new Date(beijing(times.approve));
    await actions.act(number, 'reviewer', { type: 'approve', note: null });
    await actions.act(number, 'reviewer', { type: 'close' });
    return number;
  }

  it('counts a complaint the 营商局 itself sorted or reviewed late as supervised', async () => {
    // Sorting due at the end of Tuesday 1 December, dispatched on Wednesday: late, all else in time.
    await handled({
      register: '2026-11-30T10:00',
      dispatch: '2026-12-02T10:00',
      submit: '2026-12-02T11:00',
      approve: '2026-12-02T12:00',
    });
    // Every stage in time.
    await handled({
      register: '2026-12-07T10:00',
      dispatch: '2026-12-07T11:00',
      submit: '2026-12-07T12:00',
      approve: '2026-12-07T13:00',
    });
    // The review, due at the end of Tuesday 8 December, approved on Wednesday: late.
    await handled({
      register: '2026-12-07T14:00',
      dispatch: '2026-12-07T15:00',
      submit: '2026-12-07T16:00',
      approve: '2026-12-09T10:00',
    });
    expect(await closedSupervisionForPeriod(database().sql, december)).toEqual({ closed: 3, supervised: 2 });
    expect(await reference(december)).toEqual({ closed: 3, supervised: 2 });
  });

  it('counts nothing in a period without a close', async () => {
    expect(await closedSupervisionForPeriod(database().sql, november)).toEqual({ closed: 0, supervised: 0 });
  });
});

/** Every node of an EXPLAIN (FORMAT JSON) plan, depth first. */
interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  Plans?: PlanNode[];
}
const nodesOf = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodesOf)];

/** A year over 100,000 complaints (the bench) must read index ranges and each closed complaint's steps, never whole tables. */
describeEachDatabase('platform/store: 诉求督办率’s counts read index ranges', (database) => {
  it('plans no scan of a whole complaint table', async () => {
    const nodes = await database().sql.transaction(async (tx) => {
      await tx.query('SET LOCAL enable_seqscan = off');
      const seen: PlanNode[] = [];
      const explaining: Sql = {
        ...tx,
        query: async <R>(text: string, params?: readonly unknown[]): Promise<R[]> => {
          const [row] = await tx.query<{ 'QUERY PLAN': [{ Plan: PlanNode }] | string }>(`EXPLAIN (FORMAT JSON) ${text}`, params);
          const raw = row?.['QUERY PLAN'];
          const parsed: [{ Plan: PlanNode }] | undefined = typeof raw === 'string' ? JSON.parse(raw) : raw;
          if (parsed !== undefined) seen.push(...nodesOf(parsed[0].Plan));
          return [];
        },
      };
      await closedSupervisionForPeriod(explaining, { from: '2026-01-01', to: '2026-12-31' });
      return seen;
    });
    const wholeScans = nodes.filter(
      (n) => n['Node Type'] === 'Seq Scan' && ['complaints', 'complaint_steps'].includes(n['Relation Name'] ?? ''),
    );
    expect(wholeScans, JSON.stringify(wholeScans)).toEqual([]);
  });
});
