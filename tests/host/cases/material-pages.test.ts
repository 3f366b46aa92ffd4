import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MATERIAL_PAGES_HELD_MAX } from '../../../contracts/cases';
import type { Db } from '../../../db/open';
import { entryById, markDelivered } from '../../../db/repositories/outbox';
import { MaterialPages } from '../../../host/cases/material-pages';
import { HostError } from '../../../host/errors/host-error';
import { ManualClock, openHallDb, tempDir, type TempDir } from '../sync/support';
import { CARD, ELDER_ITEM, elderForm, services, type Services } from './support';

const DAY = 86_400_000;

/** A JPEG-looking page whose content is a text an attacker would search a copy of the file for. */
function pageOf(secret: string, size = 40_000): Buffer {
  const bytes = Buffer.alloc(size);
  for (let at = 4; at + secret.length <= size; at += secret.length) bytes.write(secret, at, 'latin1');
  bytes.set([0xff, 0xd8, 0xff, 0xe0]);
  return bytes;
}

describe('material pages held for the card session', () => {
  let tmp: TempDir;
  let db: Db;
  let clock: ManualClock;
  let s: Services;
  let session: string | null;
  let pages: MaterialPages;

  beforeEach(() => {
    tmp = tempDir('material-pages-');
    db = openHallDb(join(tmp.dir, 'hall.sqlite'));
    clock = new ManualClock();
    s = services(db, clock, { caseOptions: { undeliveredRetentionDays: () => 90 } });
    session = 'session-1';
    pages = new MaterialPages({ db, clock, sessionId: () => session });
  });
  afterEach(() => {
    if (db.open) db.close();
    tmp.cleanup();
  });

  /** The file's bytes as an attacker with a copy reads them, the WAL beside it included. */
  const rawFiles = (): Buffer[] =>
    [join(tmp.dir, 'hall.sqlite'), join(tmp.dir, 'hall.sqlite-wal')].filter((f) => existsSync(f)).map((f) => readFileSync(f));
  const leaks = (secret: string): boolean => rawFiles().some((bytes) => bytes.includes(Buffer.from(secret, 'latin1')));
  const heldCount = () => (db.prepare('SELECT count(*) AS n FROM material_pages').get() as { n: number }).n;

  it('deletes the pages a session held when it ends, and every held page at startup, never an attached one', () => {
    const kept = pages.upload(pageOf('KEPT-PAGE-')).pageId;
    s.cases.submit({ itemCode: ELDER_ITEM, form: elderForm, pages: [{ materialCode: 'photo', pageId: kept }] }, CARD, pages);
    pages.upload(pageOf('LEFT-BEHIND-'));
    pages.upload(pageOf('LEFT-BEHIND-'));
    session = 'session-2';
    pages.upload(pageOf('CRASHED-VISIT-'));
    expect(heldCount()).toBe(4);

    expect(pages.sessionEnded('session-1')).toBe(2);
    expect(heldCount()).toBe(2);
    // The host restarts: no session survives it, so nothing still held has a citizen to come back.
    expect(pages.sweepAbandoned()).toBe(1);
    expect(db.prepare('SELECT id FROM material_pages').all()).toEqual([{ id: kept }]);
  });

  it('refuses a session more pages than it may hold, and a page without a card', () => {
    for (let n = 0; n < MATERIAL_PAGES_HELD_MAX; n += 1) pages.upload(pageOf('P', 64));
    expect(() => pages.upload(pageOf('P', 64))).toThrow(expect.objectContaining({ code: 'too_many_pages' }));
    session = null;
    expect(() => pages.upload(pageOf('P', 64))).toThrow(HostError);
    expect(heldCount()).toBe(MATERIAL_PAGES_HELD_MAX);
  });

  it('clears a delivered case’s page bytes with its personal data, unrecoverably, and deletes an undelivered case’s pages', () => {
    const deliveredPage = pages.upload(pageOf('DELIVERED-SCAN-')).pageId;
    const delivered = s.cases.submit(
      { itemCode: ELDER_ITEM, form: elderForm, pages: [{ materialCode: 'photo', pageId: deliveredPage }] },
      CARD,
      pages,
    );
    const pendingPage = pages.upload(pageOf('PENDING-SCAN-')).pageId;
    s.cases.submit(
      { itemCode: ELDER_ITEM, form: elderForm, pages: [{ materialCode: 'photo', pageId: pendingPage }] },
      CARD,
      pages,
    );
    const caseEntry = entryById(db, 1);
    if (!caseEntry) throw new Error('the case’s entry');
    const reply = { caseNumber: 'HK20261127000001', status: 'submitted' as const, receivedAt: clock.now().toISOString() };
    db.transaction(() => {
      markDelivered(db, caseEntry.id, reply, clock.now());
      s.cases.onDelivered(caseEntry, reply);
    })();
    expect(leaks('DELIVERED-SCAN-')).toBe(true);

    clock.advance(29 * DAY);
    expect(s.cases.purge().pages).toBe(0);
    expect(leaks('DELIVERED-SCAN-')).toBe(true);

    clock.advance(2 * DAY);
    expect(s.cases.purge()).toMatchObject({ cases: 1, pages: 1 });
    expect(leaks('DELIVERED-SCAN-')).toBe(false);
    // What the hall keeps of the page: that it was one, of which material, and its checksum.
    expect(
      db.prepare('SELECT case_id AS caseId, bytes, purged_at AS purgedAt FROM material_pages WHERE id = ?').get(deliveredPage),
    ).toEqual({
      caseId: delivered.id,
      bytes: null,
      purgedAt: clock.now().toISOString(),
    });

    // The case that never reached the central API goes whole after the hall's retention: its page and its chunks too.
    expect(leaks('PENDING-SCAN-')).toBe(true);
    clock.advance(60 * DAY);
    expect(s.cases.purge()).toMatchObject({ undelivered: 1 });
    expect(leaks('PENDING-SCAN-')).toBe(false);
    expect(db.prepare('SELECT id FROM material_pages').all()).toEqual([{ id: deliveredPage }]);
    expect(db.prepare(`SELECT count(*) AS n FROM outbox WHERE kind = 'case-page-chunk' AND state <> 'delivered'`).get()).toEqual({
      n: 1,
    });
  });
});
