import type { InjectOptions } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SignInResponse } from '../../contracts/auth';
import { IssueTicketResponse } from '../../contracts/queue';
import type { TestHost } from '../support/test-host';
import { startSecurityHall, trySignIn } from './support';

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
});
