import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser';
import { TEST_PIN, testStaffSeeds } from '../support/staff';
import { rendererDir, startTestHost, type TestHost } from '../support/test-host';

/**
 * The walking skeleton, end to end in Chromium across three pages: a card on
 * the simulated reader (real SAM bytes over an in-memory link) → the kiosk
 * greets the citizen by masked name → the citizen takes a number → the counter
 * calls it → the hall display shows it, pushed over the WebSocket.
 */
describe('walking skeleton: ID card → ticket → call → display', () => {
  let host: TestHost;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    if (!existsSync(join(rendererDir, 'index.html'))) throw new Error('dist/renderer missing: run `npm run build` first');
    host = await startTestHost({ withRenderer: true, config: { staff: await testStaffSeeds() } });
    base = await host.app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await host?.dispose();
  });

  it('a citizen takes A001 at the kiosk; window 1 calls it; the display shows A001 → 1号窗口', async () => {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN' });
    const display = await context.newPage();
    await display.goto(`${base}/display`);
    await expect.poll(() => display.locator('[data-testid="latest-call"]').textContent()).toContain('叫号信息');

    const kiosk = await context.newPage();
    await kiosk.goto(`${base}/kiosk`);
    await kiosk.getByText('请将身份证放在读卡区').waitFor();

    host.devices.placeSimulatedCard('zhangSan');
    await expect.poll(() => kiosk.getByTestId('citizen-name').textContent()).toBe('您好，张*');
    expect(await kiosk.locator('.kiosk-main').innerHTML()).not.toContain('张三');

    await kiosk.locator('button.tile[data-flow="ticket"]').click();
    await kiosk.getByRole('button', { name: /企业开办/ }).click();
    await kiosk.getByTestId('ticket-number').waitFor();
    expect(await kiosk.getByTestId('ticket-number').textContent()).toBe('A001');
    expect(await kiosk.getByText('前面还有 0 人').count()).toBe(1);

    const row = host.db.prepare("SELECT number, status FROM tickets WHERE number = 'A001'").get();
    expect(row).toEqual({ number: 'A001', status: 'waiting' });

    const counter = await context.newPage();
    await counter.goto(`${base}/counter`);
    await counter.getByLabel('工号').fill('1001');
    await counter.getByLabel('密码（PIN）').fill(TEST_PIN);
    await counter.getByRole('combobox').selectOption({ label: '1 · 综合受理 1' });
    await counter.getByRole('button', { name: '签到' }).click();
    await counter.getByRole('button', { name: /叫下一位/ }).click();
    await expect.poll(() => counter.getByTestId('current-number').textContent()).toBe('A001');

    const latest = display.locator('[data-testid="latest-call"]');
    await expect.poll(() => latest.textContent()).toContain('A001');
    expect(await latest.textContent()).toContain('1号窗口');
    expect(await latest.textContent()).toContain('请 A001 号到 1 号窗口');

    // The citizen finishes: the host forgets the card, the kiosk asks for the card back, and
    // returns to the card prompt once it is taken.
    await kiosk.getByRole('button', { name: '完成' }).click();
    await kiosk.getByTestId('take-card').waitFor();
    expect(host.identity.view()).toBeNull();
    host.devices.placeSimulatedCard(null);
    await kiosk.getByTestId('attract').waitFor();
    await kiosk.getByText('请将身份证放在读卡区').waitFor();
    await context.close();
  });

  it('renders Chinese with the bundled Noto Sans SC font, not a system fallback', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/kiosk`);
    await page.getByText('请将身份证放在读卡区').waitFor();
    const loaded = await page.evaluate(async () => {
      await document.fonts.ready;
      await document.fonts.load('700 32px "Noto Sans SC"', '请将身份证放在读卡区');
      return [...document.fonts].filter((f) => f.family.includes('Noto Sans SC') && f.status === 'loaded').length;
    });
    expect(loaded).toBeGreaterThan(0);
    const fontRequests = await page.evaluate(
      () => performance.getEntriesByType('resource').filter((e) => e.name.includes('noto-sans-sc')).length,
    );
    expect(fontRequests).toBeGreaterThan(0);
    await page.close();
  });
});
