import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReviewOutcomesResponse } from '../../contracts/central-api';
import { IssueTicketResponse } from '../../contracts/queue';
import { ReviewList, ReviewRates, ReviewSummary } from '../../contracts/reviews';
import {
  callNextAtCounter,
  finishAndAskRating,
  openCounterDesk,
  openEvaluatorPad,
  PAD_SCREEN,
  ratingPrompt,
  rateOnPad,
  submitButton,
} from '../support/evaluator-pad';
import { seriousViolations, startKioskHarness, type KioskHarness } from '../support/kiosk-harness';
import { whyNotTouchable } from './support/touchable';
import { openManager } from '../support/manager-page';
import { signIn } from '../support/staff';
import { adminAuth } from '../platform/support/platform';

/**
 * 差评整改回访 against a real host, its queue and the district platform: a 差评 given on the
 * window's rating pad (/rate, tapped and typed as the citizen does after the clerk's F7) shows in
 * the manager console, is taken through the whole loop there, and the rates and the central API
 * hear of it.
 */
describe('manager 差评整改: the full loop', () => {
  let h: KioskHarness;
  let supervisor: { authorization: string };

  beforeAll(async () => {
    h = await startKioskHarness();
    supervisor = await signIn(h.host.app, '9001');
  });
  afterAll(async () => {
    await h?.dispose();
  });

  const today = async () =>
    ReviewSummary.parse((await h.host.app.inject({ url: '/api/v1/reviews/summary', headers: supervisor })).json()).today;
  const ratesOf = async (day: string) =>
    ReviewRates.parse(
      (await h.host.app.inject({ url: `/api/v1/reviews/rates?from=${day}&to=${day}`, headers: supervisor })).json(),
    );
  const clean = async (page: Page) => expect(await seriousViolations(page)).toEqual([]);

  it('a 差评 from the window evaluator: listed, assigned, verified, rectified, called back, closed; the rates move', async () => {
    const day = await today();
    expect(await ratesOf(day)).toMatchObject({ badReviews: 0, onTimePct: null, callbackPct: null, satisfactionPct: null });

    // A citizen is served at window 1; the clerk ends the visit and asks window 1's pad for the rating.
    const pad = await openEvaluatorPad(h, 1, { viewport: PAD_SCREEN });
    const issued = await h.host.app.inject({
      method: 'POST',
      url: '/api/v1/tickets',
      payload: { serviceCode: 'business-startup', withIdentity: false },
    });
    const { ticket } = IssueTicketResponse.parse(issued.json());
    const counter = await openCounterDesk(h, 1);
    expect(await callNextAtCounter(counter.page)).toBe(ticket.number);
    await finishAndAskRating(counter.page);

    // On the pad (a 1280×800 tablet): 非常不满意, a reason, words and a mobile number typed on the
    // on-screen keyboard, submitted while the keyboard is still open below 提交评价.
    await ratingPrompt(pad.page).waitFor();
    await rateOnPad(pad.page, {
      level: '非常不满意',
      reasons: ['态度不好'],
      words: [
        { pinyin: 'tai', pick: '态' },
        { pinyin: 'du', pick: '度' },
        { pinyin: 'cha', pick: '差' },
        '，',
        { pinyin: 'dian', pick: '电' },
        { pinyin: 'hua', pick: '话' },
        '13812345678',
      ],
    });
    await clean(pad.page);
    expect(await whyNotTouchable(submitButton(pad.page))).toEqual([]);
    await submitButton(pad.page).click();
    await pad.page.getByTestId('rate-thanks').waitFor();
    expect(await pad.page.getByTestId('rate-thanks').textContent()).toContain('我们会认真核实并整改');
    await clean(pad.page);
    await pad.context.close();
    await counter.context.close();

    // The 差评 has its follow-up: the rating the central API's outcome will name.
    const listed = ReviewList.parse((await h.host.app.inject({ url: '/api/v1/reviews', headers: supervisor })).json()).reviews;
    expect(listed.map((r) => [r.level, r.reason, r.comment, r.subject])).toEqual([
      [
        'very_dissatisfied',
        '态度不好',
        '态度差，电话138****5678',
        { kind: 'ticket', ticketId: ticket.id, ticketNumber: ticket.number, windowNumber: '1', staffNumber: '1001' },
      ],
    ]);
    const ratedId = listed[0]?.evaluationId;

    const { page, context } = await openManager(h, 'reviews');
    const row = page.getByTestId('review-row').first();
    await row.waitFor();
    expect(await row.getByRole('button').innerText()).toBe('A001 号 · 1 号窗口 · 工号 1001');
    // No holiday in the calendar: five working days from the rating, whatever day it is.
    expect(await row.getByTestId('review-deadline').innerText()).toMatch(/^\d{4}-\d{2}-\d{2} 剩 5 个工作日$/);
    expect(await page.getByTestId('reviews-summary').innerText()).toBe('进行中 1 条 · 已超期 0 条 · 待复核申诉 0 条');
    await clean(page);

    await row.getByRole('button').click();
    const detail = page.getByTestId('review-detail');
    await detail.getByText('态度不好').first().waitFor();
    // What the citizen typed is shown with the mobile number masked.
    await detail.getByText('态度差，电话138****5678').waitFor();

    await detail.getByLabel('承办人工号').fill('1001');
    await detail.getByRole('button', { name: '指派' }).click();
    await detail.getByLabel('核实结果').fill('调取窗口录音，属实');
    await detail.getByRole('button', { name: '保存核实' }).click();
    await detail.getByLabel('整改措施和对群众的答复').fill('已对窗口人员批评教育，并向群众致歉');
    await clean(page);
    await detail.getByRole('button', { name: '保存整改反馈' }).click();

    await detail.getByLabel('回访情况').fill('电话回访，群众接受道歉');
    await detail.getByLabel('基本满意').check();
    await detail.getByRole('button', { name: '保存回访' }).click();
    await detail.getByRole('button', { name: '办结' }).click();
    await detail.getByText('此条差评已无待办事项。').waitFor();
    expect(await detail.getByTestId('review-subject').innerText()).toContain('已办结');
    const steps = await detail.getByTestId('review-timeline').locator('li > strong').allInnerTexts();
    expect(steps).toEqual(['群众评价', '指派承办人', '核实', '整改反馈', '回访', '办结']);
    expect(await row.getByTestId('review-deadline').innerText()).toContain('已按期整改');
    await clean(page);

    expect(await ratesOf(day)).toMatchObject({
      badReviews: 1,
      closed: 1,
      rectifiedOnTime: 1,
      onTimePct: 100,
      callbackPct: 100,
      callbackRatings: { satisfied: 0, basically_satisfied: 1, dissatisfied: 0 },
      satisfactionPct: 100,
    });
    await expect.poll(async () => page.getByTestId('rate-callback').innerText()).toContain('100%');

    // The closed loop reaches the central API once, tied to the rating it is about.
    await expect
      .poll(
        async () => {
          const reply = await fetch(`${h.central.baseUrl}/v1/admin/evaluations/outcomes`, { headers: adminAuth });
          return ReviewOutcomesResponse.parse(await reply.json()).outcomes.map((o) => [o.stage, o.outcome.evaluationKey]);
        },
        { timeout: 15_000 },
      )
      .toEqual([['closed', ratedId]]);
    await context.close();
  });
});
