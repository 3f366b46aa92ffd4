import { Socket } from 'node:net';
import type { WebSocket } from 'ws';
import { SignInResponse } from '../../contracts/auth';
import type { SubmitEvaluationRequest } from '../../contracts/cases';
import { SubmitEvaluationResponse } from '../../contracts/cases';
import { EventStreamMessage } from '../../contracts/events';
import { ClaimPairingResponse, PairingCode } from '../../contracts/pairing';
import { IssueTicketResponse } from '../../contracts/queue';
import { TEST_PIN } from './staff';
import type { TestHost } from './test-host';
import { waitFor } from './wait';

/** Where the window's rating pad (评价器) sits on the hall LAN (invented). */
const EVALUATOR_AT = '192.168.10.61';

type Rating = Pick<SubmitEvaluationRequest, 'level' | 'reason' | 'comment'>;

/** Fails loudly on a reply the step did not expect (no test framework here: the screenshots use it too). */
function expectStatus(step: string, res: { statusCode: number; body: string }, status: number): void {
  if (res.statusCode !== status) throw new Error(`${step}: ${res.statusCode} ${res.body}`);
}

/**
 * A citizen takes a number, clerk 1001 at window 1 calls it, finishes it and asks for the rating,
 * and the window's paired rating pad rates it with the token it received on its event stream, as
 * the window evaluator does (POST /evaluations with `serviceToken`). The host needs staff 1001
 * and technician 8001 (`testStaffSeeds`). Returns the evaluation.
 *
 * The API's shortcut, for scripts that need many ratings on a clock they move (the manager
 * screenshots); tests of what the citizen does drive the real /rate page (`evaluator-pad.ts`).
 */
export async function rateAtWindowEvaluator(host: TestHost, rating: Rating): Promise<SubmitEvaluationResponse> {
  const inject = host.app.inject.bind(host.app);
  const bearer = async (staffNo: string, windowId?: number) => {
    const res = await inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { staffNo, pin: TEST_PIN, ...(windowId === undefined ? {} : { windowId }) },
    });
    expectStatus(`sign-in ${staffNo}`, res, 200);
    return { authorization: `Bearer ${SignInResponse.parse(res.json()).token}` };
  };

  // The pad is paired once per test host, by technician 8001.
  const code = await inject({ method: 'POST', url: '/api/v1/pairing/codes', headers: await bearer('8001') });
  expectStatus('pairing code', code, 201);
  const claimed = await inject({
    method: 'POST',
    url: '/api/v1/pairing/claim',
    payload: { code: PairingCode.parse(code.json()).code, name: '1号窗口评价器', kind: 'evaluator', windowNumber: 1 },
    remoteAddress: EVALUATOR_AT,
  });
  expectStatus('pairing claim', claimed, 201);
  const terminalToken = ClaimPairingResponse.parse(claimed.json()).token;

  const messages: EventStreamMessage[] = [];
  const socket: WebSocket = await host.app.injectWS(
    '/api/v1/events',
    {
      socket: Object.defineProperty(new Socket(), 'remoteAddress', { value: EVALUATOR_AT }),
      headers: { host: 'localhost', 'x-terminal-token': terminalToken },
    },
    {
      onInit: (ws) =>
        ws.on('message', (data: WebSocket.RawData) => messages.push(EventStreamMessage.parse(JSON.parse(String(data))))),
    },
  );
  try {
    await waitFor(() => (messages.some((m) => m.type === 'hello') ? true : undefined), 'the evaluator’s stream');
    const issued = await inject({
      method: 'POST',
      url: '/api/v1/tickets',
      payload: { serviceCode: 'business-startup', withIdentity: false },
    });
    expectStatus('ticket', issued, 201);
    const { ticket } = IssueTicketResponse.parse(issued.json());
    const clerk = await bearer('1001', 1);
    expectStatus('call', await inject({ method: 'POST', url: '/api/v1/windows/1/call-next', headers: clerk }), 200);
    expectStatus(
      'finish',
      await inject({ method: 'POST', url: '/api/v1/windows/1/finish', headers: clerk, payload: { outcome: 'done' } }),
      200,
    );
    expectStatus(
      'rating asked',
      await inject({ method: 'POST', url: '/api/v1/windows/1/evaluation-request', headers: clerk }),
      200,
    );
    const serviceToken = await waitFor(() => {
      const asked = messages.find((m) => m.type === 'evaluation.requested' && m.ticketId === ticket.id);
      return asked?.type === 'evaluation.requested' ? asked.token : undefined;
    }, 'the evaluator’s token');
    const rated = await inject({
      method: 'POST',
      url: '/api/v1/evaluations',
      payload: { ...rating, ticketId: ticket.id, serviceToken },
      remoteAddress: EVALUATOR_AT,
      headers: { 'x-terminal-token': terminalToken },
    });
    expectStatus('rating', rated, 201);
    return SubmitEvaluationResponse.parse(rated.json());
  } finally {
    socket.close();
  }
}
