import type { Page } from 'playwright-core';
import { PairingCode } from '../../contracts/pairing';
import { SignInResponse } from '../../contracts/auth';
import type { KioskHarness } from '../support/kiosk-harness';
import { TEST_PIN } from '../support/staff';

/**
 * The window evaluator (评价器) facing the citizen at window 1, and the counter's priority ticket:
 * evaluator-idle, evaluator-rate, evaluator-reason, counter-priority.
 */
export async function windowEvaluatorScreens(k: KioskHarness, shot: (page: Page, name: string) => Promise<void>) {
  const tech = await k.host.app.inject({
    method: 'POST',
    url: '/api/v1/auth/sign-in',
    payload: { staffNo: '8001', pin: TEST_PIN },
  });
  const authorization = `Bearer ${SignInResponse.parse(tech.json()).token}`;
  const code = PairingCode.parse(
    (await k.host.app.inject({ method: 'POST', url: '/api/v1/pairing/codes', headers: { authorization } })).json(),
  ).code;
  const windowId = k.host.queue.windows().find((w) => w.number === 1)?.id ?? 0;
  await k.host.app.inject({
    method: 'POST',
    url: '/api/v1/tickets',
    payload: { serviceCode: 'business-startup', withIdentity: false },
  });

  // A tablet beside window 1, paired on the real /pair page.
  const padContext = await k.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
  const pad = await padContext.newPage();
  await pad.goto(`${k.base}/pair`);
  await pad.getByLabel('配对码').fill(code);
  await pad.getByLabel('终端名称').fill('1号窗口评价器');
  await pad.getByRole('radio', { name: '窗口评价器' }).check();
  await pad.getByLabel('所在窗口号').fill('1');
  await pad.getByRole('button', { name: '配对' }).click();
  await pad.getByRole('link', { name: '打开窗口评价器' }).click();
  await pad.getByTestId('rate-idle').waitFor();
  await shot(pad, 'evaluator-idle');

  // The clerk at window 1 ends the visit (办结) and asks for the rating: the pad opens it.
  const counterContext = await k.browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  const counter = await counterContext.newPage();
  await counter.goto(`${k.base}/counter`);
  await counter.getByLabel('工号').fill('1001');
  await counter.getByLabel('密码（PIN）').fill(TEST_PIN);
  await counter.getByLabel('选择窗口').selectOption({ value: String(windowId) });
  await counter.getByRole('button', { name: '签到' }).click();
  await counter.getByTestId('current-ticket').waitFor();
  await counter.getByTestId('header-window').waitFor();
  if (k.host.queue.window(windowId).current === null) {
    await counter.keyboard.press('F1');
    await counter.getByTestId('current-number').filter({ hasText: /\d/ }).waitFor();
  }
  await counter.keyboard.press('F4');
  await counter.getByTestId('finish-dialog').getByRole('button', { name: '确认' }).click();
  // One action at a time: F7 waits until the desk says the visit ended.
  await counter.getByTestId('desk-status').filter({ hasText: '已结束' }).waitFor();
  await counter.keyboard.press('F7');
  await pad.getByRole('heading', { name: '请对本次服务进行评价' }).waitFor();
  await shot(pad, 'evaluator-rate');

  // A 差评 says why: two chips, and words on the on-screen keyboard.
  await pad.getByRole('button', { name: '不满意', exact: true }).click();
  await pad.getByRole('button', { name: '办理时间长' }).click();
  await pad.getByRole('button', { name: '等候时间长' }).click();
  await pad.getByLabel('补充说明（选填）').click();
  const osk = pad.getByTestId('osk');
  for (const key of 'deng') await osk.locator(`[data-skbtn="${key}"]`).click();
  await osk.locator('.hg-candidate-box-list-item', { hasText: '等' }).first().click();
  await shot(pad, 'evaluator-reason');

  // F9 at the counter: a green-channel ticket for a citizen in a wheelchair, its number large.
  await counter.getByTestId('rating-status').filter({ hasText: '等待评价' }).waitFor();
  await counter.keyboard.press('F9');
  const dialog = counter.getByTestId('priority-dialog');
  await dialog.getByRole('radio', { name: /企业开办/ }).check();
  await dialog.getByRole('radio', { name: /绿色通道/ }).check();
  await dialog.getByLabel('备注（选填，记入审计日志）').fill('坐轮椅');
  await dialog.getByRole('button', { name: '取号' }).click();
  await dialog.getByTestId('priority-number').waitFor();
  await shot(counter, 'counter-priority');
  await padContext.close();
  await counterContext.close();
}
