/**
 * The indicator roll-up of a year (issue 21, point 6: "with 3 years of data, the indicator
 * roll-up for a year, p95 ≤ 500 ms"; "Speed": "with 100,000 complaints and 3 years of history"),
 * on the PostgreSQL server, through the platform's routes as the console calls them (auth,
 * validation, serialization included). Three years of a district's rows are written straight
 * into the tables (cases with their completions, ratings, the halls' day figures) and, on the same
 * three years, the complaint desk's 100,000 complaints with their histories (complaint-history.ts:
 * the kiosk's complaint cases are these halls' cases of the 营商诉求 item), which GOV.05's
 * metrics (the complaint platform's on-time closure, supervision, on-time acceptance and
 * satisfaction) are computed from; each year is opened, its entered leaves entered and approved,
 * its metrics computed; 2024 and 2025 are closed, 2026 stays open, so its roll-up is made from its
 * values at every read.
 *
 * Reported, each as a p95 of RUNS reads: the year's roll-up (every node, the seven categories and
 * the district: GET …/periods/2026/scores), the three years' trend, and the computation of a
 * year's metrics from the raw rows (POST …/compute, the heaviest read of the system), and the
 * tree's read. The baseline, measured in the same run, is the list of periods (GET …/periods):
 * the cheapest read of the indicator routes, one small table through the same auth and
 * serialization, so the ratio says what the roll-up costs beyond answering at all. Skipped,
 * saying why, without a PostgreSQL server.
 */
import { INDICATOR_SEED } from '../../contracts/indicator-seed';
import { indicatorLeaves } from '../../contracts/indicators';
import { ComputedValuesResponse } from '../../contracts/platform-indicators';
import type { Sql } from '../../platform/db/sql';
import { createPlatform } from '../../platform/server';
import { loadComplaintHistory } from './complaint-history';
import { nowMs, percentile, report } from './harness';
import { copyMigrationsBesideBundle } from './platform-migrations';
import { openServerDatabase } from './server-database';

const YEARS = ['2024', '2025', '2026'] as const;
const CASES = 600_000;
const COMPLAINTS = 100_000;
const EVALUATIONS = 300_000;
const HALLS = 50;
const RUNS = 40;
/**
 * Each a year's recount from the raw rows (600,000 cases' completions, ratings, and GOV.05 counted
 * in SQL over ~33,000 complaints' steps): seconds each, so fewer runs (its p95 is then nearly the
 * slowest).
 */
const COMPUTE_RUNS = 4;
const ADMIN = 'bench-admin-token';
const TARGET_MS = 500;

/** Three years of rows, ending on 31 December 2026, built inside the database. */
async function fillThreeYears(sql: Sql): Promise<void> {
  const span = "timestamptz '2026-12-31 18:00:00+08' - (i * interval '1 second' * (94608000 / $1::integer))";
  await sql.query(
    `INSERT INTO cases (case_number, idempotency_key, request_hash, hall_id, terminal_id, item_code, item_name,
       applicant_name, applicant_id_number, form, materials, submitted_at, received_at, status, expected_completion)
     SELECT 'HK' || to_char(at AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD') || lpad(i::text, 7, '0'), 'bench-' || i, 'x',
       'hall-' || lpad((i % ${HALLS})::text, 3, '0'), 'kiosk-01',
       CASE WHEN i % 20 = 0 THEN 'QY-KB-001' ELSE 'QYTB-' || lpad((i % 41 + 1)::text, 3, '0') END,
       '事项', '张三', '110105194912310000', '{}'::jsonb, '[]'::jsonb, at, at,
       CASE WHEN i % 100 < 80 THEN 'completed' WHEN i % 100 < 95 THEN 'in_progress' ELSE 'rejected' END,
       ((at AT TIME ZONE 'Asia/Shanghai')::date + 7)
     FROM (SELECT i, ${span} AS at FROM generate_series(1, $1::integer) AS i) AS g`,
    [CASES],
  );
  await sql.query(
    `INSERT INTO case_status_changes (cursor, case_number, hall_id, status, note, at)
     SELECT row_number() OVER (ORDER BY at), case_number, hall_id, status, NULL, at FROM (
       SELECT case_number, hall_id, 'submitted' AS status, received_at AS at FROM cases
       UNION ALL
       SELECT case_number, hall_id, 'completed', received_at + ((length(case_number) + right(case_number, 2)::integer % 9) * interval '1 day')
       FROM cases WHERE status = 'completed') AS changes`,
  );
  await sql.query(`SELECT setval('case_change_cursors', (SELECT count(*) FROM case_status_changes) + 1, false)`);
  await sql.query(
    `INSERT INTO evaluations (idempotency_key, hall_id, terminal_id, subject, level, callback_required, evaluated_at, received_at)
     SELECT 'bench-eval-' || i, 'hall-' || lpad((i % ${HALLS})::text, 3, '0'), 'rate-01',
       '{"kind":"ticket","ticketNumber":"A1","windowId":"W1","staffNumber":"S1"}'::jsonb,
       (ARRAY['very_satisfied', 'satisfied', 'satisfied', 'basic', 'dissatisfied'])[i % 5 + 1], false, at, at
     FROM (SELECT i, ${span} AS at FROM generate_series(1, $1::integer) AS i) AS g`,
    [EVALUATIONS],
  );
  await sql.query(
    `INSERT INTO queue_stats (hall_id, business_day, figures_json, revision, received_at)
     SELECT 'hall-' || lpad(h::text, 3, '0'), d::date,
       json_build_object('served', 200 + h, 'noShow', 5, 'avgWaitSeconds', 300 + (h * 7 + extract(doy FROM d)::integer) % 900)::text,
       1, d
     FROM generate_series(0, ${HALLS - 1}) AS h, generate_series(date '2024-01-01', date '2026-12-31', interval '1 day') AS d`,
  );
  for (const table of ['cases', 'case_status_changes', 'evaluations', 'queue_stats']) await sql.query(`ANALYZE ${table}`);
}

copyMigrationsBesideBundle();
const database = await openServerDatabase('indicator_rollup', 4);
if ('skipped' in database) {
  console.log(`indicator-rollup bench SKIPPED: ${database.skipped}`);
  process.exit(0);
}
const { sql } = database;

try {
  // No sweep timer: the bench measures the indicator routes, not the complaint desk's reminders.
  const platform = await createPlatform({
    sql,
    tokens: ['bench-terminal-token'],
    adminToken: ADMIN,
    deadlineSweep: 'on-demand',
  });
  const t0 = nowMs();
  await fillThreeYears(sql);
  // After the cases: the complaints' status changes draw their cursors after the cases' own.
  const complaints = await loadComplaintHistory(sql, {
    complaints: COMPLAINTS,
    from: '2024-01-01',
    to: '2026-12-31',
    seed: 21,
    kioskHalls: Array.from({ length: HALLS }, (_, n) => `hall-${String(n).padStart(3, '0')}`),
  });
  console.log(
    `three years (${CASES.toLocaleString('en')} cases, ${EVALUATIONS.toLocaleString('en')} ratings, ` +
      `${complaints.complaints.toLocaleString('en')} complaints with ${complaints.steps.toLocaleString('en')} steps) ` +
      `written in ${((nowMs() - t0) / 1000).toFixed(1)} s`,
  );

  const auth = { authorization: `Bearer ${ADMIN}` };
  const send = async (method: 'GET' | 'POST', url: string, payload?: object): Promise<number> => {
    const start = nowMs();
    const res = await platform.app.inject({ method, url, headers: auth, ...(payload === undefined ? {} : { payload }) });
    const ms = nowMs() - start;
    if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return ms;
  };
  const p95 = async (runs: number, method: 'GET' | 'POST', url: string): Promise<number> => {
    await send(method, url); // warm: the first query of a kind plans and reads its pages
    const samples: number[] = [];
    for (let i = 0; i < runs; i += 1) samples.push(await send(method, url));
    return percentile(samples, 95);
  };

  // Each year: opened, every entered leaf given an approved value (written as rows: the review's
  // rules are the tests' business, the bench's is the reads), its metrics computed from the rows.
  const entered = indicatorLeaves(INDICATOR_SEED).filter((leaf) => leaf.source.kind === 'entered');
  for (const year of YEARS) {
    await send('POST', '/v1/admin/indicators/periods', { period: year });
    await sql.query(
      `INSERT INTO indicator_entries (period, code, revision, value, note, state, entered_by, entered_at, reviewed_by, reviewed_at)
       SELECT $1, l."code", 1, l."value", NULL, 'approved', 'bench-unit', now(), 'bench-reviewer', now()
       FROM jsonb_to_recordset($2::jsonb) AS l("code" text, "value" double precision)`,
      [
        year,
        JSON.stringify(
          entered.map((leaf, i) => ({ code: leaf.code, value: leaf.worst + ((leaf.target - leaf.worst) * ((i * 7) % 10)) / 10 })),
        ),
      ],
    );
    // The complaint metrics must have counted the complaints, or the roll-up would be measured without them.
    const computed = await platform.app.inject({
      method: 'POST',
      url: `/v1/admin/indicators/periods/${year}/compute`,
      headers: auth,
    });
    const gov05 = ComputedValuesResponse.parse(computed.json()).values.filter((v) => v.metric.startsWith('complaint-'));
    if (gov05.length === 0 || gov05.some((v) => v.value === null)) throw new Error(`${year}: complaint metrics not computed`);
    console.log(`${year}: ${gov05.map((v) => `${v.metric} ${v.value?.toFixed(1) ?? '—'} (${v.rows} rows)`).join(', ')}`);
    if (year !== '2026') await send('POST', `/v1/admin/indicators/periods/${year}/close`);
  }

  const baseline = await p95(RUNS, 'GET', '/v1/admin/indicators/periods');
  report({ name: 'indicator periods list p95', value: baseline, unit: 'ms' });
  report({
    name: 'indicator tree read p95',
    value: await p95(RUNS, 'GET', '/v1/admin/indicators/tree'),
    unit: 'ms',
    baseline,
    baselineName: 'the periods list',
  });
  report({
    name: 'indicator roll-up of a year (open, 3 years and 100,000 complaints stored) p95',
    value: await p95(RUNS, 'GET', '/v1/admin/indicators/periods/2026/scores'),
    unit: 'ms',
    baseline,
    baselineName: 'the periods list',
    target: TARGET_MS,
    targetKind: 'value≤',
  });
  report({
    name: 'indicator roll-up of a closed year p95',
    value: await p95(RUNS, 'GET', '/v1/admin/indicators/periods/2025/scores'),
    unit: 'ms',
    baseline,
    baselineName: 'the periods list',
    target: TARGET_MS,
    targetKind: 'value≤',
  });
  report({
    name: 'indicator trend over 3 years p95',
    value: await p95(RUNS, 'GET', '/v1/admin/indicators/trend?kind=year&code=GOV'),
    unit: 'ms',
    baseline,
    baselineName: 'the periods list',
    target: TARGET_MS,
    targetKind: 'value≤',
  });
  report({
    name: 'indicator metrics of a year computed from the rows p95',
    value: await p95(COMPUTE_RUNS, 'POST', '/v1/admin/indicators/periods/2026/compute'),
    unit: 'ms',
    baseline,
    baselineName: 'the periods list',
  });
  await platform.close();
} finally {
  await database.close();
}
