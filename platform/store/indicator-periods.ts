import type { IndicatorPeriodKind } from '../../contracts/indicator-periods';
import type { IndicatorScores, IndicatorValues } from '../../contracts/indicator-scores';
import type { PeriodState } from '../../contracts/platform-indicators';
import type { Sql } from '../db/sql';

export interface PeriodRow {
  period: string;
  kind: IndicatorPeriodKind;
  startsOn: string;
  endsOn: string;
  state: PeriodState;
  treeVersion: number;
  openedBy: string;
  openedAt: Date;
  closedBy: string | null;
  closedAt: Date | null;
}

const COLUMNS = `period, kind, starts_on AS "startsOn", ends_on AS "endsOn", state, tree_version AS "treeVersion",
  opened_by AS "openedBy", opened_at AS "openedAt", closed_by AS "closedBy", closed_at AS "closedAt"`;

export interface NewPeriod {
  period: string;
  kind: IndicatorPeriodKind;
  startsOn: string;
  endsOn: string;
  treeVersion: number;
  openedBy: string;
  openedAt: Date;
}

/** Opens a period; none if it exists already (whatever its state). */
export async function insertPeriod(tx: Sql, period: NewPeriod): Promise<PeriodRow | undefined> {
  const [row] = await tx.query<PeriodRow>(
    `INSERT INTO indicator_periods (period, kind, starts_on, ends_on, state, tree_version, opened_by, opened_at)
     VALUES ($1, $2, $3, $4, 'open', $5, $6, $7)
     ON CONFLICT (period) DO NOTHING
     RETURNING ${COLUMNS}`,
    [
      period.period,
      period.kind,
      period.startsOn,
      period.endsOn,
      period.treeVersion,
      period.openedBy,
      period.openedAt.toISOString(),
    ],
  );
  return row;
}

/** One period; `forUpdate` locks it to the transaction's end (entries, reviews and the close take it so). */
export async function readPeriod(sql: Sql, period: string, forUpdate = false): Promise<PeriodRow | undefined> {
  const [row] = await sql.query<PeriodRow>(
    `SELECT ${COLUMNS} FROM indicator_periods WHERE period = $1${forUpdate ? ' FOR UPDATE' : ''}`,
    [period],
  );
  return row;
}

/** Every period, newest first (by start, the longer first when two start together). */
export function listPeriods(sql: Sql, kind?: IndicatorPeriodKind): Promise<PeriodRow[]> {
  return kind === undefined
    ? sql.query<PeriodRow>(`SELECT ${COLUMNS} FROM indicator_periods ORDER BY starts_on DESC, ends_on DESC`)
    : sql.query<PeriodRow>(`SELECT ${COLUMNS} FROM indicator_periods WHERE kind = $1 ORDER BY starts_on DESC`, [kind]);
}

/** Open periods follow the newest tree: called in the transaction that saves a version. */
export async function moveOpenPeriodsToTree(tx: Sql, treeVersion: number): Promise<void> {
  await tx.query(`UPDATE indicator_periods SET tree_version = $1 WHERE state = 'open'`, [treeVersion]);
}

/** Closes a period and keeps its scores, in the caller's transaction. */
export async function closePeriod(
  tx: Sql,
  row: {
    period: string;
    treeVersion: number;
    closedBy: string;
    closedAt: Date;
    values: IndicatorValues;
    scores: IndicatorScores;
  },
): Promise<void> {
  await tx.query(`UPDATE indicator_periods SET state = 'closed', closed_by = $2, closed_at = $3 WHERE period = $1`, [
    row.period,
    row.closedBy,
    row.closedAt.toISOString(),
  ]);
  await tx.query(
    `INSERT INTO indicator_scores (period, tree_version, leaf_values, scores, scored_at) VALUES ($1, $2, $3::jsonb, $4::jsonb, $5)`,
    [row.period, row.treeVersion, JSON.stringify(row.values), JSON.stringify(row.scores), row.closedAt.toISOString()],
  );
}

/** The scores a closed period keeps. */
export async function readStoredScores(sql: Sql, period: string): Promise<IndicatorScores | undefined> {
  const [row] = await sql.query<{ scores: IndicatorScores }>('SELECT scores FROM indicator_scores WHERE period = $1', [period]);
  return row?.scores;
}
