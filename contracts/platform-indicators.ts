import { z } from 'zod';
import { IndicatorMetric, MeasureUnit, IndicatorDirection } from './indicator-metrics';
import { IndicatorPeriodKey, IndicatorPeriodKind } from './indicator-periods';
import { IndicatorScoreChanges, IndicatorScores } from './indicator-scores';
import { IndicatorCode, IndicatorSource, IndicatorTree, LeafCode, ResponsibleUnitCode } from './indicators';
import { consoleErrors } from './platform-console';
import { definePlatformOperations } from './platform-operation';

/**
 * The indicator system on the district platform (营商环境评价, issue 21 point 6): the tree and
 * its versions, each leaf's configuration, the assessment periods, the values the responsible
 * units enter and the 营商局 reviews, the figures the platform computes, and the scores rolled
 * up to the seven categories and the district (docs/indicators.md). Declared once here; the
 * platform registers the routes from this table (platform/api/routes/indicators.ts).
 */

const instant = z.iso.datetime();
const count = z.number().int().nonnegative();

// ---------------------------------------------------------------------------
// The tree

export const TreeShape = z.object({ categories: count, groups: count, leaves: count });

/** The tree as stored now, with its version and the seed's counts as the shape to aim for. */
export const IndicatorTreeView = z.object({
  version: z.number().int().min(1),
  savedBy: z.string(),
  savedAt: instant,
  tree: IndicatorTree,
  shape: TreeShape,
  /** The seeded system's 7 / 26 / 77: what an edited tree is shown against. */
  seedShape: TreeShape,
});
export type IndicatorTreeView = z.infer<typeof IndicatorTreeView>;

/**
 * A whole tree to save: validated whole (contracts/indicators.ts), the seven categories kept as
 * they are named (their weights may change), levels 2 and 3 free. `expectedVersion` is the
 * version the editor read: a save made meanwhile answers 409 `indicator_tree_changed`.
 */
export const SaveIndicatorTreeRequest = z.strictObject({ expectedVersion: z.number().int().min(1), tree: IndicatorTree });
export type SaveIndicatorTreeRequest = z.infer<typeof SaveIndicatorTreeRequest>;

/**
 * One leaf's configuration, changed alone (a new version of the tree). Its weight is changed
 * with its siblings', in a whole tree: alone it could not keep them summing to 1.
 */
export const UpdateLeafRequest = z
  .strictObject({
    expectedVersion: z.number().int().min(1),
    unit: MeasureUnit.optional(),
    direction: IndicatorDirection.optional(),
    target: z.number().finite().optional(),
    worst: z.number().finite().optional(),
    responsibleUnit: ResponsibleUnitCode.optional(),
    source: IndicatorSource.optional(),
    definition: z.string().trim().min(1).max(500).optional(),
    definitionEn: z.string().trim().min(1).max(800).optional(),
  })
  .refine((change) => Object.entries(change).some(([key, value]) => key !== 'expectedVersion' && value !== undefined), {
    message: 'name at least one field to change',
  });
export type UpdateLeafRequest = z.infer<typeof UpdateLeafRequest>;

export const LeafParams = z.object({ code: LeafCode });

// ---------------------------------------------------------------------------
// Periods

export const PeriodState = z.enum(['open', 'closed']);
export type PeriodState = z.infer<typeof PeriodState>;

export const IndicatorPeriod = z.object({
  period: IndicatorPeriodKey,
  kind: IndicatorPeriodKind,
  from: z.iso.date(),
  to: z.iso.date(),
  state: PeriodState,
  /** The tree it is scored on: the newest while open, kept from the close on. */
  treeVersion: z.number().int().min(1),
  openedBy: z.string(),
  openedAt: instant,
  closedBy: z.string().nullable(),
  closedAt: instant.nullable(),
});
export type IndicatorPeriod = z.infer<typeof IndicatorPeriod>;

export const OpenPeriodRequest = z.strictObject({ period: IndicatorPeriodKey });
export const PeriodParams = z.object({ period: IndicatorPeriodKey });
export const PeriodLeafParams = z.object({ period: IndicatorPeriodKey, code: LeafCode });

export const IndicatorPeriodsResponse = z.object({ periods: z.array(IndicatorPeriod) });

// ---------------------------------------------------------------------------
// Entered values and their review

export const EntryState = z.enum(['submitted', 'approved', 'returned']);
export type EntryState = z.infer<typeof EntryState>;

/** One revision of a value entered for a leaf of a period. */
export const IndicatorEntry = z.object({
  period: IndicatorPeriodKey,
  code: LeafCode,
  revision: z.number().int().min(1),
  value: z.number(),
  /** 统计口径说明: where the figure comes from. */
  note: z.string().nullable(),
  state: EntryState,
  enteredBy: z.string(),
  enteredAt: instant,
  reviewedBy: z.string().nullable(),
  reviewedAt: instant.nullable(),
  /** Why it was returned (or a remark on the approval). */
  reason: z.string().nullable(),
});
export type IndicatorEntry = z.infer<typeof IndicatorEntry>;

/**
 * A figure in the leaf's unit. A value more than the span between worst and target beyond
 * either of them is likely a slip (a rate typed as a fraction, a unit mixed up): it needs a note
 * saying why it is right (400 `note_required` otherwise).
 */
export const EnterValueRequest = z.strictObject({
  value: z.number().finite(),
  note: z.string().trim().min(1).max(1000).optional(),
});
export type EnterValueRequest = z.infer<typeof EnterValueRequest>;

export const ReviewEntryRequest = z.discriminatedUnion('decision', [
  z.strictObject({
    decision: z.literal('approve'),
    revision: z.number().int().min(1),
    remark: z.string().trim().min(1).max(1000).optional(),
  }),
  z.strictObject({
    decision: z.literal('return'),
    revision: z.number().int().min(1),
    reason: z.string().trim().min(1).max(1000),
  }),
]);
export type ReviewEntryRequest = z.infer<typeof ReviewEntryRequest>;

/**
 * Where a leaf of a period stands: `computed` (the platform's snapshot has a figure), `approved`
 * (an approved value scores), `awaiting_review` (a value is submitted; it does not score yet),
 * `returned` (sent back; the unit corrects it), `missing` (nothing to score).
 */
export const LeafStatus = z.enum(['computed', 'approved', 'awaiting_review', 'returned', 'missing']);
export type LeafStatus = z.infer<typeof LeafStatus>;

/** A leaf as the data-entry sheet of a period lists it. */
export const PeriodLeaf = z.object({
  code: LeafCode,
  name: z.string(),
  unit: MeasureUnit,
  direction: IndicatorDirection,
  target: z.number(),
  worst: z.number(),
  responsibleUnit: ResponsibleUnitCode,
  source: IndicatorSource,
  definition: z.string(),
  status: LeafStatus,
  /** The value that scores: the computed figure or the latest approved revision; null when none does. */
  value: z.number().nullable(),
  /** The latest revision entered, whatever its state (entered leaves only). */
  latest: IndicatorEntry.nullable(),
});
export type PeriodLeaf = z.infer<typeof PeriodLeaf>;

export const PeriodLeavesQuery = z.object({ responsibleUnit: ResponsibleUnitCode.optional() });
export const PeriodLeavesResponse = z.object({ period: IndicatorPeriod, leaves: z.array(PeriodLeaf) });
export type PeriodLeavesResponse = z.infer<typeof PeriodLeavesResponse>;

export const EntryHistoryResponse = z.object({ entries: z.array(IndicatorEntry) });

// ---------------------------------------------------------------------------
// Computed figures, scores, trends

/** A metric's figure for a period as the platform computed it, with the rows it rests on. */
export const ComputedValue = z.object({
  metric: IndicatorMetric,
  /** null: no row counted, so the leaf is missing (never 0 or 100). */
  value: z.number().nullable(),
  rows: count,
  computedBy: z.string(),
  computedAt: instant,
});
export type ComputedValue = z.infer<typeof ComputedValue>;

export const ComputedValuesResponse = z.object({ period: IndicatorPeriodKey, values: z.array(ComputedValue) });
export type ComputedValuesResponse = z.infer<typeof ComputedValuesResponse>;

/** A period's scores: stored at the close, computed from the values as they stand while open. */
export const PeriodScoresResponse = z.object({
  period: IndicatorPeriod,
  scores: IndicatorScores,
});
export type PeriodScoresResponse = z.infer<typeof PeriodScoresResponse>;

export const ScoreChangesQuery = z.object({ against: IndicatorPeriodKey });
export const ScoreChangesResponse = z.object({
  period: IndicatorPeriodKey,
  against: IndicatorPeriodKey,
  changes: IndicatorScoreChanges,
});

/** One node's (or the district's, without a code) score over the periods of a kind, oldest first. */
export const TrendQuery = z.object({
  kind: IndicatorPeriodKind.default('year'),
  code: IndicatorCode.optional(),
});
export const TrendResponse = z.object({
  code: IndicatorCode.nullable(),
  series: z.array(z.object({ period: IndicatorPeriodKey, score: z.number().nullable(), coverage: z.number().nullable() })),
});
export type TrendResponse = z.infer<typeof TrendResponse>;

/** The export's media type: an Excel workbook (exceljs). */
export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The export's bytes: sent as they are, never serialized as JSON. */
export const XlsxFile = z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'expected the workbook’s bytes');

// ---------------------------------------------------------------------------
// The operations

const tags = ['indicators'] as const;
/** The 营商局's district admin keeps the tree. */
const TREE_KEEPERS = { roles: ['district-admin'] } as const;
/** District operators run the periods: open, enter, review, compute, close. */
const OPERATORS = { roles: ['district-operator'] } as const;

/** The error envelope for each status: the console's codes, which include the indicator system's. */
const errors = consoleErrors;

export const platformIndicatorOperations = definePlatformOperations({
  getIndicatorTree: {
    method: 'GET',
    path: '/v1/admin/indicators/tree',
    summary: 'The indicator tree as stored now, its version and the seed’s shape (7 / 26 / 77)',
    tags,
    access: 'admin',
    consoleAccess: 'signedIn',
    responses: { 200: IndicatorTreeView, ...errors(401) },
  },
  saveIndicatorTree: {
    method: 'PUT',
    path: '/v1/admin/indicators/tree',
    summary: 'Save a whole tree (levels 2 and 3 edited) as the next version',
    tags,
    access: 'admin',
    consoleAccess: TREE_KEEPERS,
    body: SaveIndicatorTreeRequest,
    responses: { 200: IndicatorTreeView, ...errors(400, 401, 409, 403) },
  },
  updateIndicatorLeaf: {
    method: 'PATCH',
    path: '/v1/admin/indicators/leaves/:code',
    summary: 'Change one leaf’s configuration (unit, direction, target, worst, department, source, definition)',
    tags,
    access: 'admin',
    consoleAccess: TREE_KEEPERS,
    params: LeafParams,
    body: UpdateLeafRequest,
    responses: { 200: IndicatorTreeView, ...errors(400, 401, 404, 409, 403) },
  },
  listIndicatorPeriods: {
    method: 'GET',
    path: '/v1/admin/indicators/periods',
    summary: 'The assessment periods, newest first',
    tags,
    access: 'admin',
    consoleAccess: 'signedIn',
    responses: { 200: IndicatorPeriodsResponse, ...errors(401) },
  },
  openIndicatorPeriod: {
    method: 'POST',
    path: '/v1/admin/indicators/periods',
    summary: 'Open a period for entry (one that has begun)',
    tags,
    access: 'admin',
    consoleAccess: OPERATORS,
    body: OpenPeriodRequest,
    responses: { 201: IndicatorPeriod, ...errors(400, 401, 409, 403) },
  },
  closeIndicatorPeriod: {
    method: 'POST',
    path: '/v1/admin/indicators/periods/:period/close',
    summary: 'Close a period: its scores and tree are kept and nothing of it changes after',
    tags,
    access: 'admin',
    consoleAccess: OPERATORS,
    params: PeriodParams,
    responses: { 200: PeriodScoresResponse, ...errors(400, 401, 404, 409, 403) },
  },
  listPeriodLeaves: {
    method: 'GET',
    path: '/v1/admin/indicators/periods/:period/leaves',
    summary: 'The data-entry sheet of a period: every leaf (of one department) with its value and state',
    tags,
    access: 'admin',
    consoleAccess: 'signedIn',
    params: PeriodParams,
    query: PeriodLeavesQuery,
    responses: { 200: PeriodLeavesResponse, ...errors(400, 401, 404) },
  },
  listLeafEntries: {
    method: 'GET',
    path: '/v1/admin/indicators/periods/:period/leaves/:code/entries',
    summary: 'Every revision entered for a leaf of a period, newest first, with its review',
    tags,
    access: 'admin',
    consoleAccess: 'signedIn',
    params: PeriodLeafParams,
    responses: { 200: EntryHistoryResponse, ...errors(400, 401, 404) },
  },
  enterIndicatorValue: {
    method: 'POST',
    path: '/v1/admin/indicators/periods/:period/leaves/:code/entries',
    summary: 'Enter a value for an entered leaf (a new revision, submitted for review)',
    tags,
    access: 'admin',
    consoleAccess: OPERATORS,
    params: PeriodLeafParams,
    body: EnterValueRequest,
    responses: { 201: IndicatorEntry, ...errors(400, 401, 404, 409, 403) },
  },
  reviewIndicatorValue: {
    method: 'POST',
    path: '/v1/admin/indicators/periods/:period/leaves/:code/review',
    summary: 'Approve a submitted value, or return it with a reason (by someone other than who entered it)',
    tags,
    access: 'admin',
    consoleAccess: OPERATORS,
    params: PeriodLeafParams,
    body: ReviewEntryRequest,
    responses: { 200: IndicatorEntry, ...errors(400, 401, 404, 409, 403) },
  },
  computeIndicatorPeriod: {
    method: 'POST',
    path: '/v1/admin/indicators/periods/:period/compute',
    summary: 'Compute the platform’s metrics for an open period and keep them (a snapshot)',
    tags,
    access: 'admin',
    consoleAccess: OPERATORS,
    params: PeriodParams,
    responses: { 200: ComputedValuesResponse, ...errors(400, 401, 404, 409, 403) },
  },
  getPeriodScores: {
    method: 'GET',
    path: '/v1/admin/indicators/periods/:period/scores',
    summary: 'A period’s scores: every leaf, group and category, and the district',
    tags,
    access: 'admin',
    consoleAccess: 'signedIn',
    params: PeriodParams,
    responses: { 200: PeriodScoresResponse, ...errors(400, 401, 404) },
  },
  getPeriodScoreChanges: {
    method: 'GET',
    path: '/v1/admin/indicators/periods/:period/changes',
    summary: 'How every score moved from another period to this one',
    tags,
    access: 'admin',
    consoleAccess: 'signedIn',
    params: PeriodParams,
    query: ScoreChangesQuery,
    responses: { 200: ScoreChangesResponse, ...errors(400, 401, 404) },
  },
  getIndicatorTrend: {
    method: 'GET',
    path: '/v1/admin/indicators/trend',
    summary: 'One node’s score (or the district’s) over the periods of a kind',
    tags,
    access: 'admin',
    consoleAccess: 'signedIn',
    query: TrendQuery,
    responses: { 200: TrendResponse, ...errors(400, 401) },
  },
  exportPeriodScores: {
    method: 'GET',
    path: '/v1/admin/indicators/periods/:period/export',
    summary: 'A period’s scores as an Excel workbook',
    tags,
    access: 'admin',
    consoleAccess: 'signedIn',
    params: PeriodParams,
    responses: { 200: XlsxFile, ...errors(400, 401, 404) },
  },
});
