import { expect } from 'vitest';
import type { Sql } from '../../../platform/db/sql';

/** A node of an EXPLAIN (FORMAT JSON) plan. */
export interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

/** Every node of a plan, depth first. */
const nodesOf = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodesOf)];

/**
 * The plan of the one query `search` sends through the `Sql` it is given, every node depth
 * first. Whether the planner takes an index depends on statistics; whether the index it could
 * take delivers the order without a sort does not. So table scans and bitmap scans are made to
 * cost everything (for this transaction only), and the query is explained, not run.
 */
export function planOf(sql: Sql, search: (explaining: Sql) => Promise<unknown>): Promise<PlanNode[]> {
  return sql.transaction(async (tx) => {
    await tx.query('SET LOCAL enable_seqscan = off');
    await tx.query('SET LOCAL enable_bitmapscan = off');
    let plan: PlanNode | undefined;
    const explaining: Sql = {
      ...tx,
      query: async <R>(text: string, params?: readonly unknown[]): Promise<R[]> => {
        const [row] = await tx.query<{ 'QUERY PLAN': [{ Plan: PlanNode }] | string }>(`EXPLAIN (FORMAT JSON) ${text}`, params);
        const raw = row?.['QUERY PLAN'];
        // node-postgres parses the json column; PGlite may hand it over as text.
        const parsed: [{ Plan: PlanNode }] | undefined = typeof raw === 'string' ? JSON.parse(raw) : raw;
        plan = parsed?.[0].Plan;
        return [];
      },
    };
    await search(explaining);
    if (plan === undefined) throw new Error('no plan');
    return nodesOf(plan);
  });
}

/** No sort of any kind in the plan: the rows come in the order asked for. */
export function expectNoSort(nodes: readonly PlanNode[]): void {
  const types = nodes.map((n) => n['Node Type']);
  expect(types, JSON.stringify(nodes)).not.toContain('Sort');
  expect(types).not.toContain('Incremental Sort');
}

/** One index range in the order asked for: an index scan of `index`, no sort above it. */
export function expectIndexRange(nodes: readonly PlanNode[], index: string): void {
  expectNoSort(nodes);
  expect(
    nodes.some((n) => n['Node Type'] === 'Index Scan' && n['Index Name'] === index),
    JSON.stringify(nodes),
  ).toBe(true);
}
