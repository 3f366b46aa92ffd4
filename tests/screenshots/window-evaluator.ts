import type { Page } from 'playwright-core';
import {
  callNextAtCounter,
  finishAndAskRating,
  openCounterDesk,
  openEvaluatorPad,
  PAD_SCREEN,
  ratingPrompt,
  rateOnPad,
} from '../support/evaluator-pad';
import type { KioskHarness } from '../support/kiosk-harness';

/**
 * The window evaluator (评价器) facing the citizen at window 1, and the counter's priority ticket:
 * evaluator-idle, evaluator-rate, evaluator-reason, counter-priority.
 */
export async function windowEvaluatorScreens(k: KioskHarness, shot: (page: Page, name: string) => Promise<void>) {
  await k.host.app.inject({
    method: 'POST',
    url: '/api/v1/tickets',
    payload: { serviceCode: 'business-startup', withIdentity: false },
  });

  // A tablet beside window 1, paired on the real /pair page.
  const pad = await openEvaluatorPad(k, 1, { viewport: PAD_SCREEN });
  await shot(pad.page, 'evaluator-idle');

  // The clerk at window 1 ends the visit (办结) and asks for the rating: the pad opens it.
  const counter = await openCounterDesk(k, 1);
  const windowId = k.host.queue.windows().find((w) => w.number === 1)?.id ?? 0;
  if (k.host.queue.window(windowId).current === null) await callNextAtCounter(counter.page);
  await finishAndAskRating(counter.page);
  await ratingPrompt(pad.page).waitFor();
  await shot(pad.page, 'evaluator-rate');

  // A 差评 says why: two chips, and words on the on-screen keyboard, docked below 提交评价.
  await rateOnPad(pad.page, {
    level: '不满意',
    reasons: ['办理时间长', '等候时间长'],
    words: [{ pinyin: 'deng', pick: '等' }],
  });
  await shot(pad.page, 'evaluator-reason');

  // F9 at the counter: a green-channel ticket for a citizen in a wheelchair, its number large.
  await counter.page.getByTestId('rating-status').filter({ hasText: '等待评价' }).waitFor();
  await counter.page.keyboard.press('F9');
  const dialog = counter.page.getByTestId('priority-dialog');
  await dialog.getByRole('radio', { name: /企业开办/ }).check();
  await dialog.getByRole('radio', { name: /绿色通道/ }).check();
  await dialog.getByLabel('备注（选填，记入审计日志）').fill('坐轮椅');
  await dialog.getByRole('button', { name: '取号' }).click();
  await dialog.getByTestId('priority-number').waitFor();
  await shot(counter.page, 'counter-priority');
  await pad.context.close();
  await counter.context.close();
}
