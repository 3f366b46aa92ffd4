import type { BrowserContext, Page } from 'playwright-core';
import type { KioskHarness } from './kiosk-harness';
import { TEST_PIN } from './staff';

/** A supervisor's desk: 1440 × 900. */
export const DESK = { width: 1440, height: 900 };

/** /manager#<section> in a fresh browser context, signed in as `staffNo` (PIN `TEST_PIN`). */
export async function openManager(
  h: KioskHarness,
  section: string,
  staffNo = '9001',
): Promise<{ page: Page; context: BrowserContext }> {
  const context = await h.browser.newContext({ viewport: DESK, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(`${h.base}/manager#${section}`);
  await page.getByLabel('工号').fill(staffNo);
  await page.getByLabel(/密码/).fill(TEST_PIN);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByTestId('mgr-who').waitFor();
  return { page, context };
}
