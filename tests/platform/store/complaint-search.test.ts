import { expect, it } from 'vitest';
import type { Sql } from '../../../platform/db/sql';
import { searchComplaints, type ComplaintFilter } from '../../../platform/store/complaint-search';
import { describeEachDatabase } from '../support/each-database';

/** Every node of an EXPLAIN (FORMAT JSON) plan, depth first. */
interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}
const nodesOf = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodesOf)];

/**
 * The console's work list over 100,000 complaints, as the case search over a million cases
 * (store/case-search.test.ts): with table and bitmap scans made to cost everything, each filter's
 * page must be an index scan in the list's order with no Sort above it (migration 006).
 */
describeEachDatabase('platform/store: the complaint work list reads one index range per page', (database) => {
  async function planOf(filter: ComplaintFilter): Promise<PlanNode[]> {
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
      await searchComplaints(explaining, filter, 21);
      if (plan === undefined) throw new Error('no plan');
      return nodesOf(plan);
    });
  }

  const lists: Array<[string, ComplaintFilter, string]> = [
    ['no filter', {}, 'complaints_newest'],
    ['a state', { state: 'under_review' }, 'complaints_by_state'],
    ['a channel', { channel: 'hotline' }, 'complaints_by_channel'],
    ['a state, a later page', { state: 'registered', after: 'HK20261127000042' }, 'complaints_by_state'],
  ];

  for (const [name, filter, index] of lists) {
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

  it('a unit, as lead or co-unit: read in the list’s order, no sort', async () => {
    const types = (await planOf({ unit: 'tax' })).map((n) => n['Node Type']);
    expect(types).not.toContain('Sort');
  });
});
