import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_HALL_HOURS } from '../../contracts/config';
import type { Clock } from '../../host/clock/clock';
import { PrinterDevice } from '../../host/devices/printer-device';
import {
  openFlow,
  seriousViolations,
  setElderMode,
  startKioskHarness,
  startVisitWithCard,
  startVisitWithoutCard,
  takeCardBack,
  type KioskHarness,
} from '../support/kiosk-harness';

/** Sunday 2026-12-06, 15:00 Beijing: the weekend morning is over. */
const SUNDAY_3PM = new Date('2026-12-06T07:00:00Z');
/** Monday 2026-12-07, 10:00 Beijing: open. */
const MONDAY_10AM = new Date('2026-12-07T02:00:00Z');

/**
 * 取号 as citizens trip over it: closed hours that say when the hall opens, a second ticket that
 * shows the number already held (and reprints it), a priority number that says why it goes first.
 * The hall keeps its real opening hours on a clock the test sets; the page's clock follows it.
 */
describe('kiosk 取号: closed hours, the number a card holds, priority explained', () => {
  let k: KioskHarness;
  let now = SUNDAY_3PM;
  const clock: Clock = { now: () => now };
  beforeAll(async () => {
    k = await startKioskHarness({ clock, config: { hours: DEFAULT_HALL_HOURS } });
  });
  afterAll(async () => {
    await k?.dispose();
  });
  const printedPages = () => {
    const printer = k.host.devices.printer();
    if (!(printer instanceof PrinterDevice) || !printer.virtualPrinter) throw new Error('no virtual printer');
    return printer.virtualPrinter.pages.length;
  };
  /** Whether a button is on screen and not covered (its centre is the button itself). */
  const reachable = (page: Page, name: string) =>
    page.getByRole('button', { name, exact: true }).evaluate((el) => {
      const r = el.getBoundingClientRect();
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return r.top >= 0 && r.bottom <= window.innerHeight && hit !== null && el.contains(hit);
    });
  const openKioskAt = (at: Date) =>
    k.openKiosk({
      beforeLoad: async (p: Page) => {
        await p.clock.install({ time: at });
        await p.clock.resume();
      },
    });

  it('on a Sunday afternoon 取号 says when numbers are issued next and offers what still works', async () => {
    now = SUNDAY_3PM;
    const { page, context } = await openKioskAt(SUNDAY_3PM);
    await startVisitWithoutCard(page);
    await openFlow(page, 'ticket');
    await page.getByRole('button', { name: '没有身份证，继续办理' }).click();
    const notice = page.getByTestId('closed-notice');
    await expect.poll(() => notice.textContent()).toContain('今天取号已结束，下次开放：周一 08:30');
    expect(await seriousViolations(page)).toEqual([]);
    // What works without the queue, one tap away.
    const offered = await notice.locator('button[data-flow]').evaluateAll((els) => els.map((el) => el.getAttribute('data-flow')));
    expect(offered).toEqual(expect.arrayContaining(['case', 'progress', 'complaint', 'guide']));
    expect(offered).not.toContain('ticket');
    await notice.locator('button[data-flow="progress"]').click();
    await page.locator('section.flow[data-flow="progress"]').waitFor();
    await context.close();
  });

  it('a second ticket for the same service shows the number the card holds, who is ahead, and reprints it', async () => {
    now = MONDAY_10AM;
    const { page, context } = await openKioskAt(MONDAY_10AM);
    await startVisitWithCard(page, k.host, 'zhangSan');
    await openFlow(page, 'ticket');
    await page.getByRole('button', { name: /企业开办/ }).click();
    expect(await page.getByTestId('ticket-number').textContent()).toBe('A001');
    // Where it will be called: the default hall serves 企业开办 at windows 1 and 4.
    expect(await page.getByTestId('ticket-windows').textContent()).toBe('请留意 1、4 号窗口的叫号');
    expect(await page.getByTestId('ticket-priority').count()).toBe(0);
    await page.getByRole('button', { name: '完成' }).click();
    await takeCardBack(page, k.host);

    await startVisitWithCard(page, k.host, 'zhangSan');
    await openFlow(page, 'ticket');
    await page.getByRole('button', { name: /企业开办/ }).click();
    const held = page.getByTestId('duplicate-ticket');
    await held.waitFor();
    expect(await page.getByTestId('duplicate-number').textContent()).toBe('A001');
    expect(await page.getByTestId('duplicate-ahead').textContent()).toBe('前面还有 0 人');
    expect(await seriousViolations(page)).toEqual([]);
    expect([await reachable(page, '补打小票'), await reachable(page, '完成')]).toEqual([true, true]);
    const pagesBefore = printedPages();
    await held.getByRole('button', { name: '补打小票' }).click();
    // The same number on the ticket screen again, printed; no second number issued.
    await expect.poll(() => page.getByTestId('ticket-number').textContent()).toBe('A001');
    expect(k.host.db.prepare("SELECT count(*) AS n FROM tickets WHERE service_code = 'business-startup'").get()).toEqual({
      n: 1,
    });
    expect(printedPages()).toBe(pagesBefore + 1);
    await page.getByRole('button', { name: '完成' }).click();
    await takeCardBack(page, k.host);
    await context.close();
  });

  it("an elder's number says it goes first, and why, on screen", async () => {
    now = MONDAY_10AM;
    const { page, context } = await openKioskAt(MONDAY_10AM);
    await startVisitWithCard(page, k.host, 'elderWangJianguo');
    await openFlow(page, 'ticket');
    await page.getByRole('button', { name: /企业开办/ }).click();
    expect(await page.getByTestId('ticket-number').textContent()).toBe('A002');
    // A001 waits, yet nobody is ahead of A002: the screen says why.
    expect(await page.locator('.ticket-ahead').first().textContent()).toBe('前面还有 0 人');
    const priority = await page.getByTestId('ticket-priority').textContent();
    expect(priority).toContain('长者优先');
    expect(priority).toContain('70 岁及以上长者优先叫号');
    expect(await seriousViolations(page)).toEqual([]);
    // With the priority note, the windows and the card reminder, 完成 is still on screen (both print sizes).
    expect(await reachable(page, '完成')).toBe(true);
    await setElderMode(page, true);
    expect(await reachable(page, '完成')).toBe(true);
    await page.getByRole('button', { name: '完成' }).click();
    await takeCardBack(page, k.host);
    await context.close();
  });
});
