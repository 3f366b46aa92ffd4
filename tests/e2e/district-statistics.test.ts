import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  handleStatisticsComplaints,
  openStatistics,
  setUpStatisticsDesk,
  type StatisticsDeskPerson,
} from '../support/complaint-statistics-desk';
import * as kiosk from '../support/kiosk-harness';
import { rendererDir } from '../support/test-host';

/**
 * 查询统计 and 考核 in the district console, served by the platform: complaints moved through the
 * real routes, then the 营商局's supervisor reads every unit's figures, score and rank, downloads
 * the Excel workbook and saves a new version of the 考核细则, which the scores follow; a unit's
 * handler sees only their own unit. axe-clean on every screen.
 */
describe('the district console’s 查询统计 (/district#statistics)', () => {
  let harness: kiosk.KioskHarness;

  beforeAll(async () => {
    harness = await kiosk.startKioskHarness({ platform: { rendererDir, now: () => new Date() } });
    const desk = await setUpStatisticsDesk(harness.central.api);
    await handleStatisticsComplaints(harness.central.api, desk);
  }, 150_000);
  afterAll(() => harness?.dispose());

  async function open(person: StatisticsDeskPerson): Promise<Page> {
    const context = await harness.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await openStatistics(page, harness.central.baseUrl, person);
    return page;
  }

  const rowOf = (page: Page, unit: string) => page.getByTestId('dst-statistics').locator(`tr[data-unit="${unit}"]`);

  it('the supervisor reads every unit’s figures and rank, exports them and changes the rules', async () => {
    const page = await open('supervisor');
    await page.getByRole('img', { name: '各单位考核得分' }).waitFor();
    // The market regulator: two received, two closed in time, one return of three review decisions.
    const market = await rowOf(page, 'market-regulation').textContent();
    expect(market).toContain('2/2');
    expect(market).toContain('1/3');
    expect(await rowOf(page, 'street-xinghe').textContent()).toContain('1/1');
    expect(await page.getByTestId('dst-statistics-district').textContent()).toContain('全区规定期限办结率：100.0%');
    expect(await kiosk.seriousViolations(page), 'statistics').toEqual([]);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出 Excel' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^complaint-statistics-\d{4}-\d{2}-01-\d{4}-\d{2}-\d{2}\.xlsx$/);

    const scoreBefore = await rowOf(page, 'market-regulation').locator('td').last().textContent();
    const quality = page.getByRole('group', { name: '答复质量（审核退回率）' });
    await quality.getByLabel('零分线（%）').fill('60');
    await page.getByRole('button', { name: '保存为新版本' }).click();
    await page.getByRole('status').filter({ hasText: '已保存为第 2 版' }).waitFor();
    await page.getByText('第 2 版，满分 100 分', { exact: false }).waitFor();
    await expect.poll(() => rowOf(page, 'market-regulation').locator('td').last().textContent()).not.toBe(scoreBefore);
    expect(await kiosk.seriousViolations(page), 'rules saved').toEqual([]);
    await page.context().close();
  }, 120_000);

  it('a unit’s handler sees their own unit only, and may not change the rules', async () => {
    const page = await open('tax');
    expect(await page.getByTestId('dst-statistics').locator('tbody tr').count()).toBe(1);
    await rowOf(page, 'tax').waitFor();
    await page.getByText('只有营商局督办人员可以修改考核细则。').waitFor();
    expect(await page.getByRole('button', { name: '保存为新版本' }).count()).toBe(0);
    expect(await kiosk.seriousViolations(page), 'a unit’s statistics').toEqual([]);
    await page.context().close();
  }, 60_000);
});
