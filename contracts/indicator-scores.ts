import { z } from 'zod';
import { IndicatorCode, LeafCode } from './indicators';

/**
 * A period's indicator values and the scores made of them (platform/services/indicator-scoring.ts;
 * formulas: docs/indicators.md). What the console's dashboard and its export show.
 */

/** Score precision: two decimals, rounded half up once, from unrounded figures (see scoring). */
export const SCORE_DECIMALS = 2;
/** Effective weights and coverage: fractions with four decimals. */
export const FRACTION_DECIMALS = 4;

/** A period's values by leaf code, each in its leaf's unit. A leaf without a value is missing. */
export const IndicatorValues = z.record(LeafCode, z.number());
export type IndicatorValues = z.infer<typeof IndicatorValues>;

const score = z.number().min(0).max(100).nullable();
const fraction = z.number().min(0).max(1);

/** One node of the tree, scored. Nodes are listed in the tree's order, each after its parent. */
export const ScoredIndicator = z.object({
  code: IndicatorCode,
  level: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  /** null for a category (its parent is the district). */
  parentCode: z.string().nullable(),
  /** As the tree sets it, within the parent. */
  weight: fraction,
  /** The weight it counted with: its share of its present siblings' weights; null when missing. */
  effectiveWeight: fraction.nullable(),
  /** 0–100; null when no leaf below it (or the leaf itself) has a value. */
  score,
  /** The share of its nominal weight resting on leaves with a value: 1 = nothing missing. */
  coverage: fraction,
  /** The leaves below it (or the leaf itself) without a value, in the tree's order. */
  missing: z.array(LeafCode),
  /** Leaves only: the period's value in the leaf's unit, null when missing. */
  value: z.number().nullable().optional(),
});
export type ScoredIndicator = z.infer<typeof ScoredIndicator>;

export const IndicatorScores = z.object({
  /** The district's score, 0–100; null when no leaf has a value. */
  score,
  coverage: fraction,
  missing: z.array(LeafCode),
  nodes: z.array(ScoredIndicator),
  /** Codes among the values that are no leaf of the tree (a leaf removed, a mistyped code): not scored. */
  unknownCodes: z.array(z.string()),
});
export type IndicatorScores = z.infer<typeof IndicatorScores>;

/** A score in two periods; `change` = current − previous as shown, null unless both have one. */
export const ScoreChange = z.object({ previous: score, current: score, change: z.number().min(-100).max(100).nullable() });
export type ScoreChange = z.infer<typeof ScoreChange>;

export const NodeScoreChange = ScoreChange.extend({
  code: IndicatorCode,
  level: z.union([z.literal(1), z.literal(2), z.literal(3)]),
});
export type NodeScoreChange = z.infer<typeof NodeScoreChange>;

/**
 * The change of every score between two periods: the district's, and each node's in the current
 * tree's order, then the nodes only the previous period had (removed since: current is null).
 */
export const IndicatorScoreChanges = z.object({ district: ScoreChange, nodes: z.array(NodeScoreChange) });
export type IndicatorScoreChanges = z.infer<typeof IndicatorScoreChanges>;
