import { Socket } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import type { EventStreamMessage, HallEvent } from '../../../contracts/events';
import { IssueTicketResponse } from '../../../contracts/queue';
import { KeypadDevice } from '../../../host/devices/keypad-device';
import { pairTerminal } from '../../security/support';
import { signIn, testStaffSeeds } from '../../support/staff';
import { startTestHost, type TestHost } from '../../support/test-host';
import { waitFor } from '../../support/wait';

const PAD_1_AT = '192.168.10.41';
const PAD_2_AT = '192.168.10.42';

type RatingRequest = Extract<HallEvent, { type: 'evaluation.requested' }>;

interface Stream {
  messages: EventStreamMessage[];
  close(): void;
}

/**
 * The rating request of a window, with its token and the service, reaches the window evaluators
 * bound to that window and no other (issue 19): a pad at window 2 must not be able to rate, or use
 * up the rating of, the citizen at window 1.
 */
describe('rating requests reach only the evaluators of their window', () => {
  let host: TestHost;
  beforeEach(async () => {
    host = await startTestHost({
      config: {
        staff: await testStaffSeeds(),
        lan: { enabled: true },
        devices: [
          { id: 'idcard-1', kind: 'idcard', transport: { type: 'simulated' }, pollIntervalMs: 20 },
          {
            id: 'keypad-1',
            kind: 'caller',
            transport: { type: 'simulated' },
            options: { caller: { bindings: [{ address: 1, windowNumber: 1 }] } },
          },
        ],
      },
    });
  });
  afterEach(async () => {
    await host.dispose();
  });

  const windowId = (number: number) => host.queue.windows().find((w) => w.number === number)?.id ?? 0;

  /** An evaluator's event stream from `address` with its terminal token. */
  const open = async (address: string, token: string): Promise<Stream> => {
    const messages: EventStreamMessage[] = [];
    const socket: WebSocket = await host.app.injectWS(
      '/api/v1/events',
      {
        socket: Object.defineProperty(new Socket(), 'remoteAddress', { value: address }),
        headers: { host: 'localhost', 'x-terminal-token': token },
      },
      {
        onInit: (ws) =>
          ws.on('message', (data: WebSocket.RawData) => messages.push(JSON.parse(String(data)) as EventStreamMessage)),
      },
    );
    await waitFor(() => (messages.some((m) => m.type === 'hello') ? true : undefined), 'hello');
    return { messages, close: () => socket.close() };
  };

  const requested = (stream: Stream, ticketId: number): Promise<RatingRequest> =>
    waitFor(
      () =>
        stream.messages.find(
          (m): m is RatingRequest & { seq: number } => m.type === 'evaluation.requested' && m.ticketId === ticketId,
        ),
      'evaluation.requested',
    );

  const takeNumber = async (serviceCode = 'consulting') => {
    const res = await host.app.inject({ method: 'POST', url: '/api/v1/tickets', payload: { serviceCode, withIdentity: false } });
    expect(res.statusCode, res.body).toBe(201);
    return IssueTicketResponse.parse(res.json()).ticket;
  };

  /** The clerk signed in at window `number` calls, finishes, and asks for the rating (the counter's F7). */
  const serveAt = async (clerk: { authorization: string }, number: number) => {
    const at = `/api/v1/windows/${windowId(number)}`;
    expect((await host.app.inject({ method: 'POST', url: `${at}/call-next`, headers: clerk })).statusCode).toBe(200);
    const finished = await host.app.inject({ method: 'POST', url: `${at}/finish`, headers: clerk, payload: { outcome: 'done' } });
    expect(finished.statusCode, finished.body).toBe(200);
    const asked = await host.app.inject({ method: 'POST', url: `${at}/evaluation-request`, headers: clerk });
    expect(asked.statusCode, asked.body).toBe(200);
  };

  it("window 1's token and service reach window 1's pad; window 2's pad hears of it without them", async () => {
    const pad1 = await open(PAD_1_AT, await pairTerminal(host.app, 'evaluator', PAD_1_AT, 1));
    const pad2 = await open(PAD_2_AT, await pairTerminal(host.app, 'evaluator', PAD_2_AT, 2));
    try {
      const ticket = await takeNumber();
      await serveAt(await signIn(host.app, '1001', windowId(1)), 1);

      const atWindow1 = await requested(pad1, ticket.id);
      expect(atWindow1).toMatchObject({
        windowNumber: 1,
        token: expect.stringMatching(/^[\w-]{16,}$/) as unknown,
        ticketNumber: ticket.number,
        service: { serviceName: ticket.serviceName, staffNo: '1001', staffName: '窗口人员' },
      });
      const atWindow2 = await requested(pad2, ticket.id);
      expect(atWindow2).not.toHaveProperty('token');
      expect(atWindow2).not.toHaveProperty('service');

      // The supervisor serves at window 2: now pad 2 gets the token, and pad 1 does not.
      const second = await takeNumber();
      await serveAt(await signIn(host.app, '9001', windowId(2)), 2);
      expect(await requested(pad2, second.id)).toMatchObject({ windowNumber: 2, service: { staffNo: '9001' } });
      expect(await requested(pad1, second.id)).not.toHaveProperty('token');
    } finally {
      pad1.close();
      pad2.close();
    }
  });

  it('a pad moved to window 1 gets its next token at once; a revoked one gets none', async () => {
    const tech = await signIn(host.app, '8001');
    const pads = () =>
      host.db.prepare("SELECT id FROM terminals WHERE kind = 'evaluator' ORDER BY paired_at, rowid").all() as { id: string }[];
    const moving = await open(PAD_2_AT, await pairTerminal(host.app, 'evaluator', PAD_2_AT, 2));
    const revoked = await open(PAD_1_AT, await pairTerminal(host.app, 'evaluator', PAD_1_AT, 1));
    const [movingId, revokedId] = pads().map((p) => p.id);
    try {
      const moved = await host.app.inject({
        method: 'PUT',
        url: `/api/v1/pairing/terminals/${movingId ?? ''}/window`,
        headers: tech,
        payload: { windowNumber: 1 },
      });
      expect(moved.statusCode, moved.body).toBe(200);
      const gone = await host.app.inject({
        method: 'DELETE',
        url: `/api/v1/pairing/terminals/${revokedId ?? ''}`,
        headers: tech,
      });
      expect(gone.statusCode).toBe(200);

      const ticket = await takeNumber();
      await serveAt(await signIn(host.app, '1001', windowId(1)), 1);
      expect(await requested(moving, ticket.id)).toHaveProperty('token');
      expect(await requested(revoked, ticket.id)).not.toHaveProperty('token');
    } finally {
      moving.close();
      revoked.close();
    }
  });

  it("the keypad's 评价 key asks for the rating as F7 does: window 1's pad gets the token", async () => {
    const pad1 = await open(PAD_1_AT, await pairTerminal(host.app, 'evaluator', PAD_1_AT, 1));
    try {
      const ticket = await takeNumber();
      const clerk = await signIn(host.app, '1001', windowId(1));
      const at = `/api/v1/windows/${windowId(1)}`;
      expect((await host.app.inject({ method: 'POST', url: `${at}/call-next`, headers: clerk })).statusCode).toBe(200);
      expect((await host.app.inject({ method: 'POST', url: `${at}/finish`, headers: clerk, payload: {} })).statusCode).toBe(200);
      host.devices.simulatorsOf(KeypadDevice)[0]?.simulator?.press(1, 'evaluate');
      expect(await requested(pad1, ticket.id)).toMatchObject({ windowNumber: 1, ticketNumber: ticket.number, service: {} });
      expect(await requested(pad1, ticket.id)).toHaveProperty('token');
    } finally {
      pad1.close();
    }
  });

  it("the token rates its ticket once; the window's counter hears that the citizen rated", async () => {
    const padToken = await pairTerminal(host.app, 'evaluator', PAD_1_AT, 1);
    const pad1 = await open(PAD_1_AT, padToken);
    const counter = await open('192.168.10.50', await pairTerminal(host.app, 'counter', '192.168.10.50'));
    const rate = (payload: Record<string, unknown>) =>
      host.app.inject({
        method: 'POST',
        url: '/api/v1/evaluations',
        payload,
        remoteAddress: PAD_1_AT,
        headers: { 'x-terminal-token': padToken },
      });
    try {
      const ticket = await takeNumber();
      await serveAt(await signIn(host.app, '1001', windowId(1)), 1);
      const { token } = await requested(pad1, ticket.id);
      expect(token).toBeDefined();
      const first = await rate({ level: 'very_dissatisfied', reason: '态度不好', ticketId: ticket.id, serviceToken: token });
      expect(first.statusCode, first.body).toBe(201);
      const second = await rate({ level: 'very_satisfied', ticketId: ticket.id, serviceToken: token });
      expect(second.statusCode).toBe(409);
      expect(second.json()).toMatchObject({ error: { code: 'already_evaluated' } });

      const told = await waitFor(
        () => counter.messages.find((m) => m.type === 'evaluation.submitted' && m.ticketId === ticket.id),
        'evaluation.submitted',
      );
      // That the citizen rated, never how.
      expect(told).toMatchObject({
        type: 'evaluation.submitted',
        ticketId: ticket.id,
        ticketNumber: ticket.number,
        windowNumber: 1,
      });
      expect(Object.keys(told).sort()).toEqual(['at', 'seq', 'ticketId', 'ticketNumber', 'type', 'windowNumber']);
      expect(counter.messages.filter((m) => m.type === 'evaluation.submitted')).toHaveLength(1);
    } finally {
      pad1.close();
      counter.close();
    }
  });
});
