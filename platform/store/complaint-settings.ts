import type { CalendarDay } from '../../contracts/district-calendar';
import type { Sql } from '../db/sql';

/**
 * The 营商局's settings (migrations 008 and 010): the district calendar's days, and the deadline,
 * dispatch and assessment (考核细则) rules as versioned JSON (the newest version is in force). The services validate the
 * JSON with the contracts' schemas on the way in and out.
 */

/** Seeds the calendar with `days` when it has none (several instances starting at once: one wins, the rest add nothing). */
export async function seedCalendar(sql: Sql, days: readonly CalendarDay[]): Promise<void> {
  await sql.query(
    `INSERT INTO district_calendar_days (day, kind, holiday, source)
     SELECT d.date, d.kind, d.holiday, d.source FROM jsonb_to_recordset($1::jsonb) AS d(date date, kind text, holiday text, source text)
     WHERE NOT EXISTS (SELECT 1 FROM district_calendar_days)
     ON CONFLICT (day) DO NOTHING`,
    [JSON.stringify(days)],
  );
}

export function calendarDays(sql: Sql): Promise<CalendarDay[]> {
  return sql.query<CalendarDay>(`SELECT day AS date, kind, holiday, source FROM district_calendar_days ORDER BY day`);
}

export type RulesTable = 'complaint_deadline_rules' | 'complaint_dispatch_rules' | 'complaint_assessment_rules';

/** Writes version 1 of a rules table when it has none. */
export async function seedRules(sql: Sql, table: RulesTable, rules: unknown, at: Date): Promise<void> {
  await sql.query(
    `INSERT INTO ${table} (version, rules, created_at, created_by) VALUES (1, $1::jsonb, $2, 'seed') ON CONFLICT (version) DO NOTHING`,
    [JSON.stringify(rules), at.toISOString()],
  );
}

/** The rules in force (the newest version), as stored. */
export async function currentRules(sql: Sql, table: RulesTable): Promise<{ version: number; rules: unknown } | undefined> {
  const [row] = await sql.query<{ version: number; rules: unknown }>(
    `SELECT version, rules FROM ${table} ORDER BY version DESC LIMIT 1`,
  );
  return row;
}

/** One stored version of a rules table. */
export interface RulesVersionRow {
  version: number;
  rules: unknown;
  createdAt: Date;
  createdBy: string;
}

/** Every version of a rules table, newest first. */
export function rulesVersions(sql: Sql, table: RulesTable): Promise<RulesVersionRow[]> {
  return sql.query<RulesVersionRow>(
    `SELECT version, rules, created_at AS "createdAt", created_by AS "createdBy" FROM ${table} ORDER BY version DESC`,
  );
}

/**
 * Writes `version` of a rules table; false when that version exists already (another edit came
 * first: the caller's edit was made on a version no longer in force).
 */
export async function insertRulesVersion(
  sql: Sql,
  table: RulesTable,
  row: { version: number; rules: unknown; at: Date; by: string },
): Promise<boolean> {
  const written = await sql.query<{ version: number }>(
    `INSERT INTO ${table} (version, rules, created_at, created_by) VALUES ($1, $2::jsonb, $3, $4)
     ON CONFLICT (version) DO NOTHING RETURNING version`,
    [row.version, JSON.stringify(row.rules), row.at.toISOString(), row.by],
  );
  return written.length === 1;
}
