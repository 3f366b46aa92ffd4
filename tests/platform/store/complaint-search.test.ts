import { it } from 'vitest';
import { searchComplaints, type ComplaintFilter } from '../../../platform/store/complaint-search';
import { describeEachDatabase } from '../support/each-database';
import { expectIndexRange, expectNoSort, planOf } from '../support/query-plan';

/**
 * The console's work list over 100,000 complaints, as the case search over a million cases
 * (store/case-search.test.ts): with table and bitmap scans made to cost everything, each filter's
 * page must be an index scan in the list's order with no Sort above it (migration 006).
 */
describeEachDatabase('platform/store: the complaint work list reads one index range per page', (database) => {
  const planOfSearch = (filter: ComplaintFilter) =>
    planOf(database().sql, (explaining) => searchComplaints(explaining, filter, 21));

  const lists: Array<[string, ComplaintFilter, string]> = [
    ['no filter', {}, 'complaints_newest'],
    ['a state', { state: 'under_review' }, 'complaints_by_state'],
    ['a channel', { channel: 'hotline' }, 'complaints_by_channel'],
    ['a state, a later page', { state: 'registered', after: 'HK20261127000042' }, 'complaints_by_state'],
  ];

  for (const [name, filter, index] of lists) {
    it(`${name}: an index scan of ${index}, no sort`, async () => {
      expectIndexRange(await planOfSearch(filter), index);
    });
  }

  it('a unit, as lead or co-unit: read in the list’s order, no sort', async () => {
    expectNoSort(await planOfSearch({ unit: 'tax' }));
  });
});
