import { createHash, randomUUID } from 'node:crypto';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { CreateCaseResponse } from '../../../contracts/central-api';
import { CasePagesView } from '../../../contracts/central-pages';
import type { Platform } from '../../../platform/server';
import { describeEachDatabase } from '../support/each-database';
import { hallAuth } from '../support/halls';
import { adminAuth, newKey, sampleCase, startApi } from '../support/platform';

const DAY = 86_400_000;
/** A page whose content an attacker would look for in what the database can read back. */
const SECRET = 'SCAN-OF-THE-APPLICANTS-LICENCE-';

function pageOf(size: number): Buffer {
  const bytes = Buffer.alloc(size);
  for (let at = 4; at + SECRET.length <= size; at += SECRET.length) bytes.write(SECRET, at, 'latin1');
  bytes.set([0xff, 0xd8, 0xff, 0xe0]);
  return bytes;
}

describeEachDatabase('platform: the page purge with the case’s personal data', (database) => {
  let now: Date;
  let api: Platform;
  let hall: Record<string, string>;

  beforeEach(async () => {
    now = new Date('2026-11-27T02:00:00Z');
    api = await startApi(database(), { now: () => now });
    hall = await hallAuth(api, 'hall-01');
  });
  afterEach(async () => {
    await api.close();
  });

  /** A case with one complete page, closed with `status` (or left open). */
  async function caseWithPage(
    status: 'completed' | 'rejected' | null,
  ): Promise<{ caseNumber: string; pageId: string; page: Buffer }> {
    const filed = await api.app.inject({
      method: 'POST',
      url: '/v1/cases',
      headers: { ...hall, 'idempotency-key': newKey() },
      payload: sampleCase(),
    });
    const { caseNumber } = CreateCaseResponse.parse(filed.json());
    const page = pageOf(5_000);
    const pageId = randomUUID();
    const query = `materialCode=photo&position=0&byteLength=${page.length}&sha256=${createHash('sha256').update(page).digest('hex')}`;
    const sent = await api.app.inject({
      method: 'PUT',
      url: `/v1/cases/${caseNumber}/pages/${pageId}/chunks/0?${query}`,
      headers: { ...hall, 'content-type': 'application/octet-stream' },
      payload: page,
    });
    expect(sent.json()).toMatchObject({ complete: true });
    const path = status === 'rejected' ? ['rejected'] : status === 'completed' ? ['accepted', 'in_progress', 'completed'] : [];
    for (const next of path) {
      const moved = await api.app.inject({
        method: 'POST',
        url: `/v1/admin/cases/${caseNumber}/status`,
        headers: adminAuth,
        payload: { status: next },
      });
      expect(moved.statusCode).toBe(200);
    }
    return { caseNumber, pageId, page };
  }
  const listed = async (caseNumber: string) =>
    CasePagesView.parse(
      (await api.app.inject({ method: 'GET', url: `/v1/console/cases/${caseNumber}/pages`, headers: adminAuth })).json(),
    ).pages;
  const stillReadable = async () =>
    (
      await database().observe<{ n: number }>(
        `SELECT count(*)::integer AS n FROM case_pages WHERE position(decode($1, 'hex') IN coalesce(bytes, ''::bytea)) > 0`,
        [Buffer.from(SECRET, 'latin1').toString('hex')],
      )
    )[0]?.n;

  it('clears the bytes of a closed case’s pages after the retention, keeps what each page was, and answers a late chunk as before', async () => {
    const completed = await caseWithPage('completed');
    const rejected = await caseWithPage('rejected');
    const open = await caseWithPage(null);
    expect(await stillReadable()).toBe(3);

    now = new Date(now.getTime() + 29 * DAY);
    expect(await api.casePages.purgeClosedCasePages(30)).toBe(0);
    now = new Date(now.getTime() + 2 * DAY);
    expect(await api.casePages.purgeClosedCasePages(30)).toBe(2);
    expect(await stillReadable()).toBe(1);

    for (const { caseNumber, pageId } of [completed, rejected]) {
      expect(await listed(caseNumber)).toEqual([
        expect.objectContaining({ pageId, byteLength: 5_000, purgedAt: now.toISOString() }),
      ]);
      const image = await api.app.inject({
        method: 'GET',
        url: `/v1/console/cases/${caseNumber}/pages/${pageId}`,
        headers: adminAuth,
      });
      expect(image.statusCode).toBe(404);
    }
    // The open case keeps its page, whatever its age.
    const kept = await api.app.inject({
      method: 'GET',
      url: `/v1/console/cases/${open.caseNumber}/pages/${open.pageId}`,
      headers: adminAuth,
    });
    expect(Buffer.compare(kept.rawPayload, open.page)).toBe(0);

    // A host whose reply was lost long ago sends the chunk again: answered, and nothing comes back.
    const late = await api.app.inject({
      method: 'PUT',
      url: `/v1/cases/${completed.caseNumber}/pages/${completed.pageId}/chunks/0?materialCode=photo&position=0&byteLength=5000&sha256=${createHash('sha256').update(completed.page).digest('hex')}`,
      headers: { ...hall, 'content-type': 'application/octet-stream' },
      payload: completed.page,
    });
    expect(late.json()).toMatchObject({ complete: true });
    expect(await stillReadable()).toBe(1);
    expect(await api.casePages.purgePages([open.caseNumber])).toBe(1);
    expect(await stillReadable()).toBe(0);
  });
});
