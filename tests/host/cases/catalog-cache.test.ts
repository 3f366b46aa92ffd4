import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../db/open';
import { readCatalogCache } from '../../../db/repositories/cases';
import { CatalogCache } from '../../../host/cases/catalog-cache';
import type { CatalogSource } from '../../../host/cases/catalog-cache';
import { CentralExtrasClient } from '../../../host/cases/central-extras';
import { defaultCatalogItems } from '../../../host/cases/default-catalog';
import { adminAuth } from '../../platform/support/platform';
import { listenCentral, ManualClock, openHallDb, tempDir, token } from '../sync/support';
import type { ListeningApi, TempDir } from '../sync/support';
import { unreachable } from './support';

let tmp: TempDir;
let central: ListeningApi | undefined;
let db: Db;
let clock: ManualClock;

beforeEach(() => {
  tmp = tempDir('cases-catalog-');
  db = openHallDb(join(tmp.dir, 'hall.sqlite'));
  clock = new ManualClock();
});
afterEach(async () => {
  if (db.open) db.close();
  await central?.close();
  central = undefined;
  tmp.cleanup();
});

/** Counts the requests and their answers, around the real client. */
function counting(source: CatalogSource): CatalogSource & { statuses: number[]; sentEtags: (string | null)[] } {
  const statuses: number[] = [];
  const sentEtags: (string | null)[] = [];
  return {
    statuses,
    sentEtags,
    async catalog(etag) {
      sentEtags.push(etag);
      const reply = await source.catalog(etag);
      statuses.push(reply.ok ? reply.status : -1);
      return reply;
    },
  };
}

async function liveSource(): Promise<CentralExtrasClient> {
  central = await listenCentral();
  return new CentralExtrasClient({ baseUrl: central.baseUrl, token, timeoutMs: 5_000 });
}

describe('CatalogCache', () => {
  it('serves the built-in catalog when it never reached the central API', async () => {
    const cache = new CatalogCache({ db, source: unreachable, clock });
    expect(await cache.refresh()).toMatchObject({ outcome: 'unreachable' });
    const view = cache.view();
    expect(view).toMatchObject({ source: 'builtin', version: 0, fetchedAt: null });
    expect(view.items.map((i) => i.code)).toEqual(defaultCatalogItems.map((i) => i.code));
    expect(cache.item('QY-KB-001')?.bundle).toHaveLength(4);
  });

  it('fetches, caches, then revalidates with If-None-Match and gets a 304', async () => {
    const source = counting(await liveSource());
    const cache = new CatalogCache({ db, source, clock });
    expect(await cache.refresh()).toEqual({ outcome: 'updated' });
    expect(cache.view()).toMatchObject({ source: 'central', version: 1 });
    const stored = readCatalogCache(db);
    expect(stored?.etag).toMatch(/.+/);

    expect(await cache.refresh()).toEqual({ outcome: 'not-modified' });
    expect(source.statuses).toEqual([200, 304]);
    expect(source.sentEtags).toEqual([null, stored?.etag]);

    // A new cache object (a restart) revalidates with the stored ETag too.
    const restarted = new CatalogCache({ db, source, clock });
    expect(restarted.view().source).toBe('cache');
    expect(await restarted.refresh()).toEqual({ outcome: 'not-modified' });
    expect(source.statuses).toEqual([200, 304, 304]);
  });

  it('picks up a replaced catalog (new ETag) and keeps serving it offline', async () => {
    const source = await liveSource();
    const cache = new CatalogCache({ db, source, clock });
    await cache.refresh();
    const item = defaultCatalogItems[1];
    if (!item || !central) throw new Error('fixture');
    const replaced = await fetch(`${central.baseUrl}/v1/admin/catalog`, {
      method: 'PUT',
      headers: { ...adminAuth, 'content-type': 'application/json' },
      body: JSON.stringify({ items: [{ ...item, name: '居住证办理（新）' }] }),
    });
    expect(replaced.status).toBe(200);
    expect(await cache.refresh()).toEqual({ outcome: 'updated' });
    expect(cache.view()).toMatchObject({ version: 2, items: [{ name: '居住证办理（新）' }] });

    await central.close();
    central = undefined;
    expect(await cache.refresh()).toMatchObject({ outcome: 'unreachable' });
    expect(cache.view()).toMatchObject({ source: 'cache', version: 2 });

    // After a restart with the central API still down: the cached copy, not the built-in one.
    const offline = new CatalogCache({ db, source, clock });
    expect(await offline.refresh()).toMatchObject({ outcome: 'unreachable' });
    expect(offline.view()).toMatchObject({ source: 'cache', version: 2, items: [{ code: item.code }] });
    expect(offline.item('QY-KB-001')).toBeUndefined();
  });
});
