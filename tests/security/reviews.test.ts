import type { InjectOptions } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { operationList, operationUrl } from '../../contracts/api';
import { IssueTicketResponse } from '../../contracts/queue';
import { ReviewFollowup, ReviewList } from '../../contracts/reviews';
import type { TestHost } from '../support/test-host';
import { bearer, startSecurityHall } from './support';

/**
 * 差评整改回访 is the supervisors' business: a 差评 names a clerk and carries what the citizen
 * wrote. A clerk, the rated one included, can neither read nor move a follow-up (nor appeal
 * their own 差评 past the supervisors); a technician sees the counts only.
 */
describe('差评 follow-ups: supervisors only', () => {
  let host: TestHost;
  let evaluationId: string;
  const inject = (options: InjectOptions) => host.app.inject(options);

  /** A ticket served by clerk 1001 at window 1 and rated 非常不满意 with its paper's key. */
  const rateBadly = async (): Promise<string> => {
    const issued = await inject({
      method: 'POST',
      url: '/api/v1/tickets',
      payload: { serviceCode: 'business-startup', withIdentity: false },
    });
    const { ticket, progressUrl } = IssueTicketResponse.parse(issued.json());
    const signIn = await inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { staffNo: '1001', pin: '246810', windowId: 1 },
    });
    expect(signIn.statusCode, signIn.body).toBe(200);
    const atWindow = { authorization: `Bearer ${signIn.json<{ token: string }>().token}` };
    expect((await inject({ method: 'POST', url: '/api/v1/windows/1/call-next', headers: atWindow })).statusCode).toBe(200);
    const finished = await inject({
      method: 'POST',
      url: '/api/v1/windows/1/finish',
      headers: atWindow,
      payload: { outcome: 'done' },
    });
    expect(finished.statusCode).toBe(200);
    const rated = await inject({
      method: 'POST',
      url: '/api/v1/evaluations',
      payload: {
        level: 'very_dissatisfied',
        reason: '态度不好',
        ticketId: ticket.id,
        ticketKey: new URL(progressUrl).searchParams.get('k'),
      },
    });
    expect(rated.statusCode, rated.body).toBe(201);
    return rated.json<{ id: string }>().id;
  };

  const reviewOps = operationList.filter((op) => op.tags?.includes('reviews'));
  const bodies: Record<string, object> = {
    assignReview: { handlerStaffNumber: '1001' },
    verifyReview: { verification: '属实' },
    rectifyReview: { rectification: '已整改' },
    callbackReview: { result: '认可', rating: 'satisfied' },
    appealReview: { reason: '有误' },
    decideReviewAppeal: { decision: 'overturned' },
  };
  const callAll = async (headers: Record<string, string>) => {
    const statuses: Record<string, number> = {};
    for (const op of reviewOps) {
      const res = await inject({
        method: op.method,
        url: operationUrl(op, {
          params: { evaluationId },
          query: op.name === 'reviewRates' ? { from: '2026-01-01', to: '2026-12-31' } : {},
        }),
        headers,
        ...(op.body ? { payload: bodies[op.name] ?? {} } : {}),
      });
      statuses[op.name] = res.statusCode;
    }
    return statuses;
  };
  const followupRow = () => host.db.prepare('SELECT * FROM review_followups WHERE evaluation_id = ?').get(evaluationId);

  beforeEach(async () => {
    host = await startSecurityHall();
    evaluationId = await rateBadly();
  });
  afterEach(async () => {
    await host.dispose();
  });

  it('declares every review operation for supervisors, the counts for technicians too', () => {
    expect(reviewOps.map((op) => [op.name, op.access.staff])).toEqual(
      reviewOps.map((op) => [op.name, op.name === 'reviewSummary' ? ['supervisor', 'technician'] : ['supervisor']]),
    );
    expect(reviewOps).toHaveLength(11);
  });

  it('refuses a clerk (the rated one too) and a technician; nothing changes', async () => {
    const before = followupRow();
    for (const staffNo of ['1001', '1002']) {
      const statuses = await callAll(await bearer(host.app, staffNo));
      expect(Object.values(statuses), staffNo).toEqual(reviewOps.map(() => 403));
    }
    const technician = await callAll(await bearer(host.app, '8001'));
    expect(technician).toEqual(Object.fromEntries(reviewOps.map((op) => [op.name, op.name === 'reviewSummary' ? 200 : 403])));
    expect(Object.values(await callAll({}))).toEqual(reviewOps.map(() => 401));
    expect(followupRow()).toEqual(before);
  });

  it('lets a supervisor read and move it; the appeal is reviewed by another supervisor', async () => {
    const supervisor = await bearer(host.app, '9001');
    const list = await inject({ url: '/api/v1/reviews?filter=open', headers: supervisor });
    expect(list.statusCode).toBe(200);
    expect(ReviewList.parse(list.json()).reviews.map((r) => [r.evaluationId, r.subject])).toEqual([
      [evaluationId, { kind: 'ticket', ticketId: 1, ticketNumber: 'A001', windowNumber: '1', staffNumber: '1001' }],
    ]);
    const step = (name: string, payload: object, headers = supervisor) =>
      inject({ method: 'POST', url: `/api/v1/reviews/${evaluationId}/${name}`, headers, payload });
    expect((await step('assign', { handlerStaffNumber: '1001' })).statusCode).toBe(200);
    expect((await step('verify', { verification: '属实' })).statusCode).toBe(200);
    expect((await step('appeal', { reason: '有误' })).statusCode).toBe(200);
    const own = await step('appeal/decision', { decision: 'overturned' });
    expect([own.statusCode, own.json<{ error: { code: string } }>().error.code]).toEqual([409, 'review_own_appeal']);
    const decided = await step('appeal/decision', { decision: 'overturned' }, await bearer(host.app, '9002'));
    expect(decided.statusCode).toBe(200);
    expect(ReviewFollowup.parse(decided.json())).toMatchObject({ status: 'overturned', next: [] });
    const after = await step('rectify', { rectification: '已整改' });
    expect([after.statusCode, after.json<{ error: { code: string } }>().error.code]).toEqual([409, 'review_overturned']);
  });
});
