import { afterEach, beforeEach, expect, it } from 'vitest';
import { ComputedValuesResponse } from '../../../contracts/platform-indicators';
import type { Sql } from '../../../platform/db/sql';
import type { Platform } from '../../../platform/server';
import type { ComplaintIndicatorCounts, ComplaintRecords } from '../../../platform/services/indicator-complaint-figures';
import { describeEachDatabase } from '../support/each-database';
import { adminAuth, startApi } from '../support/platform';

/**
 * "An indicator computed from platform data equals the figure computed independently in the test
 * from the same rows" (issue 21): rows are written straight into the platform's tables, the
 * period is computed through the platform, and each figure is worked out here by plain arithmetic
 * over the rows written, with the working days counted by hand on the 2026 calendar.
 */

const PERIOD = '2026-Q3';
/** The Beijing date of an instant: UTC + 8 h, no daylight saving. */
const beijingDate = (iso: string): string => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);
const inQ3 = (iso: string): boolean => beijingDate(iso) >= '2026-07-01' && beijingDate(iso) <= '2026-09-30';
const round1 = (x: number): number => Math.round(x * 10) / 10;

interface CaseFixture {
  number: string;
  item: string;
  submittedAt: string;
  completedAt: string;
  status: 'completed' | 'rejected';
  expected: string | null;
  /** Working days after the submission's Beijing date up to the completion's, counted by hand. */
  workingDays: number;
}

const STARTUP = 'QY-KB-001';
const COMPLAINT_ITEM = 'YS-SQ-001';

const CASES: CaseFixture[] = [
  // Friday to Monday: one working day.
  {
    number: 'HK202607030000001',
    item: STARTUP,
    submittedAt: '2026-07-03T02:00:00Z',
    completedAt: '2026-07-06T01:00:00Z',
    status: 'completed',
    expected: '2026-07-10',
    workingDays: 1,
  },
  // Thursday 24 Sept to Wednesday 30: the 25th is 中秋 (off), then a weekend: 28, 29, 30.
  {
    number: 'HK202609240000001',
    item: STARTUP,
    submittedAt: '2026-09-24T01:00:00Z',
    completedAt: '2026-09-30T09:00:00Z',
    status: 'completed',
    expected: '2026-09-29',
    workingDays: 3,
  },
  // Done the day it came: none.
  {
    number: 'HK202608100000001',
    item: STARTUP,
    submittedAt: '2026-08-10T01:00:00Z',
    completedAt: '2026-08-10T07:00:00Z',
    status: 'completed',
    expected: '2026-08-10',
    workingDays: 0,
  },
  // Completed at 00:30 on 1 July in Beijing (30 June in UTC): in the quarter; 30 June and 1 July.
  {
    number: 'HK202606290000001',
    item: STARTUP,
    submittedAt: '2026-06-29T02:00:00Z',
    completedAt: '2026-06-30T16:30:00Z',
    status: 'completed',
    expected: '2026-06-30',
    workingDays: 2,
  },
  // Completed at 00:30 on 1 October in Beijing: the next quarter's.
  {
    number: 'HK202609290000001',
    item: STARTUP,
    submittedAt: '2026-09-29T02:00:00Z',
    completedAt: '2026-09-30T16:30:00Z',
    status: 'completed',
    expected: '2026-10-09',
    workingDays: 1,
  },
  // Rejected after all: never counts for 企业开办 (it still kept or broke its promise).
  {
    number: 'HK202607150000001',
    item: STARTUP,
    submittedAt: '2026-07-15T02:00:00Z',
    completedAt: '2026-07-20T02:00:00Z',
    status: 'rejected',
    expected: '2026-07-22',
    workingDays: 3,
  },
  // Other items: the promise only.
  {
    number: 'HK202607200000002',
    item: 'QYTB-001',
    submittedAt: '2026-07-20T02:00:00Z',
    completedAt: '2026-07-28T02:00:00Z',
    status: 'completed',
    expected: '2026-07-27',
    workingDays: 6,
  },
  {
    number: 'HK202608030000002',
    item: 'QYTB-002',
    submittedAt: '2026-08-03T02:00:00Z',
    completedAt: '2026-08-05T02:00:00Z',
    status: 'completed',
    expected: '2026-08-10',
    workingDays: 2,
  },
  {
    number: 'HK202608040000002',
    item: 'QYTB-002',
    submittedAt: '2026-08-04T02:00:00Z',
    completedAt: '2026-08-06T02:00:00Z',
    status: 'completed',
    expected: null,
    workingDays: 2,
  },
  // A 营商诉求 item: its deadlines are the complaint platform's.
  {
    number: 'HK202608050000002',
    item: COMPLAINT_ITEM,
    submittedAt: '2026-08-05T02:00:00Z',
    completedAt: '2026-08-20T02:00:00Z',
    status: 'completed',
    expected: '2026-08-07',
    workingDays: 11,
  },
];

async function insertCase(sql: Sql, c: CaseFixture): Promise<void> {
  await sql.query(
    `INSERT INTO cases (case_number, idempotency_key, request_hash, hall_id, terminal_id, item_code, item_name, applicant_name,
       applicant_id_number, form, materials, submitted_at, received_at, status, expected_completion)
     VALUES ($1, $1, 'x', 'hall-01', 'kiosk-01', $2, '事项', '张三', '110105194912310000', '{}'::jsonb, '[]'::jsonb, $3, $3, $4, $5)`,
    [c.number, c.item, c.submittedAt, c.status, c.expected],
  );
  const change = `INSERT INTO case_status_changes (cursor, case_number, hall_id, status, at)
                  VALUES (nextval('case_change_cursors'), $1, 'hall-01', $2, $3)`;
  await sql.query(change, [c.number, 'submitted', c.submittedAt]);
  await sql.query(change, [c.number, 'completed', c.completedAt]);
  if (c.status === 'rejected') await sql.query(change, [c.number, 'rejected', c.completedAt]);
}

interface EvaluationFixture {
  key: string;
  level: string;
  at: string;
  overturned?: boolean;
}

const EVALUATIONS: EvaluationFixture[] = [
  { key: 'eval-0001', level: 'very_satisfied', at: '2026-07-01T01:00:00Z' },
  { key: 'eval-0002', level: 'satisfied', at: '2026-08-01T01:00:00Z' },
  { key: 'eval-0003', level: 'basic', at: '2026-08-02T01:00:00Z' },
  { key: 'eval-0004', level: 'dissatisfied', at: '2026-08-03T01:00:00Z' },
  // A 差评 overturned on appeal: struck from the rate.
  { key: 'eval-0005', level: 'very_dissatisfied', at: '2026-08-04T01:00:00Z', overturned: true },
  { key: 'eval-0006', level: 'satisfied', at: '2026-09-30T15:59:00Z' },
  // 00:01 on 1 October in Beijing: the next quarter's.
  { key: 'eval-0007', level: 'dissatisfied', at: '2026-09-30T16:01:00Z' },
  { key: 'eval-0008', level: 'satisfied', at: '2026-06-30T15:00:00Z' },
];

/** A follow-up closed at `closedAt`, rectified on time or not. */
interface FollowUpFixture {
  evaluation: string;
  closedAt: string;
  onTime: boolean | null;
}

const FOLLOW_UPS: FollowUpFixture[] = [
  { evaluation: 'eval-0004', closedAt: '2026-08-10T02:00:00Z', onTime: true },
  { evaluation: 'eval-0007', closedAt: '2026-09-15T02:00:00Z', onTime: false },
  { evaluation: 'eval-0003', closedAt: '2026-09-20T02:00:00Z', onTime: true },
  { evaluation: 'eval-0008', closedAt: '2026-06-20T02:00:00Z', onTime: false },
  // Closed without a rectification (nothing to rectify): not counted.
  { evaluation: 'eval-0002', closedAt: '2026-08-20T02:00:00Z', onTime: null },
];

async function insertEvaluations(sql: Sql): Promise<void> {
  for (const e of EVALUATIONS) {
    const [row] = await sql.query<{ id: number }>(
      `INSERT INTO evaluations (idempotency_key, hall_id, terminal_id, subject, level, callback_required, evaluated_at, received_at)
       VALUES ($1, 'hall-01', 'rate-01', '{"kind":"ticket","ticketNumber":"A1","windowId":"W1","staffNumber":"S1"}'::jsonb, $2, false, $3, $3)
       RETURNING id`,
      [e.key, e.level, e.at],
    );
    if (e.overturned === true) {
      const outcome = {
        hallId: 'hall-01',
        evaluationKey: e.key,
        stage: 'appeal_decided',
        ratedDate: beijingDate(e.at),
        dueDate: '2026-08-11',
        appeal: { reason: '误评', at: e.at, decision: 'overturned', decidedAt: e.at },
        reportedAt: e.at,
      };
      await sql.query(
        `INSERT INTO review_outcomes (evaluation_id, hall_id, stage, outcome_json, received_at) VALUES ($1, 'hall-01', 'appeal_decided', $2, $3)`,
        [row?.id, JSON.stringify(outcome), e.at],
      );
    }
  }
  for (const f of FOLLOW_UPS) {
    const outcome = {
      hallId: 'hall-01',
      evaluationKey: f.evaluation,
      stage: 'closed',
      ratedDate: '2026-08-01',
      dueDate: '2026-08-08',
      ...(f.onTime === null ? {} : { rectification: { text: '已整改', at: f.closedAt, onTime: f.onTime } }),
      callback: { result: '已回访', rating: 'satisfied', at: f.closedAt },
      closedAt: f.closedAt,
      reportedAt: f.closedAt,
    };
    await sql.query(
      `INSERT INTO review_outcomes (evaluation_id, hall_id, stage, outcome_json, received_at)
       SELECT id, 'hall-01', 'closed', $2, $3 FROM evaluations WHERE idempotency_key = $1`,
      [f.evaluation, JSON.stringify(outcome), f.closedAt],
    );
  }
}

interface DayFixture {
  hall: string;
  day: string;
  figures: Record<string, number>;
}

const DAYS: DayFixture[] = [
  {
    hall: 'hall-01',
    day: '2026-07-01',
    figures: { served: 90, noShow: 10, avgWaitSeconds: 600, 'service.A.avgWaitSeconds': 5000 },
  },
  { hall: 'hall-02', day: '2026-07-01', figures: { served: 30, noShow: 0, avgWaitSeconds: 1200 } },
  { hall: 'hall-01', day: '2026-09-30', figures: { served: 45, noShow: 5, avgWaitSeconds: 300 } },
  // Nothing called: no wait to average.
  { hall: 'hall-03', day: '2026-08-01', figures: { served: 0, noShow: 0, issued: 3 } },
  // Tickets but no average (an old host): left out.
  { hall: 'hall-02', day: '2026-08-02', figures: { served: 12, noShow: 1 } },
  { hall: 'hall-01', day: '2026-06-30', figures: { served: 100, noShow: 0, avgWaitSeconds: 60 } },
];

async function insertDays(sql: Sql): Promise<void> {
  for (const d of DAYS) {
    await sql.query(
      `INSERT INTO queue_stats (hall_id, business_day, figures_json, revision, received_at) VALUES ($1, $2, $3, 1, now())`,
      [d.hall, d.day, JSON.stringify(d.figures)],
    );
  }
}

describeEachDatabase('indicators: metrics computed from the platform’s rows', (database) => {
  let api: Platform;

  beforeEach(async () => {
    api = await startApi(database());
  });
  afterEach(async () => {
    await api.close();
  });

  const compute = async (): Promise<Map<string, { value: number | null; rows: number }>> => {
    const opened = await api.app.inject({
      method: 'POST',
      url: '/v1/admin/indicators/periods',
      headers: adminAuth,
      payload: { period: PERIOD },
    });
    expect(opened.statusCode).toBe(201);
    const res = await api.app.inject({
      method: 'POST',
      url: `/v1/admin/indicators/periods/${PERIOD}/compute`,
      headers: adminAuth,
    });
    expect(res.statusCode).toBe(200);
    return new Map(ComputedValuesResponse.parse(res.json()).values.map((v) => [v.metric, { value: v.value, rows: v.rows }]));
  };

  it('equals the figures worked out by hand from the same cases, evaluations and day figures', async () => {
    const sql = database().sql;
    for (const c of CASES) await insertCase(sql, c);
    await insertEvaluations(sql);
    await insertDays(sql);
    const figures = await compute();

    const completedInQ3 = CASES.filter((c) => inQ3(c.completedAt));
    const startups = completedInQ3.filter((c) => c.item === STARTUP && c.status !== 'rejected');
    expect(startups.map((c) => c.workingDays)).toEqual([1, 3, 0, 2]);
    const meanDays = startups.reduce((sum, c) => sum + c.workingDays, 0) / startups.length;
    expect(figures.get('business-startup-working-days')).toEqual({ value: Math.round(meanDays * 100) / 100, rows: 4 });

    const promised = completedInQ3.filter((c) => c.item !== COMPLAINT_ITEM && c.expected !== null);
    const kept = promised.filter((c) => c.expected !== null && beijingDate(c.completedAt) <= c.expected);
    expect(figures.get('promise-time-completion-rate')).toEqual({
      value: round1((kept.length / promised.length) * 100),
      rows: promised.length,
    });

    const rated = EVALUATIONS.filter((e) => inQ3(e.at) && e.overturned !== true);
    const satisfied = rated.filter((e) => e.level === 'very_satisfied' || e.level === 'satisfied');
    expect(figures.get('evaluation-satisfaction-rate')).toEqual({
      value: round1((satisfied.length / rated.length) * 100),
      rows: rated.length,
    });

    const rectified = FOLLOW_UPS.filter((f) => inQ3(f.closedAt) && f.onTime !== null);
    const onTime = rectified.filter((f) => f.onTime === true);
    expect(figures.get('bad-review-rectification-on-time-rate')).toEqual({
      value: round1((onTime.length / rectified.length) * 100),
      rows: rectified.length,
    });

    const waited = DAYS.filter(
      (d) =>
        d.day >= '2026-07-01' &&
        d.day <= '2026-09-30' &&
        d.figures.avgWaitSeconds !== undefined &&
        (d.figures.served ?? 0) + (d.figures.noShow ?? 0) > 0,
    );
    const tickets = waited.reduce((sum, d) => sum + (d.figures.served ?? 0) + (d.figures.noShow ?? 0), 0);
    const waitSeconds = waited.reduce(
      (sum, d) => sum + (d.figures.avgWaitSeconds ?? 0) * ((d.figures.served ?? 0) + (d.figures.noShow ?? 0)),
      0,
    );
    // (600 × 100 + 1200 × 30 + 300 × 50) ÷ 180 tickets = 616.7 s = 10.3 minutes.
    expect(figures.get('average-hall-wait-minutes')).toEqual({ value: round1(waitSeconds / tickets / 60), rows: waited.length });
    expect(figures.get('average-hall-wait-minutes')?.value).toBe(10.3);
  });

  it('gives no value, not 0 or 100, for a metric with no row to count, the complaint tables’ included', async () => {
    const figures = await compute();
    expect(figures.get('business-startup-working-days')).toEqual({ value: null, rows: 0 });
    expect(figures.get('evaluation-satisfaction-rate')).toEqual({ value: null, rows: 0 });
    expect(figures.get('average-hall-wait-minutes')).toEqual({ value: null, rows: 0 });
    // The complaint metrics come from the complaint tables by default: no complaint, no value.
    expect(figures.get('complaint-on-time-closure-rate')).toEqual({ value: null, rows: 0 });
    // The catalog is there from the first start: its share is computed whatever the period.
    expect(figures.get('on-the-spot-item-share')?.rows).toBeGreaterThan(0);
  });
});

// ---------------------------------------------------------------------------
// The complaint platform's metrics, through a fake port

/**
 * A quarter's counts as the complaint platform would give them (its SQL counts are tested equal
 * to whole complaints counted by hand in tests/platform/store/ and
 * tests/platform/services/complaint-indicator-records.test.ts): these check what the indicator
 * makes of them.
 */
const COUNTS: ComplaintIndicatorCounts = {
  closed: 8,
  closedOnTime: 7,
  closedSupervised: 3,
  acceptDue: 9,
  answeredOnTime: 6,
  evaluated: 6,
  satisfied: 5,
};

const fakeRecords = (counts: ComplaintIndicatorCounts): ComplaintRecords & { asked: string[] } => {
  const asked: string[] = [];
  return {
    asked,
    countsFor: async (period) => {
      asked.push(`${period.from}..${period.to}`);
      return counts;
    },
  };
};

describeEachDatabase('indicators: the complaint platform’s metrics through its port', (database) => {
  let api: Platform;
  let records: ReturnType<typeof fakeRecords>;

  afterEach(async () => {
    await api.close();
  });

  const computeQuarter = async (counts: ComplaintIndicatorCounts) => {
    records = fakeRecords(counts);
    api = await startApi(database(), { complaintRecords: records });
    await api.app.inject({
      method: 'POST',
      url: '/v1/admin/indicators/periods',
      headers: adminAuth,
      payload: { period: PERIOD },
    });
    const res = await api.app.inject({
      method: 'POST',
      url: `/v1/admin/indicators/periods/${PERIOD}/compute`,
      headers: adminAuth,
    });
    expect(res.statusCode, res.body).toBe(200);
    return new Map(ComputedValuesResponse.parse(res.json()).values.map((v) => [v.metric, { value: v.value, rows: v.rows }]));
  };

  it('computes closure, acceptance, satisfaction and supervision from the quarter’s counts', async () => {
    const figures = await computeQuarter(COUNTS);
    // 7 of 8 closed in time: 87.5 %; 3 of the 8 had a 督办单: 37.5 %.
    expect(figures.get('complaint-on-time-closure-rate')).toEqual({ value: 87.5, rows: 8 });
    expect(figures.get('complaint-supervision-rate')).toEqual({ value: 37.5, rows: 8 });
    // 6 of 9 acceptance deadlines met: 66.7 % (rounded half up once).
    expect(figures.get('complaint-on-time-acceptance-rate')).toEqual({ value: 66.7, rows: 9 });
    // 5 of 6 ratings satisfied or above: 83.3 %.
    expect(figures.get('complaint-satisfaction-rate')).toEqual({ value: 83.3, rows: 6 });
    // Asked once, for the quarter's dates.
    expect(records.asked).toEqual(['2026-07-01..2026-09-30']);
  });

  it('gives no value, not 0 or 100, where the quarter counted nothing', async () => {
    const figures = await computeQuarter({ ...COUNTS, acceptDue: 0, answeredOnTime: 0, evaluated: 0, satisfied: 0 });
    expect(figures.get('complaint-on-time-acceptance-rate')).toEqual({ value: null, rows: 0 });
    expect(figures.get('complaint-satisfaction-rate')).toEqual({ value: null, rows: 0 });
    expect(figures.get('complaint-on-time-closure-rate')).toEqual({ value: 87.5, rows: 8 });
  });
});
