import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../../contracts/errors';
import { CallNextResponse, IssueTicketResponse, TicketResponse, Window } from '../../../contracts/queue';
import { SignInResponse } from '../../../contracts/auth';
import { TEST_PIN, testStaffSeeds } from '../../support/staff';
import { startTestHost, type TestHost } from '../../support/test-host';

/** The hall API over a real socket, as a counter PC or keypad adapter would use it. */
describe('hall API over HTTP', () => {
  let host: TestHost;
  let base: string;
  let auth: Record<string, string>;
  let windowId: number;

  const post = async (path: string, body?: unknown, raw?: string) => {
    const res = await fetch(`${base}/api/v1${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth },
      body: raw ?? JSON.stringify(body ?? {}),
    });
    return { status: res.status, body: (await res.json()) as unknown };
  };
  const errorCode = (body: unknown) => ApiError.parse(body).error.code;

  beforeAll(async () => {
    host = await startTestHost({ config: { staff: await testStaffSeeds(), devices: [] } });
    base = await host.app.listen({ host: '127.0.0.1', port: 0 });
    windowId = host.queue.windows().find((w) => w.number === 1)?.id ?? 0;
    auth = {};
    const signIn = await post('/auth/sign-in', { staffNo: '1001', pin: TEST_PIN, windowId });
    auth = { authorization: `Bearer ${SignInResponse.parse(signIn.body).token}` };
  });
  afterAll(async () => {
    await host.dispose();
  });

  it('rejects malformed payloads with a typed 400 naming the problem', async () => {
    const broken = await post('/tickets', undefined, '{"serviceCode": ');
    expect(broken.status).toBe(400);
    expect(errorCode(broken.body)).toBe('invalid_request');
    const wrongType = await post('/tickets', { serviceCode: 'business-startup', withIdentity: 'yes' });
    expect(wrongType.status).toBe(400);
    expect(JSON.stringify(wrongType.body)).toContain('withIdentity');
    const both = await post(`/windows/${windowId}/transfer`, { toService: 'consulting', toWindowId: 2 });
    expect(both.status).toBe(400);
    const badOutcome = await post(`/windows/${windowId}/finish`, { outcome: 'maybe' });
    expect(badOutcome.status).toBe(400);
    const badWindow = await post('/windows/abc/call-next');
    expect(badWindow.status).toBe(400);
  });

  it('runs a citizen through issue → call → recall → hold → resume → transfer → call → finish', async () => {
    const issued = IssueTicketResponse.parse(
      (await post('/tickets', { serviceCode: 'business-startup', withIdentity: false })).body,
    ).ticket;
    const call = CallNextResponse.parse((await post(`/windows/${windowId}/call-next`)).body).call;
    expect(call.ticketId).toBe(issued.id);
    expect(CallNextResponse.parse((await post(`/windows/${windowId}/recall`)).body).call.recall).toBe(1);
    expect(TicketResponse.parse((await post(`/windows/${windowId}/hold`)).body).ticket.status).toBe('held');
    expect(CallNextResponse.parse((await post(`/windows/${windowId}/tickets/${issued.id}/resume`)).body).call.ticketNumber).toBe(
      issued.number,
    );
    const moved = TicketResponse.parse((await post(`/windows/${windowId}/transfer`, { toService: 'consulting' })).body).ticket;
    expect(moved).toMatchObject({ status: 'waiting', serviceCode: 'consulting' });
    CallNextResponse.parse((await post(`/windows/${windowId}/call-next`)).body); // window 1 serves consulting too
    const done = TicketResponse.parse((await post(`/windows/${windowId}/finish`, { outcome: 'referred' })).body).ticket;
    expect(done).toMatchObject({ status: 'finished', outcome: 'referred', recallCount: 1 });
    const paused = Window.parse((await post(`/windows/${windowId}/pause`, { paused: true })).body);
    expect(paused.paused).toBe(true);
    expect(errorCode((await post(`/windows/${windowId}/call-next`)).body)).toBe('window_paused');
    Window.parse((await post(`/windows/${windowId}/pause`, { paused: false })).body);
  });

  it('answers a wrong PIN and an unknown staff number alike', async () => {
    const saved = auth;
    auth = {};
    const wrongPin = await post('/auth/sign-in', { staffNo: '1001', pin: '000000' });
    const unknown = await post('/auth/sign-in', { staffNo: '7777', pin: '000000' });
    auth = saved;
    expect(wrongPin.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(errorCode(wrongPin.body)).toBe(errorCode(unknown.body));
  });
});
