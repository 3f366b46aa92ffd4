import type { Sql } from '../db/sql';

/**
 * What the indicator metrics read of the platform's own rows (contracts/indicator-metrics.ts has
 * each definition), for one period given as a half-open range of instants [start, end): the
 * Asia/Shanghai dates of the period, from the first's 00:00 to the day after the last. Each read
 * is an index range of migration 006, so a year costs the same with ten years stored.
 */
export interface InstantRange {
  /** ISO instant, included. */
  start: string;
  /** ISO instant, excluded. */
  end: string;
}

/**
 * A case's completion is its first `completed` status change. `completed` is final
 * (services/transitions.ts), so a case has one at most and no check for an earlier one is paid
 * for on each of a year's hundreds of thousands of completions.
 */
const COMPLETIONS = `FROM case_status_changes d JOIN cases c ON c.case_number = d.case_number
  WHERE d.status = 'completed' AND d.at >= $1 AND d.at < $2`;

/** Cases of the given items completed in the range, never a rejected one: when submitted and when completed. */
export function completedCasesOfItems(
  sql: Sql,
  range: InstantRange,
  itemCodes: readonly string[],
): Promise<Array<{ submittedAt: Date; completedAt: Date }>> {
  return sql.query(
    `SELECT c.submitted_at AS "submittedAt", d.at AS "completedAt" ${COMPLETIONS}
       AND c.status <> 'rejected' AND c.item_code IN (SELECT jsonb_array_elements_text($3::jsonb))`,
    [range.start, range.end, JSON.stringify(itemCodes)],
  );
}

/**
 * Cases completed in the range with a promised date, other than of the items left out: how many,
 * and how many on a Shanghai date at or before the promise. Counted in the database: a year of a
 * district's cases is hundreds of thousands of rows.
 */
export async function promiseKeeping(
  sql: Sql,
  range: InstantRange,
  leftOutItems: readonly string[],
): Promise<{ rows: number; onTime: number }> {
  const [row] = await sql.query<{ rows: number; onTime: number }>(
    `SELECT count(*)::integer AS rows,
       count(*) FILTER (WHERE (d.at AT TIME ZONE 'Asia/Shanghai')::date <= c.expected_completion)::integer AS "onTime"
     ${COMPLETIONS}
       AND c.expected_completion IS NOT NULL
       AND c.item_code NOT IN (SELECT jsonb_array_elements_text($3::jsonb))`,
    [range.start, range.end, JSON.stringify(leftOutItems)],
  );
  return row ?? { rows: 0, onTime: 0 };
}

/**
 * The halls' end-of-day figures of the business days given (YYYY-MM-DD, both included), summed
 * as the average wait needs them: the days with an `avgWaitSeconds` and some called tickets
 * (`served + noShow`), their waits weighed by those tickets.
 */
export async function hallWaits(
  sql: Sql,
  days: { from: string; to: string },
): Promise<{ days: number; weightedWaitSeconds: number; tickets: number }> {
  const [row] = await sql.query<{ days: number; weightedWaitSeconds: number | null; tickets: number | null }>(
    `SELECT count(*)::integer AS days, sum(wait * tickets)::float8 AS "weightedWaitSeconds", sum(tickets)::float8 AS tickets
     FROM (SELECT (f ->> 'avgWaitSeconds')::bigint AS wait,
                  coalesce((f ->> 'served')::bigint, 0) + coalesce((f ->> 'noShow')::bigint, 0) AS tickets
           FROM (SELECT figures_json::jsonb AS f FROM queue_stats WHERE business_day BETWEEN $1 AND $2) AS q) AS d
     WHERE wait IS NOT NULL AND tickets > 0`,
    [days.from, days.to],
  );
  return { days: row?.days ?? 0, weightedWaitSeconds: row?.weightedWaitSeconds ?? 0, tickets: row?.tickets ?? 0 };
}

/** Evaluations given in the range, less the 差评 overturned on appeal: how many, how many satisfied or better. */
export async function evaluationSatisfaction(sql: Sql, range: InstantRange): Promise<{ rows: number; satisfied: number }> {
  const [row] = await sql.query<{ rows: number; satisfied: number }>(
    `SELECT count(*)::integer AS rows,
       count(*) FILTER (WHERE e.level IN ('very_satisfied', 'satisfied'))::integer AS satisfied
     FROM evaluations e
     WHERE e.evaluated_at >= $1 AND e.evaluated_at < $2
       AND NOT EXISTS (SELECT 1 FROM review_outcomes r
                       WHERE r.evaluation_id = e.id AND r.stage = 'appeal_decided'
                         AND (r.outcome_json::jsonb #>> '{appeal,decision}') = 'overturned')`,
    [range.start, range.end],
  );
  return row ?? { rows: 0, satisfied: 0 };
}

/**
 * Each evaluation's latest `closed` follow-up received since `receivedSince`, as the hall sent it
 * (JSON text): the caller keeps those whose `closedAt` is in the period. A hall reports a close
 * after it happened, so a follow-up closed in the period was received after the period began
 * (less the hall clock's error, which `receivedSince` allows for).
 */
export function latestClosedFollowUps(sql: Sql, receivedSince: string): Promise<Array<{ outcomeJson: string }>> {
  return sql.query(
    `SELECT DISTINCT ON (evaluation_id) outcome_json AS "outcomeJson" FROM review_outcomes
     WHERE stage = 'closed' AND received_at >= $1 ORDER BY evaluation_id, id DESC`,
    [receivedSince],
  );
}
