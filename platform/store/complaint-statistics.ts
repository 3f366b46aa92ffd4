import {
  addUnitFigures,
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

/**
 * Calendar days numbered around the period: back far enough to hold the working days of the
 * longest stage before it, forward far enough for the longest stage begun on its last day (the
 * rules allow no stage near this long: contracts/complaint-deadlines.ts).
 */
const CALENDAR_MARGIN_DAYS = 400;

interface StepRow {
  unit: string;
  day: string;
  received: number;
  closed: number;
  closedOnTime: number;
  reviewed: number;
  returned: number;
}

interface RunRow {
  unit: string;
  day: string;
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
  day: string;
  level: keyof EvaluationCounts;
  n: number;
}

/** Steps taken in the period, by the lead unit the step names. */
const STEPS = `
  SELECT s.units->>0 AS unit, to_char(s.at AT TIME ZONE ${TZ}, 'YYYY-MM-DD') AS day,
    count(*) FILTER (WHERE s.action = 'dispatch')::int AS received,
    count(*) FILTER (WHERE s.action = 'close')::int AS closed,
    count(*) FILTER (WHERE s.action = 'close' AND s.at <= c.close_due_at)::int AS "closedOnTime",
    count(*) FILTER (WHERE s.action IN ('approve', 'return'))::int AS reviewed,
    count(*) FILTER (WHERE s.action = 'return')::int AS returned
  FROM complaint_steps s
  JOIN complaints c ON c.number = s.number
  WHERE s.action IN ('dispatch', 'close', 'approve', 'return') AND s.at >= $1 AND s.at < $2
    AND jsonb_array_length(s.units) > 0
  GROUP BY 1, 2`;

/**
 * The units' stage runs (complaint-deadlines.ts stageDeadlines) whose due date falls in the
 * period: each dispatch's acceptance, co-units' parts and reply, and each return's reply done
 * again. A run is met by the first step after its start that does it; a decline ends the
 * dispatch's reply and its parts still open (they were never the unit's to meet).
 *
 * $1/$2 the period's dates, $3 its end instant, $4 now, $5 the default rules (none stored).
 * Working day n of `numbered` is the one with idx n; N working days after a date with idx i is
 * the working day with idx i + N (zero days on a day off: the next working day). The due dates
 * are worked out once per (start day, working days) pair, a few thousand at most, and the runs
 * joined to them by hash: never a sort of every run by its day.
 */
const RUNS = `
  WITH rules AS (
    SELECT COALESCE((SELECT rules FROM complaint_deadline_rules ORDER BY version DESC LIMIT 1), $5::jsonb) AS r
  ),
  numbered AS MATERIALIZED (
    SELECT day, working, (count(*) FILTER (WHERE working) OVER (ORDER BY day))::int AS idx
    FROM (
      SELECT g::date AS day, COALESCE(cd.kind = 'workday', extract(isodow FROM g) < 6) AS working
      FROM generate_series(($1::date - ${CALENDAR_MARGIN_DAYS})::timestamp, ($2::date + ${CALENDAR_MARGIN_DAYS})::timestamp, interval '1 day') AS g
      LEFT JOIN district_calendar_days cd ON cd.day = g::date
    ) AS days
  ),
  workdays AS MATERIALIZED (SELECT idx, day FROM numbered WHERE working),
  -- The earliest start of a run that can fall due in the period: the longest stage of the rules
  -- in force (and a day) before its first day.
  longest AS (
    SELECT 1 + GREATEST((r.r->>'acceptWorkingDays')::int, (r.r->>'redoWorkingDays')::int,
      (SELECT max(v::int) FROM jsonb_each_text(r.r->'replyWorkingDays') AS t(k, v))) AS days
    FROM rules r
  ),
  earliest AS (
    SELECT (w.day::timestamp AT TIME ZONE ${TZ}) AS at
    FROM numbered f CROSS JOIN longest l JOIN workdays w ON w.idx = f.idx - l.days
    WHERE f.day = $1::date
  ),
  dispatches AS MATERIALIZED (
    SELECT s.id, s.number, s.at, s.units, c.topic, a.action AS answer, a.at AS answered_at,
      -- A decline comes only before an acceptance (in state dispatched): the first decline is the answer.
      CASE WHEN a.action = 'decline' THEN a.id END AS declined_id,
      (SELECT x.at FROM complaint_steps x
        WHERE x.number = s.number AND x.id > s.id AND x.action = 'submit' ORDER BY x.id LIMIT 1) AS submitted_at
    FROM complaint_steps s
    JOIN complaints c ON c.number = s.number
    LEFT JOIN LATERAL (
      SELECT x.id, x.action, x.at FROM complaint_steps x
      WHERE x.number = s.number AND x.id > s.id AND x.action IN ('accept', 'decline') ORDER BY x.id LIMIT 1
    ) AS a ON true
    WHERE s.action = 'dispatch' AND s.at >= (SELECT at FROM earliest) AND s.at < $3
  ),
  runs AS MATERIALIZED (
    SELECT 'accept' AS stage, d.units->>0 AS unit, d.at AS started, (r.r->>'acceptWorkingDays')::int AS days,
      d.answered_at AS met
    FROM dispatches d, rules r
    UNION ALL
    SELECT 'reply', d.units->>0, d.at, (r.r->'replyWorkingDays'->>d.topic)::int, d.submitted_at
    FROM dispatches d, rules r
    WHERE d.answer IS DISTINCT FROM 'decline'
    UNION ALL
    SELECT 'part', u.code, d.at,
      LEAST((r.r->'replyWorkingDays'->>d.topic)::int,
        GREATEST(1, (r.r->'replyWorkingDays'->>d.topic)::int - (r.r->>'partLeadWorkingDays')::int)),
      p.at
    FROM dispatches d
    CROSS JOIN rules r
    CROSS JOIN LATERAL jsonb_array_elements_text(d.units) WITH ORDINALITY AS u(code, position)
    LEFT JOIN LATERAL (
      SELECT x.at FROM complaint_steps x
      WHERE x.number = d.number AND x.id > d.id AND x.action = 'submit_part' AND x.units->>0 = u.code
        AND (d.declined_id IS NULL OR x.id < d.declined_id)
      ORDER BY x.id LIMIT 1
    ) AS p ON true
    WHERE jsonb_array_length(d.units) > 1 AND u.position > 1 AND NOT (p.at IS NULL AND d.declined_id IS NOT NULL)
    UNION ALL
    SELECT 'reply', s.units->>0, s.at, (r.r->>'redoWorkingDays')::int,
      (SELECT x.at FROM complaint_steps x WHERE x.number = s.number AND x.id > s.id AND x.action = 'submit' ORDER BY x.id LIMIT 1)
    FROM complaint_steps s, rules r
    WHERE s.action = 'return' AND s.at >= (SELECT at FROM earliest) AND s.at < $3
  ),
  dated AS MATERIALIZED (
    SELECT stage, unit, met, (started AT TIME ZONE ${TZ})::date AS started_day, days FROM runs
  ),
  due_of AS MATERIALIZED (
    SELECT p.started_day, p.days, w.day AS due_day, ((w.day + 1)::timestamp AT TIME ZONE ${TZ}) AS due_at
    FROM (SELECT DISTINCT started_day, days FROM dated) AS p
    JOIN numbered n ON n.day = p.started_day
    JOIN workdays w ON w.idx = n.idx + p.days + CASE WHEN p.days = 0 AND NOT n.working THEN 1 ELSE 0 END
    WHERE w.day BETWEEN $1::date AND $2::date
  )
  SELECT d.unit, to_char(o.due_day, 'YYYY-MM-DD') AS day,
    count(*) FILTER (WHERE d.stage = 'accept')::int AS "acceptDue",
    count(*) FILTER (WHERE d.stage = 'accept' AND d.met IS NOT NULL AND d.met <= o.due_at)::int AS "acceptedOnTime",
    count(*) FILTER (WHERE COALESCE(d.met, $4::timestamptz) > o.due_at)::int AS supervised
  FROM dated d
  JOIN due_of o ON o.started_day = d.started_day AND o.days = d.days
  GROUP BY 1, 2`;

/**
 * The 办结期限 that fall in the period ($1, $2]: 超期 (passed by now, $3, and not closed by it;
 * not admitted and merged ones were never a unit's to close) and the 督办单 of the promise, to
 * the lead unit (首办负责), whose first final step (办结, or the rare 不予受理 or 合并) came after
 * it or has not come. A closed complaint's is its `closed_at` (nothing final comes before a
 * close); only the rare others read their steps.
 */
const PROMISES = `
  SELECT c.lead_unit AS unit,
    count(*) FILTER (WHERE c.state NOT IN ('not_admitted', 'merged') AND c.close_due_at < $3
      AND (c.closed_at IS NULL OR c.closed_at > c.close_due_at))::int AS overdue,
    count(*) FILTER (WHERE COALESCE(
      CASE
        WHEN c.closed_at IS NOT NULL THEN c.closed_at
        WHEN c.state IN ('not_admitted', 'merged') THEN (SELECT x.at FROM complaint_steps x
          WHERE x.number = c.number AND x.action IN ('close', 'not_admit', 'merge') ORDER BY x.id LIMIT 1)
      END,
      $3::timestamptz) > c.close_due_at)::int AS supervised
  FROM complaints c
  WHERE c.close_due_at > $1 AND c.close_due_at <= $2 AND c.lead_unit IS NOT NULL
  GROUP BY 1`;

/** The enterprises' evaluations given in the period, of the complaints each unit led. */
const EVALUATIONS = `
  SELECT c.lead_unit AS unit, to_char(s.at AT TIME ZONE ${TZ}, 'YYYY-MM-DD') AS day, c.evaluation->>'level' AS level,
    count(*)::int AS n
  FROM complaint_steps s JOIN complaints c ON c.number = s.number
  WHERE s.action = 'evaluate' AND s.at >= $1 AND s.at < $2 AND c.evaluation IS NOT NULL AND c.lead_unit IS NOT NULL
  GROUP BY 1, 2, 3`;

/**
 * The figures of a unit on one day that the day alone settles: the steps taken on it, the stage
 * runs due on it, the evaluations given on it. Every `UnitFigures` count but `overdue` (0 here),
 * and the 督办单 of the stage runs only (a promise's 督办单 is counted with `overdue`, by its
 * complaint's lead unit now: `promiseFigures`).
 */
export type DayUnitFigures = UnitFigures;

/** A day's figures per unit (units with none left out), by Beijing date. */
export type FiguresByDay = Map<string, DayUnitFigures[]>;

/**
 * Each day's figures from `from` to `to` (Beijing dates), as the day settles them (`now` says
 * which stage runs are overdue undone). Three grouped statements.
 */
export async function dayFiguresBetween(sql: Sql, from: string, to: string, now: Date): Promise<FiguresByDay> {
  const start = instantAt(from, '00:00', DISTRICT_TIME_ZONE);
  const end = endOfDate(to, DISTRICT_TIME_ZONE);
  // One after another: `sql` may be a transaction's one connection (services/complaint-figures.ts).
  const steps = await sql.query<StepRow>(STEPS, [start, end]);
  const runs = await sql.query<RunRow>(RUNS, [from, to, end, now.toISOString(), JSON.stringify(DEFAULT_DEADLINE_RULES)]);
  const evaluations = await sql.query<EvaluationRow>(EVALUATIONS, [start, end]);
  const days = new Map<string, Map<string, DayUnitFigures>>();
  const of = (day: string, unit: string): DayUnitFigures => {
    const units = days.get(day) ?? new Map<string, DayUnitFigures>();
    days.set(day, units);
    const figures = units.get(unit) ?? emptyUnitFigures(unit);
    units.set(unit, figures);
    return figures;
  };
  for (const row of steps) {
    const f = of(row.day, row.unit);
    f.received += row.received;
    f.closed += row.closed;
    f.closedOnTime += row.closedOnTime;
    f.reviewed += row.reviewed;
    f.returned += row.returned;
  }
  for (const row of runs) {
    const f = of(row.day, row.unit);
    f.acceptDue += row.acceptDue;
    f.acceptedOnTime += row.acceptedOnTime;
    f.supervised += row.supervised;
  }
  for (const row of evaluations) {
    const f = of(row.day, row.unit);
    if (row.level in f.evaluations) f.evaluations[row.level] += row.n;
  }
  return new Map([...days].map(([day, units]) => [day, [...units.values()]]));
}

/** The promises (办结期限) of the period by their complaints' lead units now: overdue and their 督办单. */
export async function promiseFigures(
  sql: Sql,
  period: AssessmentPeriod,
  now: Date,
): Promise<{ unit: string; overdue: number; supervised: number }[]> {
  const start = instantAt(period.from, '00:00', DISTRICT_TIME_ZONE);
  const end = endOfDate(period.to, DISTRICT_TIME_ZONE);
  return sql.query<PromiseRow>(PROMISES, [start, end, now.toISOString()]);
}

/** Every unit's code, in order. */
export async function complaintUnitCodes(sql: Sql): Promise<string[]> {
  return (await sql.query<{ code: string }>(`SELECT code FROM complaint_units ORDER BY code`)).map((r) => r.code);
}

/**
 * Every unit's `UnitFigures` from its days' figures and the period's promises, in the order of
 * `units`; a unit with nothing has all zeros, one not listed is left out.
 */
export function sumUnitFigures(
  units: readonly string[],
  days: Iterable<readonly DayUnitFigures[]>,
  promises: readonly { unit: string; overdue: number; supervised: number }[],
): UnitFigures[] {
  const byUnit = new Map(units.map((code) => [code, emptyUnitFigures(code)]));
  for (const day of days) {
    for (const d of day) {
      const f = byUnit.get(d.unitCode);
      if (f !== undefined) addUnitFigures(f, d);
    }
  }
  for (const row of promises) {
    const f = byUnit.get(row.unit);
    if (f === undefined) continue;
    f.overdue += row.overdue;
    f.supervised += row.supervised;
  }
  return [...byUnit.values()];
}

/**
 * Every unit's figures for the period, in the order of their codes, counted from the rows now;
 * a unit with nothing in the period has all zeros. `now` says which deadlines have passed
 * (overdue, supervised). The console reads them through services/complaint-figures.ts, which keeps
 * the days that can no longer change.
 */
export async function unitFiguresForPeriod(sql: Sql, period: AssessmentPeriod, now: Date = new Date()): Promise<UnitFigures[]> {
  const [units, days, promises] = await Promise.all([
    complaintUnitCodes(sql),
    dayFiguresBetween(sql, period.from, period.to, now),
    promiseFigures(sql, period, now),
  ]);
  return sumUnitFigures(units, days.values(), promises);
}
