import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CasePagesView } from '../../../contracts/central-pages';
import type { Db } from '../../../db/open';
import { counts, failedEntries, markPermanent } from '../../../db/repositories/outbox';
import { CentralExtrasClient, hallCentralClient } from '../../../host/cases/central-extras';
import { MaterialPages } from '../../../host/cases/material-pages';
import { CentralClient } from '../../../host/sync/central-client';
import { pageChunkSender } from '../../../host/sync/page-chunk-sender';
import { hallSenders } from '../../../host/sync/senders';
import { SyncEngine } from '../../../host/sync/sync-engine';
import { adminAuth } from '../../platform/support/platform';
import { CARD, ELDER_ITEM, elderForm, services, type Services } from '../cases/support';
import { listenCentral, ManualClock, openHallDb, tempDir, token, type ListeningApi, type TempDir } from './support';

/** A page as the kiosk makes it: JPEG's magic bytes, then content of its own. */
function pageOf(size: number, seed: number): Buffer {
  const bytes = Buffer.alloc(size);
  for (let i = 0; i < size; i += 1) bytes[i] = (i * 13 + seed * 5) % 253;
  bytes.set([0xff, 0xd8, 0xff, 0xe0]);
  return bytes;
}

describe('material pages through the sync engine, to the district platform', () => {
  let tmp: TempDir;
  let central: ListeningApi;
  let db: Db;
  let clock: ManualClock;
  let s: Services;
  let pages: MaterialPages;
  let engine: SyncEngine;

  beforeEach(async () => {
    tmp = tempDir('page-chunks-');
    db = openHallDb(join(tmp.dir, 'hall.sqlite'));
    clock = new ManualClock();
    central = await listenCentral();
    s = services(db, clock);
    pages = new MaterialPages({ db, clock, sessionId: () => 'session-1' });
    const options = { baseUrl: central.baseUrl, token, timeoutMs: 5_000 };
    engine = new SyncEngine({
      db,
      client: hallCentralClient(new CentralClient(options), new CentralExtrasClient(options)),
      clock,
      senders: { ...hallSenders, 'case-page-chunk': pageChunkSender(db) },
      random: () => 0,
      onDelivered: (entry, response) => s.cases.onDelivered(entry, response),
    });
  });
  afterEach(async () => {
    await engine.stop();
    if (db.open) db.close();
    await central.close();
    tmp.cleanup();
  });

  const fileWithPages = (...bytes: Buffer[]) =>
    s.cases.submit(
      {
        itemCode: ELDER_ITEM,
        form: elderForm,
        materials: ['photo'],
        pages: bytes.map((page) => ({ materialCode: 'photo', pageId: pages.upload(page).pageId })),
      },
      CARD,
      pages,
    );
  const consoleGet = (path: string) => fetch(`${central.baseUrl}/v1/console/cases/${path}`, { headers: adminAuth });

  it('delivers the case, then each page in chunks, and the platform holds every page byte for byte', async () => {
    const large = pageOf(1024 * 1024, 1);
    const small = pageOf(20_000, 2);
    const local = fileWithPages(large, small);
    // The case, four chunks of the 1 MiB page and one of the small page, one key: strictly in turn.
    for (let pass = 0; pass < 10 && counts(db).pending > 0; pass += 1) await engine.drainOnce();
    expect(counts(db)).toEqual({ pending: 0, delivered: 6, failedPermanent: 0 });

    const caseNumber = s.cases.localCase(local.id).caseNumber ?? '';
    const listed = CasePagesView.parse(await (await consoleGet(`${caseNumber}/pages`)).json()).pages;
    expect(listed.map((page) => [page.position, page.byteLength])).toEqual([
      [0, large.length],
      [1, small.length],
    ]);
    for (const [index, bytes] of [large, small].entries()) {
      const image = Buffer.from(await (await consoleGet(`${caseNumber}/pages/${listed[index]?.pageId ?? ''}`)).arrayBuffer());
      expect(Buffer.compare(image, bytes)).toBe(0);
    }
  });

  it('refuses for good the chunks of a case the central API refused for good, without asking it', async () => {
    fileWithPages(pageOf(5_000, 3));
    // The case's own entry failed for good (a form the central API would not take): no number, ever.
    markPermanent(db, 1, 'HTTP 400 invalid_request');
    await engine.drainOnce();
    expect(counts(db)).toMatchObject({ pending: 0, failedPermanent: 2 });
    expect(failedEntries(db, 10).map((entry) => [entry.kind, entry.lastError])).toEqual([
      ['case-page-chunk', 'the case has no central number'],
      ['case', 'HTTP 400 invalid_request'],
    ]);
  });
});
