import { createHash, randomUUID } from 'node:crypto';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { CreateCaseResponse } from '../../../contracts/central-api';
import { CasePagesView, PAGE_CHUNK_BYTES, PageChunkReceipt, pageChunkCount } from '../../../contracts/central-pages';
import type { Platform } from '../../../platform/server';
import { sessionOf } from '../support/console';
import { describeEachDatabase } from '../support/each-database';
import { hallAuth } from '../support/halls';
import { adminAuth, newKey, sampleCase, startApi } from '../support/platform';

/** A page as a kiosk makes it: JPEG's magic bytes, then content that differs from page to page. */
function pageOf(size: number, seed: number): Buffer {
  const bytes = Buffer.alloc(size);
  for (let i = 0; i < size; i += 1) bytes[i] = (i * 31 + seed * 7) % 251;
  bytes.set([0xff, 0xd8, 0xff, 0xe0]);
  return bytes;
}

describeEachDatabase('platform: a case’s material pages, in chunks', (database) => {
  let api: Platform;
  let hall: Record<string, string>;

  beforeEach(async () => {
    api = await startApi(database());
    hall = await hallAuth(api, 'hall-01');
  });
  afterEach(async () => {
    await api.close();
  });

  const fileCase = async (auth = hall, hallId = 'hall-01') => {
    const res = await api.app.inject({
      method: 'POST',
      url: '/v1/cases',
      headers: { ...auth, 'idempotency-key': newKey() },
      payload: sampleCase({ hallId }),
    });
    expect(res.statusCode).toBe(201);
    return CreateCaseResponse.parse(res.json()).caseNumber;
  };

  interface Sending {
    caseNumber: string;
    pageId: string;
    page: Buffer;
    position?: number;
    sha256?: string;
    auth?: Record<string, string>;
  }
  const sendChunk = (s: Sending, index: number, bytes?: Buffer) => {
    const query = new URLSearchParams({
      materialCode: 'photo',
      position: String(s.position ?? 0),
      byteLength: String(s.page.length),
      sha256: s.sha256 ?? createHash('sha256').update(s.page).digest('hex'),
    });
    return api.app.inject({
      method: 'PUT',
      url: `/v1/cases/${s.caseNumber}/pages/${s.pageId}/chunks/${index}?${query.toString()}`,
      headers: { ...(s.auth ?? hall), 'content-type': 'application/octet-stream' },
      payload: bytes ?? s.page.subarray(index * PAGE_CHUNK_BYTES, (index + 1) * PAGE_CHUNK_BYTES),
    });
  };
  const pagesOf = async (caseNumber: string, headers: Record<string, string> = adminAuth) => {
    const res = await api.app.inject({ method: 'GET', url: `/v1/console/cases/${caseNumber}/pages`, headers });
    expect(res.statusCode).toBe(200);
    return CasePagesView.parse(res.json()).pages;
  };

  it('joins the chunks in order, verifies the page and keeps it with the case, byte for byte; a chunk sent again is answered the same', async () => {
    const caseNumber = await fileCase();
    const sending = { caseNumber, pageId: randomUUID(), page: pageOf(700_000, 1) };
    expect(pageChunkCount(sending.page.length)).toBe(3);
    const receipts = [];
    for (let index = 0; index < 3; index += 1) {
      const res = await sendChunk(sending, index);
      expect(res.statusCode).toBe(200);
      receipts.push(PageChunkReceipt.parse(res.json()));
    }
    expect(receipts.map((r) => [r.chunksReceived, r.complete])).toEqual([
      [1, false],
      [2, false],
      [3, true],
    ]);
    // A lost reply: the host sends the first and last chunks again, and hears the page is complete.
    for (const index of [0, 2]) expect(PageChunkReceipt.parse((await sendChunk(sending, index)).json()).complete).toBe(true);

    const console = await sessionOf(api, database(), 'viewer');
    const listed = await pagesOf(caseNumber, console);
    expect(listed).toEqual([
      expect.objectContaining({
        pageId: sending.pageId,
        materialCode: 'photo',
        position: 0,
        byteLength: 700_000,
        purgedAt: null,
      }),
    ]);
    const image = await api.app.inject({
      method: 'GET',
      url: `/v1/console/cases/${caseNumber}/pages/${sending.pageId}`,
      headers: console,
    });
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/jpeg');
    expect(image.headers['cache-control']).toBe('no-store');
    expect(Buffer.compare(image.rawPayload, sending.page)).toBe(0);
  });

  it('refuses a chunk out of order, of the wrong size, over the limit, or changing the page, with typed errors', async () => {
    const caseNumber = await fileCase();
    const sending = { caseNumber, pageId: randomUUID(), page: pageOf(600_000, 2) };
    const skipped = await sendChunk(sending, 1);
    expect(skipped.statusCode).toBe(409);
    expect(skipped.json()).toMatchObject({ error: { code: 'chunk_out_of_order', details: { expected: 0 } } });
    const short = await sendChunk(sending, 0, sending.page.subarray(0, 1000));
    expect(short.statusCode).toBe(400);
    expect(short.json()).toMatchObject({ error: { code: 'chunk_size_wrong', details: { expected: PAGE_CHUNK_BYTES } } });
    const tooLarge = await sendChunk(sending, 0, Buffer.alloc(PAGE_CHUNK_BYTES + 1));
    expect(tooLarge.statusCode).toBe(413);
    const beyond = await sendChunk(sending, 3, Buffer.alloc(10));
    expect(beyond.statusCode).toBe(400);
    const asJson = await api.app.inject({
      method: 'PUT',
      url: `/v1/cases/${caseNumber}/pages/${sending.pageId}/chunks/0?materialCode=photo&position=0&byteLength=10&sha256=${'0'.repeat(64)}`,
      headers: { ...hall, 'content-type': 'text/plain' },
      payload: 'not bytes',
    });
    expect(asJson.statusCode).toBe(415);
    expect(asJson.json()).toMatchObject({ error: { code: 'unsupported_media_type' } });

    expect((await sendChunk(sending, 0)).statusCode).toBe(200);
    const otherBytes = await sendChunk(sending, 0, pageOf(600_000, 9).subarray(0, PAGE_CHUNK_BYTES));
    expect(otherBytes.statusCode).toBe(409);
    expect(otherBytes.json()).toMatchObject({ error: { code: 'page_mismatch' } });
    const otherPlace = await sendChunk({ ...sending, position: 4 }, 1);
    expect(otherPlace.json()).toMatchObject({ error: { code: 'page_mismatch' } });
    expect(await pagesOf(caseNumber)).toEqual([]);
  });

  it('drops a page whose bytes do not hash to its checksum (422), so it can be sent afresh', async () => {
    const caseNumber = await fileCase();
    const page = pageOf(300_000, 3);
    const wrong = { caseNumber, pageId: randomUUID(), page, sha256: createHash('sha256').update('another page').digest('hex') };
    expect((await sendChunk(wrong, 0)).statusCode).toBe(200);
    const last = await sendChunk(wrong, 1);
    expect(last.statusCode).toBe(422);
    expect(last.json()).toMatchObject({ error: { code: 'checksum_mismatch' } });
    expect(await pagesOf(caseNumber)).toEqual([]);
    expect((await sendChunk(wrong, 1)).json()).toMatchObject({ error: { code: 'chunk_out_of_order', details: { expected: 0 } } });
  });

  it('takes a hall’s chunks only for its own cases, and shows pages only to a signed-in console', async () => {
    const theirs = await fileCase(await hallAuth(api, 'hall-02'), 'hall-02');
    const sending = { caseNumber: theirs, pageId: randomUUID(), page: pageOf(1000, 4) };
    const wrongHall = await sendChunk(sending, 0);
    expect(wrongHall.statusCode).toBe(404);
    expect(wrongHall.json()).toMatchObject({ error: { code: 'case_not_found' } });
    const noCredential = await sendChunk({ ...sending, auth: {} }, 0);
    expect(noCredential.statusCode).toBe(401);
    const unknownCase = await sendChunk({ ...sending, caseNumber: 'HK20261127999999' }, 0);
    expect(unknownCase.statusCode).toBe(404);

    const url = `/v1/console/cases/${theirs}/pages`;
    expect((await api.app.inject({ method: 'GET', url })).statusCode).toBe(401);
    // A hall's credential is no console session: it reads no case's pages.
    expect((await api.app.inject({ method: 'GET', url, headers: hall })).statusCode).toBe(401);
    expect((await api.app.inject({ method: 'GET', url: `${url}/${sending.pageId}`, headers: hall })).statusCode).toBe(401);
    const unknown = await api.app.inject({ method: 'GET', url: `${url}/${sending.pageId}`, headers: adminAuth });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ error: { code: 'page_not_found' } });
    const noCase = await api.app.inject({ method: 'GET', url: '/v1/console/cases/HK20261127999999/pages', headers: adminAuth });
    expect(noCase.statusCode).toBe(404);
  });
});
