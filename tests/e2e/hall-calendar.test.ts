import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_HALL_HOURS } from '../../contracts/config';
import { ApiError } from '../../contracts/errors';
import type { Clock } from '../../host/clock/clock';
import {
  openFlow,
  seriousViolations,
  startKioskHarness,
  startVisitWithoutCard,
  type KioskHarness,
} from '../support/kiosk-harness';
import { TEST_PIN } from '../support/staff';

/** Thursday 1 October 2026, 10:00 Beijing: a public holiday of the hall calendar. */
const HOLIDAY_10AM = new Date('2026-10-01T02:00:00Z');
/** Monday 12 October 2026, 17:45 Beijing: a working day, fifteen minutes after closing. */
const MONDAY_5_45PM = new Date('2026-10-12T09:45:00Z');

/**
 * The queue keeps the hall calendar (issue 19): on a holiday the kiosk says the hall rests and
 * when it opens, and the ticket API refuses; after hours, a supervisor's 延时服务 in the manager
 * console opens a service again and the kiosk issues its numbers. The hall keeps its real hours
 * on a clock the test sets; the pages' clocks follow it.
 */
describe('the hall calendar and 延时服务 in the browser', () => {
  let k: KioskHarness;
  let now = HOLIDAY_10AM;
  const clock: Clock = { now: () => now };
  beforeAll(async () => {
    k = await startKioskHarness({
      clock,
      config: {
        hours: DEFAULT_HALL_HOURS,
        calendar: {
          holidays: ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'],
          extraWorkdays: ['2026-10-10'],
        },
      },
    });
  });
  afterAll(async () => {
    await k?.dispose();
  });
  const openKioskAt = (at: Date) =>
    k.openKiosk({
      beforeLoad: async (p: Page) => {
        await p.clock.install({ time: at });
        await p.clock.resume();
      },
    });
  const servicesOnKiosk = async (page: Page) => {
    await startVisitWithoutCard(page);
    await openFlow(page, 'ticket');
    await page.getByRole('button', { name: '没有身份证，继续办理' }).click();
  };

  it('on a holiday the kiosk says the hall rests and when it opens, and the ticket API refuses', async () => {
    now = HOLIDAY_10AM;
    const { page, context } = await openKioskAt(HOLIDAY_10AM);
    await servicesOnKiosk(page);
    const notice = page.getByTestId('closed-notice');
    await expect.poll(() => notice.textContent()).toContain('今天是法定节假日，大厅休息');
    // The next opening day: Thursday 8 October, a week on (the date is spelled out).
    expect(await notice.textContent()).toContain('下次开放：10月8日周四 08:30');
    expect(await page.locator('button.tile').first().isDisabled()).toBe(true);
    expect(await page.locator('button.tile').first().textContent()).toContain('节假日休息');
    expect(await seriousViolations(page)).toEqual([]);

    const refused = await k.host.app.inject({
      method: 'POST',
      url: '/api/v1/tickets',
      payload: { serviceCode: 'business-startup', withIdentity: false },
    });
    expect(refused.statusCode).toBe(409);
    expect(ApiError.parse(refused.json()).error).toMatchObject({
      code: 'service_closed',
      details: { reason: 'holiday', nextOpening: '2026-10-08T00:30:00.000Z' },
    });
    await context.close();
  });

  it('after hours a supervisor extends a service in the manager console, and the kiosk issues its numbers', async () => {
    now = MONDAY_5_45PM;
    const { page: kiosk, context: kioskContext } = await openKioskAt(MONDAY_5_45PM);
    await servicesOnKiosk(kiosk);
    const startup = kiosk.getByRole('button', { name: /企业开办/ });
    await expect.poll(() => startup.isDisabled()).toBe(true);

    const { page: manager, context: managerContext } = await openManager();
    const row = manager.locator('[data-testid="mgr-hours-service"][data-service="business-startup"]');
    await expect.poll(() => row.textContent()).toContain('不在取号时间');
    const form = manager.getByTestId('mgr-hours-form');
    await form.getByTestId('mgr-hours-target').selectOption('service:business-startup');
    await form.getByTestId('mgr-hours-until').fill('18:30');
    await form.getByLabel('原因（可选）').fill('排队人数多');
    await form.getByRole('button', { name: '延时' }).click();
    await expect.poll(() => manager.getByTestId('mgr-hours-message').textContent()).toBe('已将企业开办延时至 18:30。');
    await expect.poll(() => row.textContent()).toContain('取号中');
    expect(await row.textContent()).toContain('17:30–18:30（延时）');
    expect(await manager.getByTestId('mgr-hours-extensions').textContent()).toContain('排队人数多');
    expect(await seriousViolations(manager)).toEqual([]);

    // The kiosk heard of it (hours.changed): the tile opens, and the number comes out.
    await expect.poll(() => startup.isDisabled()).toBe(false);
    await startup.click();
    expect(await kiosk.getByTestId('ticket-number').textContent()).toBe('A001');
    // Another service closed on time.
    expect(
      await k.host.app
        .inject({ method: 'POST', url: '/api/v1/tickets', payload: { serviceCode: 'real-estate', withIdentity: false } })
        .then((r) => r.statusCode),
    ).toBe(409);
    await kioskContext.close();
    await managerContext.close();
  });

  async function openManager(): Promise<{ page: Page; context: BrowserContext }> {
    const context = await k.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.clock.install({ time: now });
    await page.clock.resume();
    await page.goto(`${k.base}/manager#hours`);
    await page.getByLabel('工号').fill('9001');
    await page.getByLabel(/密码/).fill(TEST_PIN);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByTestId('mgr-hours').waitFor();
    return { page, context };
  }
});
