import { afterEach, beforeEach, expect, it } from 'vitest';
import { CatalogResponse, type CatalogItem } from '../../../contracts/central-api';
import { ConsoleCatalog, ConsoleErrorBody } from '../../../contracts/platform-console';
import type { Platform } from '../../../platform/server';
import { sessionOf } from '../support/console';
import { describeEachDatabase } from '../support/each-database';
import { startApi, terminalAuth } from '../support/platform';

describeEachDatabase('platform console: the catalog editor', (database) => {
  let api: Platform;
  let admin: { authorization: string };

  beforeEach(async () => {
    api = await startApi(database());
    admin = await sessionOf(api, database(), 'district-admin');
  });
  afterEach(async () => {
    await api.close();
  });

  const view = async () =>
    ConsoleCatalog.parse((await api.app.inject({ method: 'GET', url: '/v1/console/catalog', headers: admin })).json());
  const hallCatalog = async () => {
    const res = await api.app.inject({ method: 'GET', url: '/v1/catalog', headers: terminalAuth });
    return { etag: res.headers.etag, body: CatalogResponse.parse(res.json()) };
  };
  const newItem = (code: string): CatalogItem => ({
    code,
    name: '新增事项',
    nameEn: 'A new item',
    category: 'livelihood',
    handledAt: 'anywhere',
    formFields: [],
    materials: [],
    promisedWorkingDays: 3,
  });
  const codeOf = (res: { json(): unknown }) => ConsoleErrorBody.parse(res.json()).error.code;

  it('adds, changes and retires items; each bumps the version and the ETag the halls poll', async () => {
    const first = await view();
    const before = await hallCatalog();
    // A hall polls its level's part (its own ETag, catalog-scope.ts) of the version the console edits.
    expect(before.body.version).toBe(first.version);

    const added = await api.app.inject({
      method: 'POST',
      url: '/v1/console/catalog/items',
      headers: admin,
      payload: { expectedVersion: first.version, item: newItem('QYTB-900') },
    });
    expect(added.statusCode).toBe(201);
    expect(CatalogResponse.parse(added.json()).version).toBe(first.version + 1);
    const afterAdd = await hallCatalog();
    expect(afterAdd.etag).not.toBe(before.etag);
    expect(afterAdd.body.items.map((i) => i.code)).toContain('QYTB-900');

    const changed = await api.app.inject({
      method: 'PUT',
      url: '/v1/console/catalog/items/QYTB-900',
      headers: admin,
      payload: { expectedVersion: first.version + 1, item: { ...newItem('OTHER'), name: '改名事项', promisedWorkingDays: 1 } },
    });
    expect(changed.statusCode).toBe(200);
    const item = CatalogResponse.parse(changed.json()).items.find((i) => i.code === 'QYTB-900');
    expect(item).toMatchObject({ name: '改名事项', promisedWorkingDays: 1 });

    const retired = await api.app.inject({
      method: 'POST',
      url: '/v1/console/catalog/items/QYTB-900/retire',
      headers: admin,
      payload: { expectedVersion: first.version + 2 },
    });
    expect(retired.statusCode).toBe(200);
    expect((await hallCatalog()).body.items.map((i) => i.code)).not.toContain('QYTB-900');
    const after = await view();
    expect(after.version).toBe(first.version + 3);
    expect(after.retired.map((r) => r.item.code)).toEqual(['QYTB-900']);

    // Added back: no longer retired.
    await api.app.inject({
      method: 'POST',
      url: '/v1/console/catalog/items',
      headers: admin,
      payload: { expectedVersion: after.version, item: newItem('QYTB-900') },
    });
    expect((await view()).retired).toEqual([]);
  });

  it('refuses an edit made on a stale version, a duplicate code and an unknown one', async () => {
    const { version, items } = await view();
    const code = items[0]?.code ?? '';
    const stale = await api.app.inject({
      method: 'POST',
      url: '/v1/console/catalog/items',
      headers: admin,
      payload: { expectedVersion: version - 1 || 99, item: newItem('QYTB-901') },
    });
    expect(stale.statusCode).toBe(409);
    expect(codeOf(stale)).toBe('catalog_changed');
    const duplicate = await api.app.inject({
      method: 'POST',
      url: '/v1/console/catalog/items',
      headers: admin,
      payload: { expectedVersion: version, item: newItem(code) },
    });
    expect(codeOf(duplicate)).toBe('item_exists');
    const unknown = await api.app.inject({
      method: 'POST',
      url: '/v1/console/catalog/items/NOPE/retire',
      headers: admin,
      payload: { expectedVersion: version },
    });
    expect(unknown.statusCode).toBe(404);
    expect((await view()).version).toBe(version);
  });

  it('leaves the catalog to the district admin: operators and viewers read it only', async () => {
    const { version } = await view();
    for (const role of ['district-operator', 'viewer'] as const) {
      const headers = await sessionOf(api, database(), role);
      expect((await api.app.inject({ method: 'GET', url: '/v1/console/catalog', headers })).statusCode).toBe(200);
      const res = await api.app.inject({
        method: 'POST',
        url: '/v1/console/catalog/items',
        headers,
        payload: { expectedVersion: version, item: newItem('QYTB-902') },
      });
      expect(res.statusCode).toBe(403);
    }
  });
});
