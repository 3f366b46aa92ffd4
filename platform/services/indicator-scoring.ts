import {
  FRACTION_DECIMALS,
  SCORE_DECIMALS,
  type IndicatorScoreChanges,
  type IndicatorScores,
  type IndicatorValues,
  type NodeScoreChange,
  type ScoreChange,
  type ScoredIndicator,
} from '../../contracts/indicator-scores';
import { indicatorLeaves, type IndicatorLeaf, type IndicatorTree } from '../../contracts/indicators';

/**
 * The business-environment scores of one period (营商环境评价得分), from the indicator tree and
 * the period's leaf values. Pure: the next step reads the values from the store and serves this.
 *
 * - A leaf scores 100 × (value − worst) ÷ (target − worst), held to 0..100: the distance to the
 *   frontier (前沿距离法). At or beyond its target it scores 100, at or beyond its worst value 0,
 *   whichever direction is better (the tree guarantees worst lies on the bad side of target).
 * - A group, a category and the district score the weighted mean of their children's scores.
 * - A missing value is no score, never 0 or 100: its weight goes to its present siblings in
 *   proportion to their own weights (each present child counts with weight ÷ Σ present
 *   weights). A node all of whose leaves are missing is missing in turn, one level up. Every node
 *   lists the leaves missing below it, and its `coverage` says how much of its nominal weight its
 *   score rests on, so the console can show a score built on half the indicators as such.
 * - Scores are computed unrounded all the way up and rounded to two decimals (half up) only when
 *   reported; a parent's reported score can therefore differ in the last digit from the weighted
 *   mean of its children's reported scores.
 */

function round(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  return Math.round(value * scale) / scale;
}

/** A leaf's score for a value, unrounded, 0..100. */
export function leafScore(leaf: Pick<IndicatorLeaf, 'target' | 'worst'>, value: number): number {
  const share = (value - leaf.worst) / (leaf.target - leaf.worst);
  return 100 * Math.min(1, Math.max(0, share));
}

interface Rolled {
  score: number | null;
  coverage: number;
  missing: string[];
}

interface Weighted {
  weight: number;
  rolled: Rolled;
}

/** The weighted mean over the present children, the coverage and each child's effective weight. */
function rollUp(children: readonly Weighted[]): { rolled: Rolled; effective: (number | null)[] } {
  const presentWeight = children.reduce((sum, c) => sum + (c.rolled.score === null ? 0 : c.weight), 0);
  const totalWeight = children.reduce((sum, c) => sum + c.weight, 0);
  const weightedScore = children.reduce((sum, c) => sum + (c.rolled.score === null ? 0 : c.weight * c.rolled.score), 0);
  const coverage = children.reduce((sum, c) => sum + c.weight * c.rolled.coverage, 0) / totalWeight;
  return {
    rolled: {
      score: presentWeight === 0 ? null : weightedScore / presentWeight,
      coverage,
      missing: children.flatMap((c) => c.rolled.missing),
    },
    effective: children.map((c) => (c.rolled.score === null ? null : c.weight / presentWeight)),
  };
}

function scored(
  node: { code: string; level: 1 | 2 | 3; weight: number },
  parentCode: string | null,
  rolled: Rolled,
  effectiveWeight: number | null,
): ScoredIndicator {
  return {
    code: node.code,
    level: node.level,
    parentCode,
    weight: node.weight,
    effectiveWeight: effectiveWeight === null ? null : round(effectiveWeight, FRACTION_DECIMALS),
    score: rolled.score === null ? null : round(rolled.score, SCORE_DECIMALS),
    coverage: round(rolled.coverage, FRACTION_DECIMALS),
    missing: rolled.missing,
  };
}

function leafRolled(leaf: IndicatorLeaf, values: IndicatorValues): { rolled: Rolled; value: number | null } {
  if (!Object.hasOwn(values, leaf.code)) return { rolled: { score: null, coverage: 0, missing: [leaf.code] }, value: null };
  const value = values[leaf.code];
  // A NaN or an infinity is a bug upstream, not a missing figure: counting it either way would hide it.
  if (value === undefined || !Number.isFinite(value)) throw new RangeError(`${leaf.code}: the value must be a finite number`);
  return { rolled: { score: leafScore(leaf, value), coverage: 1, missing: [] }, value };
}

/** Every node's score, each category's, and the district's, for one period's values. */
export function scoreIndicators(tree: IndicatorTree, values: IndicatorValues): IndicatorScores {
  const nodes: ScoredIndicator[] = [];
  const categories = tree.categories.map((category) => {
    const groups = category.children.map((group) => {
      const leaves = group.children.map((leaf) => ({ leaf, ...leafRolled(leaf, values) }));
      const { rolled, effective } = rollUp(leaves.map((l) => ({ weight: l.leaf.weight, rolled: l.rolled })));
      return { group, rolled, leaves, effective };
    });
    const { rolled, effective } = rollUp(groups.map((g) => ({ weight: g.group.weight, rolled: g.rolled })));
    return { category, rolled, groups, effective };
  });
  const district = rollUp(categories.map((c) => ({ weight: c.category.weight, rolled: c.rolled })));

  categories.forEach((c, ci) => {
    nodes.push(scored(c.category, null, c.rolled, district.effective[ci] ?? null));
    c.groups.forEach((g, gi) => {
      nodes.push(scored(g.group, c.category.code, g.rolled, c.effective[gi] ?? null));
      g.leaves.forEach((l, li) => {
        nodes.push({ ...scored(l.leaf, g.group.code, l.rolled, g.effective[li] ?? null), value: l.value });
      });
    });
  });

  const leafCodes = new Set(indicatorLeaves(tree).map((leaf) => leaf.code));
  return {
    score: district.rolled.score === null ? null : round(district.rolled.score, SCORE_DECIMALS),
    coverage: round(district.rolled.coverage, FRACTION_DECIMALS),
    missing: district.rolled.missing,
    nodes,
    unknownCodes: Object.keys(values).filter((code) => !leafCodes.has(code)),
  };
}

function change(previous: number | null, current: number | null): ScoreChange {
  return { previous, current, change: previous === null || current === null ? null : round(current - previous, SCORE_DECIMALS) };
}

/**
 * How every score moved from one period to the next (环比/同比: the caller picks the periods).
 * The change is taken between the reported (rounded) scores, so it is the difference a reader of
 * the two periods' tables computes. Nodes added since have no previous score, nodes removed no
 * current one; both are listed, with no change.
 */
export function scoreChanges(previous: IndicatorScores, current: IndicatorScores): IndicatorScoreChanges {
  const before = new Map(previous.nodes.map((node) => [node.code, node]));
  const now = new Set(current.nodes.map((node) => node.code));
  const nodes: NodeScoreChange[] = current.nodes.map((node) => ({
    code: node.code,
    level: node.level,
    ...change(before.get(node.code)?.score ?? null, node.score),
  }));
  for (const node of previous.nodes) {
    if (!now.has(node.code)) nodes.push({ code: node.code, level: node.level, ...change(node.score, null) });
  }
  return { district: change(previous.score, current.score), nodes };
}

/** One node's score (or the district's, without a code) across periods, in the order given: a trend line. */
export function scoreSeries(
  periods: readonly { period: string; scores: IndicatorScores }[],
  code?: string,
): { period: string; score: number | null }[] {
  return periods.map(({ period, scores }) => ({
    period,
    score: code === undefined ? scores.score : (scores.nodes.find((node) => node.code === code)?.score ?? null),
  }));
}
