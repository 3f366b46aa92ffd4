import { workCalendarOf, DISTRICT_CALENDAR_SEED } from '../../contracts/district-calendar';
import type { IndicatorMetric } from '../../contracts/indicator-metrics';
import { periodRange, type IndicatorPeriodKind } from '../../contracts/indicator-periods';
import type { IndicatorScoreChanges, IndicatorScores, IndicatorValues } from '../../contracts/indicator-scores';
import { INDICATOR_SEED, INDICATOR_SEED_SHAPE } from '../../contracts/indicator-seed';
import { IndicatorTree, indicatorLeaves, treeShape, type IndicatorLeaf } from '../../contracts/indicators';
import type {
  ComputedValuesResponse,
  EnterValueRequest,
  IndicatorEntry,
  IndicatorPeriod,
  IndicatorTreeView,
  PeriodLeaf,
  PeriodLeavesResponse,
  ReviewEntryRequest,
  TrendResponse,
  UpdateLeafRequest,
} from '../../contracts/platform-indicators';
import { DISTRICT_TIME_ZONE, localDateOf, type WorkingClock } from '../../contracts/working-time';
import type { Sql } from '../db/sql';
import { insertAudit } from '../store/district-audit';
import {
  closePeriod,
  insertPeriod,
  listPeriods,
  moveOpenPeriodsToTree,
  readPeriod,
  readStoredScores,
  type PeriodRow,
} from '../store/indicator-periods';
import { insertTreeVersion, lockNewestTreeVersion, readNewestTreeHead, readTreeVersion } from '../store/indicator-tree';
import {
  approvedValues,
  computedValues,
  entriesOf,
  insertEntry,
  latestEntries,
  replaceComputedValues,
  reviewEntry,
  type ComputedRow,
  type EntryRow,
} from '../store/indicator-values';
import type { ComplaintRecords } from './indicator-complaint-figures';
import { computeMetrics } from './indicator-computation';
import { scoreChanges, scoreIndicators, scoreSeries } from './indicator-scoring';

/**
 * The indicator system on the platform (docs/indicators.md): the tree in versions, the periods,
 * the values entered and reviewed, the computed snapshot and the scores. Every change is one
 * transaction with its audit row; every refusal is decided before anything is written.
 */

export interface IndicatorServiceOptions {
  now: () => Date;
  /** The working calendar and zone of 企业开办's working days (default: the seeded district calendar, Beijing time). */
  clock?: WorkingClock;
  /** The complaint platform's complaints (GOV.05's metrics); without it those leaves stay missing. */
  complaints?: ComplaintRecords;
}

/** Why a tree was refused: each issue at the path to fix, as the schema reports them. */
export interface TreeIssue {
  path: (string | number)[];
  message: string;
}

export type TreeEdit =
  | { kind: 'ok'; view: IndicatorTreeView }
  | { kind: 'changed'; version: number }
  | { kind: 'invalid'; issues: TreeIssue[] }
  | { kind: 'leaf_not_found' };

export type PeriodRefusal = 'period_not_found' | 'period_closed';
export type OpenOutcome = { kind: 'ok'; period: IndicatorPeriod } | { kind: 'period_exists' } | { kind: 'period_not_started' };
export type EntryOutcome =
  | { kind: 'ok'; entry: IndicatorEntry }
  | { kind: PeriodRefusal | 'leaf_not_found' | 'leaf_computed' | 'note_required' | 'entry_not_found' | 'entry_not_submitted' }
  | { kind: 'same_person' };
export type ComputeOutcome = { kind: 'ok'; computed: ComputedValuesResponse } | { kind: PeriodRefusal };
export type ScoresOutcome = { kind: 'ok'; period: IndicatorPeriod; scores: IndicatorScores } | { kind: PeriodRefusal };

/** Who saved the seed as the first version. */
const SEEDED_BY = 'seed';

function periodOf(row: PeriodRow): IndicatorPeriod {
  return {
    period: row.period,
    kind: row.kind,
    from: row.startsOn,
    to: row.endsOn,
    state: row.state,
    treeVersion: row.treeVersion,
    openedBy: row.openedBy,
    openedAt: row.openedAt.toISOString(),
    closedBy: row.closedBy,
    closedAt: row.closedAt === null ? null : row.closedAt.toISOString(),
  };
}

function entryOf(row: EntryRow): IndicatorEntry {
  return {
    period: row.period,
    code: row.code,
    revision: row.revision,
    value: row.value,
    note: row.note,
    state: row.state,
    enteredBy: row.enteredBy,
    enteredAt: row.enteredAt.toISOString(),
    reviewedBy: row.reviewedBy,
    reviewedAt: row.reviewedAt === null ? null : row.reviewedAt.toISOString(),
    reason: row.reason,
  };
}

/** The seven categories stay as the system names them; their weights are the district's to set. */
function categoryIssues(current: IndicatorTree, next: IndicatorTree): TreeIssue[] {
  return next.categories.flatMap((category, index) => {
    const before = current.categories.find((c) => c.code === category.code);
    if (before === undefined || (before.name === category.name && before.nameEn === category.nameEn)) return [];
    return [{ path: ['categories', index, 'name'], message: `${category.code} is one of the seven categories: its name stays` }];
  });
}

/**
 * A value more than the span between worst and target beyond either of them: likely a slip (a
 * rate typed as a fraction, another unit), so it needs a note saying why it is right.
 */
export function isImplausible(leaf: Pick<IndicatorLeaf, 'target' | 'worst'>, value: number): boolean {
  const span = Math.abs(leaf.target - leaf.worst);
  return value < Math.min(leaf.target, leaf.worst) - span || value > Math.max(leaf.target, leaf.worst) + span;
}

/** The values that score: computed figures for computed leaves, the latest approved revision for entered ones. */
function scoringValues(
  tree: IndicatorTree,
  computed: readonly ComputedRow[],
  approved: readonly { code: string; value: number }[],
): IndicatorValues {
  const figures = new Map<IndicatorMetric, number | null>(computed.map((row) => [row.metric, row.value]));
  const leaves = new Map(indicatorLeaves(tree).map((leaf) => [leaf.code, leaf]));
  const values: IndicatorValues = {};
  for (const leaf of leaves.values()) {
    if (leaf.source.kind !== 'computed') continue;
    const value = figures.get(leaf.source.metric);
    if (value !== undefined && value !== null) values[leaf.code] = value;
  }
  for (const { code, value } of approved) {
    // A leaf computed now scores its figure; an approved value of a leaf no longer in the tree is
    // handed on, so the scores name it among their unknown codes.
    if (leaves.get(code)?.source.kind !== 'computed') values[code] = value;
  }
  return values;
}

export class IndicatorService {
  private readonly now: () => Date;
  private readonly clock: WorkingClock;
  private readonly complaints: ComplaintRecords | undefined;
  /** Versions never change once saved, so each is parsed once per process. */
  private readonly trees = new Map<number, IndicatorTree>();

  constructor(
    private readonly sql: Sql,
    options: IndicatorServiceOptions,
  ) {
    this.now = options.now;
    this.clock = options.clock ?? { calendar: workCalendarOf(DISTRICT_CALENDAR_SEED), timeZone: DISTRICT_TIME_ZONE };
    this.complaints = options.complaints;
  }

  /** Saves the seeded system (7 / 26 / 77) as version 1 when there is no tree: the first start. */
  async seed(): Promise<void> {
    await this.sql.transaction((tx) => insertTreeVersion(tx, 1, INDICATOR_SEED, SEEDED_BY, this.now()));
  }

  private async treeOf(sql: Sql, version: number): Promise<IndicatorTree> {
    const known = this.trees.get(version);
    if (known !== undefined) return known;
    const row = await readTreeVersion(sql, version);
    if (row === undefined) throw new Error(`indicator tree version ${version} is missing`);
    const tree = IndicatorTree.parse(row.tree);
    this.trees.set(version, tree);
    return tree;
  }

  async tree(sql: Sql = this.sql): Promise<IndicatorTreeView> {
    // The head only: a version's nodes never change, so they are read once per process (treeOf).
    const row = await readNewestTreeHead(sql);
    if (row === undefined) throw new Error('the indicator tree is seeded when the platform starts');
    return viewOf(row.version, row.savedBy, row.savedAt, await this.treeOf(sql, row.version));
  }

  /** Saves a whole tree as the next version; open periods follow it, closed ones keep theirs. */
  saveTree(expectedVersion: number, tree: IndicatorTree, actor: string): Promise<TreeEdit> {
    return this.edit(expectedVersion, actor, () => tree);
  }

  /** Changes one leaf's configuration (not its weight, which moves with its siblings'), as a new version. */
  updateLeaf(code: string, change: UpdateLeafRequest, actor: string): Promise<TreeEdit> {
    const { expectedVersion, ...fields } = change;
    const defined = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
    return this.edit(expectedVersion, actor, (current) => {
      if (!indicatorLeaves(current).some((leaf) => leaf.code === code)) return 'leaf_not_found';
      return {
        ...current,
        categories: current.categories.map((category) => ({
          ...category,
          children: category.children.map((group) => ({
            ...group,
            children: group.children.map((leaf) => (leaf.code === code ? { ...leaf, ...defined } : leaf)),
          })),
        })),
      };
    });
  }

  private edit(expectedVersion: number, actor: string, change: (current: IndicatorTree) => unknown): Promise<TreeEdit> {
    return this.sql.transaction(async (tx): Promise<TreeEdit> => {
      // Locked: two saves at once make versions n+1 and n+2, and the second is refused as stale.
      const newest = await lockNewestTreeVersion(tx);
      if (newest === undefined) throw new Error('the indicator tree is seeded when the platform starts');
      if (newest !== expectedVersion) return { kind: 'changed', version: newest };
      const current = await this.treeOf(tx, newest);
      const proposed = change(current);
      if (proposed === 'leaf_not_found') return { kind: 'leaf_not_found' };
      const parsed = IndicatorTree.safeParse(proposed);
      if (!parsed.success) {
        return {
          kind: 'invalid',
          issues: parsed.error.issues.map((i) => ({
            path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
            message: i.message,
          })),
        };
      }
      const issues = categoryIssues(current, parsed.data);
      if (issues.length > 0) return { kind: 'invalid', issues };
      const version = newest + 1;
      const at = this.now();
      await insertTreeVersion(tx, version, parsed.data, actor, at);
      await moveOpenPeriodsToTree(tx, version);
      await insertAudit(tx, {
        at,
        actor,
        action: 'indicator.tree',
        subject: `indicator-tree:${version}`,
        detail: { shape: treeShape(parsed.data) },
      });
      // Built from what was written, not read back: the cache of versions holds committed ones only.
      return { kind: 'ok', view: viewOf(version, actor, at, parsed.data) };
    });
  }

  async periods(): Promise<IndicatorPeriod[]> {
    return (await listPeriods(this.sql)).map(periodOf);
  }

  /** Opens a period that has begun (today's Beijing date on or after its first day) for entry. */
  openPeriod(key: string, actor: string): Promise<OpenOutcome> {
    const range = periodRange(key);
    const at = this.now();
    if (localDateOf(at, this.clock.timeZone) < range.from) return Promise.resolve({ kind: 'period_not_started' });
    return this.sql.transaction(async (tx): Promise<OpenOutcome> => {
      const { version } = await this.tree(tx);
      const row = await insertPeriod(tx, {
        period: key,
        kind: range.kind,
        startsOn: range.from,
        endsOn: range.to,
        treeVersion: version,
        openedBy: actor,
        openedAt: at,
      });
      if (row === undefined) return { kind: 'period_exists' };
      await insertAudit(tx, {
        at,
        actor,
        action: 'indicator.period.open',
        subject: `indicator-period:${key}`,
        detail: { treeVersion: version },
      });
      return { kind: 'ok', period: periodOf(row) };
    });
  }

  /** The data-entry sheet: every leaf of the period's tree (of one department, if given) and where it stands. */
  async periodLeaves(key: string, responsibleUnit?: string): Promise<PeriodLeavesResponse | undefined> {
    const row = await readPeriod(this.sql, key);
    if (row === undefined) return undefined;
    const tree = await this.treeOf(this.sql, row.treeVersion);
    const computed = new Map((await computedValues(this.sql, key)).map((c) => [c.metric, c.value]));
    const latest = new Map((await latestEntries(this.sql, key)).map((e) => [e.code, e]));
    const approved = new Map((await approvedValues(this.sql, key)).map((e) => [e.code, e.value]));
    const leaves = indicatorLeaves(tree)
      .filter((leaf) => responsibleUnit === undefined || leaf.responsibleUnit === responsibleUnit)
      .map((leaf): PeriodLeaf => {
        const base = {
          code: leaf.code,
          name: leaf.name,
          unit: leaf.unit,
          direction: leaf.direction,
          target: leaf.target,
          worst: leaf.worst,
          responsibleUnit: leaf.responsibleUnit,
          source: leaf.source,
          definition: leaf.definition,
        };
        if (leaf.source.kind === 'computed') {
          const value = computed.get(leaf.source.metric) ?? null;
          return { ...base, status: value === null ? 'missing' : 'computed', value, latest: null };
        }
        const entry = latest.get(leaf.code);
        const value = approved.get(leaf.code) ?? null;
        const status =
          entry?.state === 'submitted'
            ? 'awaiting_review'
            : entry?.state === 'returned'
              ? 'returned'
              : value === null
                ? 'missing'
                : 'approved';
        return { ...base, status, value, latest: entry === undefined ? null : entryOf(entry) };
      });
    return { period: periodOf(row), leaves };
  }

  async entries(key: string, code: string): Promise<IndicatorEntry[] | PeriodRefusal | 'leaf_not_found'> {
    const row = await readPeriod(this.sql, key);
    if (row === undefined) return 'period_not_found';
    const tree = await this.treeOf(this.sql, row.treeVersion);
    if (!indicatorLeaves(tree).some((leaf) => leaf.code === code)) return 'leaf_not_found';
    return (await entriesOf(this.sql, key, code)).map(entryOf);
  }

  /** The period, locked, open, and the leaf of its tree; or why not. */
  private async openLeaf(
    tx: Sql,
    key: string,
    code: string,
  ): Promise<{ period: PeriodRow; leaf: IndicatorLeaf } | { kind: PeriodRefusal | 'leaf_not_found' }> {
    const period = await readPeriod(tx, key, true);
    if (period === undefined) return { kind: 'period_not_found' };
    if (period.state === 'closed') return { kind: 'period_closed' };
    const leaf = indicatorLeaves(await this.treeOf(tx, period.treeVersion)).find((l) => l.code === code);
    if (leaf === undefined) return { kind: 'leaf_not_found' };
    return { period, leaf };
  }

  /** Enters a value for an entered leaf of an open period: the next revision, submitted for review. */
  enter(key: string, code: string, input: EnterValueRequest, actor: string): Promise<EntryOutcome> {
    return this.sql.transaction(async (tx): Promise<EntryOutcome> => {
      const found = await this.openLeaf(tx, key, code);
      if ('kind' in found) return found;
      if (found.leaf.source.kind === 'computed') return { kind: 'leaf_computed' };
      if (input.note === undefined && isImplausible(found.leaf, input.value)) return { kind: 'note_required' };
      const at = this.now();
      const row = await insertEntry(tx, {
        period: key,
        code,
        value: input.value,
        note: input.note ?? null,
        enteredBy: actor,
        enteredAt: at,
      });
      await insertAudit(tx, {
        at,
        actor,
        action: 'indicator.enter',
        subject: `indicator:${key}:${code}`,
        detail: { revision: row.revision },
      });
      return { kind: 'ok', entry: entryOf(row) };
    });
  }

  /**
   * Approves or returns the latest revision, while it is submitted, by someone other than who
   * entered it (four eyes: the unit enters, the 营商局 reviews). Only an approved value scores.
   */
  review(key: string, code: string, request: ReviewEntryRequest, actor: string): Promise<EntryOutcome> {
    return this.sql.transaction(async (tx): Promise<EntryOutcome> => {
      const found = await this.openLeaf(tx, key, code);
      if ('kind' in found) return found;
      const [latest] = await entriesOf(tx, key, code);
      if (latest === undefined || latest.revision < request.revision) return { kind: 'entry_not_found' };
      if (latest.revision !== request.revision || latest.state !== 'submitted') return { kind: 'entry_not_submitted' };
      if (latest.enteredBy === actor) return { kind: 'same_person' };
      const at = this.now();
      const row = await reviewEntry(tx, {
        period: key,
        code,
        revision: request.revision,
        state: request.decision === 'approve' ? 'approved' : 'returned',
        reviewedBy: actor,
        reviewedAt: at,
        reason: request.decision === 'approve' ? (request.remark ?? null) : request.reason,
      });
      if (row === undefined) return { kind: 'entry_not_submitted' };
      await insertAudit(tx, {
        at,
        actor,
        action: 'indicator.review',
        subject: `indicator:${key}:${code}`,
        detail: { revision: row.revision, decision: request.decision },
      });
      return { kind: 'ok', entry: entryOf(row) };
    });
  }

  /**
   * Computes the platform's metrics for an open period and keeps them as its snapshot (with the
   * rows each rests on). The rows are read before the transaction that writes the snapshot, so a
   * year's reading holds no lock; the period is locked and checked again when it is written.
   */
  async compute(key: string, actor: string): Promise<ComputeOutcome> {
    const before = await readPeriod(this.sql, key);
    if (before === undefined) return { kind: 'period_not_found' };
    if (before.state === 'closed') return { kind: 'period_closed' };
    const figures = await computeMetrics(this.sql, periodRange(key), {
      clock: this.clock,
      ...(this.complaints === undefined ? {} : { complaints: this.complaints }),
    });
    const at = this.now();
    const rows: ComputedRow[] = [...figures].map(([metric, figure]) => ({
      metric,
      value: figure.value,
      rowCount: figure.rows,
      computedBy: actor,
      computedAt: at,
    }));
    return this.sql.transaction(async (tx): Promise<ComputeOutcome> => {
      const period = await readPeriod(tx, key, true);
      if (period === undefined) return { kind: 'period_not_found' };
      if (period.state === 'closed') return { kind: 'period_closed' };
      await replaceComputedValues(tx, key, rows);
      await insertAudit(tx, {
        at,
        actor,
        action: 'indicator.compute',
        subject: `indicator-period:${key}`,
        detail: { metrics: rows.length },
      });
      return { kind: 'ok', computed: { period: key, values: (await computedValues(tx, key)).map(computedOf) } };
    });
  }

  async computed(key: string): Promise<ComputedValuesResponse | undefined> {
    if ((await readPeriod(this.sql, key)) === undefined) return undefined;
    return { period: key, values: (await computedValues(this.sql, key)).map(computedOf) };
  }

  /** The values that score in a period, on its tree. */
  private async liveScores(
    sql: Sql,
    period: PeriodRow,
  ): Promise<{ values: IndicatorValues; scores: IndicatorScores; tree: IndicatorTree }> {
    const tree = await this.treeOf(sql, period.treeVersion);
    const values = scoringValues(tree, await computedValues(sql, period.period), await approvedValues(sql, period.period));
    return { values, scores: scoreIndicators(tree, values), tree };
  }

  /** A period's scores: kept since the close, or from its values as they stand while open. */
  async scores(key: string): Promise<ScoresOutcome> {
    const row = await readPeriod(this.sql, key);
    if (row === undefined) return { kind: 'period_not_found' };
    return { kind: 'ok', period: periodOf(row), scores: await this.scoresOf(row) };
  }

  private async scoresOf(row: PeriodRow): Promise<IndicatorScores> {
    if (row.state === 'closed') {
      const stored = await readStoredScores(this.sql, row.period);
      if (stored === undefined) throw new Error(`closed period ${row.period} has no stored scores`);
      return stored;
    }
    return (await this.liveScores(this.sql, row)).scores;
  }

  /** The tree a period is scored on (for the export's names and units). */
  async treeOfPeriod(key: string): Promise<IndicatorTree | undefined> {
    const row = await readPeriod(this.sql, key);
    return row === undefined ? undefined : this.treeOf(this.sql, row.treeVersion);
  }

  /** Closes an open period: its scores and values are kept with its tree, and nothing of it changes after. */
  close(key: string, actor: string): Promise<ScoresOutcome> {
    return this.sql.transaction(async (tx): Promise<ScoresOutcome> => {
      const row = await readPeriod(tx, key, true);
      if (row === undefined) return { kind: 'period_not_found' };
      if (row.state === 'closed') return { kind: 'period_closed' };
      const { values, scores } = await this.liveScores(tx, row);
      const at = this.now();
      await closePeriod(tx, { period: key, treeVersion: row.treeVersion, closedBy: actor, closedAt: at, values, scores });
      await insertAudit(tx, {
        at,
        actor,
        action: 'indicator.period.close',
        subject: `indicator-period:${key}`,
        detail: { treeVersion: row.treeVersion, score: scores.score, coverage: scores.coverage },
      });
      const closed = await readPeriod(tx, key);
      if (closed === undefined) throw new Error(`period ${key} vanished while closing`);
      return { kind: 'ok', period: periodOf(closed), scores };
    });
  }

  /** How every score moved from `against` to `key` (the caller picks: the quarter before, the year before). */
  async changes(key: string, against: string): Promise<IndicatorScoreChanges | PeriodRefusal> {
    const [current, previous] = await Promise.all([readPeriod(this.sql, key), readPeriod(this.sql, against)]);
    if (current === undefined || previous === undefined) return 'period_not_found';
    return scoreChanges(await this.scoresOf(previous), await this.scoresOf(current));
  }

  /** One node's score (or the district's) over every stored period of a kind, oldest first. */
  async trend(kind: IndicatorPeriodKind, code?: string): Promise<TrendResponse> {
    const periods = (await listPeriods(this.sql, kind)).reverse();
    const scored = await Promise.all(periods.map(async (row) => ({ period: row.period, scores: await this.scoresOf(row) })));
    const coverage = (scores: IndicatorScores): number | null =>
      code === undefined ? scores.coverage : (scores.nodes.find((node) => node.code === code)?.coverage ?? null);
    const series = scoreSeries(scored, code).map((point, index) => {
      const scores = scored[index]?.scores;
      return { ...point, coverage: scores === undefined ? null : coverage(scores) };
    });
    return { code: code ?? null, series };
  }
}

function viewOf(version: number, savedBy: string, savedAt: Date, tree: IndicatorTree): IndicatorTreeView {
  return { version, savedBy, savedAt: savedAt.toISOString(), tree, shape: treeShape(tree), seedShape: INDICATOR_SEED_SHAPE };
}

function computedOf(row: ComputedRow): ComputedValuesResponse['values'][number] {
  return {
    metric: row.metric,
    value: row.value,
    rows: row.rowCount,
    computedBy: row.computedBy,
    computedAt: row.computedAt.toISOString(),
  };
}
