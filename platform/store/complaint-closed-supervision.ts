import { DEFAULT_DEADLINE_RULES } from '../../contracts/complaint-deadlines';
import { DISTRICT_TIME_ZONE, endOfDate, instantAt } from '../../contracts/working-time';
import type { Sql } from '../db/sql';

/**
 * 诉求督办率's counts (contracts/indicator-metrics.ts `complaint-supervision-rate`): the complaints
 * closed (办结) in a period, and those of them that received a 督办单 on the way — a run of any
 * timed stage, the 营商局's own sorting and review included, or the 办结期限, done after its
 * deadline (services/complaint-deadlines.ts `supervisionOrders` as of the close). Counted in one
 * statement, per complaint, because the unit statistics (complaint-statistics.ts) count 督办单 per
 * unit by the day they were issued, only the units' stages, and not per complaint.
 *
 * The stage runs are replayed from each closed complaint's steps (`complaint_steps_by_number`),
 * whenever they began: a complaint closed in the period may have been registered long before it.
 * Their deadlines are numbered on the district's working days from `district_calendar_days`, with
 * the rules in force from `complaint_deadline_rules`, exactly as the unit statistics number them.
 */

const TZ = `'${DISTRICT_TIME_ZONE}'`;

/**
 * Calendar days numbered after the last close: enough for the working days of the longest stage
 * (60, contracts/complaint-deadlines.ts) begun on the day of the close.
 */
const CALENDAR_MARGIN_DAYS = 400;

/** The first later step of the complaint among `actions` (a run is met by the first step that does it). */
const nextStep = (start: string, actions: string, column: 'at' | 'id' | 'action') => `
  (SELECT y.${column} FROM complaint_steps y
    WHERE y.number = ${start}.number AND y.id > ${start}.id AND y.action IN (${actions}) ORDER BY y.id LIMIT 1)`;

/**
 * $1/$2 the period's instants (from its first date's 00:00 to its last date's 24:00, Beijing),
 * $3 the default rules (none stored). Each run: its start, its working days, when it was met
 * (null: never, so late once its deadline passed before the close).
 */
const CLOSED_SUPERVISION = `
  WITH rules AS (
    SELECT COALESCE((SELECT rules FROM complaint_deadline_rules ORDER BY version DESC LIMIT 1), $3::jsonb) AS r
  ),
  closed AS (
    SELECT c.number, c.topic, c.close_due_at, s.at AS closed_at
    FROM complaint_steps s JOIN complaints c ON c.number = s.number
    WHERE s.action = 'close' AND s.at >= $1 AND s.at < $2
  ),
  numbered AS (
    SELECT day, working, (count(*) FILTER (WHERE working) OVER (ORDER BY day))::int AS idx
    FROM (
      SELECT g::date AS day, COALESCE(cd.kind = 'workday', extract(isodow FROM g) < 6) AS working
      FROM generate_series(
        (SELECT min((x.at AT TIME ZONE ${TZ})::date) FROM closed k JOIN complaint_steps x ON x.number = k.number)::timestamp,
        ((SELECT max((closed_at AT TIME ZONE ${TZ})::date) FROM closed) + ${CALENDAR_MARGIN_DAYS})::timestamp,
        interval '1 day') AS g
      LEFT JOIN district_calendar_days cd ON cd.day = g::date
    ) AS days
  ),
  workdays AS (SELECT idx, day FROM numbered WHERE working),
  starts AS (
    SELECT x.id, x.number, x.at, x.action, x.units, k.topic, k.closed_at
    FROM closed k JOIN complaint_steps x ON x.number = k.number
    WHERE x.action IN ('register', 'decline', 'dispatch', 'submit', 'return')
  ),
  dispatches AS (
    SELECT s.*,
      ${nextStep('s', `'accept', 'decline'`, 'at')} AS answered_at,
      ${nextStep('s', `'accept', 'decline'`, 'action')} AS answer,
      ${nextStep('s', `'decline'`, 'id')} AS declined_id
    FROM starts s
    WHERE s.action = 'dispatch' AND jsonb_array_length(s.units) > 0
  ),
  runs AS (
    SELECT s.number, s.closed_at, s.at AS started, (r.r->>'sortWorkingDays')::int AS days,
      ${nextStep('s', `'dispatch', 'not_admit', 'merge'`, 'at')} AS met
    FROM starts s, rules r
    WHERE s.action IN ('register', 'decline')
    UNION ALL
    SELECT d.number, d.closed_at, d.at, (r.r->>'acceptWorkingDays')::int, d.answered_at
    FROM dispatches d, rules r
    UNION ALL
    SELECT d.number, d.closed_at, d.at, (r.r->'replyWorkingDays'->>d.topic)::int, ${nextStep('d', `'submit'`, 'at')}
    FROM dispatches d, rules r
    WHERE d.answer IS DISTINCT FROM 'decline'
    UNION ALL
    SELECT d.number, d.closed_at, d.at,
      LEAST((r.r->'replyWorkingDays'->>d.topic)::int,
        GREATEST(1, (r.r->'replyWorkingDays'->>d.topic)::int - (r.r->>'partLeadWorkingDays')::int)),
      p.at
    FROM dispatches d
    CROSS JOIN rules r
    CROSS JOIN LATERAL jsonb_array_elements_text(d.units) WITH ORDINALITY AS u(code, position)
    LEFT JOIN LATERAL (
      SELECT y.at FROM complaint_steps y
      WHERE y.number = d.number AND y.id > d.id AND y.action = 'submit_part' AND y.units->>0 = u.code
        AND (d.declined_id IS NULL OR y.id < d.declined_id)
      ORDER BY y.id LIMIT 1
    ) AS p ON true
    WHERE u.position > 1 AND NOT (p.at IS NULL AND d.declined_id IS NOT NULL)
    UNION ALL
    SELECT s.number, s.closed_at, s.at, (r.r->>'reviewWorkingDays')::int, ${nextStep('s', `'approve', 'return'`, 'at')}
    FROM starts s, rules r
    WHERE s.action = 'submit'
    UNION ALL
    SELECT s.number, s.closed_at, s.at, (r.r->>'redoWorkingDays')::int, ${nextStep('s', `'submit'`, 'at')}
    FROM starts s, rules r
    WHERE s.action = 'return'
  ),
  late AS (
    SELECT runs.number
    FROM runs
    JOIN numbered n ON n.day = (runs.started AT TIME ZONE ${TZ})::date
    JOIN workdays w ON w.idx = n.idx + runs.days + CASE WHEN runs.days = 0 AND NOT n.working THEN 1 ELSE 0 END
    WHERE COALESCE(runs.met, runs.closed_at) > ((w.day + 1)::timestamp AT TIME ZONE ${TZ})
    UNION
    SELECT number FROM closed WHERE closed_at > close_due_at
  )
  SELECT (SELECT count(*) FROM closed)::int AS closed, (SELECT count(*) FROM late)::int AS supervised`;

/** The complaints closed in the period and, of them, those that received at least one 督办单. */
export interface ClosedSupervision {
  closed: number;
  supervised: number;
}

/** Counts 诉求督办率's rows for a period of Beijing dates, both ends included. */
export async function closedSupervisionForPeriod(sql: Sql, period: { from: string; to: string }): Promise<ClosedSupervision> {
  const start = instantAt(period.from, '00:00', DISTRICT_TIME_ZONE);
  const end = endOfDate(period.to, DISTRICT_TIME_ZONE);
  const [row] = await sql.query<ClosedSupervision>(CLOSED_SUPERVISION, [start, end, JSON.stringify(DEFAULT_DEADLINE_RULES)]);
  return row ?? { closed: 0, supervised: 0 };
}
