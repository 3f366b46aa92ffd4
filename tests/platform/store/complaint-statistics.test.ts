import { afterEach, beforeEach, expect, it } from 'vitest';
import type { AssessmentPeriod, UnitFigures } from '../../../contracts/complaint-assessment';
import type { ComplaintAction } from '../../../contracts/complaint-actions';
import type { ComplaintTopic } from '../../../contracts/complaints';
import { RegisteredComplaint } from '../../../contracts/platform-complaints';
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
import { setUpComplaintDesk, hotlineCall, type ComplaintDesk, type DeskPerson } from '../support/complaint-desk';
import { beijing } from '../support/complaints';
import { describeEachDatabase } from '../support/each-database';
import { startApi } from '../support/platform';

const UNITS = ['market-regulation', 'street-xinghe', 'tax'] as const;
type HandlingUnit = (typeof UNITS)[number];
const HANDLER: Record<HandlingUnit, DeskPerson> = {
  'market-regulation': 'leadHandler',
  tax: 'taxHandler',
  'street-xinghe': 'streetHandler',
};

/** A small deterministic generator (mulberry32): the same history on every run and both databases. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What the test knows of each complaint it moves, to pick a next step the lifecycle allows. */
interface Tracked {
  number: string;
  state: string;
  lead: HandlingUnit | null;
  coUnits: HandlingUnit[];
  partsDone: Set<HandlingUnit>;
  /** Never touched after its dispatch: its deadlines pass undone. */
  neglected: boolean;
}

const HOUR = 3_600_000;

describeEachDatabase('platform/store: each unit’s figures for a period, in SQL', (database) => {
  let api: Platform;
  let desk: ComplaintDesk;
  let clock: Date;

  beforeEach(async () => {
    clock = new Date(beijing('2026-10-26T09:00'));
    // The desk's sessions must outlive the months the clock moves through.
    const year = 365 * 24 * HOUR;
    api = await startApi(database(), {
      now: () => clock,
      sessionRules: { ...DEFAULT_SESSION_RULES, idleMs: year, absoluteMs: year },
    });
    desk = await setUpComplaintDesk(api);
  });
  afterEach(async () => {
    await api.close();
  });

  async function act(number: string, who: DeskPerson, action: ComplaintAction): Promise<void> {
    const res = await api.app.inject({
      method: 'POST',
      url: `/v1/complaints/${number}/actions`,
      headers: desk.as[who],
      payload: action,
    });
    expect(res.statusCode, `${action.type} by ${who}: ${res.body}`).toBe(200);
  }

  async function hotline(topic: ComplaintTopic, enterprise: string): Promise<string> {
    const payload = { ...hotlineCall, topic, enterprise: { name: enterprise, creditCode: null } };
    const res = await api.app.inject({ method: 'POST', url: '/v1/complaints/hotline', headers: desk.as.intake, payload });
    expect(res.statusCode, res.body).toBe(201);
    return RegisteredComplaint.parse(res.json()).number;
  }

  /** The next Beijing midnight after the clock: a step exactly on a period's edge or a deadline. */
  const nextMidnight = (at: Date): Date => {
    const day = 24 * HOUR;
    const shifted = at.getTime() + 8 * HOUR;
    return new Date(Math.floor(shifted / day) * day + day - 8 * HOUR);
  };

  /** Moves the clock: mostly hours, sometimes onto a Beijing midnight or a millisecond either side. */
  function tick(next: () => number): void {
    const roll = next();
    if (roll < 0.1) clock = nextMidnight(clock);
    else if (roll < 0.15) clock = new Date(nextMidnight(clock).getTime() - 1);
    else if (roll < 0.2) clock = new Date(nextMidnight(clock).getTime() + 1);
    else clock = new Date(clock.getTime() + Math.floor(next() * 14 * HOUR) + 60_000);
  }

  /** One step the lifecycle allows for the complaint, taken through the real route. */
  async function advance(c: Tracked, next: () => number): Promise<void> {
    const pick = <T>(items: readonly [T, ...T[]]): T => items[Math.floor(next() * items.length)] ?? items[0];
    const missingParts = c.coUnits.filter((u) => !c.partsDone.has(u));
    switch (c.state) {
      case 'registered':
      case 'sorting': {
        if (next() < 0.05) {
          await act(c.number, 'sorter', { type: 'not_admit', reason: '不属于营商诉求受理范围。' });
          c.state = 'not_admitted';
          return;
        }
        const lead = pick(UNITS);
        const coUnits = UNITS.filter((u) => u !== lead && next() < 0.35);
        await act(c.number, 'sorter', { type: 'dispatch', leadUnit: lead, coUnits, note: null });
        Object.assign(c, { state: 'dispatched', lead, coUnits, partsDone: new Set() });
        return;
      }
      case 'dispatched':
      case 'accepted':
      case 'returned':
        if (c.lead === null) return;
        if (missingParts[0] !== undefined && next() < 0.5) {
          const unit = pick([missingParts[0], ...missingParts.slice(1)]);
          await act(c.number, HANDLER[unit], { type: 'submit_part', text: '本单位意见已提交。' });
          c.partsDone.add(unit);
          return;
        }
        if (c.state === 'dispatched') {
          if (next() < 0.15) {
            await act(c.number, HANDLER[c.lead], { type: 'decline', reason: '不属于本单位职责。' });
            Object.assign(c, { state: 'sorting', lead: null, coUnits: [], partsDone: new Set() });
          } else {
            await act(c.number, HANDLER[c.lead], { type: 'accept' });
            c.state = 'accepted';
          }
          return;
        }
        if (missingParts.length > 0) return;
        await act(c.number, HANDLER[c.lead], { type: 'draft', text: '已核实，答复如下。' });
        c.state = 'drafted';
        return;
      case 'drafted':
        if (c.lead === null) return;
        await act(c.number, HANDLER[c.lead], { type: 'submit' });
        c.state = 'under_review';
        return;
      case 'under_review':
        if (next() < 0.3) {
          await act(c.number, 'reviewer', { type: 'return', reason: '请写明办理时限。' });
          c.state = 'returned';
        } else {
          await act(c.number, 'reviewer', { type: 'approve', note: null });
          c.state = 'approved';
        }
        return;
      case 'approved':
        await act(c.number, 'reviewer', { type: 'close' });
        c.state = 'closed';
        return;
      case 'closed': {
        const level = pick(['very_satisfied', 'satisfied', 'satisfied', 'basic', 'dissatisfied'] as const);
        const reason = level === 'dissatisfied' ? '答复未解决问题。' : null;
        await act(c.number, 'intake', { type: 'evaluate', level, reason, comment: null });
        c.state = 'evaluated';
        return;
      }
      default:
        return;
    }
  }

  /** Three months of complaints, each moved step by step at random hours through the real routes. */
  async function generateHistory(seed: number, ticks: number): Promise<void> {
    const next = random(seed);
    const tracked: Tracked[] = [];
    for (let i = 0; i < ticks; i++) {
      tick(next);
      const open = tracked.filter((c) => !['evaluated', 'not_admitted'].includes(c.state) && !(c.neglected && c.lead !== null));
      if (open.length === 0 || next() < 0.25) {
        const topic = next() < 0.3 ? 'policy' : 'approval';
        const number = await hotline(topic, `示例企业${i}有限公司`);
        tracked.push({ number, state: 'registered', lead: null, coUnits: [], partsDone: new Set(), neglected: next() < 0.15 });
      } else {
        const c = open[Math.floor(next() * open.length) % open.length];
        if (c !== undefined && next() < 0.85) await advance(c, next);
      }
    }
  }

  /** The reference: whole complaints read back and counted by complaint-unit-figures.ts. */
  async function referenceFigures(period: AssessmentPeriod, now: Date): Promise<UnitFigures[]> {
    const { sql } = database();
    const rows = await complaintRowsWithStepBetween(sql, 'register', new Date(0), new Date('2100-01-01T00:00:00Z'));
    const complaints = await complaintsOf(sql, rows);
    const { deadlines } = await new ComplaintSettings(sql, () => now).current();
    return unitFiguresOf(complaints, ['business-bureau', ...UNITS], period, deadlines, now.toISOString());
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
    await generateHistory(21, 320);
    const now = new Date(clock.getTime() + 2 * HOUR);
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
    await generateHistory(5, 160);
    const first = new Date(clock.getTime() + 2 * HOUR);
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
    clock = first;
    await generateHistory(6, 60);
    const later = new Date(clock.getTime() + 2 * HOUR);
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
    clock = new Date(beijing('2026-11-30T10:00'));
    const late = await hotline('approval', '边界一有限公司');
    const early = await hotline('approval', '边界二有限公司');
    clock = new Date(new Date(beijing('2026-12-01T00:00')).getTime() - 1);
    await act(late, 'sorter', { type: 'dispatch', leadUnit: 'tax', coUnits: [], note: null });
    clock = new Date(beijing('2026-12-01T00:00'));
    await act(early, 'sorter', { type: 'dispatch', leadUnit: 'tax', coUnits: [], note: null });
    // The one of 30 November is due at the end of 1 December: accepted at that very instant, on time.
    clock = new Date(beijing('2026-12-02T00:00'));
    await act(late, 'taxHandler', { type: 'accept' });
    // The one of 1 December is due at the end of 2 December: accepted a millisecond after, late.
    clock = new Date(new Date(beijing('2026-12-03T00:00')).getTime() + 1);
    await act(early, 'taxHandler', { type: 'accept' });
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
    const figures = await unitFiguresForPeriod(database().sql, november, clock);
    expect(figures.map((f) => f.unitCode)).toEqual(['business-bureau', ...UNITS]);
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
