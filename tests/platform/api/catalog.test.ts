import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CatalogItem } from '../../../contracts/central-api';
import { CatalogResponse, CentralErrorBody } from '../../../contracts/central-api';
import { matchesIfNoneMatch } from '../../../platform/services/catalog-service';
import type { Platform } from '../../../platform/server';
import { listenOnPort } from '../support/samples';
import { TERMINAL_TOKEN, adminAuth, startApi, terminalAuth } from '../support/platform';
import { describeEachDatabase } from '../support/each-database';

describeEachDatabase('platform: catalog', (database) => {
  let api: Platform;

  beforeEach(async () => {
    api = await startApi(database());
  });
  afterEach(async () => {
    await api.close();
  });

  const get = (headers: Record<string, string> = {}) =>
    api.app.inject({ method: 'GET', url: '/v1/catalog', headers: { ...terminalAuth, ...headers } });

  it("is seeded with the district's items: the startup bundle, livelihood items and business complaints", async () => {
    const res = await get();
    expect(res.statusCode).toBe(200);
    const catalog = CatalogResponse.parse(res.json());
    expect(catalog.version).toBe(1);

    const bundle = catalog.items.find((i) => i.category === 'startup-bundle');
    expect(bundle?.promisedWorkingDays).toBe(1);
    expect(bundle?.bundle?.map((p) => p.name)).toEqual(['营业执照', '印章刻制', '银行开户', '税务登记及发票申领']);

    const livelihood = catalog.items.filter((i) => i.category === 'livelihood').map((i) => i.name);
    expect(livelihood).toEqual(expect.arrayContaining(['居住证办理', '残疾人证补换', '生育登记']));
    expect(livelihood.length).toBeGreaterThanOrEqual(5);

    const complaint = catalog.items.find((i) => i.category === 'complaint');
    expect(complaint?.stages).toEqual(['accepted', 'in_progress', 'completed']);
    expect(complaint?.promisedWorkingDays).toBeGreaterThan(0);

    // 零填表: identity fields come from the ID card.
    const prefilled = catalog.items.flatMap((i) => i.formFields.map((f) => f.prefill)).filter((p) => p !== undefined);
    expect(new Set(prefilled)).toEqual(new Set(['name', 'idNumber', 'address', 'birthDate', 'gender']));
  });

  it('sends a strong ETag and answers If-None-Match with 304 and no body', async () => {
    const first = await get();
    const etag = first.headers.etag;
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    expect((await get()).headers.etag).toBe(etag);

    const notModified = await get({ 'if-none-match': String(etag) });
    expect(notModified.statusCode).toBe(304);
    expect(notModified.body).toBe('');
    expect(notModified.headers.etag).toBe(etag);

    expect((await get({ 'if-none-match': '"something-else"' })).statusCode).toBe(200);
    expect((await get({ 'if-none-match': `"x", W/${String(etag)}` })).statusCode).toBe(304);
  });

  it('lets the operator replace the catalog, which bumps version and ETag', async () => {
    const before = await get();
    const item: CatalogItem = {
      code: 'MS-TEST-001',
      name: '测试事项',
      category: 'other',
      formFields: [{ key: 'name', label: '姓名', type: 'text', required: true, prefill: 'name' }],
      materials: [{ code: 'id-card', name: '居民身份证', required: true }],
      promisedWorkingDays: 3,
    };
    const put = await api.app.inject({ method: 'PUT', url: '/v1/admin/catalog', headers: adminAuth, payload: { items: [item] } });
    expect(put.statusCode).toBe(200);
    expect(CatalogResponse.parse(put.json()).version).toBe(2);

    const stale = await get({ 'if-none-match': String(before.headers.etag) });
    expect(stale.statusCode).toBe(200);
    expect(stale.headers.etag).not.toBe(before.headers.etag);
    expect(CatalogResponse.parse(stale.json()).items).toEqual([item]);

    // Same items again: still a new version, so still a new ETag.
    const again = await api.app.inject({
      method: 'PUT',
      url: '/v1/admin/catalog',
      headers: adminAuth,
      payload: { items: [item] },
    });
    expect(again.headers.etag).not.toBe(stale.headers.etag);
  });

  it('refuses a catalog with duplicate codes or bad fields, and a terminal token', async () => {
    const item = { code: 'A', name: 'a', category: 'other', formFields: [], materials: [], promisedWorkingDays: 1 };
    const dup = await api.app.inject({
      method: 'PUT',
      url: '/v1/admin/catalog',
      headers: adminAuth,
      payload: { items: [item, item] },
    });
    expect(dup.statusCode).toBe(400);
    expect(CentralErrorBody.parse(dup.json()).error.code).toBe('invalid_request');

    const badField = { ...item, formFields: [{ key: 'x', label: 'x', type: 'checkbox', required: true }] };
    const bad = await api.app.inject({
      method: 'PUT',
      url: '/v1/admin/catalog',
      headers: adminAuth,
      payload: { items: [badField] },
    });
    expect(bad.statusCode).toBe(400);

    const asTerminal = await api.app.inject({
      method: 'PUT',
      url: '/v1/admin/catalog',
      headers: terminalAuth,
      payload: { items: [item] },
    });
    expect(asTerminal.statusCode).toBe(401);
    expect((await api.app.inject({ method: 'GET', url: '/v1/catalog' })).statusCode).toBe(401);
  });

  it('keeps the replaced catalog across a restart', async () => {
    const item = { code: 'A', name: 'a', category: 'other', formFields: [], materials: [], promisedWorkingDays: 1 };
    await api.app.inject({ method: 'PUT', url: '/v1/admin/catalog', headers: adminAuth, payload: { items: [item] } });
    const etag = (await get()).headers.etag;
    await api.close();
    api = await startApi(database());
    const after = await get();
    expect(after.headers.etag).toBe(etag);
    expect(CatalogResponse.parse(after.json()).version).toBe(2);
  });

  it('revalidates over a real socket', async () => {
    const url = `${await listenOnPort(api)}/v1/catalog`;
    const auth = { authorization: `Bearer ${TERMINAL_TOKEN}` };
    const first = await fetch(url, { headers: auth });
    expect(first.status).toBe(200);
    CatalogResponse.parse(await first.json());
    const etag = first.headers.get('etag') ?? '';
    const second = await fetch(url, { headers: { ...auth, 'if-none-match': etag } });
    expect(second.status).toBe(304);
    expect(await second.text()).toBe('');
  });
});

describe('If-None-Match', () => {
  it('matches lists, weak forms and *', () => {
    expect(matchesIfNoneMatch(undefined, '"a"')).toBe(false);
    expect(matchesIfNoneMatch('"a"', '"a"')).toBe(true);
    expect(matchesIfNoneMatch('"b", "a"', '"a"')).toBe(true);
    expect(matchesIfNoneMatch('W/"a"', '"a"')).toBe(true);
    expect(matchesIfNoneMatch('*', '"a"')).toBe(true);
    expect(matchesIfNoneMatch('"ab"', '"a"')).toBe(false);
  });
});
