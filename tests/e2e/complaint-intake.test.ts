import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listenCentral, type ListeningApi } from '../host/sync/support';
import { setUpComplaintDesk } from '../platform/support/complaint-desk';
import { TEST_PASSWORD } from '../platform/support/console';
import { launchChromium } from '../support/browser';
import { seriousViolations } from '../support/kiosk-harness';
import { rendererDir } from '../support/test-host';

const MINXIN_CSV = join(__dirname, '../fixtures/minxin/complaints-batch.csv');

/**
 * 营商诉求 intake through the browser, against the real platform serving its own pages: an
 * enterprise files on the public form (/complaint) and follows it by number and phone; the
 * 营商局's intake operator finds it in the console's work list, registers a hotline call and
 * imports a 民心网 batch, whose rows join the list. axe-clean on every screen on the way.
 */
describe('营商诉求 intake: the public form, the hotline form and a 民心网 batch', () => {
  let central: ListeningApi;
  let browser: Browser;

  beforeAll(async () => {
    if (!existsSync(join(rendererDir, 'complaint.html'))) throw new Error('dist/renderer missing: run `npm run build` first');
    central = await listenCentral({ platform: { rendererDir, now: () => new Date() } });
    await setUpComplaintDesk(central.api);
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await central?.close();
  });

  async function axeClean(page: Page, screen: string): Promise<void> {
    expect(await seriousViolations(page), screen).toEqual([]);
  }

  /** The console signed in as the 营商局's intake operator (setUpComplaintDesk's `p-intake`). */
  async function consoleAsIntake(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${central.baseUrl}/district`);
    await page.getByLabel('账号').fill('p-intake');
    await page.getByLabel('密码').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByTestId('dst-who').waitFor();
    await page.getByRole('navigation', { name: '平台功能' }).getByRole('link', { name: '营商诉求', exact: true }).click();
    await page.getByTestId('dst-complaints').waitFor();
    return page;
  }

  let webNumber = '';

  it('an enterprise files on the public form, gets its number and follows it by number and phone', async () => {
    const context = await browser.newContext({ viewport: { width: 420, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${central.baseUrl}/complaint`);
    await page.getByRole('heading', { name: '营商环境诉求', level: 1 }).waitFor();
    await page.getByRole('option', { name: '星河街道' }).waitFor({ state: 'attached' });
    await axeClean(page, 'the public form');

    const form = page.getByRole('form', { name: '提交诉求' });
    await form.getByLabel(/企业名称/).fill('星河网上示例贸易有限公司');
    await form.getByLabel(/统一社会信用代码/).fill('91350100M000100Y44');
    expect(await page.getByTestId('pc-code-hint').textContent()).toBe('校验位不符，请对照营业执照核对。');
    await form.getByLabel(/统一社会信用代码/).fill('91350100M000100Y43');
    expect(await page.getByTestId('pc-code-hint').textContent()).toBe('代码有效。');
    await form.getByLabel(/联系人/).fill('周九');
    await form.getByLabel(/联系电话/).fill('13900001111');
    await form.getByLabel(/诉求类别/).selectOption('factors');
    await form.getByLabel(/所属街道或经济区/).selectOption('street-xinghe');
    await form.getByLabel(/诉求内容/).fill('园区用电报装已申请两个月，供电方案仍未答复，影响投产。');
    await form.getByRole('button', { name: '提交诉求' }).click();

    webNumber = (await page.getByTestId('pc-number').textContent()) ?? '';
    expect(webNumber).toMatch(/^HK\d{14}$/);
    await axeClean(page, 'the receipt');

    const lookup = page.getByRole('form', { name: '查询办理进度' });
    expect(await lookup.getByLabel('诉求编号').inputValue()).toBe(webNumber);
    await lookup.getByLabel('联系电话').fill('13900001111');
    await lookup.getByRole('button', { name: '查询' }).click();
    const progress = page.getByTestId('pc-progress');
    await progress.waitFor();
    expect(await progress.textContent()).toContain('当前阶段：受理');
    expect(await progress.textContent()).toContain('已登记，等待分拣转办');
    await axeClean(page, 'the progress');
    await context.close();
  }, 90_000);

  it('the intake operator finds it in the work list and registers a hotline call, told its number', async () => {
    const page = await consoleAsIntake();
    const list = page.getByTestId('dst-complaints');
    await list.locator(`[data-complaint="${webNumber}"]`).waitFor();
    expect(await list.locator(`[data-complaint="${webNumber}"]`).textContent()).toContain('星河网上示例贸易有限公司');

    await page.getByRole('button', { name: '录入热线诉求' }).click();
    const panel = page.getByTestId('dst-hotline');
    await panel.waitFor();
    await axeClean(page, 'the hotline form');
    await panel.getByLabel(/企业名称/).fill('星河热线示例食品有限公司');
    await panel.getByLabel(/联系人/).fill('吴十');
    await panel.getByLabel(/联系电话/).fill('024-88887777');
    await panel.getByLabel(/诉求类别/).selectOption('enforcement');
    await panel.getByLabel(/诉求内容/).fill('同一事项一个月内被三个部门重复检查，请协调。');
    await panel.getByRole('button', { name: '登记诉求' }).click();
    const number = ((await panel.getByTestId('dst-hotline-number').textContent()) ?? '').replace('已登记，诉求编号 ', '');
    expect(number).toMatch(/^HK\d{14}$/);
    expect(number).not.toBe(webNumber);
    await axeClean(page, 'the hotline receipt');
    await list.locator(`[data-complaint="${number}"]`).waitFor();
    await page.context().close();
  }, 90_000);

  it('imports a 民心网 batch: its rows are registered and listed, and a second import registers nothing', async () => {
    const page = await consoleAsIntake();
    await page.getByRole('button', { name: '民心网导入导出' }).click();
    const panel = page.getByTestId('dst-minxin');
    await panel.waitFor();
    await axeClean(page, 'the 民心网 panel');
    await panel.getByLabel('批次文件').setInputFiles(MINXIN_CSV);
    await panel.getByRole('button', { name: '导入' }).click();
    const report = panel.getByTestId('dst-minxin-report');
    await report.waitFor();
    expect(await report.getByRole('status').textContent()).toBe('新登记 2 件，此前已导入 0 件，拒收 0 行。');
    await axeClean(page, 'the import report');

    const list = page.getByTestId('dst-complaints');
    for (const ref of ['MX2026120300017', 'MX2026120300018']) {
      const number = (await report.locator(`[data-ref="${ref}"] button`).textContent()) ?? '';
      expect(number).toMatch(/^HK\d{14}$/);
      await list.locator(`[data-complaint="${number}"]`).waitFor();
    }
    await page.getByLabel('来源').selectOption('minxin');
    await page.getByRole('button', { name: '筛选' }).click();
    await expect.poll(() => list.locator('[data-complaint]').count()).toBe(2);

    await panel.getByLabel('批次文件').setInputFiles(MINXIN_CSV);
    await panel.getByRole('button', { name: '导入' }).click();
    await expect.poll(() => report.getByRole('status').textContent()).toBe('新登记 0 件，此前已导入 2 件，拒收 0 行。');
    await expect.poll(() => list.locator('[data-complaint]').count()).toBe(2);
    await page.context().close();
  }, 90_000);
});
