/**
 * The reports section of the manager console (`manager-reports.png`): a year of the demo's
 * generated history (host/demo, the same generator as `npm run demo-data`), shown for the past
 * year with every chart full.
 */
import type { Page } from 'playwright-core';
import { DEFAULT_HALL_HOURS } from '../../contracts/config';
import { writeDemoHistory } from '../../host/demo/write-history';
import { businessDay } from '../../host/queue/schedule';
import { startKioskHarness } from '../support/kiosk-harness';
import { TEST_PIN } from '../support/staff';

export async function managerReportScreenshots(shot: (page: Page, name: string) => Promise<void>): Promise<void> {
  // Monday 7 December 2026, 10:00 in the hall: the history ends the Friday before.
  const now = new Date('2026-12-07T02:00:00Z');
  // The demo's opening hours (the harness opens round the clock): arrivals follow the hall's day.
  const h = await startKioskHarness({ clock: { now: () => now }, config: { hours: DEFAULT_HALL_HOURS } });
  try {
    writeDemoHistory({
      db: h.host.db,
      hall: h.host.hallSettings.get(),
      hallId: 'hall-01',
      timeZone: 'Asia/Shanghai',
      resetHour: 3,
      today: businessDay(now, 'Asia/Shanghai', 3),
      now,
      seed: 'hall-kiosk-demo',
      workdays: 250,
      ticketsPerWorkday: 300,
    });
    // The page on the hall's clock too: its "past year" ends on the hall's today.
    const context = await h.browser.newContext({ viewport: { width: 1440, height: 1500 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.clock.install({ time: now });
    await page.clock.resume();
    await page.goto(`${h.base}/manager#reports`);
    await page.getByLabel('工号').fill('9001');
    await page.getByLabel(/密码/).fill(TEST_PIN);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByLabel('近一年').check();
    await page.getByTestId('report-period').filter({ hasText: '2025-12-08 至 2026-12-07' }).waitFor();
    await page.locator('.mgr-rep-chart:has(canvas)').nth(4).waitFor();
    await shot(page, 'manager-reports');
    await context.close();
  } finally {
    await h.dispose();
  }
}
