import { describe, expect, it } from 'vitest';
import { itemsForHall } from '../../contracts/catalog-scope';
import type { CatalogItem, HandledAt } from '../../contracts/central-api';
import { DISTRICT_CATALOG } from '../../contracts/district-catalog';
import { HALL_CATALOG } from '../../contracts/hall-catalog';

const item = (code: string, handledAt?: HandledAt) => (handledAt ? { code, handledAt } : { code });
const items = [
  item('enterprise', 'district-centre'),
  item('own-community', 'community-centre'),
  item('anywhere', 'anywhere'),
  item('older-catalog'),
];
const codes = (list: readonly { code: string }[]) => list.map((i) => i.code);

describe('itemsForHall', () => {
  it("a community centre offers its residents' items, the 全域通办 items and items that name no place, not enterprise matters", () => {
    expect(codes(itemsForHall(items, 'community-centre'))).toEqual(['own-community', 'anywhere', 'older-catalog']);
  });

  it('the district centre offers enterprise matters and the 全域通办 items, not what belongs to a residence community', () => {
    expect(codes(itemsForHall(items, 'district-centre'))).toEqual(['enterprise', 'anywhere', 'older-catalog']);
  });

  it("of the district's catalog, a community centre offers the 41 全域通办 items and neither enterprise matter", () => {
    const offered = itemsForHall(DISTRICT_CATALOG, 'community-centre');
    expect(offered).toHaveLength(41);
    expect(offered.every((i) => i.category === 'livelihood')).toBe(true);
    expect(codes(itemsForHall(DISTRICT_CATALOG, 'district-centre'))).toEqual(codes(DISTRICT_CATALOG));
  });

  it('a catalog without handledAt (an older central API) is offered whole at either level, in its order', () => {
    const older = HALL_CATALOG.map((item) => {
      const copy: CatalogItem = { ...item };
      delete copy.handledAt;
      return copy;
    });
    expect(older.some((i) => 'handledAt' in i)).toBe(false);
    expect(itemsForHall(older, 'community-centre')).toEqual(older);
    expect(itemsForHall(older, 'district-centre')).toEqual(older);
  });
});
