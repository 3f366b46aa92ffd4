import type { CaseStatus } from '../../contracts/central-api';
import type { Sql } from '../db/sql';

/** What the console's search filters on; every field narrows (AND). */
export interface CaseFilter {
  /** Upper-case letters and digits only (the contract's rule): a LIKE prefix without wildcards. */
  caseNumberPrefix?: string;
  itemCode?: string;
  hallId?: string;
  status?: CaseStatus;
  receivedFrom?: Date;
  /** Exclusive. */
  receivedBefore?: Date;
  /** The last case of the page before: the page starts after it in the newest-first order. */
  after?: string;
}

export interface CaseListRow {
  caseNumber: string;
  hallId: string;
  terminalId: string;
  itemCode: string;
  itemName: string;
  status: CaseStatus;
  receivedAt: Date;
  expectedCompletion: string | null;
}

const COLUMNS = `case_number AS "caseNumber", hall_id AS "hallId", terminal_id AS "terminalId", item_code AS "itemCode",
  item_name AS "itemName", status, received_at AS "receivedAt", expected_completion AS "expectedCompletion"`;

/**
 * The newest `limit` cases matching `filter`, after the keyset cursor. Only the conditions given
 * are written into the statement, so the planner sees each filter as it is and takes the index
 * made for it (migration 002: one per filter, each ordered newest first), reading one page of it
 * backwards from the cursor instead of sorting every match.
 */
export function searchCases(sql: Sql, filter: CaseFilter, limit: number): Promise<CaseListRow[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  const param = (value: unknown): string => {
    params.push(value);
    return `$${params.length}`;
  };
  if (filter.caseNumberPrefix !== undefined) where.push(`case_number LIKE ${param(`${filter.caseNumberPrefix}%`)}`);
  if (filter.itemCode !== undefined) where.push(`item_code = ${param(filter.itemCode)}`);
  if (filter.hallId !== undefined) where.push(`hall_id = ${param(filter.hallId)}`);
  if (filter.status !== undefined) where.push(`status = ${param(filter.status)}`);
  if (filter.receivedFrom !== undefined) where.push(`received_at >= ${param(filter.receivedFrom.toISOString())}`);
  if (filter.receivedBefore !== undefined) where.push(`received_at < ${param(filter.receivedBefore.toISOString())}`);
  if (filter.after !== undefined) {
    where.push(
      `(received_at, case_number) < (SELECT c.received_at, c.case_number FROM cases c WHERE c.case_number = ${param(filter.after)})`,
    );
  }
  return sql.query<CaseListRow>(
    `SELECT ${COLUMNS} FROM cases ${where.length === 0 ? '' : `WHERE ${where.join(' AND ')}`}
     ORDER BY received_at DESC, case_number DESC
     LIMIT ${param(limit)}`,
    params,
  );
}

/** One case with the applicant's name (for its masked form) and its terminal. */
export async function caseForConsole(
  sql: Sql,
  caseNumber: string,
): Promise<(CaseListRow & { applicantName: string }) | undefined> {
  const [row] = await sql.query<CaseListRow & { applicantName: string }>(
    `SELECT ${COLUMNS}, applicant_name AS "applicantName" FROM cases WHERE case_number = $1`,
    [caseNumber],
  );
  return row;
}
