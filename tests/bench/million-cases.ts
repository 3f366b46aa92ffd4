import type { Sql } from '../../platform/db/sql';

/**
 * A district's worth of cases written straight into the platform's tables, for benches whose
 * target holds "with 1,000,000 cases in the database" (issue 20). generate_series builds the rows
 * inside the database, one statement per table: a million cases take under a minute here (index
 * upkeep is most of it), where a million round trips would take a quarter of an hour. The cases
 * are spread as a district's are: over `halls` halls named as bench-halls.ts registers them
 * (`hall-000`…), `items` items, one every 31.5 s back from 2026-11-27 (a million span a year),
 * and the six statuses (most completed, few needing materials). Each has its first status change,
 * as every case the platform took in does; then the tables are ANALYZEd, as autovacuum would.
 */
export interface CaseSpread {
  cases: number;
  halls: number;
  items: number;
}

export async function fillCases(sql: Sql, { cases, halls, items }: CaseSpread): Promise<void> {
  // Case numbers have seven digits after the day: never one the platform hands out (six), so a
  // bench may take in more cases on top of these.
  await sql.query(
    `INSERT INTO cases (case_number, idempotency_key, request_hash, hall_id, terminal_id, item_code, item_name,
       applicant_name, applicant_id_number, form, materials, submitted_at, received_at, status)
     SELECT 'HK' || to_char(at AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD') || lpad(i::text, 7, '0'),
       'bench-' || i, 'x', 'hall-' || lpad((i % $1)::text, 3, '0'), 'kiosk-01',
       'QYTB-' || lpad((i % $2 + 1)::text, 3, '0'), '事项 ' || (i % $2 + 1), '张三', '110105194912310000',
       '{}'::jsonb, '[]'::jsonb, at, at,
       CASE WHEN i % 100 < 70 THEN 'completed' WHEN i % 100 < 80 THEN 'accepted' WHEN i % 100 < 88 THEN 'in_progress'
            WHEN i % 100 < 93 THEN 'submitted' WHEN i % 100 < 97 THEN 'rejected' ELSE 'needs_materials' END
     FROM (SELECT i, timestamptz '2026-11-27 18:00:00+08' - (i * interval '31.5 seconds') AS at
           FROM generate_series(1, $3::integer) AS i) AS g`,
    [halls, items, cases],
  );
  await sql.query(
    `INSERT INTO case_status_changes (cursor, case_number, hall_id, status, note, at)
     SELECT row_number() OVER (ORDER BY received_at), case_number, hall_id, 'submitted', NULL, received_at FROM cases`,
  );
  // The next cursor the platform hands out follows the filled ones.
  await sql.query(`SELECT setval('case_change_cursors', (SELECT count(*) FROM case_status_changes) + 1, false)`);
  await sql.query('ANALYZE cases');
  await sql.query('ANALYZE case_status_changes');
}
