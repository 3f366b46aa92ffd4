import { afterEach, beforeEach, expect, it } from 'vitest';
import {
  CentralErrorBody,
  EvaluationRecord,
  ReviewOutcomeRecord,
  ReviewOutcomesResponse,
  type ReviewOutcomeRequest,
} from '../../../contracts/central-api';
import type { Platform } from '../../../platform/server';
import { sampleEvaluation } from '../support/samples';
import { adminAuth, newKey, startApi, terminalAuth } from '../support/platform';
import { describeEachDatabase } from '../support/each-database';
import { hallAuth } from '../support/halls';

/** The closed loop of a 差评 delivered under `evaluationKey`. */
function closedOutcome(evaluationKey: string, overrides: Partial<ReviewOutcomeRequest> = {}): ReviewOutcomeRequest {
  return {
    hallId: 'hall-01',
    evaluationKey,
    stage: 'closed',
    ratedDate: '2026-11-27',
    dueDate: '2026-12-04',
    handlerStaffNumber: 'S0231',
    verification: { text: '情况属实', at: '2026-11-27T03:00:00.000Z' },
    rectification: { text: '已调整材料清单', at: '2026-11-30T03:00:00.000Z', onTime: true },
    callback: { result: '已电话回访，群众认可', rating: 'satisfied', at: '2026-12-01T03:00:00.000Z' },
    closedAt: '2026-12-01T04:00:00.000Z',
    reportedAt: '2026-12-01T04:00:00.000Z',
    ...overrides,
  };
}

describeEachDatabase('platform: 差评整改回访 outcomes', (database) => {
  let api: Platform;

  beforeEach(async () => {
    api = await startApi(database());
  });
  afterEach(async () => {
    await api.close();
  });

  /** A 差评 delivered by hall-01 under `key`: its central record. */
  const deliverBadRating = async (key: string) => {
    const res = await api.app.inject({
      method: 'POST',
      url: '/v1/evaluations',
      headers: { ...terminalAuth, 'idempotency-key': key },
      payload: sampleEvaluation({ level: 'very_dissatisfied', reason: '办理时间长' }),
    });
    expect(res.statusCode).toBe(201);
    return EvaluationRecord.parse(res.json());
  };
  const report = (key: string, body: unknown) =>
    api.app.inject({
      method: 'POST',
      url: '/v1/evaluations/outcomes',
      headers: { ...terminalAuth, 'idempotency-key': key },
      payload: body as object,
    });
  const listed = async () => {
    const res = await api.app.inject({ method: 'GET', url: '/v1/admin/evaluations/outcomes', headers: adminAuth });
    expect(res.statusCode).toBe(200);
    return ReviewOutcomesResponse.parse(res.json()).outcomes;
  };

  it('takes the decided appeal and the closed loop of an evaluation the hall delivered, tied to its central id', async () => {
    const evaluationKey = newKey();
    const evaluation = await deliverBadRating(evaluationKey);

    const appeal = await report(newKey(), {
      ...closedOutcome(evaluationKey),
      stage: 'appeal_decided',
      appeal: {
        reason: '评价对象有误',
        at: '2026-11-28T01:00:00.000Z',
        decision: 'upheld',
        decidedAt: '2026-11-28T02:00:00.000Z',
      },
      callback: undefined,
      closedAt: undefined,
    });
    expect(appeal.statusCode, appeal.body).toBe(201);
    const closed = await report(newKey(), closedOutcome(evaluationKey));
    expect(closed.statusCode, closed.body).toBe(201);
    expect(ReviewOutcomeRecord.parse(closed.json())).toMatchObject({
      evaluationId: evaluation.evaluationId,
      hallId: 'hall-01',
      stage: 'closed',
    });

    const outcomes = await listed();
    expect(outcomes.map((o) => [o.stage, o.evaluationId])).toEqual([
      ['closed', evaluation.evaluationId],
      ['appeal_decided', evaluation.evaluationId],
    ]);
    expect(outcomes[0]?.outcome.callback).toEqual({
      result: '已电话回访，群众认可',
      rating: 'satisfied',
      at: '2026-12-01T03:00:00.000Z',
    });
  });

  it('is idempotent: a retry replays the first answer and stores nothing new; another body conflicts', async () => {
    const evaluationKey = newKey();
    await deliverBadRating(evaluationKey);
    const key = newKey();
    const first = await report(key, closedOutcome(evaluationKey));
    const retry = await report(key, closedOutcome(evaluationKey));
    expect([first.statusCode, retry.statusCode]).toEqual([201, 200]);
    expect(retry.json()).toEqual(first.json());
    expect(await listed()).toHaveLength(1);

    const conflict = await report(key, closedOutcome(evaluationKey, { dueDate: '2026-12-05' }));
    expect(conflict.statusCode).toBe(409);
    expect(CentralErrorBody.parse(conflict.json()).error.code).toBe('idempotency_conflict');
  });

  it('refuses an outcome about an evaluation never delivered, or delivered by another hall', async () => {
    const never = await report(newKey(), closedOutcome(newKey()));
    expect(never.statusCode).toBe(404);
    expect(CentralErrorBody.parse(never.json()).error.code).toBe('evaluation_not_found');

    const evaluationKey = newKey();
    await deliverBadRating(evaluationKey);
    // Another hall, with its own credential, cannot report on hall-01's evaluation…
    const otherHall = await api.app.inject({
      method: 'POST',
      url: '/v1/evaluations/outcomes',
      headers: { ...(await hallAuth(api, 'hall-02')), 'idempotency-key': newKey() },
      payload: closedOutcome(evaluationKey, { hallId: 'hall-02' }),
    });
    expect(otherHall.statusCode).toBe(404);
    // …and hall-01's credential cannot report in another hall's name.
    const posing = await report(newKey(), closedOutcome(evaluationKey, { hallId: 'hall-02' }));
    expect(posing.statusCode).toBe(403);
    expect(CentralErrorBody.parse(posing.json()).error.code).toBe('hall_mismatch');
    expect(await listed()).toEqual([]);
  });

  it.each([
    ['a closed outcome without its callback', { callback: undefined }],
    ['an appeal_decided outcome without the decision', { stage: 'appeal_decided' as const }],
    ['a bad rating of the rectification', { callback: { result: '好', rating: 'great', at: '2026-12-01T03:00:00.000Z' } }],
  ])('rejects %s', async (_label, overrides) => {
    const evaluationKey = newKey();
    await deliverBadRating(evaluationKey);
    const res = await report(newKey(), { ...closedOutcome(evaluationKey), ...overrides });
    expect(res.statusCode).toBe(400);
    expect(CentralErrorBody.parse(res.json()).error.code).toBe('invalid_request');
  });

  it('asks for a terminal token', async () => {
    const res = await api.app.inject({ method: 'POST', url: '/v1/evaluations/outcomes', payload: {} });
    expect(res.statusCode).toBe(401);
  });
});
