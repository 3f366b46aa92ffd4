import { afterEach, beforeEach, expect, it } from 'vitest';
import { EvaluationRecord } from '../../../contracts/central-api';
import type { CreateEvaluationRequest } from '../../../contracts/central-api';
import type { ComplaintAction } from '../../../contracts/complaint-actions';
import { ComplaintPage } from '../../../contracts/platform-complaints';
import type { Platform } from '../../../platform/server';
import { setUpComplaintDesk, type ComplaintDesk, type DeskPerson, fileKioskComplaint } from '../support/complaint-desk';
import { describeEachDatabase } from '../support/each-database';
import { registerHallWithCredential, bearer, communityCentre } from '../support/halls';
import { FIXED_NOW, newKey, startApi, terminalAuth } from '../support/platform';

/**
 * A complaint filed at a kiosk is a case of that hall: once closed, the card holder rates it at
 * the kiosk like any case (好差评), and the rating is the enterprise's evaluation of the handling,
 * a step of the complaint's history. Only the complaint's own hall carries it.
 */
describeEachDatabase('platform: the enterprise evaluates its complaint at the kiosk', (database) => {
  let api: Platform;
  let desk: ComplaintDesk;

  beforeEach(async () => {
    api = await startApi(database());
    desk = await setUpComplaintDesk(api);
  });
  afterEach(async () => {
    await api.close();
  });

  const act = async (number: string, who: DeskPerson, action: ComplaintAction) => {
    const res = await api.app.inject({
      method: 'POST',
      url: `/v1/complaints/${number}/actions`,
      headers: desk.as[who],
      payload: action,
    });
    expect(res.statusCode, `${action.type} by ${who}: ${res.body}`).toBe(200);
  };
  const page = async (number: string) => {
    const res = await api.app.inject({ method: 'GET', url: `/v1/complaints/${number}`, headers: desk.as.sorter });
    expect(res.statusCode, res.body).toBe(200);
    return ComplaintPage.parse(res.json()).complaint;
  };

  const fileAtKiosk = () => fileKioskComplaint(api);

  const closeIt = async (number: string) => {
    await act(number, 'sorter', { type: 'dispatch', leadUnit: 'market-regulation', coUnits: [], note: null });
    await act(number, 'leadHandler', { type: 'accept' });
    await act(number, 'leadHandler', { type: 'draft', text: '已协调，材料要求以清单为准。' });
    await act(number, 'leadHandler', { type: 'submit' });
    await act(number, 'reviewer', { type: 'approve', note: null });
    await act(number, 'reviewer', { type: 'close' });
  };

  const rate = (
    caseNumber: string,
    level: CreateEvaluationRequest['level'],
    headers: Record<string, string> = terminalAuth,
    key = newKey(),
    hallId = 'hall-01',
  ) =>
    api.app.inject({
      method: 'POST',
      url: '/v1/evaluations',
      headers: { ...headers, 'idempotency-key': key },
      payload: {
        hallId,
        terminalId: 'kiosk-03',
        subject: { kind: 'case', caseNumber },
        level,
        ...(level === 'dissatisfied' ? { reason: '答复没有解决问题' } : {}),
        evaluatedAt: FIXED_NOW.toISOString(),
      } satisfies CreateEvaluationRequest,
    });

  it("records the card holder's rating of a closed complaint as the enterprise's evaluation, once", async () => {
    const number = await fileAtKiosk();
    await closeIt(number);
    const key = newKey();
    const first = await rate(number, 'dissatisfied', terminalAuth, key);
    expect(first.statusCode, first.body).toBe(201);
    expect(EvaluationRecord.parse(first.json()).callbackRequired).toBe(true);

    const evaluated = await page(number);
    expect(evaluated.state).toBe('evaluated');
    expect(evaluated.evaluation).toMatchObject({ level: 'dissatisfied', reason: '答复没有解决问题' });
    expect(evaluated.history.at(-1)).toMatchObject({ action: 'evaluate', actor: { kind: 'enterprise' } });

    // The hall's retry of the same rating, and a second rating, leave the one evaluation.
    expect((await rate(number, 'dissatisfied', terminalAuth, key)).statusCode).toBe(200);
    expect((await rate(number, 'very_satisfied')).statusCode).toBe(201);
    const after = await page(number);
    expect(after.evaluation?.level).toBe('dissatisfied');
    expect(after.history.filter((s) => s.action === 'evaluate')).toHaveLength(1);
  });

  it('keeps a rating given before the close as the hall’s 好差评 only', async () => {
    const number = await fileAtKiosk();
    expect((await rate(number, 'satisfied')).statusCode).toBe(201);
    const open = await page(number);
    expect(open.state).toBe('registered');
    expect(open.evaluation).toBeNull();
  });

  it('does not let another hall evaluate a complaint filed elsewhere', async () => {
    const number = await fileAtKiosk();
    await closeIt(number);
    const other = await registerHallWithCredential(api, communityCentre('hall-07', '湖滨社区政务服务中心'));
    expect((await rate(number, 'very_satisfied', bearer(other.token), newKey(), 'hall-07')).statusCode).toBe(201);
    const still = await page(number);
    expect(still.state).toBe('closed');
    expect(still.evaluation).toBeNull();
  });
});
