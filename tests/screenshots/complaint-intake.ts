import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { listenCentral } from '../host/sync/support';
import { hotlineCall, setUpComplaintDesk } from '../platform/support/complaint-desk';
import { TEST_PASSWORD } from '../platform/support/console';
import { launchChromium } from '../support/browser';
import { rendererDir, repoRoot } from '../support/test-host';

/** The fixture's rows and one without a phone and with a mistyped credit code, refused with both reasons. */
function batchWithABadRow(): Buffer {
  // From the repository's root: this module runs bundled, from .cache/screenshots/.
  const csv = readFileSync(join(repoRoot, 'tests/fixtures/minxin/complaints-batch.csv'));
  return Buffer.concat([
    csv,
    Buffer.from(
      'MX2026120300019,2026-12-03 08:00:00,星河示例物流有限公司,91350100M000100Y44,孙八,,其他,,仓储用地手续办理缓慢。,待办理\n',
    ),
  ]);
}

/**
 * 营商诉求 intake (issue 21, point 2) for docs/screenshots: the public form on a phone, checking a
 * credit code as it is typed, and its receipt with the progress lookup; the console's hotline
 * form answering a call's number and a possible duplicate; a 民心网 batch imported with a refused
 * row. complaint-public-form, complaint-public-receipt, district-complaint-hotline,
 * district-complaint-minxin.
 */
export async function complaintIntakeScreenshots(shot: (page: Page, name: string) => Promise<void>): Promise<void> {
  // The wall clock, as the browser's: the work list counts each deadline's working days from its own now.
  const central = await listenCentral({ platform: { rendererDir, now: () => new Date() } });
  const browser = await launchChromium();
  try {
    const desk = await setUpComplaintDesk(central.api);
    // An earlier call of the same enterprise: the hotline's receipt flags it for merging.
    const earlier = await central.api.app.inject({
      method: 'POST',
      url: '/v1/complaints/hotline',
      headers: desk.as.intake,
      payload: hotlineCall,
    });
    if (earlier.statusCode !== 201) throw new Error(`the earlier call was refused: ${earlier.body}`);

    const phone = await browser.newContext({ viewport: { width: 420, height: 1100 }, locale: 'zh-CN' });
    const page = await phone.newPage();
    await page.goto(`${central.baseUrl}/complaint`);
    const form = page.getByRole('form', { name: '提交诉求' });
    await form.getByLabel(/企业名称/).fill('星河网上示例贸易有限公司');
    await form.getByLabel(/统一社会信用代码/).fill('91350100M000100Y4');
    await form.getByLabel(/联系人/).fill('周九');
    await form.getByLabel(/联系电话/).fill('13900001111');
    await form.getByLabel(/诉求类别/).selectOption('factors');
    await form.getByLabel(/所属街道或经济区/).selectOption('street-xinghe');
    await form.getByLabel(/诉求内容/).fill('园区用电报装已申请两个月，供电方案仍未答复，影响投产。');
    await shot(page, 'complaint-public-form');
    await form.getByLabel(/统一社会信用代码/).fill('91350100M000100Y43');
    await form.getByRole('button', { name: '提交诉求' }).click();
    await page.getByTestId('pc-receipt').waitFor();
    const lookup = page.getByRole('form', { name: '查询办理进度' });
    await lookup.getByLabel('联系电话').fill('13900001111');
    await lookup.getByRole('button', { name: '查询' }).click();
    await page.getByTestId('pc-progress').waitFor();
    await shot(page, 'complaint-public-receipt');
    await phone.close();

    const office = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'zh-CN' });
    const consolePage = await office.newPage();
    await consolePage.goto(`${central.baseUrl}/district`);
    await consolePage.getByLabel('账号').fill('p-intake');
    await consolePage.getByLabel('密码').fill(TEST_PASSWORD);
    await consolePage.getByRole('button', { name: '登录' }).click();
    await consolePage.getByTestId('dst-who').waitFor();
    await consolePage.getByRole('navigation', { name: '平台功能' }).getByRole('link', { name: '营商诉求', exact: true }).click();
    await consolePage.getByTestId('dst-complaints').waitFor();

    await consolePage.getByRole('button', { name: '录入热线诉求' }).click();
    const panel = consolePage.getByTestId('dst-hotline');
    await panel.getByLabel(/企业名称/).fill(hotlineCall.enterprise.name);
    await panel.getByLabel(/统一社会信用代码/).fill(hotlineCall.enterprise.creditCode);
    await panel.getByLabel(/联系人/).fill('赵六');
    await panel.getByLabel(/联系电话/).fill('13800000000');
    await panel.getByLabel(/诉求类别/).selectOption('approval');
    await panel.getByLabel(/所属街道或经济区/).selectOption('street-xinghe');
    await panel.getByLabel(/诉求内容/).fill('施工许可审批仍未办结，上周已反映过，请督促办理。');
    await panel.getByRole('button', { name: '登记诉求' }).click();
    await panel.getByTestId('dst-hotline-duplicates').waitFor();
    await shot(consolePage, 'district-complaint-hotline');

    await consolePage.getByRole('button', { name: '民心网导入导出' }).click();
    const minxin = consolePage.getByTestId('dst-minxin');
    await minxin
      .getByLabel('批次文件')
      .setInputFiles({ name: '民心网诉求20261203.csv', mimeType: 'text/csv', buffer: batchWithABadRow() });
    await minxin.getByRole('button', { name: '导入' }).click();
    await minxin.getByTestId('dst-minxin-refused').waitFor();
    await shot(consolePage, 'district-complaint-minxin');
    await office.close();
  } finally {
    await browser.close();
    await central.close();
  }
}
