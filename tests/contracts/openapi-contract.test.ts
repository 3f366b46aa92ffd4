import { consoleOperations } from '../../contracts/platform-console-api';
import { platformHallOperations } from '../../contracts/platform-halls';
import { platformInboxOperations } from '../../contracts/platform-inbox';
import { platformIndicatorOperations } from '../../contracts/platform-indicators';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CatalogResponse, ChangesResponse, CreateCaseResponse, EvaluationRecord } from '../../contracts/central-api';
import { CentralExtrasClient } from '../../host/cases/central-extras';
import { CentralClient } from '../../host/sync/central-client';
import type { Platform } from '../../platform/server';
import { openPgliteTestDatabase } from '../platform/support/pglite-test-database';
import type { TestDatabase } from '../platform/support/test-database';
import { startTestHost, type TestHost } from '../support/test-host';
import { listenOnPort, sampleEvaluation } from '../platform/support/samples';
import { TERMINAL_TOKEN, adminAuth, newKey, sampleCase, startApi } from '../platform/support/platform';

/**
 * The OpenAPI documents are the contract other teams build against: every route either side
 * registers must be in its document with schemas, and the host's clients of the central API
 * must only call operations the central API documents, with replies that parse with the
 * shared zod contracts.
 */

interface Operation {
  parameters?: { in: string; name: string; required?: boolean }[];
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> } | undefined>;
  security?: Record<string, unknown>[];
}
interface OpenApiDoc {
  openapi: string;
  paths: Record<string, Record<string, Operation | undefined> | undefined>;
}

/** Method + OpenAPI path of every route the app registered (HEAD is Fastify's automatic twin of GET). */
function registeredRoutes(app: FastifyInstance): string[] {
  const stack: string[] = [];
  const routes: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = /^([│ ]*)[├└]── (\S+)(?: \(([^)]+)\))?$/.exec(line);
    if (!match) continue;
    const depth = (match[1] ?? '').length / 4;
    const path = (stack[depth - 1] ?? '') + (match[2] ?? '');
    stack[depth] = path;
    stack.length = depth + 1;
    for (const method of (match[3] ?? '').split(',').map((m) => m.trim().toLowerCase())) {
      if (method === '' || method === 'head') continue;
      routes.push(`${method} ${path.replace(/:(\w+)/g, '{$1}')}`);
    }
  }
  return routes.sort();
}

function documentedRoutes(doc: OpenApiDoc): string[] {
  return Object.entries(doc.paths)
    .flatMap(([path, ops]) => Object.keys(ops ?? {}).map((method) => `${method} ${path}`))
    .sort();
}

function operation(doc: OpenApiDoc, route: string): Operation {
  const [method = '', path = ''] = route.split(' ');
  const op = doc.paths[path]?.[method];
  if (!op) throw new Error(`${route} is not in the OpenAPI document`);
  return op;
}

const hasJsonSchema = (part: { content?: Record<string, { schema?: unknown }> } | undefined): boolean =>
  part?.content?.['application/json']?.schema !== undefined;

/**
 * A request body's schema: JSON's, or a byte body's under its own media type (a material page's
 * JPEG, a page's chunk), which the route declares instead of JSON.
 */
const hasRequestSchema = (part: { content?: Record<string, { schema?: unknown }> } | undefined): boolean =>
  Object.values(part?.content ?? {}).some((media) => media.schema !== undefined);

/** Replies that are not JSON, with the media type each documents instead (the hall display's announcement audio). */
const NON_JSON_REPLIES: Readonly<Record<string, string>> = {
  'get /api/v1/announcements/speech': 'audio/wav',
  'get /api/v1/diagnostics': 'application/zip',
  'get /api/v1/kiosk/prompts/speech': 'audio/wav',
  'get /api/v1/lan/ca-certificate': 'application/x-pem-file',
  'get /api/v1/reports/export': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * Every operation documents a success reply; replies with a body carry its JSON schema, and
 * writes with a body carry the request schema, JSON or a byte body's (`bodiless` lists the documented exceptions).
 */
function expectSchemas(doc: OpenApiDoc, routes: readonly string[], bodiless: ReadonlySet<string>): void {
  for (const route of routes) {
    const op = operation(doc, route);
    const success = Object.entries(op.responses ?? {}).filter(([status]) => /^2\d\d$/.test(status));
    expect(success.length, `${route}: success response`).toBeGreaterThan(0);
    for (const [status, response] of success) {
      const media = NON_JSON_REPLIES[route];
      if (media !== undefined) expect(response?.content?.[media]?.schema, `${route}: ${status} ${media} schema`).toBeDefined();
      else if (status !== '204') expect(hasJsonSchema(response), `${route}: ${status} schema`).toBe(true);
    }
    if (/^(post|put|patch) /.test(route) && !bodiless.has(route)) {
      expect(hasRequestSchema(op.requestBody), `${route}: request schema`).toBe(true);
    }
  }
}

describe("the district platform's OpenAPI document (the central API)", () => {
  let db: TestDatabase;
  let api: Platform;
  let doc: OpenApiDoc;
  let baseUrl: string;

  beforeAll(async () => {
    db = await openPgliteTestDatabase();
    api = await startApi(db, { now: () => new Date() });
    baseUrl = await listenOnPort(api);
    const res = await fetch(`${baseUrl}/v1/openapi.json`, { headers: { authorization: `Bearer ${TERMINAL_TOKEN}` } });
    expect(res.status).toBe(200);
    doc = (await res.json()) as OpenApiDoc;
  });
  afterAll(async () => {
    await api.close();
    await db.close();
  });

  it('documents every registered route (the document itself aside)', () => {
    expect(doc.openapi).toMatch(/^3\./);
    const registered = registeredRoutes(api.app).filter((r) => r !== 'get /v1/openapi.json');
    expect(registered.length).toBeGreaterThan(10);
    expect(documentedRoutes(doc)).toEqual(registered);
  });

  it('gives every route its request and response schemas', () => {
    // The writes that carry no body (a credential action, a withdrawal: the path names it all), as
    // declared in the platform's operation tables.
    const declared: { method: string; path: string; body?: unknown }[] = [
      ...Object.values(platformHallOperations),
      ...Object.values(platformIndicatorOperations),
      ...Object.values(consoleOperations),
      ...Object.values(platformInboxOperations),
    ];
    const bodiless = declared
      .filter((op) => op.method !== 'GET' && op.body === undefined)
      .map((op) => `${op.method.toLowerCase()} ${op.path.replace(/:(\w+)/g, '{$1}')}`);
    expectSchemas(doc, documentedRoutes(doc), new Set(bodiless));
  });

  describe('host clients against it', () => {
    const clientOptions = () => ({ baseUrl, token: TERMINAL_TOKEN, timeoutMs: 5_000 });

    it('POST /v1/cases: documented with the Idempotency-Key header; a real submission parses', async () => {
      const op = operation(doc, 'post /v1/cases');
      expect(op.parameters?.some((p) => p.in === 'header' && p.name.toLowerCase() === 'idempotency-key' && p.required)).toBe(
        true,
      );
      expect(hasJsonSchema(op.responses?.['201'])).toBe(true);
      expect(hasJsonSchema(op.responses?.['200'])).toBe(true);
      expect(op.security).toEqual([{ terminalToken: [] }]);

      const client = new CentralClient(clientOptions());
      const key = newKey();
      const request = sampleCase({ submittedAt: new Date().toISOString() });
      const first = await client.submitCase(key, request);
      if (!first.ok) throw new Error(first.message);
      expect(first.status).toBe(201);
      const created = CreateCaseResponse.parse(first.body);
      expect(created.status).toBe('submitted');

      // The replay the outbox relies on: same key, same body, same case, status 200.
      const again = await client.submitCase(key, request);
      if (!again.ok) throw new Error(again.message);
      expect(again.status).toBe(200);
      expect(CreateCaseResponse.parse(again.body)).toEqual(created);
    });

    it('GET /v1/cases/changes: documented; a real page parses', async () => {
      const op = operation(doc, 'get /v1/cases/changes');
      expect(
        op.parameters
          ?.filter((p) => p.in === 'query')
          .map((p) => p.name)
          .sort(),
      ).toEqual(['limit', 'since']);
      expect(hasJsonSchema(op.responses?.['200'])).toBe(true);

      const central = new CentralClient(clientOptions());
      const submitted = await central.submitCase(newKey(), sampleCase({ submittedAt: new Date().toISOString() }));
      if (!submitted.ok) throw new Error(submitted.message);
      const advanced = await api.app.inject({
        method: 'POST',
        url: `/v1/admin/cases/${submitted.body.caseNumber}/status`,
        headers: adminAuth,
        payload: { status: 'accepted' },
      });
      expect(advanced.statusCode).toBe(200);

      const page = await central.changes('0', 100);
      if (!page.ok) throw new Error(page.message);
      const parsed = ChangesResponse.parse(page.body);
      const mine = parsed.changes.filter((c) => c.caseNumber === submitted.body.caseNumber).map((c) => c.status);
      expect(mine).toEqual(['submitted', 'accepted']);
      expect(parsed.nextCursor).toBe(parsed.changes.at(-1)?.cursor);
    });

    it('GET /v1/catalog: documented with 200 and 304; a real fetch parses and revalidates', async () => {
      const op = operation(doc, 'get /v1/catalog');
      expect(hasJsonSchema(op.responses?.['200'])).toBe(true);
      expect(op.responses?.['304']).toBeDefined();
      expect(op.parameters?.some((p) => p.in === 'header' && p.name.toLowerCase() === 'if-none-match')).toBe(true);

      const extras = new CentralExtrasClient(clientOptions());
      const fetched = await extras.catalog(null);
      if (!fetched.ok) throw new Error(fetched.message);
      if (fetched.body.notModified) throw new Error('expected a catalog');
      expect(CatalogResponse.parse(fetched.body.catalog).items.length).toBeGreaterThan(0);
      expect(fetched.body.etag).toMatch(/^"/);

      const revalidated = await extras.catalog(fetched.body.etag);
      expect(revalidated).toMatchObject({ ok: true, status: 304, body: { notModified: true } });
    });

    it('POST /v1/evaluations: documented with the Idempotency-Key header; a real submission parses', async () => {
      const op = operation(doc, 'post /v1/evaluations');
      expect(op.parameters?.some((p) => p.in === 'header' && p.name.toLowerCase() === 'idempotency-key' && p.required)).toBe(
        true,
      );
      expect(hasJsonSchema(op.responses?.['201'])).toBe(true);

      const extras = new CentralExtrasClient(clientOptions());
      const key = newKey();
      const request = sampleEvaluation({ level: 'dissatisfied', reason: '等待时间太长' });
      const first = await extras.submitEvaluation(key, request);
      if (!first.ok) throw new Error(first.message);
      expect(first.status).toBe(201);
      const record = EvaluationRecord.parse(first.body);
      expect(record.callbackRequired).toBe(true);

      const again = await extras.submitEvaluation(key, request);
      if (!again.ok) throw new Error(again.message);
      expect(again.status).toBe(200);
      expect(EvaluationRecord.parse(again.body)).toEqual(record);
    });
  });
});

describe('host OpenAPI document', () => {
  let host: TestHost;
  let doc: OpenApiDoc;

  beforeAll(async () => {
    host = await startTestHost();
    const res = await host.app.inject({ url: '/api/v1/openapi.json' });
    expect(res.statusCode).toBe(200);
    doc = res.json();
  });
  afterAll(async () => {
    await host.dispose();
  });

  // Deliberately undocumented: the document itself, the WebSocket event stream (not a REST
  // operation), and the start page's redirect to this terminal's role.
  const hidden = new Set(['get /api/v1/openapi.json', 'get /api/v1/events', 'get /']);

  it('documents every registered route', () => {
    const registered = registeredRoutes(host.app).filter((r) => !hidden.has(r));
    expect(registered.length).toBeGreaterThan(30);
    expect(documentedRoutes(doc)).toEqual(registered);
  });

  it('gives every route its request and response schemas', () => {
    // Actions whose URL says it all take no body; listed so a new bodiless write shows up in review.
    const bodiless = new Set(
      documentedRoutes(doc).filter((r) => /^post /.test(r) && !hasRequestSchema(operation(doc, r).requestBody)),
    );
    expect([...bodiless].sort()).toEqual(
      [
        'post /api/v1/auth/sign-out',
        'post /api/v1/backups',
        'post /api/v1/backups/{name}/restore-preview',
        'post /api/v1/cases/local/{caseId}/receipt',
        'post /api/v1/identity/end',
        'post /api/v1/manager/floor/reviews/{evaluationId}/seen',
        'post /api/v1/pairing/codes',
        'post /api/v1/pairing/rotate',
        'post /api/v1/reviews/{evaluationId}/close',
        'post /api/v1/steward-requests',
        'post /api/v1/simulator/idcard/remove',
        'post /api/v1/staff/{id}/reset-pin',
        'post /api/v1/staff/grants/{id}/confirm',
        'post /api/v1/staff/grants/{id}/refuse',
        'post /api/v1/tickets/{ticketId}/reprint',
        'post /api/v1/windows/{windowId}/call-next',
        'post /api/v1/windows/{windowId}/evaluation-request',
        'post /api/v1/windows/{windowId}/hold',
        'post /api/v1/windows/{windowId}/recall',
        'post /api/v1/windows/{windowId}/skip',
        'post /api/v1/windows/{windowId}/tickets/{ticketId}/call',
        'post /api/v1/windows/{windowId}/tickets/{ticketId}/resume',
      ].sort(),
    );
    expectSchemas(doc, documentedRoutes(doc), bodiless);
  });
});
