import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../contracts/errors';
import { CurrentIdentity } from '../../../contracts/identity';
import { IssueTicketResponse, ServiceList } from '../../../contracts/queue';
import { startTestHost, type TestHost } from '../../support/test-host';
import { signIn, testStaffSeeds } from '../../support/staff';
import { waitFor } from '../../support/wait';

describe('host API', () => {
  let host: TestHost;
  beforeEach(async () => {
    host = await startTestHost({ config: { staff: await testStaffSeeds() } });
  });
  afterEach(async () => {
    await host.dispose();
  });

  const identity = async () => CurrentIdentity.parse((await host.app.inject({ url: '/api/v1/identity' })).json()).identity;
  /** Resolves with the session once a card has been read (null is "not yet"). */
  const sessionOpened = () => waitFor(async () => (await identity()) ?? undefined, 'identity session');

  it('reports health with the simulated reader up', async () => {
    const res = await host.app.inject({ url: '/api/v1/health' });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { devices: { id: string; simulated: boolean }[]; timeZone: string };
    expect(body.timeZone).toBe('Asia/Shanghai');
    expect(body.devices).toEqual([expect.objectContaining({ id: 'idcard-1', simulated: true })]);
    await waitFor(() => (host.devices.health()[0]?.state === 'ok' ? true : undefined), 'reader health ok');
  });

  it('publishes OpenAPI with the queue routes', async () => {
    const res = await host.app.inject({ url: '/api/v1/openapi.json' });
    const doc = res.json() as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/tickets', '/api/v1/services', '/api/v1/identity']));
  });

  it('documents a captured page’s upload as a JPEG body, not JSON', async () => {
    const res = await host.app.inject({ url: '/api/v1/openapi.json' });
    const doc = res.json() as { paths: Record<string, { post?: { requestBody?: { content?: Record<string, unknown> } } }> };
    const content = doc.paths['/api/v1/cases/pages']?.post?.requestBody?.content ?? {};
    expect(Object.keys(content)).toEqual(['image/jpeg']);
    expect(content['image/jpeg']).toMatchObject({ schema: { type: 'string', format: 'binary' } });
  });

  it('a card laid on the simulated reader opens a masked identity session; removing it ends the session', async () => {
    expect(await identity()).toBeNull();
    host.devices.placeSimulatedCard('zhangSan');
    const view = await sessionOpened();
    expect(view).toMatchObject({ maskedName: '张*', cardKind: 'resident' });
    expect(view?.maskedIdNumber).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
    const raw = (await host.app.inject({ url: '/api/v1/identity' })).body;
    expect(raw).not.toContain('张三');
    host.devices.placeSimulatedCard(null);
    await waitFor(async () => ((await identity()) === null ? true : undefined), 'session end');
  });

  it('issues a ticket bound to the card and refuses a second one for the same service', async () => {
    host.devices.placeSimulatedCard('liXiaohong');
    await sessionOpened();
    const first = await host.app.inject({ method: 'POST', url: '/api/v1/tickets', payload: { serviceCode: 'business-startup' } });
    expect(first.statusCode).toBe(201);
    expect(IssueTicketResponse.parse(first.json()).ticket).toMatchObject({ number: 'A001', status: 'waiting', peopleAhead: 0 });
    const again = await host.app.inject({ method: 'POST', url: '/api/v1/tickets', payload: { serviceCode: 'business-startup' } });
    expect(again.statusCode).toBe(409);
    expect(ApiError.parse(again.json()).error.code).toBe('duplicate_ticket');
    const services = ServiceList.parse((await host.app.inject({ url: '/api/v1/services' })).json()).services;
    expect(services.find((s) => s.code === 'business-startup')?.waiting).toBe(1);
  });

  it('refuses a ticket with identity when no card has been read', async () => {
    const res = await host.app.inject({ method: 'POST', url: '/api/v1/tickets', payload: { serviceCode: 'business-startup' } });
    expect(res.statusCode).toBe(409);
    expect(ApiError.parse(res.json()).error.code).toBe('no_identity');
  });

  it('answers bad input with a typed error and stores nothing', async () => {
    const res = await host.app.inject({ method: 'POST', url: '/api/v1/tickets', payload: { serviceCode: 42 } });
    expect(res.statusCode).toBe(400);
    expect(ApiError.parse(res.json()).error.code).toBe('invalid_request');
    const bogus = await host.app.inject({
      method: 'POST',
      url: '/api/v1/tickets',
      headers: { 'content-type': 'application/json' },
      payload: '{not json',
    });
    expect(bogus.statusCode).toBe(400);
    expect(ApiError.parse(bogus.json()).error.code).toBe('invalid_request');
    const unknown = await host.app.inject({
      method: 'POST',
      url: '/api/v1/tickets',
      payload: { serviceCode: 'no-such', withIdentity: false },
    });
    expect(ApiError.parse(unknown.json()).error.code).toBe('service_unknown');
    expect(host.db.prepare('SELECT count(*) AS n FROM tickets').get()).toEqual({ n: 0 });
  });

  it('answers unknown API paths with a typed 404', async () => {
    const res = await host.app.inject({ url: '/api/v1/nope' });
    expect(res.statusCode).toBe(404);
    expect(ApiError.parse(res.json()).error.code).toBe('not_found');
  });

  it('lets staff signed in at a window call its next ticket, and nobody else', async () => {
    await host.app.inject({
      method: 'POST',
      url: '/api/v1/tickets',
      payload: { serviceCode: 'business-startup', withIdentity: false },
    });
    const window1 = host.queue.windows().find((w) => w.number === 1)?.id ?? 0;
    const window2 = host.queue.windows().find((w) => w.number === 2)?.id ?? 0;
    const anonymous = await host.app.inject({ method: 'POST', url: `/api/v1/windows/${window1}/call-next` });
    expect(anonymous.statusCode).toBe(401);
    const headers = await signIn(host.app, '1001', window1);
    const elsewhere = await host.app.inject({ method: 'POST', url: `/api/v1/windows/${window2}/call-next`, headers });
    expect(ApiError.parse(elsewhere.json()).error.code).toBe('forbidden');
    const res = await host.app.inject({ method: 'POST', url: `/api/v1/windows/${window1}/call-next`, headers });
    expect(res.json()).toMatchObject({ call: { ticketNumber: 'A001', windowNumber: 1 } });
    const empty = await host.app.inject({ method: 'POST', url: `/api/v1/windows/${window1}/call-next`, headers });
    expect(ApiError.parse(empty.json()).error.code).toBe('queue_empty');
    const missing = await host.app.inject({
      method: 'POST',
      url: '/api/v1/windows/999/call-next',
      headers: await signIn(host.app, '9001'),
    });
    expect(missing.statusCode).toBe(404);
  });

  it('grants disabled and green-channel priority only through staff', async () => {
    const self = await host.app.inject({
      method: 'POST',
      url: '/api/v1/tickets',
      payload: { serviceCode: 'consulting', withIdentity: false, priority: 'vip' },
    });
    expect(ApiError.parse(self.json()).error.code).toBe('forbidden');
    const headers = await signIn(host.app, '1001');
    const granted = await host.app.inject({
      method: 'POST',
      url: '/api/v1/tickets',
      headers,
      payload: { serviceCode: 'consulting', withIdentity: false, priority: 'disabled' },
    });
    expect(IssueTicketResponse.parse(granted.json()).ticket.priorityClass).toBe('disabled');
  });
});
