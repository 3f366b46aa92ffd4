import { expect, it } from 'vitest';
import type { ComplaintAction } from '../../contracts/complaint-actions';
import { DEFAULT_DEADLINE_RULES } from '../../contracts/complaint-deadlines';
import { caseStatusOf, isOpenComplaint } from '../../contracts/complaints';
import { DISTRICT_CALENDAR_SEED, workCalendarOf } from '../../contracts/district-calendar';
import { StoredComplaint, type ComplaintSummary } from '../../contracts/platform-complaints';
import { caseByNumber } from '../../platform/store/cases';
import { ComplaintActionService } from '../../platform/services/complaint-action-service';
import { ComplaintDirectoryService } from '../../platform/services/complaint-directory-service';
import { ComplaintIndicatorRecords } from '../../platform/services/complaint-indicator-records';
import { ComplaintQueryService } from '../../platform/services/complaint-query-service';
import { ComplaintRegistration, stageDueAtOf } from '../../platform/services/complaint-registration';
import { ComplaintSettings } from '../../platform/services/complaint-settings';
import { DistrictStaffService } from '../../platform/services/district-staff-service';
import { describeEachDatabase } from '../platform/support/each-database';
import { benchDirectory, BENCH_BUREAU } from './complaint-history-directory';
import { generateComplaintHistory, historyEnd, loadComplaintHistory, type ComplaintHistorySpread } from './complaint-history';

/**
 * The benches' 营商诉求 history (complaint-history.ts) is one the platform could have written: a
 * small load reads back through the platform's own query service (the work list, each
 * complaint's page) and acts on through its action service, the cases and the indicators' port
 * agree with the complaints, and the platform numbers the next complaint after the loaded ones.
 */

const SPREAD: ComplaintHistorySpread = {
  complaints: 300,
  from: '2026-09-01',
  to: '2026-11-30',
  seed: 21,
  kioskHalls: ['hall-000', 'hall-001'],
};

const CONTEXT = {
  rules: DEFAULT_DEADLINE_RULES,
  clock: { calendar: workCalendarOf(DISTRICT_CALENDAR_SEED), timeZone: 'Asia/Shanghai' },
};

it('generates the same history from the same seed, and another from another', () => {
  const once = [...generateComplaintHistory(SPREAD, benchDirectory(), CONTEXT)].flat();
  const again = [...generateComplaintHistory(SPREAD, benchDirectory(), CONTEXT)].flat();
  const other = [...generateComplaintHistory({ ...SPREAD, seed: 22 }, benchDirectory(), CONTEXT)].flat();
  expect(once).toHaveLength(300);
  expect(again).toEqual(once);
  expect(other.map((g) => g.complaint.state)).not.toEqual(once.map((g) => g.complaint.state));
});

it('spreads the complaints over the channels, the outcomes and the deadlines met and missed', () => {
  const history = [...generateComplaintHistory({ ...SPREAD, complaints: 3_000 }, benchDirectory(), CONTEXT)].flat();
  const complaints = history.map((g) => g.complaint);
  expect(new Set(complaints.map((c) => c.channel))).toEqual(new Set(['kiosk', 'hotline', 'web', 'minxin']));
  const states = new Set(complaints.map((c) => c.state));
  for (const state of ['closed', 'evaluated', 'merged', 'not_admitted'] as const) expect(states).toContain(state);
  expect(complaints.some((c) => isOpenComplaint(c.state))).toBe(true);
  const actions = new Set(complaints.flatMap((c) => c.history.map((s) => s.action)));
  for (const action of ['claim', 'dispatch', 'decline', 'accept', 'submit_part', 'return', 'supervise', 'evaluate'] as const) {
    expect(actions).toContain(action);
  }
  const closed = complaints.filter((c) => c.history.some((s) => s.action === 'close'));
  const closedLate = closed.filter(
    (c) => Date.parse(c.history.find((s) => s.action === 'close')?.at ?? '') > Date.parse(c.closeDueAt),
  );
  // Most closed within the 办结期限, some not: a rate worth measuring.
  expect(closedLate.length).toBeGreaterThan(0);
  expect(closedLate.length / closed.length).toBeLessThan(0.3);
});

describeEachDatabase('bench: a loaded complaint history', (database) => {
  it('reads back and acts on through the platform’s own services', { timeout: 90_000 }, async () => {
    const { sql } = database();
    const loaded = await loadComplaintHistory(sql, SPREAD);
    expect(loaded.complaints).toBe(300);
    // The cases' feed in order of time, one change per public step (the case's own `submitted` for
    // the registration), and the platform's next cursor after the last.
    const [feed] = await sql.query<{ changes: number; outOfOrder: number; steps: number; next: boolean }>(
      `SELECT (SELECT count(*)::int FROM case_status_changes) AS changes,
         (SELECT count(*)::int FROM (SELECT at, lag(at) OVER (ORDER BY cursor) AS before FROM case_status_changes) o
          WHERE o.before > o.at) AS "outOfOrder",
         (SELECT count(*)::int FROM complaint_steps WHERE visibility = 'public') AS steps,
         (SELECT last_value >= max(cursor) FROM case_change_cursors, case_status_changes GROUP BY last_value) AS next`,
    );
    expect(feed).toEqual({ changes: feed?.steps, outOfOrder: 0, steps: feed?.steps, next: true });

    // The last minute of the history: the platform numbers on the last day loaded.
    const now = () => new Date(historyEnd(SPREAD).getTime() - 60_000);
    const settings = new ComplaintSettings(sql, now);
    const directory = new ComplaintDirectoryService(sql, new DistrictStaffService(sql, now), now);
    const queries = new ComplaintQueryService(sql, directory, settings, now);
    const actions = new ComplaintActionService(sql, directory, settings, now);
    const { deadlines } = await settings.current();

    const listed: ComplaintSummary[] = [];
    for (let after: string | undefined; ;) {
      const page = await queries.list({ limit: 100, ...(after === undefined ? {} : { after }) });
      listed.push(...page.complaints);
      if (page.next === null) break;
      after = page.next;
    }
    expect(new Set(listed.map((c) => c.number)).size).toBe(300);

    for (const [index, summary] of listed.entries()) {
      expect((await caseByNumber(sql, summary.number))?.status).toBe(caseStatusOf(summary.state));
      // Every open complaint's page, and a sample of the rest: the pages are the slow part on PGlite.
      if (!isOpenComplaint(summary.state) && index % 4 !== 0) continue;
      const page = await queries.page(summary.number);
      if (page === undefined) throw new Error(`no page for ${summary.number}`);
      const complaint = StoredComplaint.parse(page.complaint);
      expect(complaint.state).toBe(summary.state);
      expect(summary.stageDueAt).toBe(stageDueAtOf(complaint, deadlines));
    }

    // The indicators' port counts every complaint closed on the days loaded.
    const counts = await new ComplaintIndicatorRecords(sql).countsFor({ from: SPREAD.from, to: SPREAD.to });
    expect(counts.closed).toBe((loaded.byState.closed ?? 0) + (loaded.byState.evaluated ?? 0));

    // A loaded complaint goes on: the enterprise's evaluation of one closed, recorded by intake.
    const intake = loaded.directory.people.find((p) => p.bureauRoles.includes('intake'));
    const sorter = loaded.directory.people.find((p) => p.bureauRoles.includes('sorter'));
    const closedOne = listed.find((c) => c.state === 'closed');
    if (intake === undefined || sorter === undefined || closedOne === undefined)
      throw new Error('the load lacks a person or a state');
    const evaluation = { type: 'evaluate', level: 'satisfied', reason: null, comment: null } as const;
    expect(await actions.act(closedOne.number, intake.id, evaluation)).toEqual({ kind: 'ok' });

    // A new hotline call is numbered after the last day's loaded complaints, dispatched and accepted.
    const registration = new ComplaintRegistration(sql, settings, now);
    const registered = await registration.hotline(
      { kind: 'staff', personId: intake.id, name: intake.name, unitCode: BENCH_BUREAU, duty: 'handler', bureauRoles: ['intake'] },
      {
        enterprise: { name: '松林示例科技有限公司', creditCode: null },
        contact: { name: '测试联系人', phone: '13800000000' },
        topic: 'approval',
        area: null,
        text: '施工许可审批超过承诺时限仍未办结，请督促办理。',
      },
    );
    if (registered.kind !== 'ok') throw new Error(`the hotline call was refused: ${registered.kind}`);
    const lastDay = listed.filter((c) => c.number.slice(2, 10) === registered.registered.number.slice(2, 10));
    expect(lastDay.length).toBeGreaterThan(0);
    for (const c of lastDay) expect(registered.registered.number > c.number).toBe(true);
    const number = registered.registered.number;
    const dispatch: ComplaintAction = { type: 'dispatch', leadUnit: 'approval', coUnits: [], note: null };
    expect(await actions.act(number, sorter.id, dispatch)).toEqual({ kind: 'ok' });
    const handler = loaded.directory.people.find((p) => p.unitCode === 'approval' && p.duty === 'handler');
    expect(await actions.act(number, handler?.id ?? null, { type: 'accept' })).toEqual({ kind: 'ok' });
    expect((await queries.page(number))?.complaint.state).toBe('accepted');
  });
});
