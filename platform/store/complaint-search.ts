import type { ComplaintChannel, ComplaintState, ComplaintTopic } from '../../contracts/complaints';
import type { Sql } from '../db/sql';

/** The work list's filters; every one given narrows (AND). */
export interface ComplaintFilter {
  state?: ComplaintState | undefined;
  /** As lead unit or co-unit. */
  unit?: string | undefined;
  channel?: ComplaintChannel | undefined;
  /** An open stage's deadline passed before this instant. */
  overdueAt?: Date | undefined;
  /** A piece of the enterprise's name or of the text (no wildcards: `%` and `_` are escaped). */
  text?: string | undefined;
  /** The last complaint of the page before. */
  after?: string | undefined;
}

export interface ComplaintListRow {
  number: string;
  channel: ComplaintChannel;
  enterpriseName: string;
  topic: ComplaintTopic;
  area: string | null;
  state: ComplaintState;
  leadUnit: string | null;
  registeredAt: Date;
  closeDueAt: Date;
  stageDueAt: Date | null;
}

const COLUMNS = `c.number, c.channel, c.enterprise_name AS "enterpriseName", c.topic, c.area, c.state,
  c.lead_unit AS "leadUnit", c.registered_at AS "registeredAt", c.close_due_at AS "closeDueAt",
  c.stage_due_at AS "stageDueAt"`;

/**
 * The newest `limit` complaints matching `filter`, after the keyset cursor. As the case search
 * (store/case-search.ts), only the conditions given are written, so the planner takes the index
 * made for each (migration 006, each in the list's order) and reads one page from the cursor.
 * The text filter has no index (no extension such as pg_trgm is used): it scans what the other
 * filters leave, newest first, until the page is full.
 */
export function searchComplaints(sql: Sql, filter: ComplaintFilter, limit: number): Promise<ComplaintListRow[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  const param = (value: unknown): string => {
    params.push(value);
    return `$${params.length}`;
  };
  if (filter.state !== undefined) where.push(`c.state = ${param(filter.state)}`);
  if (filter.channel !== undefined) where.push(`c.channel = ${param(filter.channel)}`);
  if (filter.unit !== undefined) {
    const unit = param(filter.unit);
    where.push(
      `(c.lead_unit = ${unit} OR c.number IN (SELECT cu.number FROM complaint_co_units cu WHERE cu.unit_code = ${unit}))`,
    );
  }
  if (filter.overdueAt !== undefined) where.push(`c.stage_due_at < ${param(filter.overdueAt.toISOString())}`);
  if (filter.text !== undefined) {
    const pattern = param(`%${filter.text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`);
    where.push(`(c.enterprise_name ILIKE ${pattern} OR c.text ILIKE ${pattern})`);
  }
  if (filter.after !== undefined) {
    where.push(
      `(c.registered_at, c.number) < (SELECT a.registered_at, a.number FROM complaints a WHERE a.number = ${param(filter.after)})`,
    );
  }
  return sql.query<ComplaintListRow>(
    `SELECT ${COLUMNS} FROM complaints c ${where.length === 0 ? '' : `WHERE ${where.join(' AND ')}`}
     ORDER BY c.registered_at DESC, c.number DESC
     LIMIT ${param(limit)}`,
    params,
  );
}
