import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PeriodScoresResponse } from '../../contracts/platform-indicators';
import { listenCentral, type ListeningApi } from '../host/sync/support';
import { adminAuth } from '../platform/support/platform';
import { launchChromium } from '../support/browser';
import { openDistrictConsoleAs } from '../support/district-console';
import { ACCOUNT_PASSWORD, BUREAU_REVIEWER, seedIndicatorHistory, UNIT_ENTRANT } from '../support/indicator-history';
import { seriousViolations } from '../support/kiosk-harness';
import { rendererDir } from '../support/test-host';

/**
 * 营商环境评价 on the district console (served by the platform, its page and API on one origin):
 * a closed quarter and an open one with the platform's figures computed from its rows and the
 * units' figures entered and approved, but for 企业开办环节数 (GOV.02.02). The dashboard shows the
 * district's and the categories' scores as the platform computes them, the missing indicator as
 * missing; 市场监管局's entrant enters it, the 营商局's reviewer approves it, and the district's
 * score moves to the platform's new figure. Axe-clean on every screen on the way.
 */
describe('营商环境评价 on the district console', () => {
  let central: ListeningApi;
  let browser: Browser;

  beforeAll(async () => {
    central = await listenCentral({ platform: { rendererDir } });
    await seedIndicatorHistory(central.api, central.database.sql, {
      periods: [
        { period: '2026-Q2', progress: 0.4, close: true },
        { period: '2026-Q3', progress: 0.7, close: false },
      ],
      leaveMissing: ['GOV.02.02'],
    });
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await central?.close();
  });

  const scoresOf = async (period: string) => {
    const res = await central.api.app.inject({
      method: 'GET',
      url: `/v1/admin/indicators/periods/${period}/scores`,
      headers: adminAuth,
    });
    return PeriodScoresResponse.parse(res.json()).scores;
  };

  async function axeClean(page: Page, screen: string): Promise<void> {
    expect(await seriousViolations(page), screen).toEqual([]);
  }

  async function openSection(page: Page): Promise<void> {
    await page.getByRole('navigation', { name: '平台功能' }).getByRole('link', { name: '营商环境评价', exact: true }).click();
    await page.getByRole('heading', { name: '营商环境评价指标体系' }).waitFor();
  }

  it('shows the scores; a unit enters a missing figure, the bureau approves it, and the district’s score moves', async () => {
    const before = await scoresOf('2026-Q3');
    const q2 = await scoresOf('2026-Q2');
    expect(before.missing).toContain('GOV.02.02');

    const entrant = await openDistrictConsoleAs(browser, central.baseUrl, {
      username: UNIT_ENTRANT.username,
      password: ACCOUNT_PASSWORD,
    });
    await openSection(entrant);
    const district = entrant.getByTestId('dst-ind-district-score');
    await expect.poll(() => district.textContent()).toBe(before.score?.toFixed(2));
    const gov = before.nodes.find((node) => node.code === 'GOV');
    const govCard = entrant.locator('[data-category="GOV"]');
    expect(await govCard.textContent()).toContain(gov?.score?.toFixed(2));
    // The trend: the closed quarter's district score beside this one's, in the chart's table.
    const trendRow = entrant.getByTestId('dst-ind-trend').locator('tr[data-line="district"]');
    await expect.poll(() => trendRow.textContent()).toContain(q2.score?.toFixed(2));
    await entrant.getByTestId('dst-ind-trend').locator('canvas').first().waitFor();
    await axeClean(entrant, 'dashboard');

    // Down to 开办企业: the missing indicator shown as missing, its siblings counting with its weight.
    await govCard.getByRole('button').click();
    await entrant.getByRole('button', { name: '查看 开办企业 的三级指标' }).click();
    const missingRow = entrant.getByTestId('dst-ind-leaves').locator('tr[data-leaf="GOV.02.02"]');
    expect(await missingRow.getAttribute('data-missing')).toBe('true');
    expect(await missingRow.textContent()).toContain('缺失');
    expect(await entrant.getByTestId('dst-ind-leaves').locator('tr[data-leaf="GOV.02.03"]').textContent()).toContain(
      '0.3 → 0.4286',
    );
    await axeClean(entrant, 'drill-down');

    await entrant.getByRole('button', { name: '数据填报与审核' }).click();
    await entrant.getByLabel('责任单位').selectOption({ label: '区市场监管局' });
    await entrant.getByRole('button', { name: '填报 企业开办环节数' }).click();
    const panel = entrant.getByTestId('dst-ind-leaf');
    await panel.getByLabel('数值（个）').fill('2');
    await panel.getByLabel(/数据来源和说明/).fill('企业开办“一网通办”平台：设立登记、公章刻制、发票申领并为两个环节');
    await panel.getByRole('button', { name: '提交审核' }).click();
    await panel.getByText('已提交第 1 版，等待审核。').waitFor();
    // Their own value: no review offered to them.
    await panel.getByText('这一版由您提交，须由另一位工作人员审核。').waitFor();
    await axeClean(entrant, 'entry');
    await entrant.context().close();

    const reviewer = await openDistrictConsoleAs(browser, central.baseUrl, {
      username: BUREAU_REVIEWER.username,
      password: ACCOUNT_PASSWORD,
    });
    await openSection(reviewer);
    await reviewer.getByRole('button', { name: '数据填报与审核' }).click();
    await reviewer.getByLabel('状态').selectOption({ label: '待审核' });
    await reviewer.getByRole('button', { name: '审核 企业开办环节数' }).click();
    const review = reviewer.getByTestId('dst-ind-leaf');
    expect(await review.textContent()).toContain(`第 1 版 2 个，填报人 ${UNIT_ENTRANT.username}`);
    await axeClean(reviewer, 'review');
    await review.getByRole('button', { name: '审核通过' }).click();
    await review.getByText('第 1 版已审核通过，计入得分。').waitFor();

    const after = await scoresOf('2026-Q3');
    expect(after.missing).not.toContain('GOV.02.02');
    expect(after.score).not.toBe(before.score);
    await reviewer.getByRole('button', { name: '评价仪表板' }).click();
    await expect.poll(() => reviewer.getByTestId('dst-ind-district-score').textContent()).toBe(after.score?.toFixed(2));

    // The period's Excel export, as the platform names it.
    const download = reviewer.waitForEvent('download');
    await reviewer.getByRole('button', { name: '导出 Excel' }).click();
    expect((await download).suggestedFilename()).toBe('indicators-2026-Q3.xlsx');
    await reviewer.context().close();
  }, 120_000);
});
