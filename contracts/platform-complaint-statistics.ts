import { z } from 'zod';
import { AssessmentPeriod, AssessmentRules, UnitFigures, UnitMeasures, UnitScore } from './complaint-assessment';
import { UnitCode, UnitKind } from './complaints';
import { ConsoleErrorBody } from './platform-console';
import { XlsxFile } from './platform-indicators';
import { definePlatformOperations } from './platform-operation';

/**
 * 查询统计 and 考核 of 营商诉求, each operation declared once: a period's statistics (each unit's
 * figures, rates, score and rank under the 考核细则 in force, and the district's totals with its
 * 规定期限办结率), the same as an Excel workbook, and the 考核细则 with their versions.
 *
 * Who reads what is the signed-in account's complaint person (as for the complaint routes): a
 * person holding any 营商局 role reads every unit; a unit's handler or leader reads their own
 * unit only (its figures, its score and its rank among the units ranked, and the district's
 * totals, which name no other unit); an account that is no person is refused (403
 * `not_a_person`), and a unit's person asking for another unit too (403 `wrong_unit`). Only a
 * 营商局 supervisor writes the rules (403 `wrong_role`; 409 `assessment_rules_changed` when a
 * version was written since the editor's).
 */

/** The longest period asked for at once: an assessment year (a leap year's 366 days). */
export const MAX_STATISTICS_DAYS = 366;

const isoDate = z.iso.date();
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

/** A period as the console's picker sends it; `unit` narrows the units to one. */
export const StatisticsQuery = z
  .object({
    from: isoDate,
    to: isoDate,
    label: z.string().trim().min(1).max(40).optional(),
    unit: UnitCode.optional(),
  })
  .refine((q) => q.from <= q.to, { message: 'the period ends before it begins', path: ['to'] })
  .refine((q) => dayNumber(q.to) - dayNumber(q.from) < MAX_STATISTICS_DAYS, {
    message: `at most ${MAX_STATISTICS_DAYS} days at once`,
    path: ['to'],
  });
export type StatisticsQuery = z.infer<typeof StatisticsQuery>;

/** One unit's line: who it is, its figures and its score (measures, items, rank). */
export const UnitStatistics = z.object({
  unitCode: UnitCode,
  name: z.string(),
  kind: UnitKind,
  figures: UnitFigures,
  score: UnitScore,
});
export type UnitStatistics = z.infer<typeof UnitStatistics>;

/** The rules a period was scored by: the version in force when asked. */
export const RulesInForce = z.object({
  version: z.number().int().positive(),
  name: z.string(),
  total: z.number().positive(),
});
export type RulesInForce = z.infer<typeof RulesInForce>;

export const ComplaintStatistics = z.object({
  period: AssessmentPeriod,
  rules: RulesInForce,
  /** `all`: every unit (a 营商局 role); `unit`: the reader's own unit only. */
  scope: z.enum(['all', 'unit']),
  /** The units, ranked ones first (best first), then those without a score. */
  units: z.array(UnitStatistics),
  /** How many units have a rank this period (the "of N" of a rank). */
  rankedUnits: z.number().int().nonnegative(),
  /** The district: every unit's figures summed, and its rates (the 规定期限办结率 it reports). */
  district: z.object({ figures: UnitFigures, measures: UnitMeasures }),
  generatedAt: z.iso.datetime(),
});
export type ComplaintStatistics = z.infer<typeof ComplaintStatistics>;

/** One version of the 考核细则. */
export const AssessmentRulesVersion = z.object({
  version: z.number().int().positive(),
  rules: AssessmentRules,
  createdAt: z.iso.datetime(),
  /** Who wrote it: a supervisor's name, or `seed` for the defaults. */
  createdBy: z.string(),
});
export type AssessmentRulesVersion = z.infer<typeof AssessmentRulesVersion>;

/** The rules in force and every version, newest first (the first is the one in force). */
export const AssessmentRulesView = z.object({
  current: AssessmentRulesVersion,
  versions: z.array(AssessmentRulesVersion),
  /** Whether the reader may write a new version (a 营商局 supervisor). */
  editable: z.boolean(),
});
export type AssessmentRulesView = z.infer<typeof AssessmentRulesView>;

/**
 * A new version of the rules, written over `baseVersion`, the version the editor started from:
 * when another edit came first, 409 `version_conflict` rather than one edit silently lost.
 */
export const PutAssessmentRulesRequest = z.object({
  baseVersion: z.number().int().positive(),
  rules: AssessmentRules,
});
export type PutAssessmentRulesRequest = z.input<typeof PutAssessmentRulesRequest>;

function errors<const S extends readonly number[]>(...statuses: S): { readonly [K in S[number]]: typeof ConsoleErrorBody } {
  return Object.fromEntries(statuses.map((status) => [status, ConsoleErrorBody])) as {
    readonly [K in S[number]]: typeof ConsoleErrorBody;
  };
}

const tags = ['complaints'];

export const complaintStatisticsOperations = definePlatformOperations({
  complaintStatistics: {
    method: 'GET',
    path: '/v1/complaints/statistics',
    summary: "A period's figures, rates, scores and ranks of the units, and the district's totals (查询统计, 考核)",
    tags,
    access: 'admin',
    consoleAccess: 'signedIn',
    query: StatisticsQuery,
    responses: { 200: ComplaintStatistics, ...errors(400, 401, 403) },
  },
  exportComplaintStatistics: {
    method: 'GET',
    path: '/v1/complaints/statistics/export',
    summary: "The same period's statistics and scores as an Excel workbook",
    tags,
    access: 'admin',
    consoleAccess: 'signedIn',
    query: StatisticsQuery,
    responses: { 200: XlsxFile, ...errors(400, 401, 403) },
  },
  getAssessmentRules: {
    method: 'GET',
    path: '/v1/complaints/assessment-rules',
    summary: 'The 考核细则 in force and every earlier version',
    tags,
    access: 'admin',
    consoleAccess: 'signedIn',
    responses: { 200: AssessmentRulesView, ...errors(401, 403) },
  },
  putAssessmentRules: {
    method: 'PUT',
    path: '/v1/complaints/assessment-rules',
    summary: 'Write a new version of the 考核细则 (a 营商局 supervisor)',
    tags,
    access: 'admin',
    consoleAccess: 'signedIn',
    body: PutAssessmentRulesRequest,
    responses: { 200: AssessmentRulesView, ...errors(400, 401, 403, 409) },
  },
});
