import type { Page } from 'playwright-core';
import { listenCentral } from '../host/sync/support';
import { launchChromium } from '../support/browser';
import { openDistrictConsoleAs } from '../support/district-console';
import { ACCOUNT_PASSWORD, BUREAU_REVIEWER, seedIndicatorHistory, UNIT_ENTRANT } from '../support/indicator-history';
import { rendererDir } from '../support/test-host';

/**
 * 营商环境评价 on the district console for docs/screenshots: four quarters of real values (the
 * platform's six metrics computed from the cases, ratings and day figures of each quarter; the
 * units' figures entered and approved by the 营商局), the three older quarters closed, two
 * indicators never reported (missing, their weight moved to their siblings). The dashboard with
 * the trend and 政务环境 opened down to 开办企业; the entry sheet with a figure awaiting review; the
 * tree against the seed's 7 / 26 / 77.
 * district-indicators, district-indicators-entry, district-indicators-tree.
 */
export async function districtIndicatorScreenshots(shot: (page: Page, name: string) => Promise<void>): Promise<void> {
  const central = await listenCentral({ platform: { rendererDir, demoAdmin: true } });
  const browser = await launchChromium();
  try {
    await seedIndicatorHistory(central.api, central.database.sql, {
      periods: [
        { period: '2025-Q4', progress: 0.2, close: true },
        { period: '2026-Q1', progress: 0.4, close: true },
        { period: '2026-Q2', progress: 0.55, close: true },
        { period: '2026-Q3', progress: 0.75, close: false },
      ],
      leaveMissing: ['GOV.03.03', 'OPN.03.02'],
    });
    const viewport = { width: 1440, height: 1760 };
    const entrant = await openDistrictConsoleAs(
      browser,
      central.baseUrl,
      { username: UNIT_ENTRANT.username, password: ACCOUNT_PASSWORD },
      viewport,
    );
    await entrant.getByRole('link', { name: '营商环境评价', exact: true }).click();
    await entrant.getByTestId('dst-ind-district-score').waitFor();
    await entrant.getByTestId('dst-ind-trend').locator('canvas').first().waitFor();
    await entrant.locator('[data-category="GOV"]').getByRole('button').click();
    await entrant.getByRole('button', { name: '查看 开办企业 的三级指标' }).click();
    await entrant.getByTestId('dst-ind-leaves').waitFor();
    await shot(entrant, 'district-indicators');

    // A correction of 企业开办费用 waits for the bureau: the approved figure scores meanwhile.
    await entrant.getByRole('button', { name: '数据填报与审核' }).click();
    await entrant.getByLabel('责任单位').selectOption({ label: '区市场监管局' });
    await entrant.getByRole('button', { name: '填报 企业开办费用' }).click();
    const panel = entrant.getByTestId('dst-ind-leaf');
    await panel.getByLabel('数值（元）').fill('0');
    await panel.getByLabel(/数据来源和说明/).fill('三季度起刻章、发票申领费用由财政全额承担');
    await panel.getByRole('button', { name: '提交审核' }).click();
    await panel.getByText('已提交第 2 版，等待审核。').waitFor();
    await entrant.context().close();

    const reviewer = await openDistrictConsoleAs(
      browser,
      central.baseUrl,
      { username: BUREAU_REVIEWER.username, password: ACCOUNT_PASSWORD },
      viewport,
    );
    await reviewer.getByRole('link', { name: '营商环境评价', exact: true }).click();
    await reviewer.getByRole('button', { name: '数据填报与审核' }).click();
    await reviewer.getByLabel('责任单位').selectOption({ label: '区市场监管局' });
    await reviewer.getByRole('button', { name: '审核 企业开办费用' }).click();
    await reviewer.getByTestId('dst-ind-history').waitFor();
    await shot(reviewer, 'district-indicators-entry');
    await reviewer.context().close();

    const admin = await openDistrictConsoleAs(
      browser,
      central.baseUrl,
      { username: 'admin', password: 'district-demo' },
      viewport,
    );
    await admin.getByRole('link', { name: '营商环境评价', exact: true }).click();
    await admin.getByRole('button', { name: '指标体系维护' }).click();
    await admin.getByRole('button', { name: '在政务环境下添加二级指标' }).click();
    const form = admin.getByTestId('dst-ind-group-form');
    await form.getByLabel('名称', { exact: true }).fill('涉企政策兑现');
    await form.getByLabel('英文名称').fill('Honouring business policies');
    await form.getByLabel('权重').fill('0.1');
    await form.getByRole('button', { name: '放入修改稿' }).click();
    await admin.getByTestId('dst-ind-problems').waitFor();
    await shot(admin, 'district-indicators-tree');
    await admin.context().close();
  } finally {
    await browser.close();
    await central.close();
  }
}
