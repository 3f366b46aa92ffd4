import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PrinterDevice } from '../../host/devices/printer-device';
import { actAs, deskSession, setUpDesk } from '../support/complaint-desk';
import {
  openFlow,
  PORTRAIT,
  seriousViolations,
  setElderMode,
  startKioskHarness,
  startVisitWithCard,
  type KioskHarness,
} from '../support/kiosk-harness';
import { waitFor } from '../support/wait';

/**
 * 营商诉求 at the kiosk: the path a complaint takes and by when, the same form engine as 办事申报,
 * a tracking number and receipt, and the receipt's progress page following the district
 * platform's 受理: the 营商局 dispatching the complaint to a unit (pulled by the host's sync on its
 * own schedule). A complaint moves only through its own steps, never an operator's status change.
 */
describe('kiosk 营商诉求 (complaint flow)', () => {
  let harness: KioskHarness;

  beforeAll(async () => {
    harness = await startKioskHarness();
    await setUpDesk(harness.central.api);
    await waitFor(() => (harness.host.devices.health().every((h) => h.state === 'ok') ? true : undefined), 'devices ok', 15_000);
  });
  afterAll(async () => {
    await harness?.dispose();
  });
  // Each visit starts with an empty reader, whatever the previous test left on it.
  beforeEach(async () => {
    harness.host.devices.placeSimulatedCard(null);
    await waitFor(() => (harness.host.identity.view() === null ? true : undefined), 'reader empty', 5_000);
  });

  const receipts = () => {
    const printer = harness.host.devices.printer();
    if (!(printer instanceof PrinterDevice) || !printer.virtualPrinter) throw new Error('no virtual printer');
    return printer.virtualPrinter.pages
      .filter((p) => p.lines.some((l) => l.text.includes('受理回执')))
      .map((p) => ({ text: p.lines.map((l) => l.text).join('\n'), qr: p.qrPayloads }));
  };

  async function accessible(page: Page, screen: string): Promise<void> {
    expect(await seriousViolations(page), `${screen} (standard)`).toEqual([]);
    await setElderMode(page, true);
    expect(await seriousViolations(page), `${screen} (长辈版)`).toEqual([]);
    await setElderMode(page, false);
  }
  async function pressKeys(page: Page, keys: string): Promise<void> {
    for (const key of keys) await page.locator(`[data-testid="osk"] [data-skbtn="${key}"]`).click();
  }
  const closeKeyboard = (page: Page) => page.locator('[data-testid="osk"] [data-skbtn="{done}"]').click();

  /** The 营商局's sorter admits the complaint: dispatched to the 区市场监管局, which the enterprise reads as 受理. */
  async function dispatch(caseNumber: string): Promise<void> {
    const api = harness.central.api;
    await actAs(api, await deskSession(api, 'sorter'), caseNumber, {
      type: 'dispatch',
      leadUnit: 'market-regulation',
      coUnits: [],
      note: null,
    });
  }

  it('explains 受理 → 办理 → 办结, takes the complaint, prints a receipt whose page shows 受理 once the centre accepts it', async () => {
    const { page, context } = await harness.openKiosk({ viewport: PORTRAIT });
    await startVisitWithCard(page, harness.host, 'zhangSan');
    await openFlow(page, 'complaint');

    // 1 了解流程: the stages with their promised times.
    await page.getByRole('heading', { name: '营商诉求如何办理' }).waitFor();
    const path = page.locator('.complaint-path');
    expect((await path.locator('.complaint-path-name').allTextContents()).join(' → ')).toBe('受理 → 办理 → 办结');
    expect(await path.textContent()).toContain('提交后 1 个工作日内答复是否受理');
    expect(await path.textContent()).toContain('受理后 5 个工作日内办结并答复');
    await accessible(page, 'complaint intro');
    await page.getByRole('button', { name: '我要反映诉求' }).click();

    // 2 填写诉求: card fields masked; phone on the keypad; topic as big buttons.
    await page.getByRole('heading', { name: /营商环境诉求/ }).waitFor();
    expect(await page.locator('.case-steps [aria-current="step"]').textContent()).toContain('填写诉求');
    expect(await page.getByLabel('姓名').inputValue()).toBe('张*');
    await page.getByLabel('联系电话').click();
    await pressKeys(page, '13600001234');
    await closeKeyboard(page);
    await page.getByLabel('企业名称').fill('示例星辰科技有限公司');
    await closeKeyboard(page);
    await page.getByLabel('诉求内容').fill('施工许可审批材料要求不一致，请协调。');
    await closeKeyboard(page);
    // A topic not chosen is caught on the kiosk before anything is sent.
    await page.getByRole('button', { name: '下一步' }).click();
    expect(await page.locator('[data-field-key="topic"] .field-error').textContent()).toBe('此项为必填项');
    await page.getByRole('button', { name: '审批服务' }).click();
    expect(await page.getByRole('button', { name: '审批服务' }).getAttribute('aria-pressed')).toBe('true');
    await accessible(page, 'complaint form');
    await page.getByRole('button', { name: '下一步' }).click();

    // 3 证明材料: optional only, so no warning.
    await page.getByRole('heading', { name: '有相关证明材料吗？' }).waitFor();
    expect(await page.getByTestId('materials-warning').count()).toBe(0);
    await page.getByRole('checkbox', { name: /相关证明材料/ }).check();
    await accessible(page, 'complaint materials');
    await page.getByRole('button', { name: '下一步' }).click();

    // 4 确认提交: no steward toggle for complaints.
    await page.getByRole('heading', { name: '请确认诉求信息' }).waitFor();
    expect(await page.locator('.case-summary').textContent()).toContain('审批服务');
    expect(await page.getByRole('checkbox', { name: /首席服务管家/ }).count()).toBe(0);
    await accessible(page, 'complaint confirm');
    await page.getByRole('button', { name: '确认提交' }).click();

    // 5 完成: the tracking number from the central API, the deadlines, the receipt.
    await page.getByRole('heading', { name: '诉求已提交' }).waitFor();
    await page.getByTestId('case-number').waitFor({ timeout: 20_000 });
    const caseNumber = (await page.getByTestId('case-number').textContent()) ?? '';
    expect(caseNumber).toMatch(/^HK\d{14,}$/);
    expect(await page.locator('.case-done-number').textContent()).toContain('诉求编号');
    expect(await page.locator('.case-deadlines').textContent()).toContain('预计办结');
    await page.getByText('请取走受理回执').waitFor({ timeout: 15_000 });
    const receipt = receipts().at(-1);
    expect(receipt?.text).toContain(caseNumber);
    expect(receipt?.text).toContain('营商环境诉求');
    const progressUrl = receipt?.qr[0] ?? '';
    const caseId = /\/case\/([0-9a-f-]{36})\?k=[A-Za-z0-9_-]{16}$/.exec(progressUrl)?.[1];
    expect(caseId).toBeDefined();
    await accessible(page, 'complaint done');

    // The citizen scans the receipt: submitted for now.
    const phone = await context.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(`${harness.base}${new URL(progressUrl).pathname}${new URL(progressUrl).search}`);
    await phone.getByTestId('page-case-number').waitFor();
    expect(await phone.getByTestId('page-case-number').textContent()).toBe(caseNumber);
    expect(await phone.getByTestId('page-status').textContent()).toBe('已提交');
    expect(await phone.getByTestId('deadline-accepted').textContent()).toContain('受理答复');
    expect(await seriousViolations(phone)).toEqual([]);

    // The 营商局 dispatches it; the host pulls the change by itself (every 30 s).
    await dispatch(caseNumber);
    await expect
      .poll(
        async () => {
          await phone.reload();
          await phone.getByTestId('page-status').waitFor();
          return phone.getByTestId('page-status').textContent();
        },
        { timeout: 60_000, interval: 3_000 },
      )
      .toBe('受理');
    expect(await phone.locator('.case-page-history').textContent()).toContain('已转办：区市场监管局');
    expect(await phone.getByTestId('deadline-accepted').textContent()).toContain('已于');
    expect(await phone.content()).not.toContain('张');
    // English on the phone, too.
    await phone.getByRole('button', { name: 'English' }).click();
    expect(await phone.getByTestId('page-status').textContent()).toBe('Accepted');
    expect(await seriousViolations(phone)).toEqual([]);

    // A link that matches no case says so.
    await phone.goto(`${harness.base}/case/00000000-0000-4000-8000-000000000000`);
    await phone.getByRole('alert').waitFor();
    await context.close();
  }, 120_000);
});
