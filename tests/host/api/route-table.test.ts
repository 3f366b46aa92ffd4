import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admitsTerminal, API_PREFIX, operationList, operationPath, operations, type Operation } from '../../../contracts/api';
import { relayedOperations } from '../../../host/hall-link/relay';
import { signIn, testStaffSeeds } from '../../support/staff';
import { startTestHost, type TestHost } from '../../support/test-host';

/**
 * The host serves exactly the route table (contracts/api): no route without a declaration, no
 * declaration without a route, each route documented under its operation's name, the declared
 * access enforced, and a secondary kiosk's relay covering exactly the operations marked `relay`.
 */

/** `METHOD /path` of every API route the app serves (HEAD is Fastify's automatic twin of GET). */
function servedRoutes(app: FastifyInstance): string[] {
  const stack: string[] = [];
  const routes: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = /^([│ ]*)[├└]── (\S+)(?: \(([^)]+)\))?$/.exec(line);
    if (!match) continue;
    const depth = (match[1] ?? '').length / 4;
    const path = (stack[depth - 1] ?? '') + (match[2] ?? '');
    stack[depth] = path;
    stack.length = depth + 1;
    for (const method of (match[3] ?? '').split(',').map((m) => m.trim())) {
      if (method === '' || method === 'HEAD') continue;
      routes.push(`${method} ${path}`);
    }
  }
  // The pages and assets outside the API are the renderer's, not operations.
  return routes.filter((route) => route.split(' ')[1]?.startsWith(`${API_PREFIX}/`)).sort();
}

const declared = (ops: readonly Operation[]) => ops.map((op) => `${op.method} ${API_PREFIX}${op.path}`).sort();

/** A URL for `op` with made-up parameters (ids that exist nowhere, in each parameter's shape). */
const sampleUrl = (op: Operation) =>
  operationPath(
    op,
    Object.fromEntries(
      [...op.path.matchAll(/:(\w+)/g)].map(([, name]) => [
        name,
        name === 'caseId' || name === 'terminalId'
          ? '00000000-0000-4000-8000-000000000000'
          : name === 'caseNumber'
            ? 'X1'
            : name === 'requestId'
              ? 'ticket-1'
              : '1',
      ]),
    ),
  );

interface OpenApiDoc {
  paths: Record<string, Record<string, { operationId?: string; responses?: Record<string, unknown> } | undefined> | undefined>;
}

const READER = { id: 'idcard-1', kind: 'idcard' as const, transport: { type: 'simulated' as const }, pollIntervalMs: 20 };

describe('the routes a host serves', () => {
  let host: TestHost;
  let plain: TestHost;

  beforeAll(async () => {
    host = await startTestHost({ config: { staff: await testStaffSeeds(), devices: [READER] } });
    // Real devices only: no simulator routes (and nothing opened: the device list is empty).
    plain = await startTestHost({ config: { devices: [] } });
  });
  afterAll(async () => {
    await host.dispose();
    await plain.dispose();
  });

  it('are the route table, no more and no less', () => {
    expect(servedRoutes(host.app)).toEqual(declared(operationList));
  });

  it('leave out the simulator operations on a host without simulated devices', () => {
    expect(servedRoutes(plain.app)).toEqual(declared(operationList.filter((op) => !op.access.simulator)));
  });

  it('are documented under their operation names', async () => {
    const doc = (await host.app.inject({ url: operationPath(operations.openApi) })).json<OpenApiDoc>();
    for (const op of operationList.filter((o) => !o.hide)) {
      const path = `${API_PREFIX}${op.path.replace(/:(\w+)/g, '{$1}')}`;
      expect(doc.paths[path]?.[op.method.toLowerCase()]?.operationId, op.name).toBe(op.name);
    }
  });

  it('document the refusals of their access guard', async () => {
    const doc = (await host.app.inject({ url: operationPath(operations.openApi) })).json<OpenApiDoc>();
    const statuses = (path: string, method: string) => Object.keys(doc.paths[`${API_PREFIX}${path}`]?.[method]?.responses ?? {});
    expect(statuses('/identity', 'get')).toEqual(expect.arrayContaining(['200', '401', '403']));
    expect(statuses('/terminal/tickets', 'post')).toEqual(expect.arrayContaining(['201', '401', '403']));
  });

  it('enforce the declared access', async () => {
    const staff = await signIn(host.app, '1001', 1);
    const technician = await signIn(host.app, '8001');
    // The guard runs before validation: a request without its body shows the guard alone.
    const guarded = operationList.filter(
      (o) => !admitsTerminal(o, 'kioskShell') || (o.access.staff !== undefined && o.access.staff !== 'optional'),
    );
    expect(guarded.length).toBeGreaterThan(25);
    for (const op of guarded) {
      const anonymous = await host.app.inject({ method: op.method, url: sampleUrl(op) });
      const expected = admitsTerminal(op, 'kioskShell') ? [401, 'unauthorized'] : [403, 'terminal_forbidden'];
      expect([anonymous.statusCode, anonymous.json<{ error: { code: string } }>().error.code], op.name).toEqual(expected);
      const roles = op.access.staff;
      if (roles === undefined || roles === 'any' || roles === 'optional') continue;
      // Each staff operation refuses the role it does not list (a supervisor counts as staff).
      const outsider = roles.includes('technician') ? (roles.includes('staff') ? null : staff) : technician;
      if (outsider === null) continue;
      const refused = await host.app.inject({ method: op.method, url: sampleUrl(op), headers: outsider });
      expect(refused.statusCode, op.name).toBe(403);
    }
  });
});

describe('on a secondary kiosk', () => {
  let kiosk: TestHost;

  beforeAll(async () => {
    // A hall address nobody answers, and never paired: relayed operations say so, hall-only ones refuse.
    kiosk = await startTestHost({ config: { staff: await testStaffSeeds(), devices: [READER], hallUrl: 'http://127.0.0.1:9' } });
  });
  afterAll(async () => {
    await kiosk.dispose();
  });

  it('relays exactly the operations the table marks relay', () => {
    const marked = operationList.filter((op) => op.secondary === 'relay').map((op) => op.name);
    expect([...relayedOperations()].sort()).toEqual([...marked].sort());
    expect(marked.length).toBeGreaterThan(5);
  });

  it('answers relayed operations from the hall and refuses hall-only ones', async () => {
    // Hall-only operations are counter work: a signed-in supervisor passes their guard and meets the refusal.
    const supervisor = await signIn(kiosk.app, '9001');
    // Bodies the contract accepts, so the request reaches the relay (it runs after validation).
    const bodies: Partial<Record<string, unknown>> = {
      transfer: { toWindowId: 2 },
      finish: {},
      pause: { paused: true },
      extendHours: { serviceCode: 'consulting', until: '18:30' },
      issueCounterTicket: { serviceCode: 'consulting', priority: 'vip' },
      publishNotice: { title: 't', body: 'b' },
      editNotice: { title: 't', body: 'b', audience: { scope: 'all' } },
      stewardAction: { action: 'note', note: 'n' },
    };
    // Likewise the queries a contract requires.
    const range = '?from=2026-01-01&to=2026-01-31';
    const queries: Partial<Record<string, string>> = { report: range, reportExport: range };
    for (const op of operationList.filter((o) => o.secondary !== undefined)) {
      const payload = bodies[op.name] ?? (op.body ? {} : undefined);
      const res = await kiosk.app.inject({
        method: op.method,
        url: `${sampleUrl(op)}${queries[op.name] ?? ''}`,
        headers: supervisor,
        ...(payload === undefined ? {} : { payload }),
      });
      const code = res.json<{ error?: { code: string } }>().error?.code;
      // Relayed: the request is checked against the contract first (400), then asks the unpaired hall (503).
      if (op.secondary === 'relay') expect(['hall_unpaired', 'invalid_request'], op.name).toContain(code);
      else expect(code, op.name).toBe('served_by_hall');
    }
  });

  it('treats HEAD like its GET for hall-only operations and serves it locally otherwise', async () => {
    const supervisor = await signIn(kiosk.app, '9001');
    expect((await kiosk.app.inject({ method: 'HEAD', url: `${API_PREFIX}/stats/today`, headers: supervisor })).statusCode).toBe(
      409,
    );
    expect((await kiosk.app.inject({ method: 'HEAD', url: `${API_PREFIX}/services` })).statusCode).toBe(200);
  });
});
