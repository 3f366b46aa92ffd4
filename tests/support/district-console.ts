import type { Browser, Page } from 'playwright-core';
import { DEMO_DISTRICT_ADMIN, type DistrictRole } from '../../contracts/platform-console';
import type { ListeningApi } from '../host/sync/support';
import { addStaff, TEST_PASSWORD, TEST_STAFF } from '../platform/support/console';
import * as kiosk from './kiosk-harness';

/** The district console of a harness's platform, opened in a fresh browser context and signed in. */
export async function openDistrictConsole(
  harness: kiosk.KioskHarness,
  as: DistrictRole | 'demo-admin' = 'demo-admin',
  viewport = { width: 1440, height: 900 },
): Promise<Page> {
  const { username, password } =
    as === 'demo-admin' ? DEMO_DISTRICT_ADMIN : { username: TEST_STAFF[as].username, password: TEST_PASSWORD };
  if (as !== 'demo-admin') await addStaff(harness.central.database, as);
  return openConsoleAs(harness, username, password, { viewport });
}

/**
 * The console signed in as an account that exists already (a complaint person's, say), in a
 * fresh browser context; `pageTime` fixes the page's clock (the deadline badges count from it)
 * to the platform's when the test drives that.
 */
export async function openConsoleAs(
  harness: kiosk.KioskHarness,
  username: string,
  password: string,
  { viewport = { width: 1440, height: 900 }, pageTime }: { viewport?: { width: number; height: number }; pageTime?: Date } = {},
): Promise<Page> {
  const context = await harness.browser.newContext({ viewport, locale: 'zh-CN' });
  const page = await context.newPage();
  if (pageTime !== undefined) await page.clock.setFixedTime(pageTime);
  await page.goto(`${harness.central.baseUrl}/district`);
  await page.getByRole('heading', { name: '区级平台登录' }).waitFor();
  await page.getByLabel('账号').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByTestId('dst-who').waitFor();
  return page;
}

/** The platform's address of the console page. */
export const districtPage = (central: ListeningApi) => `${central.baseUrl}/district`;

/**
 * A citizen at a community centre's kiosk files 失业登记 (a 全域通办 item) with their card:
 * the case the district console then finds. Returns its case number, as the kiosk printed it.
 */
export async function fileUnemploymentCase(harness: kiosk.KioskHarness): Promise<string> {
  const { page, context } = await harness.openKiosk();
  try {
    await kiosk.startVisitWithCard(page, harness.host, 'zhangSan');
    await kiosk.openFlow(page, 'case');
    await page.locator('.theme-tile[data-theme="employment"]').click();
    await page.getByRole('button', { name: /失业登记/ }).click();
    await page.getByRole('heading', { name: '填写「失业登记」申报信息' }).waitFor();
    await completeUnemploymentForm(page);
    const number = page.getByTestId('case-number');
    await number.waitFor({ timeout: 20_000 });
    return (await number.textContent()) ?? '';
  } finally {
    harness.host.devices.placeSimulatedCard(null);
    await context.close();
  }
}

/**
 * On the open 失业登记 form (the card filled the rest): keys a phone on the on-screen keyboard,
 * picks a wish, ticks the ID card among the materials and submits.
 */
export async function completeUnemploymentForm(page: Page): Promise<void> {
  await page.getByLabel('联系电话').click();
  for (const key of '13800138000') await page.locator(`[data-testid="osk"] [data-skbtn="${key}"]`).click();
  await page.locator('[data-testid="osk"] [data-skbtn="{done}"]').click();
  await page.getByRole('button', { name: '灵活就业' }).click();
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByRole('checkbox', { name: /居民身份证/ }).check();
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByRole('button', { name: '确认提交' }).click();
}

/**
 * The district console of a platform at `baseUrl`, opened in a fresh context of `browser` and
 * signed in with an account the test made (e.g. a unit's entrant and the bureau's reviewer).
 */
export async function openDistrictConsoleAs(
  browser: Browser,
  baseUrl: string,
  account: { username: string; password: string },
  viewport = { width: 1440, height: 900 },
): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/district`);
  await page.getByRole('heading', { name: '区级平台登录' }).waitFor();
  await page.getByLabel('账号').fill(account.username);
  await page.getByLabel('密码').fill(account.password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByTestId('dst-who').waitFor();
  return page;
}
