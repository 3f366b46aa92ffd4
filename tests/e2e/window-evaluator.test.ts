import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EvaluationsResponse } from '../../contracts/central-api';
import { PairingCode } from '../../contracts/pairing';
import { IssueTicketResponse } from '../../contracts/queue';
import { seriousViolations, startKioskHarness, type KioskHarness } from '../support/kiosk-harness';
import { signIn, TEST_PIN } from '../support/staff';
import { adminAuth } from '../tools/central-api/helpers';

/** Polls what a page shows; generous, because the e2e suite shares two cores with other work. */
const poll = <T>(probe: () => T | Promise<T>) => expect.poll(probe, { timeout: 10_000 });

/** A tablet facing the citizen. */
const PAD = { width: 1280, height: 800 };
const LAPTOP = { width: 1366, height: 768 };

/**
 * The window evaluator (窗口评价器) against a real host: a browser paired through the real /pair
 * page as the evaluator of window 1, a clerk at window 1 finishing a ticket and pressing F7, the
 * citizen's 差评 with reasons and words typed on the on-screen keyboard, the host's record and the
 * central API's copy, the host refusing a second rating, and an untouched rating closing by itself.
 */
describe('window evaluator /rate', () => {
  let k: KioskHarness;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    k = await startKioskHarness();
  });
  afterEach(async () => {
    for (const context of contexts.splice(0)) await context.close();
    k.host.db.prepare("UPDATE tickets SET status = 'cancelled' WHERE status IN ('waiting', 'called', 'held')").run();
  });
  afterAll(async () => {
    await k?.dispose();
  });

  const windowId = (number: number) => k.host.queue.windows().find((w) => w.number === number)?.id ?? 0;

  const newPage = async (viewport: { width: number; height: number }) => {
    const context = await k.browser.newContext({ viewport, locale: 'zh-CN' });
    contexts.push(context);
    return context.newPage();
  };

  /** A technician's six-digit code, as the console shows it. */
  const pairingCode = async () => {
    const res = await k.host.app.inject({
      method: 'POST',
      url: '/api/v1/pairing/codes',
      headers: await signIn(k.host.app, '8001'),
    });
    return PairingCode.parse(res.json()).code;
  };

  /** The pad pairs on the real /pair page as the evaluator of `window`, then opens /rate. */
  const pairPad = async (page: Page, window: number) => {
    await page.goto(`${k.base}/pair`);
    await page.getByLabel('配对码').fill(await pairingCode());
    await page.getByLabel('终端名称').fill(`${window}号窗口评价器`);
    await page.getByRole('radio', { name: '窗口评价器' }).check();
    await page.getByLabel('所在窗口号').fill(String(window));
    await page.getByRole('button', { name: '配对' }).click();
    await page.getByRole('link', { name: '打开窗口评价器' }).click();
    await page.getByTestId('rate-idle').waitFor();
  };

  /** A citizen takes a number at the kiosk (without a card). */
  const takeNumber = async () => {
    const res = await k.host.app.inject({
      method: 'POST',
      url: '/api/v1/tickets',
      payload: { serviceCode: 'business-startup', withIdentity: false },
    });
    return IssueTicketResponse.parse(res.json()).ticket;
  };

  /** Clerk 1001 signed in at window 1 on the counter page. */
  const openCounter = async () => {
    const page = await newPage(LAPTOP);
    await page.goto(`${k.base}/counter`);
    await page.getByLabel('工号').fill('1001');
    await page.getByLabel('密码（PIN）').fill(TEST_PIN);
    await page.getByLabel('选择窗口').selectOption({ value: String(windowId(1)) });
    await page.getByRole('button', { name: '签到' }).click();
    await page.getByTestId('current-ticket').waitFor();
    await poll(() => page.getByTestId('header-window').textContent()).toContain('1号窗口');
    return page;
  };

  /** F1 calls the ticket, F4 + 确认 ends it as 办结, F7 asks for the rating. */
  const serveAndAsk = async (counter: Page, number: string) => {
    await counter.keyboard.press('F1');
    await poll(() => counter.getByTestId('current-number').textContent()).toBe(number);
    await counter.keyboard.press('F4');
    await counter.getByTestId('finish-dialog').getByRole('button', { name: '确认' }).click();
    await poll(() => counter.getByTestId('desk-status').textContent()).toContain(`${number} 号已结束`);
    await counter.keyboard.press('F7');
    await poll(() => counter.getByTestId('desk-status').textContent()).toBe('已请办事人对本次服务进行评价');
  };

  const rows = () =>
    k.host.db
      .prepare(
        `SELECT level, reason, comment, ticket_number AS ticketNumber, window_number AS windowNumber,
           staff_number AS staffNumber, callback_required AS callbackRequired FROM evaluations ORDER BY evaluated_at`,
      )
      .all();

  it('rates the service just received at window 1: a 差评 with reasons and typed words, once', async () => {
    const pad = await newPage(PAD);
    await pairPad(pad, 1);
    // Idle: the window and the hall, no prompt to rate.
    expect(await pad.getByTestId('rate-idle-window').textContent()).toBe('1号窗口');
    expect(await pad.getByTestId('rate-hall').textContent()).toBeTruthy();
    expect(await pad.getByText('请对本次服务进行评价').count()).toBe(0);
    expect(await seriousViolations(pad)).toEqual([]);

    const ticket = await takeNumber();
    const counter = await openCounter();
    await serveAndAsk(counter, ticket.number);
    await poll(() => counter.getByTestId('rating-status').textContent()).toBe(`已请 ${ticket.number} 号办事人评价，等待评价…`);

    // The pad opens the rating: the ticket, the window, and who served it, as the counter shows them.
    await pad.getByRole('heading', { name: '请对本次服务进行评价' }).waitFor();
    expect(await pad.getByTestId('rate-ticket').textContent()).toBe(ticket.number);
    expect(await pad.getByTestId('rate-window').textContent()).toBe('1号窗口 · 企业开办');
    expect(await pad.getByTestId('rate-staff').textContent()).toBe('工号 1001 · 窗口人员');
    const faces = pad.locator('button.rate-face');
    expect(await faces.allInnerTexts()).toEqual(['非常满意', '满意', '基本满意', '不满意', '非常不满意']);
    for (const box of await Promise.all((await faces.all()).map((f) => f.boundingBox()))) {
      expect(box?.width).toBeGreaterThanOrEqual(64);
      expect(box?.height).toBeGreaterThanOrEqual(64);
    }
    expect(await seriousViolations(pad)).toEqual([]);

    // 非常不满意 asks why: chips, and words on the on-screen keyboard (pinyin).
    await pad.getByRole('button', { name: '非常不满意' }).click();
    const why = pad.getByRole('group', { name: '请告诉我们哪里做得不好（可多选）' });
    await why.waitFor();
    for (const chip of await why.getByRole('button').all()) expect((await chip.boundingBox())?.height).toBeGreaterThanOrEqual(64);
    await why.getByRole('button', { name: '态度不好' }).click();
    await why.getByRole('button', { name: '等候时间长' }).click();
    await pad.getByLabel('补充说明（选填）').click();
    const osk = pad.getByTestId('osk');
    await osk.waitFor();
    for (const key of 'deng') await osk.locator(`[data-skbtn="${key}"]`).click();
    await osk.locator('.hg-candidate-box-list-item', { hasText: '等' }).first().click();
    for (const key of '30') await osk.locator(`[data-skbtn="${key}"]`).click();
    expect(await seriousViolations(pad)).toEqual([]);
    await osk.locator('[data-skbtn="{done}"]').click();
    expect(await pad.getByLabel('补充说明（选填）').inputValue()).toBe('等30');
    await pad.getByRole('button', { name: '提交评价' }).click();

    await pad.getByTestId('rate-thanks').waitFor();
    expect(await pad.getByTestId('rate-thanks').textContent()).toContain('我们会认真核实并整改');
    expect(await seriousViolations(pad)).toEqual([]);
    expect(rows()).toEqual([
      {
        level: 'very_dissatisfied',
        reason: '态度不好、等候时间长',
        comment: '等30',
        ticketNumber: ticket.number,
        windowNumber: '1',
        staffNumber: '1001',
        callbackRequired: 1,
      },
    ]);
    // The counter hears at once that the citizen rated (not how).
    await poll(() => counter.getByTestId('rating-status').textContent()).toBe(`${ticket.number} 号办事人已评价 ✓`);
    // The central API has it, with the reason, as the hall's staff will read it.
    await expect
      .poll(
        async () => {
          const reply = await fetch(`${k.central.baseUrl}/v1/admin/evaluations`, { headers: adminAuth });
          return EvaluationsResponse.parse(await reply.json()).evaluations.map((e) => [e.level, e.reason, e.subject]);
        },
        { timeout: 15_000 },
      )
      .toEqual([
        [
          'very_dissatisfied',
          '态度不好、等候时间长',
          { kind: 'ticket', ticketNumber: ticket.number, windowId: '1', staffNumber: '1001' },
        ],
      ]);
    await pad.getByRole('button', { name: '完成' }).click();
    await pad.getByTestId('rate-idle').waitFor();

    // Asked again for the same service: the host takes one rating per ticket, the pad says 已评价.
    await counter.keyboard.press('F7');
    await pad.getByRole('heading', { name: '请对本次服务进行评价' }).waitFor();
    await pad.getByRole('button', { name: '非常满意' }).click();
    await pad.getByRole('button', { name: '提交评价' }).click();
    await pad.getByTestId('rate-already').waitFor();
    expect(await pad.getByTestId('rate-already').textContent()).toContain('本次服务已评价');
    expect(rows()).toHaveLength(1);
  });

  it('an untouched rating closes by itself after the hall’s timeout, recording nothing', async () => {
    const pad = await newPage(PAD);
    // The pad's own clock, so the hall's 60 seconds pass at once.
    await pad.clock.install();
    await pairPad(pad, 1);
    const before = rows().length;
    const ticket = await takeNumber();
    const counter = await openCounter();
    await serveAndAsk(counter, ticket.number);
    await pad.getByRole('heading', { name: '请对本次服务进行评价' }).waitFor();
    await pad.getByRole('button', { name: '满意', exact: true }).click();
    await pad.clock.runFor(50_000);
    await poll(() => pad.getByTestId('rate-closes').textContent()).toMatch(/无操作 \d+ 秒后自动关闭/);
    await pad.clock.runFor(15_000);
    await pad.getByTestId('rate-idle').waitFor();
    expect(rows()).toHaveLength(before);
    expect(await counter.getByTestId('rating-status').textContent()).toBe(`已请 ${ticket.number} 号办事人评价，等待评价…`);
  });
});
