import type { BrowserContext, Locator, Page } from 'playwright-core';
import { PairingCode } from '../../contracts/pairing';
import type { KioskHarness } from './kiosk-harness';
import { KeyboardTaps } from './on-screen-keyboard';
import { signIn, TEST_PIN } from './staff';

/**
 * The window evaluator (/rate) and the counter that asks it, driven through the real pages as the
 * citizen and the clerk use them. Playwright's own waits only, no test framework: the e2e tests
 * and the screenshot script share these steps.
 */

/** A tablet (or second screen) facing the citizen beside the window. */
export const PAD_SCREEN = { width: 1280, height: 800 };
/** The clerk's PC at the window. */
export const COUNTER_SCREEN = { width: 1366, height: 768 };

/** The words the citizen types: keys as they are (digits, punctuation), or a pinyin syllable and the character picked. */
export type TypedWords = (string | { pinyin: string; pick: string })[];

export interface PadRating {
  /** The face's words, e.g. 非常不满意. */
  level: string;
  /** The reason chips of a 差评. */
  reasons?: string[];
  /** Typed into 补充说明 on the on-screen keyboard, which is left open. */
  words?: TypedWords;
}

/**
 * A browser paired on the real /pair page as the evaluator of window `windowNumber` (the code
 * from technician 8001), showing /rate idle. `beforeLoad` runs before the first navigation
 * (e.g. `page.clock.install()`).
 */
export async function openEvaluatorPad(
  k: KioskHarness,
  windowNumber: number,
  options: { viewport?: { width: number; height: number }; beforeLoad?: (page: Page) => Promise<void> } = {},
): Promise<{ page: Page; context: BrowserContext }> {
  const reply = await k.host.app.inject({
    method: 'POST',
    url: '/api/v1/pairing/codes',
    headers: await signIn(k.host.app, '8001'),
  });
  const { code } = PairingCode.parse(reply.json());
  const context = await k.browser.newContext({ viewport: options.viewport ?? PAD_SCREEN, locale: 'zh-CN' });
  const page = await context.newPage();
  if (options.beforeLoad) await options.beforeLoad(page);
  await page.goto(`${k.base}/pair`);
  await page.getByLabel('配对码').fill(code);
  await page.getByLabel('终端名称').fill(`${windowNumber}号窗口评价器`);
  await page.getByRole('radio', { name: '窗口评价器' }).check();
  await page.getByLabel('所在窗口号').fill(String(windowNumber));
  await page.getByRole('button', { name: '配对' }).click();
  await page.getByRole('link', { name: '打开窗口评价器' }).click();
  await page.getByTestId('rate-idle').waitFor();
  return { page, context };
}

/** The counter page with clerk `staffNo` signed in at window `windowNumber`. */
export async function openCounterDesk(
  k: KioskHarness,
  windowNumber: number,
  staffNo = '1001',
): Promise<{ page: Page; context: BrowserContext }> {
  const windowId = k.host.queue.windows().find((w) => w.number === windowNumber)?.id;
  if (windowId === undefined) throw new Error(`no window ${windowNumber}`);
  const context = await k.browser.newContext({ viewport: COUNTER_SCREEN, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(`${k.base}/counter`);
  await page.getByLabel('工号').fill(staffNo);
  await page.getByLabel('密码（PIN）').fill(TEST_PIN);
  await page.getByLabel('选择窗口').selectOption({ value: String(windowId) });
  await page.getByRole('button', { name: '签到' }).click();
  await page.getByTestId('current-ticket').waitFor();
  await page
    .getByTestId('header-window')
    .filter({ hasText: `${windowNumber}号窗口` })
    .waitFor();
  return { page, context };
}

/** F1 at the counter calls the next ticket; returns its number as the counter shows it. */
export async function callNextAtCounter(counter: Page): Promise<string> {
  await counter.keyboard.press('F1');
  const called = counter.locator('[data-testid="current-number"]:not(.cd-number-none)');
  await called.waitFor();
  return (await called.textContent()) ?? '';
}

/**
 * F4 + 确认 ends the ticket being served as 办结, then F7 asks the window's pad for the rating.
 * One key at a time: F7 waits until the desk says the visit ended.
 */
export async function finishAndAskRating(counter: Page): Promise<void> {
  const number = await counter.getByTestId('current-number').textContent();
  await counter.keyboard.press('F4');
  await counter.getByTestId('finish-dialog').getByRole('button', { name: '确认' }).click();
  await counter
    .getByTestId('desk-status')
    .filter({ hasText: `${number ?? ''} 号已结束` })
    .waitFor();
  await counter.keyboard.press('F7');
  await counter
    .getByTestId('desk-status')
    .filter({ hasText: /^已请办事人对本次服务进行评价$/ })
    .waitFor();
}

/** The pad's heading once the clerk's request opened the rating. */
export const ratingPrompt = (pad: Page): Locator => pad.getByRole('heading', { name: '请对本次服务进行评价' });

/** The chips of a 差评 (请告诉我们哪里做得不好). */
export const reasonChips = (pad: Page): Locator => pad.getByRole('group', { name: '请告诉我们哪里做得不好（可多选）' });

/** The 差评's text field and the pad's submit button. */
export const commentField = (pad: Page): Locator => pad.getByLabel('补充说明（选填）');
export const submitButton = (pad: Page): Locator => pad.getByRole('button', { name: '提交评价' });

/**
 * The citizen rates on the open pad: taps a face, for a 差评 the reason chips, and types the words
 * on the on-screen keyboard, which stays open (close it with `closePadKeyboard`, or submit).
 */
export async function rateOnPad(pad: Page, rating: PadRating): Promise<void> {
  await pad.getByRole('button', { name: rating.level, exact: true }).click();
  const reasons = rating.reasons ?? [];
  if (reasons.length > 0) {
    const chips = reasonChips(pad);
    await chips.waitFor();
    for (const reason of reasons) await chips.getByRole('button', { name: reason }).click();
  }
  if (rating.words) {
    await commentField(pad).click();
    await typeOnKeyboard(pad, rating.words);
  }
}

/** Types on the pad's open on-screen keyboard: each key as a tap, a pinyin syllable then its character in the candidate bar (page by page). */
export async function typeOnKeyboard(pad: Page, words: TypedWords): Promise<void> {
  const osk = pad.getByTestId('osk');
  await osk.waitFor();
  for (const part of words) {
    if (typeof part === 'string') {
      for (const key of part) await osk.locator(`[data-skbtn="${key}"]`).click();
    } else {
      await new KeyboardTaps(pad).type(part.pinyin, part.pick);
    }
  }
}

/** 完成 on the on-screen keyboard. */
export async function closePadKeyboard(pad: Page): Promise<void> {
  await pad.getByTestId('osk').locator('[data-skbtn="{done}"]').click();
  await pad.getByTestId('osk').waitFor({ state: 'detached' });
}
