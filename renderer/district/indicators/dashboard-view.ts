import type { IndicatorScores, ScoredIndicator } from '../../../contracts/indicator-scores';
import type { IndicatorTree } from '../../../contracts/indicators';
import type { TrendResponse } from '../../../contracts/platform-indicators';

/**
 * What the dashboard shows of a period's scores (contracts/indicator-scores.ts), worked out apart
 * from the screen: a node's children in the tree's order, whether a missing sibling moved its
 * weight onto a node, the tone of a score, and the trend as one table of periods.
 */

/** The scored children of a node (`null`: the seven categories), in the tree's order. */
export function childrenOf(scores: IndicatorScores, parent: string | null): ScoredIndicator[] {
  return scores.nodes.filter((node) => node.parentCode === parent);
}

/** The codes from the category down to `code`: `GOV.01.02` → `GOV`, `GOV.01`, `GOV.01.02`. */
export function ancestry(code: string): string[] {
  const parts = code.split('.');
  return parts.map((_, i) => parts.slice(0, i + 1).join('.'));
}

/**
 * Whether the node counted with another weight than the tree gives it: a sibling had no value, so
 * its weight went to the present ones in proportion (docs/indicators.md, "what a missing value
 * does"). Effective weights are reported to four decimals.
 */
export function weightMoved(node: ScoredIndicator): boolean {
  return node.effectiveWeight !== null && Math.abs(node.effectiveWeight - node.weight) >= 0.00005;
}

export type ScoreTone = 'ok' | 'warn' | 'bad' | 'none';

/**
 * A score's colour on the dashboard: 80 and above good, 60 to 80 to watch, under 60 poor. A reading
 * aid only: the figure beside it is what counts, and the district's assessment sets its own bands.
 */
export function scoreTone(score: number | null): ScoreTone {
  if (score === null) return 'none';
  if (score >= 80) return 'ok';
  if (score >= 60) return 'warn';
  return 'bad';
}

/** A score as reported (two decimals), or a dash for none. */
export function formatScore(score: number | null): string {
  return score === null ? '—' : score.toFixed(2);
}

/** A share (coverage, a weight) as a percentage with at most one decimal: 0.6234 → 62.3%. */
export function formatShare(fraction: number): string {
  return `${Number((fraction * 100).toFixed(1))}%`;
}

/** Each category's and group's name in the console's language, by code (leaves come with the entry sheet). */
export function nodeNames(tree: IndicatorTree, english: boolean): Map<string, string> {
  const names = new Map<string, string>();
  for (const category of tree.categories) {
    names.set(category.code, english ? category.nameEn : category.name);
    for (const group of category.children) {
      names.set(group.code, english ? group.nameEn : group.name);
      for (const leaf of group.children) names.set(leaf.code, english ? leaf.nameEn : leaf.name);
    }
  }
  return names;
}

/** One line of the trend: the district (`code` null) or a category, its score per period. */
export interface TrendLine {
  code: string | null;
  name: string;
  series: TrendResponse['series'];
}

/** The trend as a table: the periods every line has, oldest first, and each line's score in each. */
export interface TrendTable {
  periods: string[];
  rows: { code: string | null; name: string; scores: (number | null)[] }[];
}

export function trendTable(lines: readonly TrendLine[]): TrendTable {
  const periods = [...new Set(lines.flatMap((line) => line.series.map((point) => point.period)))].sort(comparePeriods);
  return {
    periods,
    rows: lines.map((line) => {
      const byPeriod = new Map(line.series.map((point) => [point.period, point.score]));
      return { code: line.code, name: line.name, scores: periods.map((period) => byPeriod.get(period) ?? null) };
    }),
  };
}

/** Periods of one kind in time order: their keys sort as text (`2026-Q1` < `2026-Q2`, `2026-09` < `2026-10`). */
function comparePeriods(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
