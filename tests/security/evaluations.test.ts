import { randomUUID } from 'node:crypto';
import { Socket } from 'node:net';
import type { InjectOptions } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { SignInResponse } from '../../contracts/auth';
import type { EventStreamMessage } from '../../contracts/events';
import { IssueTicketResponse } from '../../contracts/queue';
import { signIn } from '../support/staff';
import type { TestHost } from '../support/test-host';
import { waitFor } from '../support/wait';
import { pairTerminal, startSecurityHall, trySignIn } from './support';

/**
 * Issue 18, "anyone can rate anyone": POST /evaluations took any ticket or case number, with the
 * staff number and window from the caller, so a fake 差评 could be filed against a chosen clerk,
 * and the real citizen was then told "already evaluated".
 */
describe('好差评 only for a real service, by whoever received it', () => {
  let host: TestHost;
  const inject = (options: InjectOptions) => host.app.inject(options);
  const rate = (payload: Record<string, unknown>) => inject({ method: 'POST', url: '/api/v1/evaluations', payload });
  const BAD = { level: 'very_dissatisfied', reason: '态度不好' };

  /** The rows filed: who was rated, at which window. */
  const filed = () =>
    host.db
      .prepare(
        'SELECT ticket_number AS ticket, window_number AS window, staff_number AS staff, case_number AS caseNumber FROM evaluations',
      )
      .all();

  /** A citizen takes a number: the ticket, and the key its paper QR carries. */
  const takeNumber = async () => {
    const res = await inject({
      method: 'POST',
      url: '/api/v1/tickets',
      payload: { serviceCode: 'business-startup', withIdentity: false },
    });
    expect(res.statusCode, res.body).toBe(201);
    const issued = IssueTicketResponse.parse(res.json());
    return { ticketId: issued.ticket.id, ticketKey: new URL(issued.progressUrl).searchParams.get('k') ?? '' };
  };

  beforeEach(async () => {
    host = await startSecurityHall();
  });
  afterEach(async () => {
    await host.dispose();
  });

  it('a ticket nobody served cannot be rated, whatever staff number the caller names', async () => {
    const { ticketId } = await takeNumber();
    const res = await rate({ ...BAD, ticketId, windowNumber: 2, staffNo: '1002' });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(filed()).toEqual([]);
  });

  it('a served ticket is rated once, by whoever holds its paper; staff and window come from the record', async () => {
    const { ticketId, ticketKey } = await takeNumber();
    const signedIn = await trySignIn(host.app, { staffNo: '1001', windowId: 1 });
    const clerk = { authorization: `Bearer ${SignInResponse.parse(signedIn.json()).token}` };
    expect((await inject({ method: 'POST', url: '/api/v1/windows/1/call-next', headers: clerk })).statusCode).toBe(200);
    expect(
      (await inject({ method: 'POST', url: '/api/v1/windows/1/finish', headers: clerk, payload: { outcome: 'done' } }))
        .statusCode,
    ).toBe(200);

    // Someone who only knows the ticket's id (it is on the hall screen) cannot rate it.
    const noKey = await rate({ ...BAD, ticketId, windowNumber: 2, staffNo: '1002' });
    expect(noKey.statusCode).toBe(403);
    expect(noKey.json()).toMatchObject({ error: { code: 'evaluation_refused' } });
    const forged = await rate({ ...BAD, ticketId, ticketKey: 'AAAAAAAAAAAAAAAA' });
    expect(forged.statusCode).toBe(403);
    expect(filed()).toEqual([]);

    // The citizen with the paper is not told "already evaluated"; what they name is ignored.
    const real = await rate({ level: 'satisfied', ticketId, ticketKey, windowNumber: 2, staffNo: '1002' });
    expect(real.statusCode, real.body).toBe(201);
    expect(filed()).toEqual([{ ticket: 'A001', window: '1', staff: '1001', caseNumber: null }]);
    const again = await rate({ ...BAD, ticketId, ticketKey });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: { code: 'already_evaluated' } });
    expect(filed()).toHaveLength(1);
  });

  it('a case is rated only from the card that filed it', async () => {
    const res = await rate({ ...BAD, caseNumber: 'HK20261127000001' });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(filed()).toEqual([]);
  });

  describe('the window evaluator: the token it receives when the service ends', () => {
    const EVALUATOR_AT = '192.168.10.41';
    const DISPLAY_AT = '192.168.10.42';

    interface Stream {
      messages: EventStreamMessage[];
      close(): void;
    }

    /** An event stream opened from `address` (the loopback: this machine's kiosk page), with its terminal token. */
    const open = async (address: string, query = '', terminalToken?: string): Promise<Stream> => {
      const messages: EventStreamMessage[] = [];
      const socket: WebSocket = await host.app.injectWS(
        `/api/v1/events${query}`,
        {
          socket: Object.defineProperty(new Socket(), 'remoteAddress', { value: address }),
          headers: { host: 'localhost', ...(terminalToken === undefined ? {} : { 'x-terminal-token': terminalToken }) },
        },
        {
          onInit: (ws) =>
            ws.on('message', (data: WebSocket.RawData) => messages.push(JSON.parse(String(data)) as EventStreamMessage)),
        },
      );
      await waitFor(() => (messages.some((m) => m.type === 'hello') ? true : undefined), 'hello');
      return { messages, close: () => socket.close() };
    };

    const requested = (stream: Stream, ticketId: number) =>
      waitFor(
        () => stream.messages.find((m) => m.type === 'evaluation.requested' && m.ticketId === ticketId),
        'evaluation.requested',
      );

    /** Clerk 1001 at window 1 calls and finishes the next ticket, then asks for its rating. */
    const serve = async (clerk: { authorization: string }) => {
      expect((await inject({ method: 'POST', url: '/api/v1/windows/1/call-next', headers: clerk })).statusCode).toBe(200);
      const finished = await inject({
        method: 'POST',
        url: '/api/v1/windows/1/finish',
        headers: clerk,
        payload: { outcome: 'done' },
      });
      expect(finished.statusCode, finished.body).toBe(200);
      // As the counter page does after its outcome dialog: the citizen is asked for a rating.
      const asked = await inject({ method: 'POST', url: '/api/v1/windows/1/evaluation-request', headers: clerk });
      expect(asked.statusCode, asked.body).toBe(200);
    };

    it("only the paired evaluator's stream receives the token; a display and a kiosk page do not, nor a replay", async () => {
      const evaluator = await open(EVALUATOR_AT, '', await pairTerminal(host.app, 'evaluator', EVALUATOR_AT, 1));
      const display = await open(DISPLAY_AT, '', await pairTerminal(host.app, 'display', DISPLAY_AT));
      const kioskPage = await open('127.0.0.1', `?kioskPage=${randomUUID()}`);
      try {
        const { ticketId } = await takeNumber();
        await serve(await signIn(host.app, '1001', 1));

        const toEvaluator = await requested(evaluator, ticketId);
        expect(toEvaluator).toMatchObject({ type: 'evaluation.requested', ticketId, windowNumber: 1 });
        expect(toEvaluator).toHaveProperty('token', expect.stringMatching(/^[\w-]{16,}$/));
        for (const stream of [display, kioskPage]) {
          const event = await requested(stream, ticketId);
          expect(event).toMatchObject({ ticketId, windowNumber: 1 });
          expect(event).not.toHaveProperty('token');
        }

        // An evaluator reconnecting with `since` gets what it missed, never a token again.
        const hello = evaluator.messages.find((m) => m.type === 'hello');
        if (hello?.type !== 'hello') throw new Error('no hello');
        const replay = await open(
          EVALUATOR_AT,
          `?since=${hello.seq}&bootId=${hello.bootId}`,
          await pairTerminal(host.app, 'evaluator', EVALUATOR_AT, 1),
        );
        try {
          expect(await requested(replay, ticketId)).not.toHaveProperty('token');
        } finally {
          replay.close();
        }
      } finally {
        for (const stream of [evaluator, display, kioskPage]) stream.close();
      }
    });

    it('the evaluator rates that ticket with its token once; staff and window come from the record', async () => {
      const evaluatorToken = await pairTerminal(host.app, 'evaluator', EVALUATOR_AT, 1);
      const evaluator = await open(EVALUATOR_AT, '', evaluatorToken);
      const fromEvaluator = (payload: Record<string, unknown>) =>
        inject({
          method: 'POST',
          url: '/api/v1/evaluations',
          payload,
          remoteAddress: EVALUATOR_AT,
          headers: { 'x-terminal-token': evaluatorToken },
        });
      try {
        const first = await takeNumber();
        const second = await takeNumber();
        const clerk = await signIn(host.app, '1001', 1);
        await serve(clerk);
        await serve(clerk);
        const tokenOf = async (ticketId: number) => {
          const event = await requested(evaluator, ticketId);
          if (event.type !== 'evaluation.requested' || event.token === undefined) throw new Error('no token');
          return event.token;
        };
        const firstToken = await tokenOf(first.ticketId);

        // The token of another ticket, or a made-up one, proves nothing; nothing about the ticket is told.
        const crossed = await fromEvaluator({ ...BAD, ticketId: second.ticketId, serviceToken: firstToken });
        expect(crossed.statusCode).toBe(403);
        expect(crossed.json()).toMatchObject({ error: { code: 'evaluation_refused' } });
        const forged = await fromEvaluator({ ...BAD, ticketId: 999_999, serviceToken: 'AAAAAAAAAAAAAAAA' });
        expect(forged.statusCode).toBe(403);
        expect(forged.json()).toMatchObject({ error: { code: 'evaluation_refused' } });
        expect(filed()).toEqual([]);

        const rated = await fromEvaluator({
          level: 'satisfied',
          ticketId: first.ticketId,
          serviceToken: firstToken,
          windowNumber: 2,
          staffNo: '1002',
        });
        expect(rated.statusCode, rated.body).toBe(201);
        expect(filed()).toEqual([{ ticket: 'A001', window: '1', staff: '1001', caseNumber: null }]);

        const again = await fromEvaluator({ ...BAD, ticketId: first.ticketId, serviceToken: firstToken });
        expect(again.statusCode).toBe(409);
        expect(again.json()).toMatchObject({ error: { code: 'already_evaluated' } });
        // Nor with the paper's key: one rating per service, whatever proves it.
        const paper = await fromEvaluator({ ...BAD, ticketId: first.ticketId, ticketKey: first.ticketKey });
        expect(paper.statusCode).toBe(409);
        expect(filed()).toHaveLength(1);
      } finally {
        evaluator.close();
      }
    });
  });
});
