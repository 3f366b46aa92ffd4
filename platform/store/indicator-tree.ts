import type { IndicatorCategory, IndicatorGroup, IndicatorLeaf, IndicatorTree } from '../../contracts/indicators';
import type { Sql } from '../db/sql';

/** A saved version of the tree, as stored (the service validates it with IndicatorTree). */
export interface TreeVersionRow {
  version: number;
  savedBy: string;
  savedAt: Date;
  /** The tree as the rows hold it, unparsed. */
  tree: unknown;
}

interface NodeRow {
  code: string;
  level: 1 | 2 | 3;
  parentCode: string | null;
  position: number;
  name: string;
  nameEn: string;
  weight: number;
  unit: string | null;
  direction: string | null;
  target: number | null;
  worst: number | null;
  responsibleUnit: string | null;
  sourceKind: 'computed' | 'entered' | null;
  metric: string | null;
  definition: string | null;
  definitionEn: string | null;
}

/** The tree's nodes in its order, each with its parent: the rows of one version. */
function nodeRows(tree: IndicatorTree): NodeRow[] {
  const rows: NodeRow[] = [];
  const base = (node: IndicatorCategory | IndicatorGroup | IndicatorLeaf, parentCode: string | null): NodeRow => ({
    code: node.code,
    level: node.level,
    parentCode,
    position: rows.length,
    name: node.name,
    nameEn: node.nameEn,
    weight: node.weight,
    unit: null,
    direction: null,
    target: null,
    worst: null,
    responsibleUnit: null,
    sourceKind: null,
    metric: null,
    definition: null,
    definitionEn: null,
  });
  for (const category of tree.categories) {
    rows.push(base(category, null));
    for (const group of category.children) {
      rows.push(base(group, category.code));
      for (const leaf of group.children) {
        rows.push({
          ...base(leaf, group.code),
          unit: leaf.unit,
          direction: leaf.direction,
          target: leaf.target,
          worst: leaf.worst,
          responsibleUnit: leaf.responsibleUnit,
          sourceKind: leaf.source.kind,
          metric: leaf.source.kind === 'computed' ? leaf.source.metric : null,
          definition: leaf.definition,
          definitionEn: leaf.definitionEn,
        });
      }
    }
  }
  return rows;
}

/**
 * Writes `tree` as `version`: one statement for the version and one for all its nodes. A version
 * that exists already is left as it is (false): two instances seeding at once write it once.
 */
export async function insertTreeVersion(
  tx: Sql,
  version: number,
  tree: IndicatorTree,
  savedBy: string,
  savedAt: Date,
): Promise<boolean> {
  const claimed = await tx.query(
    `INSERT INTO indicator_tree_versions (version, responsible_units, saved_by, saved_at) VALUES ($1, $2::jsonb, $3, $4)
     ON CONFLICT (version) DO NOTHING RETURNING version`,
    [version, JSON.stringify(tree.responsibleUnits), savedBy, savedAt.toISOString()],
  );
  if (claimed.length === 0) return false;
  await tx.query(
    `INSERT INTO indicator_nodes (tree_version, code, level, parent_code, position, name, name_en, weight, unit, direction,
       target, worst, responsible_unit, source_kind, metric, definition, definition_en)
     SELECT $1, n."code", n."level", n."parentCode", n."position", n."name", n."nameEn", n."weight", n."unit",
       n."direction", n."target", n."worst", n."responsibleUnit", n."sourceKind", n."metric", n."definition", n."definitionEn"
     FROM jsonb_to_recordset($2::jsonb) AS n("code" text, "level" smallint, "parentCode" text, "position" integer,
       "name" text, "nameEn" text, "weight" double precision, "unit" text, "direction" text, "target" double precision,
       "worst" double precision, "responsibleUnit" text, "sourceKind" text, "metric" text, "definition" text,
       "definitionEn" text)`,
    [version, JSON.stringify(nodeRows(tree))],
  );
  return true;
}

interface LooseNode {
  [field: string]: unknown;
  children: LooseNode[];
}

/**
 * The tree the rows of one version make, in their order, as plain data: the service parses it
 * with IndicatorTree, so a row the schema would refuse is an error, never a tree taken on trust.
 */
function treeOf(units: unknown, rows: readonly NodeRow[]): unknown {
  const categories: LooseNode[] = [];
  const groups = new Map<string, LooseNode>();
  for (const row of rows) {
    const common = { code: row.code, level: row.level, name: row.name, nameEn: row.nameEn, weight: row.weight };
    if (row.level === 1) {
      categories.push({ ...common, children: [] });
    } else if (row.level === 2) {
      const group: LooseNode = { ...common, children: [] };
      groups.set(row.code, group);
      categories.find((c) => c.code === row.parentCode)?.children.push(group);
    } else {
      groups.get(row.parentCode ?? '')?.children.push({
        ...common,
        unit: row.unit,
        direction: row.direction,
        target: row.target,
        worst: row.worst,
        responsibleUnit: row.responsibleUnit,
        source: row.sourceKind === 'computed' ? { kind: 'computed', metric: row.metric } : { kind: 'entered' },
        definition: row.definition,
        definitionEn: row.definitionEn,
        children: [],
      });
    }
  }
  // Leaves have no children in the schema (strict objects): drop the field the builder needed.
  const strip = (node: LooseNode): Record<string, unknown> => {
    const { children, ...fields } = node;
    return node.level === 3 ? fields : { ...fields, children: children.map(strip) };
  };
  return { responsibleUnits: units, categories: categories.map(strip) };
}

const NODE_COLUMNS = `code, level, parent_code AS "parentCode", position, name, name_en AS "nameEn", weight, unit, direction,
  target, worst, responsible_unit AS "responsibleUnit", source_kind AS "sourceKind", metric, definition,
  definition_en AS "definitionEn"`;

/** Which version is the newest, who saved it and when; none before the first save. */
export async function readNewestTreeHead(sql: Sql): Promise<Omit<TreeVersionRow, 'tree'> | undefined> {
  const [head] = await sql.query<Omit<TreeVersionRow, 'tree'>>(
    `SELECT version, saved_by AS "savedBy", saved_at AS "savedAt" FROM indicator_tree_versions ORDER BY version DESC LIMIT 1`,
  );
  return head;
}

/** A version of the tree (the newest without one); none before the first save. */
export async function readTreeVersion(sql: Sql, version?: number): Promise<TreeVersionRow | undefined> {
  const [head] = await sql.query<{ version: number; savedBy: string; savedAt: Date; units: unknown }>(
    `SELECT version, saved_by AS "savedBy", saved_at AS "savedAt", responsible_units AS units FROM indicator_tree_versions
     ${version === undefined ? 'ORDER BY version DESC LIMIT 1' : 'WHERE version = $1'}`,
    version === undefined ? [] : [version],
  );
  if (head === undefined) return undefined;
  const rows = await sql.query<NodeRow>(`SELECT ${NODE_COLUMNS} FROM indicator_nodes WHERE tree_version = $1 ORDER BY position`, [
    head.version,
  ]);
  return { version: head.version, savedBy: head.savedBy, savedAt: head.savedAt, tree: treeOf(head.units, rows) };
}

/** The newest version's number, locked until the transaction ends: two saves at once get n+1 and n+2. */
export async function lockNewestTreeVersion(tx: Sql): Promise<number | undefined> {
  const [row] = await tx.query<{ version: number }>(
    'SELECT version FROM indicator_tree_versions ORDER BY version DESC LIMIT 1 FOR UPDATE',
  );
  return row?.version;
}
