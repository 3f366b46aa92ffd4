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
      submission: new CaseSubmission({ cases: s.cases, identity, steward, progressUrl: (c) => `http://x/case/${c.id}` }),
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
