import { INDICATOR_SEED } from '../../contracts/indicator-seed';
import {
  IndicatorCategoryCode,
  IndicatorTree,
  type IndicatorCategory,
  type IndicatorGroup,
  type IndicatorLeaf,
} from '../../contracts/indicators';

/**
 * Small indicator trees whose scores can be worked out by hand. A tree always has the seven
 * categories (the schema insists); the ones a test does not care about get one group with one
 * leaf scoring its value directly (higher is better, worst 0, target 100).
 */

export function leaf(code: string, weight: number, fields: Partial<IndicatorLeaf> = {}): IndicatorLeaf {
  return {
    code,
    level: 3,
    name: `指标${code}`,
    nameEn: `Indicator ${code}`,
    weight,
    unit: '%',
    direction: 'higher',
    target: 100,
    worst: 0,
    responsibleUnit: 'business-environment',
    source: { kind: 'entered' },
    definition: `指标${code}的口径`,
    definitionEn: `How ${code} is counted`,
    ...fields,
  };
}

export function group(code: string, weight: number, children: IndicatorLeaf[]): IndicatorGroup {
  return { code, level: 2, name: `分组${code}`, nameEn: `Group ${code}`, weight, children };
}

/**
 * The seven categories with these weights (each category's weight, in the enum's order when a
 * list) and, where given, these groups; a category without groups gets `X.01` holding `X.01.01`.
 * Parsed by the schema, so a test tree is a valid tree.
 */
export function smallTree(
  weights: Readonly<Record<IndicatorCategoryCode, number>>,
  groups: Partial<Record<IndicatorCategoryCode, IndicatorGroup[]>> = {},
): IndicatorTree {
  const categories: IndicatorCategory[] = IndicatorCategoryCode.options.map((code) => ({
    code,
    level: 1,
    name: `类别${code}`,
    nameEn: `Category ${code}`,
    weight: weights[code],
    children: groups[code] ?? [group(`${code}.01`, 1, [leaf(`${code}.01.01`, 1)])],
  }));
  return IndicatorTree.parse({ responsibleUnits: [unit], categories });
}

const unit = { code: 'business-environment', name: '区营商环境建设局', nameEn: 'District Business Environment Bureau' };

/** Equal weights over the seven categories would not sum to 1 in decimals: these do. */
export const CATEGORY_WEIGHTS: Readonly<Record<IndicatorCategoryCode, number>> = {
  GOV: 0.2,
  MKT: 0.15,
  OPN: 0.1,
  FAC: 0.15,
  INF: 0.1,
  SOC: 0.1,
  LAW: 0.2,
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A copy of the seed as plain data with the object at `path` changed by `edit`, for a test to
 * break one thing of a tree that is otherwise right. Untyped on purpose: the result is meant to be
 * refused by the schema.
 */
export function editedSeed(path: readonly (string | number)[], edit: (node: Record<string, unknown>) => void): unknown {
  const copy: unknown = structuredClone(INDICATOR_SEED);
  let node: unknown = copy;
  for (const key of path) {
    const parent: unknown = node;
    node = Array.isArray(parent) ? parent[Number(key)] : isRecord(parent) ? parent[String(key)] : undefined;
  }
  if (!isRecord(node)) throw new Error(`the seed has no object at ${path.join('.')}`);
  edit(node);
  return copy;
}
