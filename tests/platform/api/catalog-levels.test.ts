import { afterEach, beforeEach, expect, it } from 'vitest';
import type { CatalogItem } from '../../../contracts/central-api';
import { CatalogResponse } from '../../../contracts/central-api';
import { DISTRICT_CATALOG, DISTRICT_CENTRE_ITEMS, QUANYU_TONGBAN_ITEMS } from '../../../contracts/district-catalog';
import { platformHallOperations as ops } from '../../../contracts/platform-halls';
import type { Platform } from '../../../platform/server';
import { adminAuth, startApi, terminalAuth } from '../support/platform';
import { describeEachDatabase } from '../support/each-database';
import { callOperation, hallAuth } from '../support/halls';

const codes = (items: readonly CatalogItem[]) => items.map((i) => i.code);

/** Issue 20, point 4: each hall is served the part of the district's one catalog its level offers. */
describeEachDatabase('platform: the catalog per hall level', (database) => {
  let api: Platform;
  /** hall-01, the district centre (the dev token's hall), and hall-02, a community centre. */
  let district: Record<string, string>;
  let community: Record<string, string>;

  beforeEach(async () => {
    api = await startApi(database());
    district = await hallAuth(api, 'hall-01');
    community = await hallAuth(api, 'hall-02');
  });
  afterEach(async () => {
    await api.close();
  });

  const get = (auth: Record<string, string>, etag?: string) =>
    api.app.inject({
      method: 'GET',
      url: '/v1/catalog',
      headers: { ...auth, ...(etag === undefined ? {} : { 'if-none-match': etag }) },
    });
  const itemsOf = async (auth: Record<string, string>) => CatalogResponse.parse((await get(auth)).json()).items;
  const replace = (items: readonly CatalogItem[]) =>
    api.app.inject({ method: 'PUT', url: '/v1/admin/catalog', headers: adminAuth, payload: { items } });

  it('serves a community centre the 41 全域通办 items and none of the district centre’s enterprise matters', async () => {
    const items = await itemsOf(community);
    expect(items).toHaveLength(41);
    expect(codes(items)).toEqual(codes(QUANYU_TONGBAN_ITEMS));
    expect(items.every((i) => i.handledAt === 'anywhere')).toBe(true);
    for (const code of codes(DISTRICT_CENTRE_ITEMS)) expect(codes(items)).not.toContain(code);
  });

  it('serves the district centre its enterprise matters and the 全域通办 items: the seeded district catalog', async () => {
    const items = await itemsOf(district);
    expect(codes(items)).toEqual(codes(DISTRICT_CATALOG));
    expect(codes(items)).toEqual(expect.arrayContaining(['QY-KB-001', 'YS-SQ-001']));
    expect(items.find((i) => i.code === 'QY-KB-001')?.category).toBe('startup-bundle');
    // The dev token is the district centre's, so the demo kiosk offers all of them.
    expect(codes(await itemsOf(terminalAuth))).toEqual(codes(items));
  });

  it('gives each level its own ETag, answered 304 by that level only', async () => {
    const districtEtag = String((await get(district)).headers.etag);
    const communityEtag = String((await get(community)).headers.etag);
    expect(districtEtag).toMatch(/^"[0-9a-f]{32}"$/);
    expect(communityEtag).toMatch(/^"[0-9a-f]{32}"$/);
    expect(districtEtag).not.toBe(communityEtag);

    expect((await get(district, districtEtag)).statusCode).toBe(304);
    expect((await get(community, communityEtag)).statusCode).toBe(304);
    // Two halls of one level share it: the ETag is the level's, not the credential's.
    expect((await get(await hallAuth(api, 'hall-03'), communityEtag)).statusCode).toBe(304);
    // A cached catalog of the other level is never kept.
    expect((await get(district, communityEtag)).statusCode).toBe(200);
    expect((await get(community, districtEtag)).statusCode).toBe(200);
  });

  it('applies the rule to a replaced catalog: a community-only item reaches community centres, and every ETag changes', async () => {
    const before = [String((await get(district)).headers.etag), String((await get(community)).headers.etag)];
    const [enterprise] = DISTRICT_CENTRE_ITEMS;
    const [anywhere] = QUANYU_TONGBAN_ITEMS;
    if (enterprise === undefined || anywhere === undefined) throw new Error('the district catalog has both kinds');
    const residence: CatalogItem = { ...anywhere, code: 'SQ-TEST-001', name: '社区居住证明', handledAt: 'community-centre' };
    const legacy: CatalogItem = { ...anywhere, code: 'OLD-001', name: '未标注办理层级的事项', handledAt: undefined };
    expect((await replace([enterprise, anywhere, residence, legacy])).statusCode).toBe(200);

    expect(codes(await itemsOf(district))).toEqual([enterprise.code, anywhere.code, 'OLD-001']);
    expect(codes(await itemsOf(community))).toEqual([anywhere.code, 'SQ-TEST-001', 'OLD-001']);
    expect((await get(district, before[0])).statusCode).toBe(200);
    expect((await get(community, before[1])).statusCode).toBe(200);
  });

  it("follows the hall's level: a community centre registered as the district centre gets the district's catalog", async () => {
    const etag = String((await get(community)).headers.etag);
    const changed = await callOperation(api, ops.updateHall, {
      params: { hallId: 'hall-02' },
      body: { level: 'district-centre' },
    });
    expect(changed.statusCode).toBe(200);
    expect((await get(community, etag)).statusCode).toBe(200);
    expect(codes(await itemsOf(community))).toEqual(codes(DISTRICT_CATALOG));
  });
});
