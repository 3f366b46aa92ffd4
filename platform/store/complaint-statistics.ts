import {
  emptyUnitFigures,
  type AssessmentPeriod,
  type EvaluationCounts,
  type UnitFigures,
} from '../../contracts/complaint-assessment';
import { DEFAULT_DEADLINE_RULES } from '../../contracts/complaint-deadlines';
import { DISTRICT_TIME_ZONE, endOfDate, instantAt } from '../../contracts/working-time';
import type { Sql } from '../db/sql';

/**
 * 查询统计: every unit's `UnitFigures` for a period (contracts/complaint-assessment.ts), counted
 * in SQL by the definitions platform/services/complaint-unit-figures.ts counts whole complaints
 * by (the two are tested equal on the same rows). Four grouped statements, each an index range
 * of the period: the steps taken in it (`complaint_steps_by_action`), the stage deadlines that
 * fall in it (the same index from the earliest start that can fall due in it, with each run's
 * end found by `complaint_steps_by_number`), the 办结期限 that fall in it
 * (`complaints_by_close_due`, migration 009) and the evaluations given in it.
 *
 * The stage deadlines are not stored (complaint-deadlines.ts recomputes them from the history
 * and the calendar, so a corrected calendar reaches them): the statement numbers the district's
 * working days around the period from `district_calendar_days` and reads the deadline rules in
 * force from `complaint_deadline_rules`, as the services do.
 */

const TZ = `'${DISTRICT_TIME_ZONE}'`;

/** No stage (`contracts/complaint-deadlines.ts`) runs longer than this many working days. */
const MAX_STAGE_WORKING_DAYS = 60;

/**
 * Calendar days numbered around the period: back far enough to hold the working days of the
 * longest stage before it, forward far enough for the longest stage begun on its last day.
 */
const CALENDAR_MARGIN_DAYS = 400;

interface StepRow {
  unit: string;
  received: number;
  closed: number;
  closedOnTime: number;
  reviewed: number;
  returned: number;
}

interface RunRow {
  unit: string;
  acceptDue: number;
  acceptedOnTime: number;
  supervised: number;
}

interface PromiseRow {
  unit: string;
  overdue: number;
  supervised: number;
}

interface EvaluationRow {
  unit: string;
  level: keyof EvaluationCounts;
  n: number;
}

/** Steps taken in the period, by the lead unit the step names. */
const STEPS = `
  SELECT s.units->>0 AS unit,
    count(*) FILTER (WHERE s.action = 'dispatch')::int AS received,
    count(*) FILTER (WHERE s.action = 'close')::int AS closed,
    count(*) FILTER (WHERE s.action = 'close' AND s.at <= c.close_due_at)::int AS "closedOnTime",
    count(*) FILTER (WHERE s.action IN ('approve', 'return'))::int AS reviewed,
    count(*) FILTER (WHERE s.action = 'return')::int AS returned
  FROM complaint_steps s
  JOIN complaints c ON c.number = s.number
  WHERE s.action IN ('dispatch', 'close', 'approve', 'return') AND s.at >= $1 AND s.at < $2
    AND jsonb_array_length(s.units) > 0
  GROUP BY 1`;

/**
 * The units' stage runs (complaint-deadlines.ts stageDeadlines) whose due date falls in the
 * period: each dispatch's acceptance, co-units' parts and reply, and each return's reply done
 * again. A run is met by the first step after its start that does it; a decline ends the
 * dispatch's reply and its parts still open (they were never the unit's to meet).
 *
 * $1/$2 the period's dates, $3 its end instant, $4 now, $5 the default rules (none stored).
 * Working day n of `numbered` is the one with idx n; N working days after a date with idx i is
 * the working day with idx i + N (zero days on a day off: the next working day).
 */
const RUNS = `
  WITH rules AS (
    SELECT COALESCE((SELECT rules FROM complaint_deadline_rules ORDER BY version DESC LIMIT 1), $5::jsonb) AS r
  ),
  numbered AS (
    SELECT day, working, (count(*) FILTER (WHERE working) OVER (ORDER BY day))::int AS idx
    FROM (
      SELECT g::date AS day, COALESCE(cd.kind = 'workday', extract(isodow FROM g) < 6) AS working
      FROM generate_series(($1::date - ${CALENDAR_MARGIN_DAYS})::timestamp, ($2::date + ${CALENDAR_MARGIN_DAYS})::timestamp, interval '1 day') AS g
      LEFT JOIN district_calendar_days cd ON cd.day = g::date
    ) AS days
  ),
  workdays AS (SELECT idx, day FROM numbered WHERE working),
  earliest AS (
    SELECT (w.day::timestamp AT TIME ZONE ${TZ}) AS at
    FROM numbered f JOIN workdays w ON w.idx = f.idx - ${MAX_STAGE_WORKING_DAYS + 1}
    WHERE f.day = $1::date
  ),
  dispatches AS (
    SELECT s.id, s.number, s.at, s.units, c.topic,
      (SELECT x.action FROM complaint_steps x
        WHERE x.number = s.number AND x.id > s.id AND x.action IN ('accept', 'decline') ORDER BY x.id LIMIT 1) AS answer,
      (SELECT x.at FROM complaint_steps x
        WHERE x.number = s.number AND x.id > s.id AND x.action IN ('accept', 'decline') ORDER BY x.id LIMIT 1) AS answered_at,
      (SELECT x.id FROM complaint_steps x
        WHERE x.number = s.number AND x.id > s.id AND x.action = 'decline' ORDER BY x.id LIMIT 1) AS declined_id
    FROM complaint_steps s JOIN complaints c ON c.number = s.number
    WHERE s.action = 'dispatch' AND s.at >= (SELECT at FROM earliest) AND s.at < $3
  ),
  replies AS (
    SELECT s.id, s.number, s.at, s.units->>0 AS unit
    FROM complaint_steps s
    WHERE s.action = 'return' AND s.at >= (SELECT at FROM earliest) AND s.at < $3
  ),
  runs AS (
    SELECT 'accept' AS stage, d.units->>0 AS unit, d.at AS started, (r.r->>'acceptWorkingDays')::int AS days,
      d.answered_at AS met, false AS dropped
    FROM dispatches d, rules r
    UNION ALL
    SELECT 'reply', d.units->>0, d.at, (r.r->'replyWorkingDays'->>d.topic)::int,
      (SELECT x.at FROM complaint_steps x WHERE x.number = d.number AND x.id > d.id AND x.action = 'submit' ORDER BY x.id LIMIT 1),
      d.answer IS NOT DISTINCT FROM 'decline'
    FROM dispatches d, rules r
    UNION ALL
    SELECT 'part', u.code, d.at,
      LEAST((r.r->'replyWorkingDays'->>d.topic)::int,
        GREATEST(1, (r.r->'replyWorkingDays'->>d.topic)::int - (r.r->>'partLeadWorkingDays')::int)),
      p.at,
      p.at IS NULL AND d.declined_id IS NOT NULL
    FROM dispatches d
    CROSS JOIN rules r
    CROSS JOIN LATERAL jsonb_array_elements_text(d.units) WITH ORDINALITY AS u(code, position)
    LEFT JOIN LATERAL (
      SELECT x.at FROM complaint_steps x
      WHERE x.number = d.number AND x.id > d.id AND x.action = 'submit_part' AND x.units->>0 = u.code
        AND (d.declined_id IS NULL OR x.id < d.declined_id)
      ORDER BY x.id LIMIT 1
    ) AS p ON true
    WHERE u.position > 1
    UNION ALL
    SELECT 'reply', e.unit, e.at, (r.r->>'redoWorkingDays')::int,
      (SELECT x.at FROM complaint_steps x WHERE x.number = e.number AND x.id > e.id AND x.action = 'submit' ORDER BY x.id LIMIT 1),
      false
    FROM replies e, rules r
  ),
  due AS (
    SELECT runs.stage, runs.unit, runs.met, ((w.day + 1)::timestamp AT TIME ZONE ${TZ}) AS due_at
    FROM runs
    JOIN numbered n ON n.day = (runs.started AT TIME ZONE ${TZ})::date
    JOIN workdays w ON w.idx = n.idx + runs.days + CASE WHEN runs.days = 0 AND NOT n.working THEN 1 ELSE 0 END
    WHERE NOT runs.dropped AND w.day BETWEEN $1::date AND $2::date
  )
  SELECT unit,
    count(*) FILTER (WHERE stage = 'accept')::int AS "acceptDue",
    count(*) FILTER (WHERE stage = 'accept' AND met IS NOT NULL AND met <= due_at)::int AS "acceptedOnTime",
    count(*) FILTER (WHERE COALESCE(met, $4::timestamptz) > due_at)::int AS supervised
  FROM due
  GROUP BY unit`;

/**
 * The 办结期限 that fall in the period ($1, $2]: 超期 (passed by now, $3, and not closed by it;
 * not admitted and merged ones were never a unit's to close) and the 督办单 of the promise, to
 * the lead unit (首办负责).
 */
const PROMISES = `
  SELECT c.lead_unit AS unit,
    count(*) FILTER (WHERE c.state NOT IN ('not_admitted', 'merged') AND c.close_due_at < $3
      AND (c.closed_at IS NULL OR c.closed_at > c.close_due_at))::int AS overdue,
    count(*) FILTER (WHERE COALESCE(
      (SELECT x.at FROM complaint_steps x
        WHERE x.number = c.number AND x.action IN ('close', 'not_admit', 'merge') ORDER BY x.id LIMIT 1),
      $3::timestamptz) > c.close_due_at)::int AS supervised
  FROM complaints c
  WHERE c.close_due_at > $1 AND c.close_due_at <= $2 AND c.lead_unit IS NOT NULL
  GROUP BY 1`;

/** The enterprises' evaluations given in the period, of the complaints each unit led. */
const EVALUATIONS = `
  SELECT c.lead_unit AS unit, c.evaluation->>'level' AS level, count(*)::int AS n
  FROM complaint_steps s JOIN complaints c ON c.number = s.number
  WHERE s.action = 'evaluate' AND s.at >= $1 AND s.at < $2 AND c.evaluation IS NOT NULL AND c.lead_unit IS NOT NULL
  GROUP BY 1, 2`;

/**
 * Every unit's figures for the period, in the order of their codes; a unit with nothing in the
 * period has all zeros. `now` says which deadlines have passed (overdue, supervised).
 */
export async function unitFiguresForPeriod(sql: Sql, period: AssessmentPeriod, now: Date = new Date()): Promise<UnitFigures[]> {
  const start = instantAt(period.from, '00:00', DISTRICT_TIME_ZONE);
  const end = endOfDate(period.to, DISTRICT_TIME_ZONE);
  const at = now.toISOString();
  const units = await sql.query<{ code: string }>(`SELECT code FROM complaint_units ORDER BY code`);
  const steps = await sql.query<StepRow>(STEPS, [start, end]);
  const runs = await sql.query<RunRow>(RUNS, [period.from, period.to, end, at, JSON.stringify(DEFAULT_DEADLINE_RULES)]);
  const promises = await sql.query<PromiseRow>(PROMISES, [start, end, at]);
  const evaluations = await sql.query<EvaluationRow>(EVALUATIONS, [start, end]);

  const byUnit = new Map(units.map(({ code }) => [code, emptyUnitFigures(code)]));
  const of = (unit: string) => byUnit.get(unit) ?? null;
  for (const row of steps) {
    const f = of(row.unit);
    if (f === null) continue;
    f.received += row.received;
    f.closed += row.closed;
    f.closedOnTime += row.closedOnTime;
    f.reviewed += row.reviewed;
    f.returned += row.returned;
  }
  for (const row of runs) {
    const f = of(row.unit);
    if (f === null) continue;
    f.acceptDue += row.acceptDue;
    f.acceptedOnTime += row.acceptedOnTime;
    f.supervised += row.supervised;
  }
  for (const row of promises) {
    const f = of(row.unit);
    if (f === null) continue;
    f.overdue += row.overdue;
    f.supervised += row.supervised;
  }
  for (const row of evaluations) {
    const f = of(row.unit);
    if (f !== null && row.level in f.evaluations) f.evaluations[row.level] += row.n;
  }
  return [...byUnit.values()];
}
