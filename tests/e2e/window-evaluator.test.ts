import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EvaluationsResponse } from '../../contracts/central-api';
import { IssueTicketResponse } from '../../contracts/queue';
import {
  callNextAtCounter,
  closePadKeyboard,
  commentField,
  finishAndAskRating,
  openCounterDesk,
  openEvaluatorPad,
  PAD_SCREEN,
  ratingPrompt,
  rateOnPad,
  reasonChips,
  submitButton,
} from '../support/evaluator-pad';
import { seriousViolations, startKioskHarness, type KioskHarness } from '../support/kiosk-harness';
import { whyNotTouchable } from './support/touchable';
import { adminAuth } from '../platform/support/platform';

/** Polls what a page shows; generous, because the e2e suite shares two cores with other work. */
const poll = <T>(probe: () => T | Promise<T>) => expect.poll(probe, { timeout: 10_000 });

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

  /** The pad of window 1 on a 1280×800 tablet, closed after the test. */
  const openPad = async (beforeLoad?: (page: Page) => Promise<void>) => {
    const { page, context } = await openEvaluatorPad(k, 1, { viewport: PAD_SCREEN, ...(beforeLoad ? { beforeLoad } : {}) });
    contexts.push(context);
    return page;
  };

  /** A citizen takes a number at the kiosk (without a card); clerk 1001 at window 1 calls it, ends it and asks for the rating. */
  const serveAtWindow1 = async () => {
    const res = await k.host.app.inject({
      method: 'POST',
      url: '/api/v1/tickets',
      payload: { serviceCode: 'business-startup', withIdentity: false },
    });
    const { ticket } = IssueTicketResponse.parse(res.json());
    const { page: counter, context } = await openCounterDesk(k, 1);
    contexts.push(context);
    expect(await callNextAtCounter(counter)).toBe(ticket.number);
    await finishAndAskRating(counter);
    return { ticket, counter };
  };

  const rows = () =>
    k.host.db
      .prepare(
        `SELECT level, reason, comment, ticket_number AS ticketNumber, window_number AS windowNumber,
           staff_number AS staffNumber, callback_required AS callbackRequired FROM evaluations ORDER BY evaluated_at`,
      )
      .all();

  it('rates the service just received at window 1: a 差评 with reasons and typed words, once', async () => {
    const pad = await openPad();
    // Idle: the window and the hall, no prompt to rate.
    expect(await pad.getByTestId('rate-idle-window').textContent()).toBe('1号窗口');
    expect(await pad.getByTestId('rate-hall').textContent()).toBeTruthy();
    expect(await ratingPrompt(pad).count()).toBe(0);
    expect(await seriousViolations(pad)).toEqual([]);

    const { ticket, counter } = await serveAtWindow1();
    await poll(() => counter.getByTestId('rating-status').textContent()).toBe(`已请 ${ticket.number} 号办事人评价，等待评价…`);

    // The pad opens the rating: the ticket, the window, and who served it, as the counter shows them.
    await ratingPrompt(pad).waitFor();
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
    await rateOnPad(pad, {
      level: '非常不满意',
      reasons: ['态度不好', '等候时间长'],
      words: [{ pinyin: 'deng', pick: '等' }, '30'],
    });
    for (const chip of await reasonChips(pad).getByRole('button').all()) {
      expect((await chip.boundingBox())?.height).toBeGreaterThanOrEqual(64);
    }
    // On the 1280×800 tablet the keyboard docks below the words and 提交评价: both stay in sight
    // and under the citizen's finger while it is open, no 完成 needed first.
    expect(await whyNotTouchable(commentField(pad))).toEqual([]);
    expect(await whyNotTouchable(submitButton(pad))).toEqual([]);
    // Playwright agrees: a click there would reach the button (it fails when another element would get it).
    await submitButton(pad).click({ trial: true, timeout: 10_000 });
    expect(await seriousViolations(pad)).toEqual([]);
    await closePadKeyboard(pad);
    expect(await commentField(pad).inputValue()).toBe('等30');
    expect(await whyNotTouchable(submitButton(pad))).toEqual([]);
    await submitButton(pad).click();

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
    await ratingPrompt(pad).waitFor();
    await rateOnPad(pad, { level: '非常满意' });
    await submitButton(pad).click();
    await pad.getByTestId('rate-already').waitFor();
    expect(await pad.getByTestId('rate-already').textContent()).toContain('本次服务已评价');
    expect(rows()).toHaveLength(1);
  });

  it('an untouched rating closes by itself after the hall’s timeout, recording nothing', async () => {
    // The pad's own clock, so the hall's 60 seconds pass at once.
    const pad = await openPad((page) => page.clock.install());
    const before = rows().length;
    const { ticket, counter } = await serveAtWindow1();
    await ratingPrompt(pad).waitFor();
    await rateOnPad(pad, { level: '满意' });
    await pad.clock.runFor(50_000);
    await poll(() => pad.getByTestId('rate-closes').textContent()).toMatch(/无操作 \d+ 秒后自动关闭/);
    await pad.clock.runFor(15_000);
    await pad.getByTestId('rate-idle').waitFor();
    expect(rows()).toHaveLength(before);
    expect(await counter.getByTestId('rating-status').textContent()).toBe(`已请 ${ticket.number} 号办事人评价，等待评价…`);
  });
});
