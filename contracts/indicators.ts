import { z } from 'zod';
import { INDICATOR_METRICS, IndicatorDirection, IndicatorMetric, MeasureUnit } from './indicator-metrics';

/**
 * The district's business-environment indicator system (营商环境评价指标体系): a tree of three
 * levels. Level 1 is fixed: the seven categories (政务, 市场, 开放, 要素, 设施, 社会, 法治
 * 环境), each present once. Levels 2 and 3 are the district's to edit. Level 3 indicators are
 * the leaves: each is measured (computed from the platform's rows, or entered per period by its
 * responsible unit) and scored; scores roll up by weight (platform/services/indicator-scoring.ts,
 * docs/indicators.md).
 *
 * Normalisation (前沿距离法, distance to frontier): each leaf has a `target` (the frontier, score
 * 100) and a `worst` value (score 0); a value scores linearly between them and is held to 0..100
 * beyond them. So a leaf says in its own unit what "good" and "failing" mean, which a responsible
 * unit can check by hand, and scores of different units become comparable.
 *
 * Codes are stable across edits and periods (a period's values and scores are keyed by them):
 * `GOV` (category), `GOV.01` (second level), `GOV.01.03` (leaf); a child's code extends its parent's.
 */

/** Siblings' weights must sum to 1 within this. */
export const WEIGHT_SUM_TOLERANCE = 0.001;

/** The seven first-level categories, in the order the console lists them. */
export const IndicatorCategoryCode = z.enum(['GOV', 'MKT', 'OPN', 'FAC', 'INF', 'SOC', 'LAW']);
export type IndicatorCategoryCode = z.infer<typeof IndicatorCategoryCode>;

const CATEGORY_PATTERN = IndicatorCategoryCode.options.join('|');
export const GroupCode = z
  .string()
  .regex(new RegExp(`^(${CATEGORY_PATTERN})\\.\\d{2}$`), 'expected a second-level code like GOV.01');
export const LeafCode = z
  .string()
  .regex(new RegExp(`^(${CATEGORY_PATTERN})\\.\\d{2}\\.\\d{2}$`), 'expected a third-level code like GOV.01.03');
export const IndicatorCode = z.union([IndicatorCategoryCode, GroupCode, LeafCode]);

/** A department of the district answerable for indicators: `market-regulation`, 区市场监管局. */
export const ResponsibleUnitCode = z
  .string()
  .regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, 'expected a lower-case code like market-regulation')
  .max(64);
export const ResponsibleUnit = z.strictObject({
  code: ResponsibleUnitCode,
  name: z.string().trim().min(1).max(64),
  nameEn: z.string().trim().min(1).max(128),
});
export type ResponsibleUnit = z.infer<typeof ResponsibleUnit>;

/**
 * Where a leaf's value comes from: computed by the platform from its own rows (the metric's
 * definition: indicator-metrics.ts), or entered for each period by the responsible unit and then
 * reviewed by the 营商环境建设局 before it counts (docs/indicators.md).
 */
export const IndicatorSource = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('computed'), metric: IndicatorMetric }),
  z.strictObject({ kind: z.literal('entered') }),
]);
export type IndicatorSource = z.infer<typeof IndicatorSource>;

const name = z.string().trim().min(1).max(64);
const nameEn = z.string().trim().min(1).max(160);
/** Within its parent; siblings sum to 1. A node that should not count is removed, not weighted 0. */
const weight = z.number().gt(0).max(1);

/** A third-level indicator: measured and scored. */
export const IndicatorLeaf = z.strictObject({
  code: LeafCode,
  level: z.literal(3),
  name,
  nameEn,
  weight,
  unit: MeasureUnit,
  direction: IndicatorDirection,
  /** The frontier: at or beyond it (in `direction`) the leaf scores 100. */
  target: z.number(),
  /** The value scoring 0: below it for `higher`, above it for `lower`. */
  worst: z.number(),
  responsibleUnit: ResponsibleUnitCode,
  source: IndicatorSource,
  /** 口径: what exactly is counted, so that every period's figure means the same. */
  definition: z.string().trim().min(1).max(500),
  definitionEn: z.string().trim().min(1).max(800),
});
export type IndicatorLeaf = z.infer<typeof IndicatorLeaf>;

export const IndicatorGroup = z.strictObject({
  code: GroupCode,
  level: z.literal(2),
  name,
  nameEn,
  weight,
  children: z.array(IndicatorLeaf).min(1).max(30),
});
export type IndicatorGroup = z.infer<typeof IndicatorGroup>;

export const IndicatorCategory = z.strictObject({
  code: IndicatorCategoryCode,
  level: z.literal(1),
  name,
  nameEn,
  weight,
  children: z.array(IndicatorGroup).min(1).max(30),
});
export type IndicatorCategory = z.infer<typeof IndicatorCategory>;

export type IndicatorNode = IndicatorCategory | IndicatorGroup | IndicatorLeaf;

type Issue = { path: (string | number)[]; message: string };

function siblingWeightIssue(nodes: readonly { weight: number }[], path: (string | number)[], parent: string): Issue[] {
  const sum = nodes.reduce((total, node) => total + node.weight, 0);
  if (Math.abs(sum - 1) <= WEIGHT_SUM_TOLERANCE) return [];
  return [{ path, message: `the weights under ${parent} sum to ${Number(sum.toFixed(4))}, not 1 (±${WEIGHT_SUM_TOLERANCE})` }];
}

const isBelow = (a: number, b: number): boolean => a < b;

function leafIssues(leaf: IndicatorLeaf, path: (string | number)[], units: ReadonlySet<string>): Issue[] {
  const issues: Issue[] = [];
  if (leaf.target === leaf.worst) {
    issues.push({ path: [...path, 'worst'], message: `${leaf.code}: worst equals target, nothing to score between them` });
  } else if ((leaf.direction === 'higher') !== isBelow(leaf.worst, leaf.target)) {
    const side = leaf.direction === 'higher' ? 'below' : 'above';
    issues.push({
      path: [...path, 'worst'],
      message: `${leaf.code}: when ${leaf.direction} is better, worst must be ${side} target`,
    });
  }
  if (!units.has(leaf.responsibleUnit)) {
    issues.push({
      path: [...path, 'responsibleUnit'],
      message: `${leaf.code}: no responsible unit ${leaf.responsibleUnit} in responsibleUnits`,
    });
  }
  if (leaf.source.kind === 'computed') {
    const metric = INDICATOR_METRICS[leaf.source.metric];
    if (metric.unit !== leaf.unit) {
      issues.push({ path: [...path, 'unit'], message: `${leaf.code}: ${leaf.source.metric} is computed in ${metric.unit}` });
    }
    if (metric.direction !== leaf.direction) {
      issues.push({
        path: [...path, 'direction'],
        message: `${leaf.code}: for ${leaf.source.metric}, ${metric.direction} is better`,
      });
    }
  }
  return issues;
}

/** Everything a tree must hold beyond each node's own shape, each issue at the path to fix. */
function treeIssues(tree: { responsibleUnits: ResponsibleUnit[]; categories: IndicatorCategory[] }): Issue[] {
  const issues: Issue[] = [];
  const units = new Set<string>();
  tree.responsibleUnits.forEach((unit, index) => {
    if (units.has(unit.code)) {
      issues.push({ path: ['responsibleUnits', index, 'code'], message: `duplicate unit code ${unit.code}` });
    }
    units.add(unit.code);
  });

  const codes = new Set<string>();
  const claim = (code: string, path: (string | number)[]): void => {
    if (codes.has(code)) issues.push({ path: [...path, 'code'], message: `duplicate code ${code}` });
    codes.add(code);
  };
  for (const missing of IndicatorCategoryCode.options.filter((code) => !tree.categories.some((c) => c.code === code))) {
    issues.push({
      path: ['categories'],
      message: `the category ${missing} is missing: the seven categories are each present once`,
    });
  }
  issues.push(...siblingWeightIssue(tree.categories, ['categories'], 'the district'));

  tree.categories.forEach((category, c) => {
    const categoryPath = ['categories', c];
    claim(category.code, categoryPath);
    issues.push(...siblingWeightIssue(category.children, [...categoryPath, 'children'], category.code));
    category.children.forEach((group, g) => {
      const groupPath = [...categoryPath, 'children', g];
      claim(group.code, groupPath);
      if (!group.code.startsWith(`${category.code}.`)) {
        issues.push({ path: [...groupPath, 'code'], message: `${group.code} is not under its category ${category.code}` });
      }
      issues.push(...siblingWeightIssue(group.children, [...groupPath, 'children'], group.code));
      group.children.forEach((leaf, l) => {
        const leafPath = [...groupPath, 'children', l];
        claim(leaf.code, leafPath);
        if (!leaf.code.startsWith(`${group.code}.`)) {
          issues.push({ path: [...leafPath, 'code'], message: `${leaf.code} is not under its parent ${group.code}` });
        }
        issues.push(...leafIssues(leaf, leafPath, units));
      });
    });
  });
  return issues;
}

/**
 * A whole indicator system: the departments answerable for its leaves and the seven categories.
 * Refused, each issue at its path: sibling weights not summing to 1 (±0.001), a code used twice
 * or not under its parent's, a node at the wrong level or with the wrong fields for its level
 * (strict objects: a leaf's fields on a group, a leaf missing one), a category missing, a leaf
 * whose worst value is not on the bad side of its target, an unknown responsible unit, a computed
 * leaf whose unit or direction differs from its metric's.
 */
export const IndicatorTree = z
  .strictObject({
    responsibleUnits: z.array(ResponsibleUnit).min(1).max(200),
    // Exactly the seven, each once: checked below, so a missing or repeated one is named.
    categories: z.array(IndicatorCategory).min(1).max(IndicatorCategoryCode.options.length),
  })
  .superRefine((tree, ctx) => {
    for (const issue of treeIssues(tree)) ctx.addIssue({ code: 'custom', ...issue });
  });
export type IndicatorTree = z.infer<typeof IndicatorTree>;

/** Every leaf of the tree, in the tree's order. */
export function indicatorLeaves(tree: IndicatorTree): IndicatorLeaf[] {
  return tree.categories.flatMap((category) => category.children.flatMap((group) => group.children));
}

/** How many nodes each level holds; the seed's is the shape a district aims for (7 / 26 / 77). */
export interface IndicatorTreeShape {
  categories: number;
  groups: number;
  leaves: number;
}

export function treeShape(tree: IndicatorTree): IndicatorTreeShape {
  const groups = tree.categories.flatMap((category) => category.children);
  return { categories: tree.categories.length, groups: groups.length, leaves: indicatorLeaves(tree).length };
}
