import { it } from 'vitest';
import { searchCases, type CaseFilter } from '../../../platform/store/case-search';
import { describeEachDatabase } from '../support/each-database';
import { expectIndexRange, planOf } from '../support/query-plan';

/**
 * With a million cases a page of the console's search must be one index range read from the
 * cursor, never a sort of every match (p95 ≤ 200 ms in the bench). Whether the planner
 * takes an index depends on statistics; whether the index it could take delivers the order
 * without a sort does not. So the planner is told that table scans and bitmap scans cost
 * everything, and each filter's plan must then be an index scan with no Sort above it: the
 * migration has an index for that filter in the search's order.
 */
describeEachDatabase('platform/store: the case search reads one index range per page', (database) => {
  const planOfSearch = (filter: CaseFilter) => planOf(database().sql, (explaining) => searchCases(explaining, filter, 21));

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
      expectIndexRange(await planOfSearch(filter), index);
    });
  }
});
