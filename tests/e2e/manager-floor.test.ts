import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations, startKioskHarness, type KioskHarness } from '../support/kiosk-harness';
import { DESK, openManager } from '../support/manager-page';
import { signIn, TEST_PIN } from '../support/staff';

/** Monday 1 June 2026, 09:00 in the hall (Beijing). */
const START = Date.parse('2026-06-01T01:00:00.000Z');

/**
 * The manager's live floor against a real host, its queue and the simulated kiosk printer, on a
 * hall clock the test moves: a call at a counter moves the floor without a reload, and the alerts
 * come as the clock passes their thresholds (the host's once-a-minute check, run here by hand).
 */
describe('manager floor (现场)', () => {
  let h: KioskHarness;
  let now = START;
  let clerk: { authorization: string };

  beforeAll(async () => {
    h = await startKioskHarness({ clock: { now: () => new Date(now) } });
    clerk = await signIn(h.host.app, '1001', 1);
  });
  afterAll(async () => {
    await h?.dispose();
  });

  const api = async (method: 'GET' | 'POST', url: string, headers: Record<string, string> = {}, payload?: object) => {
    const res = await h.host.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });
    if (res.statusCode >= 400) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return res;
  };
  const takeNumber = (serviceCode = 'business-startup') => api('POST', '/tickets', {}, { serviceCode, withIdentity: false });
  const advanceMinutes = (minutes: number) => {
    now += minutes * 60_000;
  };
  const windowCard = (page: Page, n: number) => page.locator(`[data-testid="floor-window"][data-number="${n}"]`);
  const alerts = (page: Page) => page.getByTestId('floor-alert').allInnerTexts();
  const clean = async (page: Page) => expect(await seriousViolations(page)).toEqual([]);

  it('moves live with a counter’s call, and raises its alerts as the hall’s clock passes their thresholds', async () => {
    await takeNumber();
    const { page, context } = await openManager(h, 'floor');
    await page.getByTestId('floor').waitFor();
    expect(await page.getByRole('navigation').getByRole('link').first().innerText()).toBe('现场');
    await expect.poll(() => page.getByTestId('floor-waiting').innerText()).toBe('1');
    expect(await page.getByTestId('floor-alert-count').innerText()).toBe('当前没有告警。');
    await clean(page);
    // Whatever follows must happen in this page, not a new one.
    await page.evaluate(() => {
      document.body.dataset.floorTest = 'same page';
    });

    // The clerk at window 1 calls the next citizen: the floor shows who serves whom.
    await api('POST', '/windows/1/call-next', clerk);
    await expect
      .poll(() => windowCard(page, 1).getByTestId('floor-window-doing').innerText())
      .toBe('正在办理 A001 号 · 不到 1 分钟');
    expect(await windowCard(page, 1).getByTestId('floor-window-staff').innerText()).toBe('工号 1001 窗口人员');
    expect(await page.getByTestId('floor-waiting').innerText()).toBe('0');

    // The clerk pauses: a pause is no alert until it lasts past the hall's 15 minutes.
    await api('POST', '/windows/1/pause', clerk, { paused: true });
    await expect.poll(() => windowCard(page, 1).getByTestId('floor-window-status').innerText()).toBe('暂停');
    await takeNumber();
    advanceMinutes(15);
    h.host.housekeeping();
    await expect.poll(() => page.getByTestId('floor-waiting').innerText()).toBe('1');
    expect(await alerts(page)).toEqual([]);
    advanceMinutes(1);
    h.host.housekeeping();
    await expect.poll(() => alerts(page)).toEqual(['注意\n1 号窗口（综合受理 1）已暂停 16 分钟，超过 15 分钟。\n自 09:00 起']);

    // Five minutes on, the second ticket has waited 21 minutes: past 企业开办's 20. Both began at
    // 09:00; alerts of one urgency are listed oldest first.
    advanceMinutes(5);
    h.host.housekeeping();
    await expect
      .poll(() => alerts(page))
      .toEqual([
        '注意\n企业开办：1 人等候超过目标 20 分钟，最久的 A002 号已等 21 分钟。\n自 09:00 起',
        '注意\n1 号窗口（综合受理 1）已暂停 21 分钟，超过 15 分钟。\n自 09:00 起',
      ]);

    // The kiosk's printer runs out of paper: the most urgent alert, at once.
    const fault = await fetch(`${h.base}/api/v1/simulator/printer/fault`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ fault: 'paper-end' }),
    });
    expect(fault.status).toBe(204);
    await expect
      .poll(() => page.getByTestId('floor-alert').first().innerText())
      .toBe('紧急\n取号机打印机 printer-1 缺纸，号票无法打印。\n自 09:21 起');
    expect(await page.getByTestId('floor-alert-count').innerText()).toBe('当前 3 条告警');
    await clean(page);
    expect(await page.evaluate(() => document.body.dataset.floorTest)).toBe('same page');

    // The paper replaced and the window back at work: those alerts go.
    await fetch(`${h.base}/api/v1/simulator/printer/fault`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ fault: null }),
    });
    await api('POST', '/windows/1/pause', clerk, { paused: false });
    await expect
      .poll(() => alerts(page))
      .toEqual(['注意\n企业开办：1 人等候超过目标 20 分钟，最久的 A002 号已等 21 分钟。\n自 09:00 起']);
    await context.close();
  });

  it('refuses the console to a window clerk', async () => {
    const context = await h.browser.newContext({ viewport: DESK, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${h.base}/manager#floor`);
    await page.getByLabel('工号').fill('1001');
    await page.getByLabel(/密码/).fill(TEST_PIN);
    await page.getByRole('button', { name: '登录' }).click();
    expect(await page.getByRole('alert').innerText()).toContain('工号 1001 不能使用大厅管理');
    expect(await page.getByTestId('floor').count()).toBe(0);
    await clean(page);
    await context.close();
  });
});
