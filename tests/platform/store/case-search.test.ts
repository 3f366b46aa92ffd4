import { expect, it } from 'vitest';
import type { Sql } from '../../../platform/db/sql';
import { searchCases, type CaseFilter } from '../../../platform/store/case-search';
import { describeEachDatabase } from '../support/each-database';

/** Every node of an EXPLAIN (FORMAT JSON) plan, depth first. */
interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}
const nodesOf = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodesOf)];

/**
 * With a million cases a page of the console's search must be one index range read from the
 * cursor, never a sort of every match (p95 ≤ 200 ms in the bench). Whether the planner
 * takes an index depends on statistics; whether the index it could take delivers the order
 * without a sort does not. So the planner is told that table scans and bitmap scans cost
 * everything, and each filter's plan must then be an index scan with no Sort above it: the
 * migration has an index for that filter in the search's order.
 */
describeEachDatabase('platform/store: the case search reads one index range per page', (database) => {
  async function planOf(filter: CaseFilter): Promise<PlanNode[]> {
    return database().sql.transaction(async (tx) => {
      await tx.query('SET LOCAL enable_seqscan = off');
      await tx.query('SET LOCAL enable_bitmapscan = off');
      let plan: PlanNode | undefined;
      const explaining: Sql = {
        ...tx,
        query: async <R>(text: string, params?: readonly unknown[]): Promise<R[]> => {
          const [row] = await tx.query<{ 'QUERY PLAN': [{ Plan: PlanNode }] | string }>(`EXPLAIN (FORMAT JSON) ${text}`, params);
          const raw = row?.['QUERY PLAN'];
          const parsed: [{ Plan: PlanNode }] | undefined = typeof raw === 'string' ? JSON.parse(raw) : raw;
          plan = parsed?.[0].Plan;
          return [];
        },
      };
      await searchCases(explaining, filter, 21);
      if (plan === undefined) throw new Error('no plan');
      return nodesOf(plan);
    });
  }

  const cases: Array<[string, CaseFilter, string]> = [
    ['no filter', {}, 'cases_newest'],
    [
      'a date range',
      { receivedFrom: new Date('2026-11-01T00:00:00+08:00'), receivedBefore: new Date('2026-12-01T00:00:00+08:00') },
      'cases_newest',
    ],
    ['a hall', { hallId: 'hall-a' }, 'cases_by_hall_newest'],
    ['a status', { status: 'needs_materials' }, 'cases_by_status_newest'],
    ['an item', { itemCode: 'GA-001' }, 'cases_by_item_newest'],
    ['a hall, a later page', { hallId: 'hall-a', after: 'HK20261127000042' }, 'cases_by_hall_newest'],
  ];

  for (const [name, filter, index] of cases) {
    it(`${name}: an index scan of ${index}, no sort`, async () => {
      const nodes = await planOf(filter);
      const types = nodes.map((n) => n['Node Type']);
      expect(types, JSON.stringify(nodes)).not.toContain('Sort');
      expect(types).not.toContain('Incremental Sort');
      expect(
        nodes.some((n) => n['Node Type'] === 'Index Scan' && n['Index Name'] === index),
        JSON.stringify(nodes),
      ).toBe(true);
    });
  }
});
