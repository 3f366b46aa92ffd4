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

/** Sets one day off or worked, replacing what the calendar said of that date. */
export async function upsertCalendarDay(sql: Sql, day: CalendarDay): Promise<void> {
  await sql.query(
    `INSERT INTO district_calendar_days (day, kind, holiday, source) VALUES ($1, $2, $3, $4)
     ON CONFLICT (day) DO UPDATE SET kind = EXCLUDED.kind, holiday = EXCLUDED.holiday, source = EXCLUDED.source`,
    [day.date, day.kind, day.holiday, day.source],
  );
}

/** Removes a day from the calendar (an ordinary day again); the day as it was, if it was listed. */
export async function deleteCalendarDay(sql: Sql, date: string): Promise<CalendarDay | undefined> {
  const [row] = await sql.query<CalendarDay>(
    `DELETE FROM district_calendar_days WHERE day = $1 RETURNING day AS date, kind, holiday, source`,
    [date],
  );
  return row;
}

export type RulesTable = 'complaint_deadline_rules' | 'complaint_dispatch_rules' | 'complaint_assessment_rules';

/** Writes version 1 of a rules table when it has none. */
export async function seedRules(sql: Sql, table: RulesTable, rules: unknown, at: Date): Promise<void> {
  await sql.query(
    `INSERT INTO ${table} (version, rules, created_at, created_by) VALUES (1, $1::jsonb, $2, 'seed') ON CONFLICT (version) DO NOTHING`,
    [JSON.stringify(rules), at.toISOString()],
  );
}

export interface RulesVersionRow {
  version: number;
  createdAt: Date;
  createdBy: string;
}

/** The rules in force (the newest version), as stored, with who wrote them when. */
export async function currentRules(sql: Sql, table: RulesTable): Promise<(RulesVersionRow & { rules: unknown }) | undefined> {
  const [row] = await sql.query<RulesVersionRow & { rules: unknown }>(
    `SELECT version, rules, created_at AS "createdAt", created_by AS "createdBy" FROM ${table} ORDER BY version DESC LIMIT 1`,
  );
  return row;
}

/** Every version of a rules table, newest first. */
export function rulesVersions(sql: Sql, table: RulesTable): Promise<(RulesVersionRow & { rules: unknown })[]> {
  return sql.query<RulesVersionRow & { rules: unknown }>(
    `SELECT version, rules, created_at AS "createdAt", created_by AS "createdBy" FROM ${table} ORDER BY version DESC`,
  );
}

/** The newest `limit` versions, newest first, without their rules. */
export function rulesHistory(sql: Sql, table: RulesTable, limit: number): Promise<RulesVersionRow[]> {
  return sql.query<RulesVersionRow>(
    `SELECT version, created_at AS "createdAt", created_by AS "createdBy" FROM ${table} ORDER BY version DESC LIMIT $1`,
    [limit],
  );
}

/**
 * Writes version `expected + 1` if `expected` is the newest, in one statement; the version
 * written, or undefined when another was saved since (two editors at once: the primary key lets
 * one of them in, the other inserts nothing).
 */
export async function insertRulesVersion(
  sql: Sql,
  table: RulesTable,
  expected: number,
  rules: unknown,
  at: Date,
  by: string,
): Promise<number | undefined> {
  const [row] = await sql.query<{ version: number }>(
    `INSERT INTO ${table} (version, rules, created_at, created_by)
     SELECT $1::integer + 1, $2::jsonb, $3, $4
     WHERE (SELECT max(version) FROM ${table}) = $1::integer
     ON CONFLICT (version) DO NOTHING
     RETURNING version`,
    [expected, JSON.stringify(rules), at.toISOString(), by],
  );
  return row?.version;
}
