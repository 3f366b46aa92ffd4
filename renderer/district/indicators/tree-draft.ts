import { z } from 'zod';
import { IndicatorDirection, IndicatorMetric, MeasureUnit } from '../../../contracts/indicator-metrics';
import {
  IndicatorTree,
  type IndicatorGroup,
  type IndicatorLeaf,
  type IndicatorSource,
  type ResponsibleUnit,
} from '../../../contracts/indicators';

/**
 * The tree editor's draft (levels 2 and 3 of the indicator system): edits are made to a copy of
 * the tree as read, checked whole against the contract's `IndicatorTree` after each one (so
 * weights can be moved between siblings over several edits before they sum to 1 again), and
 * saved whole as the next version. The platform checks the same schema again.
 */

/** A child's code: its parent's and the next two digits after the highest in use (`GOV.05` → `GOV.06`). */
export function nextCode(parentCode: string, siblings: readonly { code: string }[]): string | null {
  const highest = siblings.reduce((max, sibling) => Math.max(max, Number(sibling.code.slice(-2))), 0);
  return highest >= 99 ? null : `${parentCode}.${String(highest + 1).padStart(2, '0')}`;
}

function replaceOrAppend<T extends { code: string }>(list: readonly T[], node: T): T[] {
  return list.some((n) => n.code === node.code) ? list.map((n) => (n.code === node.code ? node : n)) : [...list, node];
}

/** The draft with `group` added under its category, or put in place of the group of its code. */
export function withGroup(tree: IndicatorTree, categoryCode: string, group: IndicatorGroup): IndicatorTree {
  return {
    ...tree,
    categories: tree.categories.map((category) =>
      category.code === categoryCode ? { ...category, children: replaceOrAppend(category.children, group) } : category,
    ),
  };
}

/** The draft with `leaf` added under its group, or put in place of the leaf of its code. */
export function withLeaf(tree: IndicatorTree, groupCode: string, leaf: IndicatorLeaf): IndicatorTree {
  return {
    ...tree,
    categories: tree.categories.map((category) => ({
      ...category,
      children: category.children.map((group) =>
        group.code === groupCode ? { ...group, children: replaceOrAppend(group.children, leaf) } : group,
      ),
    })),
  };
}

/** What the form beside the tree edits: a group of a category, a leaf of a group; new when there is no node yet. */
export type Editing =
  | { kind: 'group'; categoryCode: string; group: IndicatorGroup | null }
  | { kind: 'leaf'; groupCode: string; leaf: IndicatorLeaf | null }
  | null;

/**
 * One reason the draft cannot be saved: the node it concerns (null: the tree as a whole), the
 * field, and the words: the console's own for the common slips (`kind`), else the schema's.
 */
export interface TreeProblem {
  code: string | null;
  field: string | null;
  message: string;
  kind?: ProblemKind;
  /** The weights' sum, for `weights`. */
  sum?: number;
}

/** The slips the console words itself: a group without indicators, weights not summing to 1, a field left empty, not a number. */
export type ProblemKind = 'noLeaves' | 'weights' | 'required' | 'number';

interface SchemaIssue {
  path: readonly PropertyKey[];
  message: string;
  code?: string;
  origin?: string;
  expected?: string;
}

function kindOf(issue: SchemaIssue): ProblemKind | undefined {
  const last = issue.path[issue.path.length - 1];
  if (issue.code === 'too_small' && issue.origin === 'array' && last === 'children') return 'noLeaves';
  if (issue.code === 'too_small' && issue.origin === 'string') return 'required';
  if (issue.code === 'invalid_type' && issue.expected === 'number') return 'number';
  if (issue.message.startsWith('the weights under')) return 'weights';
  return undefined;
}

/** The weights under the node a weights issue names (the categories' when it names none). */
function weightSum(tree: IndicatorTree, code: string | null): number {
  const nodes: readonly { weight: number }[] =
    code === null
      ? tree.categories
      : (tree.categories.find((c) => c.code === code)?.children ??
        tree.categories.flatMap((c) => c.children).find((g) => g.code === code)?.children ??
        []);
  return Number(nodes.reduce((total, node) => total + node.weight, 0).toFixed(4));
}

function problemOf(tree: IndicatorTree, issue: SchemaIssue): TreeProblem {
  const place = locate(tree, issue.path);
  const kind = kindOf(issue);
  if (kind === undefined) return { ...place, message: issue.message };
  if (kind === 'weights') return { ...place, message: issue.message, kind, sum: weightSum(tree, place.code) };
  return { ...place, message: issue.message, kind };
}

type Path = readonly PropertyKey[];

interface Located {
  code: string | null;
  field: string | null;
}

const fieldAt = (key: PropertyKey | undefined): string | null => (typeof key === 'string' ? key : null);
const at = <T>(list: readonly T[], key: PropertyKey | undefined): T | undefined =>
  typeof key === 'number' ? list[key] : undefined;

/**
 * The node a schema issue's path points into, and the field after it: `categories.0.children.1.
 * children.2.worst` is the third leaf of the second group of the first category, its `worst`. A
 * path that stops at a list (`…children`: the weights under a node) is the node holding the list.
 */
function locate(tree: IndicatorTree, path: Path): Located {
  if (path[0] !== 'categories') return { code: null, field: fieldAt(path[0]) };
  const category = at(tree.categories, path[1]);
  if (category === undefined) return { code: null, field: null };
  if (path[2] !== 'children') return { code: category.code, field: fieldAt(path[2]) };
  const group = at(category.children, path[3]);
  if (group === undefined) return { code: category.code, field: null };
  if (path[4] !== 'children') return { code: group.code, field: fieldAt(path[4]) };
  const leaf = at(group.children, path[5]);
  if (leaf === undefined) return { code: group.code, field: null };
  return { code: leaf.code, field: fieldAt(path[6]) };
}

/** Where the draft breaks the system's rules, each at its node and field; none when it may be saved. */
export function treeProblems(tree: IndicatorTree): TreeProblem[] {
  const parsed = IndicatorTree.safeParse(tree);
  if (parsed.success) return [];
  return withoutEcho(parsed.error.issues.map((issue) => problemOf(tree, issue)));
}

/** A group without indicators also has no weights to sum: the one problem says it, not two. */
function withoutEcho(problems: readonly TreeProblem[]): TreeProblem[] {
  const empty = new Set(problems.filter((p) => p.kind === 'noLeaves').map((p) => p.code));
  return problems.filter((p) => p.kind !== 'weights' || !empty.has(p.code));
}

/** The platform's 400 for a tree (`details.issues`: each a path and a message), placed the same way. */
export function problemsFromDetails(tree: IndicatorTree, details: unknown): TreeProblem[] {
  const parsed = PlatformIssues.safeParse(details);
  return parsed.success ? withoutEcho(parsed.data.issues.map((issue) => problemOf(tree, issue))) : [];
}

const PlatformIssues = z.object({
  issues: z.array(z.object({ path: z.array(z.union([z.string(), z.number()])), message: z.string() })),
});

// ---------------------------------------------------------------------------
// The forms

const text = (form: FormData, name: string): string => {
  const value = form.get(name);
  return typeof value === 'string' ? value.trim() : '';
};

/** A typed number, or NaN for an empty or unreadable field: the schema then names the field. */
const number = (form: FormData, name: string): number => {
  const raw = text(form, name);
  return raw === '' ? Number.NaN : Number(raw);
};

/** The group form's fields over a group (its leaves kept; a new group starts with none until one is added). */
export function groupFromForm(form: FormData, code: string, base: IndicatorGroup | undefined): IndicatorGroup {
  return {
    code,
    level: 2,
    name: text(form, 'name'),
    nameEn: text(form, 'nameEn'),
    weight: number(form, 'weight'),
    children: base?.children ?? [],
  };
}

/** `entered`, or `computed:<metric>` as the source select names them. */
export function sourceValue(source: IndicatorSource): string {
  return source.kind === 'computed' ? `computed:${source.metric}` : 'entered';
}

function sourceOf(value: string): IndicatorSource {
  const metric = IndicatorMetric.safeParse(value.replace(/^computed:/, ''));
  return value.startsWith('computed:') && metric.success ? { kind: 'computed', metric: metric.data } : { kind: 'entered' };
}

/**
 * The leaf form's fields as a leaf. A select the browser sent nothing for keeps the leaf's value
 * (or the first choice for a new leaf); the schema judges the rest.
 */
export function leafFromForm(form: FormData, code: string, units: readonly ResponsibleUnit[]): IndicatorLeaf {
  const unit = MeasureUnit.safeParse(text(form, 'unit'));
  const direction = IndicatorDirection.safeParse(text(form, 'direction'));
  return {
    code,
    level: 3,
    name: text(form, 'name'),
    nameEn: text(form, 'nameEn'),
    weight: number(form, 'weight'),
    unit: unit.success ? unit.data : '%',
    direction: direction.success ? direction.data : 'higher',
    target: number(form, 'target'),
    worst: number(form, 'worst'),
    responsibleUnit: text(form, 'responsibleUnit') || (units[0]?.code ?? ''),
    source: sourceOf(text(form, 'source')),
    definition: text(form, 'definition'),
    definitionEn: text(form, 'definitionEn'),
  };
}
