import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itemsForHall } from '../../contracts/catalog-scope';
import { DISTRICT_CATALOG } from '../../contracts/district-catalog';
import { fileUnemploymentCase, openDistrictConsole } from '../support/district-console';
import * as kiosk from '../support/kiosk-harness';
import { rendererDir } from '../support/test-host';

/**
 * The district console, served by the platform itself (its page and API on one origin), against
 * a real host whose community-centre kiosk files a 全域通办 case: district staff sign in, find
 * the case among every hall's, read its history, and an operator accepts it; axe-clean on every
 * screen on the way.
 */
describe('the district console (/district on the platform)', () => {
  let harness: kiosk.KioskHarness;
  let caseNumber: string;

  beforeAll(async () => {
    harness = await kiosk.startKioskHarness({
      catalog: itemsForHall(DISTRICT_CATALOG, 'community-centre'),
      platform: { rendererDir, demoAdmin: true },
    });
    caseNumber = await fileUnemploymentCase(harness);
  }, 150_000);
  afterAll(() => harness?.dispose());

  async function axeClean(page: Page, screen: string): Promise<void> {
    expect(await kiosk.seriousViolations(page), screen).toEqual([]);
  }

  it('the demo admin signs in, finds the kiosk’s case among every hall’s, and reads its history', async () => {
    const context = await harness.browser.newContext({ locale: 'zh-CN' });
    const signInPage = await context.newPage();
    await signInPage.goto(`${harness.central.baseUrl}/district`);
    await signInPage.getByRole('heading', { name: '区级平台登录' }).waitFor();
    await axeClean(signInPage, 'sign-in');
    await context.close();

    const page = await openDistrictConsole(harness);
    expect(await page.getByTestId('dst-who').textContent()).toBe('演示管理员 · admin · 平台管理员');
    const table = page.getByTestId('dst-cases');
    await table.waitFor();
    expect(await table.locator(`[data-case="${caseNumber}"]`).count()).toBe(1);
    await axeClean(page, 'cases');

    await page.getByLabel('办件编号（可只输前几位）').fill(caseNumber.slice(0, 10));
    await page.getByLabel('事项编码').fill('QYTB-030');
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByRole('button', { name: `查看 ${caseNumber}` }).click();
    const detail = page.getByTestId('dst-case-detail');
    await detail.getByTestId('dst-case-history').waitFor();
    expect(await detail.getByTestId('dst-case-history').textContent()).toContain('已提交');
    expect(await detail.textContent()).toContain('失业登记');
    expect(await detail.textContent()).toContain('张*');
    // An admin reads cases; changing them is the operators'.
    expect(await detail.textContent()).toContain('只有办件人员可以变更办件状态。');
    await axeClean(page, 'a case');

    for (const [nav, heading] of [
      ['通知公告', '全区通知公告'],
      ['事项目录', '全区统一事项目录'],
      ['大厅', '大厅与接入凭证'],
      ['实时', '全区大厅实时情况'],
    ] as const) {
      await page.getByRole('navigation', { name: '平台功能' }).getByRole('link', { name: nav, exact: true }).click();
      await page.getByRole('heading', { name: heading }).waitFor();
      await axeClean(page, nav);
    }
    await page.context().close();
  }, 120_000);

  it('an operator accepts the case; the history says so with the note', async () => {
    const page = await openDistrictConsole(harness, 'district-operator');
    await page.getByRole('button', { name: `查看 ${caseNumber}` }).click();
    const detail = page.getByTestId('dst-case-detail');
    await detail.getByLabel('改为').selectOption('accepted');
    await detail.getByLabel(/说明/).fill('区级复核通过');
    await detail.getByRole('button', { name: '确认变更' }).click();
    await detail.getByText('已改为“已受理”。').waitFor();
    expect(await detail.getByTestId('dst-case-history').textContent()).toContain('区级复核通过');
    await axeClean(page, 'after a status change');
    await page.context().close();
  }, 60_000);
});
