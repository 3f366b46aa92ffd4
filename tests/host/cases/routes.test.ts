import { join } from 'node:path';
import { Writable } from 'node:stream';
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../db/open';
import { installErrorHandling } from '../../../host/api/errors';
import { caseRoutes } from '../../../host/api/routes-cases';
import { HostConfig } from '../../../contracts/config';
import { MaterialPages } from '../../../host/cases/material-pages';
import { CaseSubmission } from '../../../host/cases/case-submission';
import { StewardDesk } from '../../../host/cases/steward-desk';
import { CaseReceiptPrinting } from '../../../host/printing/case-receipt-printing';
import { TicketPrinting } from '../../../host/printing/ticket-printing';
import { QueueService } from '../../../host/queue/queue-service';
import { EventBus } from '../../../host/events/event-bus';
import { IdentitySessions } from '../../../host/identity/identity-sessions';
import { logRedactPaths } from '../../../host/log/redact';
import { ManualClock, openHallDb, tempDir } from '../sync/support';
import type { TempDir } from '../sync/support';
import { CARD, ELDER_ITEM, elderForm, services } from './support';
import type { Services } from './support';

let tmp: TempDir;
let db: Db;
let clock: ManualClock;
let s: Services;
let identity: IdentitySessions;
let app: FastifyInstance;
let logLines: string[];

beforeEach(async () => {
  tmp = tempDir('cases-routes-');
  db = openHallDb(join(tmp.dir, 'hall.sqlite'));
  clock = new ManualClock();
  // The card on the reader filed case HK20261127000001 (rated below).
  s = services(db, clock, { cardCaseNumbers: () => ['HK20261127000001'] });
  identity = new IdentitySessions({
    bus: new EventBus(100, () => clock.now()),
    clock,
    timeZone: 'Asia/Shanghai',
    keyer: s.keyer,
    maxAgeMs: 60_000,
  });
  logLines = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(chunk.toString('utf8'));
      done();
    },
  });
  // Debug level and request logging on: the most a technician could ever turn on.
  const fastify = Fastify({ logger: { level: 'debug', redact: { paths: logRedactPaths, censor: '[redacted]' }, stream } });
  const typed = fastify.withTypeProvider<ZodTypeProvider>();
  typed.setValidatorCompiler(validatorCompiler);
  typed.setSerializerCompiler(serializerCompiler);
  installErrorHandling(typed);
  // What the host's caller resolution (host/lan/caller.ts) finds for a paired rating pad or a
  // second kiosk page, told here by a test header.
  typed.addHook('onRequest', async (req) => {
    const as = req.headers['x-test-caller'];
    if (as === 'evaluator') req.caller = { terminal: 'evaluator', terminalId: 'pad-1' };
    if (as === 'other-page') req.caller = { terminal: 'kioskShell', kioskPage: 'page-2', holdsCitizen: false };
  });
  // A hall without a steward service and a kiosk without a printer (the full host is in steward.test.ts).
  const bus = new EventBus(100, () => clock.now());
  const queue = new QueueService({
    db,
    bus,
    clock,
    timeZone: 'Asia/Shanghai',
    hours: HostConfig.parse({}).hours,
    policy: HostConfig.parse({}).queue,
  });
  const printing = new TicketPrinting({
    queue,
    hallName: '测试大厅',
    timeZone: 'Asia/Shanghai',
    printer: () => null,
    progressUrl: () => 'http://x/',
    skipRule: () => HostConfig.parse({}).queue.skipRequeue,
  });
  const steward = new StewardDesk({ queue, printing, serviceCode: 'steward' });
  const receipts = new CaseReceiptPrinting({
    hallName: '测试大厅',
    timeZone: 'Asia/Shanghai',
    printer: () => null,
    catalogItem: (code) => s.catalog.item(code),
    progressUrl: (c) => `http://x/case/${c.id}`,
  });
  await typed.register(
    caseRoutes({
      cases: s.cases,
      submission: new CaseSubmission({
        cases: s.cases,
        identity,
        steward,
        progressUrl: (c) => `http://x/case/${c.id}`,
        pages: new MaterialPages({ db, clock, sessionId: () => identity.sessionId() }),
      }),
      evaluations: s.evaluations,
      catalog: s.catalog,
      identity,
      receipts,
    }),
    {
      prefix: '/api/v1',
    },
  );
  app = typed;
});
afterEach(async () => {
  identity.end();
  await app.close();
  if (db.open) db.close();
  tmp.cleanup();
});

describe('case routes', () => {
  it('lists the catalog', async () => {
    const reply = await app.inject({ method: 'GET', url: '/api/v1/catalog' });
    expect(reply.statusCode).toBe(200);
    expect(reply.json()).toMatchObject({
      source: 'builtin',
      items: expect.arrayContaining([expect.objectContaining({ code: ELDER_ITEM })]),
    });
  });

  it('needs a card on the reader to submit or list cases', async () => {
    const submit = await app.inject({ method: 'POST', url: '/api/v1/cases', payload: { itemCode: ELDER_ITEM, form: elderForm } });
    expect(submit.statusCode).toBe(409);
    expect(submit.json()).toMatchObject({ error: { code: 'no_identity' } });
    const mine = await app.inject({ method: 'GET', url: '/api/v1/cases/mine' });
    expect(mine.json()).toMatchObject({ error: { code: 'no_identity' } });
  });

  it('submits, lists and reports progress without ever answering or logging the raw ID number', async () => {
    identity.begin(CARD);
    const replies: string[] = [];
    const submit = await app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      payload: { itemCode: ELDER_ITEM, form: elderForm, materials: ['photo'], stewardRequested: true },
    });
    replies.push(submit.body);
    expect(submit.statusCode).toBe(201);
    const created = submit.json<{ case: { id: string; maskedIdNumber: string; caseNumber: string | null } }>().case;
    expect(created).toMatchObject({ maskedIdNumber: '110105********002X', caseNumber: null });
    // The case is saved even though this hall has no steward service; the kiosk is told why.
    expect(submit.json()).toMatchObject({ stewardTicket: null, stewardProblem: 'steward_unavailable' });

    const invalid = await app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      payload: { itemCode: ELDER_ITEM, form: { phone: 'x' } },
    });
    replies.push(invalid.body);
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json()).toMatchObject({ error: { code: 'form_invalid', details: { problems: expect.any(Array) } } });

    const mine = await app.inject({ method: 'GET', url: '/api/v1/cases/mine' });
    replies.push(mine.body);
    expect(mine.json<{ cases: { id: string }[] }>().cases.map((c) => c.id)).toEqual([created.id]);

    // Delivered: the case number becomes known and its progress can be asked for.
    const entry = db.prepare('SELECT id, kind, record_id AS recordId FROM outbox').get() as {
      id: number;
      kind: string;
      recordId: string;
    };
    db.transaction(() =>
      s.cases.onDelivered(
        {
          ...entry,
          orderingKey: '',
          idempotencyKey: '',
          payload: null,
          state: 'delivered',
          attempts: 1,
          nextAttemptAt: '',
          lastError: null,
          createdAt: '',
          deliveredAt: null,
          response: null,
        },
        { caseNumber: 'HK20261127000001', status: 'submitted', receivedAt: clock.now().toISOString() },
      ),
    )();
    const progress = await app.inject({ method: 'GET', url: '/api/v1/cases/HK20261127000001/progress' });
    replies.push(progress.body);
    expect(progress.json()).toMatchObject({ caseNumber: 'HK20261127000001', status: 'submitted', itemCode: ELDER_ITEM });
    const unknown = await app.inject({ method: 'GET', url: '/api/v1/cases/HK20261127000002/progress' });
    expect(unknown.json()).toMatchObject({ error: { code: 'case_unknown' } });

    for (const text of [...replies, ...logLines]) {
      expect(text).not.toContain(CARD.idNumber);
      expect(text).not.toContain(CARD.name);
    }
    expect(logLines.length).toBeGreaterThan(0);
  });

  it('takes evaluations: a bad one needs a reason', async () => {
    const noReason = await app.inject({
      method: 'POST',
      url: '/api/v1/evaluations',
      payload: { level: 'dissatisfied', caseNumber: 'HK20261127000001' },
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json()).toMatchObject({ error: { code: 'reason_required' } });
    const badLevel = await app.inject({
      method: 'POST',
      url: '/api/v1/evaluations',
      payload: { level: 'meh', caseNumber: 'HK20261127000001' },
    });
    expect(badLevel.json()).toMatchObject({ error: { code: 'invalid_request' } });
    const noTicket = await app.inject({
      method: 'POST',
      url: '/api/v1/evaluations',
      payload: { level: 'satisfied', ticketId: 99 },
    });
    // Without the key on its paper a ticket is not rated, and whether it exists is not told.
    expect(noTicket.json()).toMatchObject({ error: { code: 'evaluation_refused' } });
    const ok = await app.inject({
      method: 'POST',
      url: '/api/v1/evaluations',
      payload: { level: 'very_dissatisfied', reason: '态度差', caseNumber: 'HK20261127000001' },
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ level: 'very_dissatisfied', callbackRequired: true });
    // One rating per case: a second one (a change of heart, a double tap) is refused.
    const again = await app.inject({
      method: 'POST',
      url: '/api/v1/evaluations',
      payload: { level: 'very_satisfied', caseNumber: 'HK20261127000001' },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: { code: 'already_evaluated' } });
  });

  it('the card on the reader proves a case only to the kiosk page it belongs to, not to a rating pad', async () => {
    const rating = { level: 'very_dissatisfied', reason: '态度差', caseNumber: 'HK20261127000001' };
    for (const caller of ['evaluator', 'other-page']) {
      const refused = await app.inject({
        method: 'POST',
        url: '/api/v1/evaluations',
        payload: rating,
        headers: { 'x-test-caller': caller },
      });
      expect(refused.json(), caller).toMatchObject({ error: { code: 'no_identity' } });
    }
    // The citizen's own rating is still there to give.
    const own = await app.inject({ method: 'POST', url: '/api/v1/evaluations', payload: rating });
    expect(own.statusCode).toBe(201);
  });
});

/** A page as the kiosk sends it: JPEG's magic bytes, then `size` bytes in all (the content is never read). */
function jpegOf(size: number, fill = 0x5a): Buffer {
  const bytes = Buffer.alloc(size, fill);
  bytes.set([0xff, 0xd8, 0xff, 0xe0]);
  return bytes;
}

const uploadPage = (bytes: Buffer, contentType = 'image/jpeg', headers: Record<string, string> = {}) =>
  app.inject({
    method: 'POST',
    url: '/api/v1/cases/pages',
    payload: bytes,
    headers: { 'content-type': contentType, ...headers },
  });

describe('material pages (材料页)', () => {
  const pagesTable = () =>
    db
      .prepare(
        'SELECT id, session_id AS sessionId, case_id AS caseId, material_code AS materialCode, position FROM material_pages',
      )
      .all() as {
      id: string;
      sessionId: string | null;
      caseId: string | null;
      materialCode: string | null;
      position: number | null;
    }[];
  const outboxRows = () =>
    db
      .prepare('SELECT kind, ordering_key AS orderingKey, idempotency_key AS idempotencyKey, payload FROM outbox ORDER BY id')
      .all() as {
      kind: string;
      orderingKey: string;
      idempotencyKey: string;
      payload: string;
    }[];

  it('holds a page for the card, and the case takes it with its chunks queued after the case, in its key', async () => {
    identity.begin(CARD);
    const small = await uploadPage(jpegOf(10_000));
    expect(small.statusCode).toBe(201);
    const large = await uploadPage(jpegOf(600_000, 0x33));
    const smallId = small.json<{ pageId: string }>().pageId;
    const largeId = large.json<{ pageId: string }>().pageId;
    expect(pagesTable().map((page) => page.caseId)).toEqual([null, null]);

    const submit = await app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      payload: {
        itemCode: ELDER_ITEM,
        form: elderForm,
        materials: ['photo'],
        pages: [
          { materialCode: 'photo', pageId: largeId },
          { materialCode: 'photo', pageId: smallId },
        ],
      },
    });
    expect(submit.statusCode).toBe(201);
    const caseId = submit.json<{ case: { id: string } }>().case.id;
    expect(pagesTable()).toEqual(
      expect.arrayContaining([
        { id: largeId, sessionId: null, caseId, materialCode: 'photo', position: 0 },
        { id: smallId, sessionId: null, caseId, materialCode: 'photo', position: 1 },
      ]),
    );
    // The case first, then the 600 kB page in three chunks, then the small one: all in the case's key.
    const rows = outboxRows();
    expect(rows.map((row) => [row.kind, row.idempotencyKey])).toEqual([
      ['case', caseId],
      ['case-page-chunk', `page:${largeId}:0`],
      ['case-page-chunk', `page:${largeId}:1`],
      ['case-page-chunk', `page:${largeId}:2`],
      ['case-page-chunk', `page:${smallId}:0`],
    ]);
    expect(new Set(rows.map((row) => row.orderingKey))).toEqual(new Set([`case:${caseId}`]));
    // The outbox names the page; its bytes stay in one place, the pages table.
    for (const row of rows.slice(1)) expect(row.payload.length).toBeLessThan(400);
    for (const line of logLines) expect(line).not.toContain('ZZZZZZZZ');
  });

  it('refuses bytes that are no JPEG (400), a page over 1 MiB (413) and another media type (415)', async () => {
    identity.begin(CARD);
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    const notJpeg = await uploadPage(png);
    expect(notJpeg.statusCode).toBe(400);
    expect(notJpeg.json()).toMatchObject({ error: { code: 'page_not_jpeg' } });
    const tooLarge = await uploadPage(jpegOf(1024 * 1024 + 1));
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json()).toMatchObject({ error: { code: 'body_too_large' } });
    const atLimit = await uploadPage(jpegOf(1024 * 1024));
    expect(atLimit.statusCode).toBe(201);
    const text = await uploadPage(jpegOf(100), 'text/plain');
    expect(text.statusCode).toBe(415);
    expect(text.json()).toMatchObject({ error: { code: 'unsupported_media_type' } });
    expect(pagesTable()).toHaveLength(1);
  });

  it('needs the card on the reader, and its own kiosk page', async () => {
    const noCard = await uploadPage(jpegOf(100));
    expect(noCard.statusCode).toBe(409);
    expect(noCard.json()).toMatchObject({ error: { code: 'no_identity' } });
    identity.begin(CARD);
    const rater = await uploadPage(jpegOf(100), 'image/jpeg', { 'x-test-caller': 'evaluator' });
    expect(rater.statusCode).toBe(403);
    expect(pagesTable()).toEqual([]);
  });

  it('saves nothing when a page is unknown (400) or another session’s (409), and a retry of the submission is the same case', async () => {
    identity.begin(CARD);
    const earlier = (await uploadPage(jpegOf(100))).json<{ pageId: string }>().pageId;
    // The card is read again: a new session, and the page of the old one is no longer its own.
    identity.begin(CARD);
    const mine = (await uploadPage(jpegOf(100))).json<{ pageId: string }>().pageId;
    const submitWith = (pages: { materialCode: string; pageId: string }[], submissionId?: string) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/cases',
        payload: {
          itemCode: ELDER_ITEM,
          form: elderForm,
          materials: ['photo'],
          pages,
          ...(submissionId ? { submissionId } : {}),
        },
      });
    const unknown = await submitWith([
      { materialCode: 'photo', pageId: mine },
      { materialCode: 'photo', pageId: '00000000-0000-4000-8000-000000000000' },
    ]);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ error: { code: 'page_unknown' } });
    const theirs = await submitWith([
      { materialCode: 'photo', pageId: mine },
      { materialCode: 'photo', pageId: earlier },
    ]);
    expect(theirs.statusCode).toBe(409);
    expect(theirs.json()).toMatchObject({ error: { code: 'page_not_yours' } });
    const otherMaterial = await submitWith([{ materialCode: 'no-such-material', pageId: mine }]);
    expect(otherMaterial.statusCode).toBe(400);
    const twice = await submitWith([
      { materialCode: 'photo', pageId: mine },
      { materialCode: 'photo', pageId: mine },
    ]);
    expect(twice.statusCode).toBe(400);
    expect(db.prepare('SELECT count(*) AS n FROM cases').get()).toEqual({ n: 0 });
    expect(outboxRows()).toEqual([]);
    expect(pagesTable().every((page) => page.caseId === null)).toBe(true);

    const submissionId = '3f1f6a52-3c1c-4f55-9a43-2f6a43a0b001';
    const first = await submitWith([{ materialCode: 'photo', pageId: mine }], submissionId);
    const retry = await submitWith([{ materialCode: 'photo', pageId: mine }], submissionId);
    expect(first.statusCode).toBe(201);
    expect(retry.statusCode).toBe(201);
    expect(retry.json<{ case: { id: string } }>().case.id).toBe(submissionId);
    expect(outboxRows().map((row) => row.kind)).toEqual(['case', 'case-page-chunk']);
  });
});
