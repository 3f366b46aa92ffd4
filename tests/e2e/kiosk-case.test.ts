import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PrinterDevice } from '../../host/devices/printer-device';
import { adminAuth } from '../platform/support/platform';
import {
  openFlow,
  PORTRAIT,
  seriousViolations,
  setElderMode,
  startKioskHarness,
  startVisitWithCard,
  takeCardBack,
  type KioskHarness,
} from '../support/kiosk-harness';
import { signIn, testStaffSeeds } from '../support/staff';
import { waitFor } from '../support/wait';

const STEWARD_PHONE = '0571-8888 6666';

/**
 * 办事申报 at the kiosk, end to end: the real host (simulated reader and printer) delivering to
 * the district platform. The card fills what it can (masked on screen), the citizen types
 * the rest on the on-screen keyboard, ticks materials, confirms, and leaves with a receipt.
 */
describe('kiosk 办事申报 (case flow)', () => {
  let harness: KioskHarness;

  beforeAll(async () => {
    const seeds = await testStaffSeeds();
    harness = await startKioskHarness({
      config: {
        staff: [
          ...seeds,
          { staffNo: '1002', name: '李管家', role: 'staff', pinHash: seeds[0]!.pinHash, stewardPhone: STEWARD_PHONE },
        ],
      },
    });
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

  const virtualPrinter = () => {
    const printer = harness.host.devices.printer();
    if (!(printer instanceof PrinterDevice) || !printer.virtualPrinter) throw new Error('no virtual printer');
    return printer.virtualPrinter;
  };
  const receipts = () =>
    virtualPrinter()
      .pages.filter((p) => p.lines.some((l) => l.text.includes('受理回执')))
      .map((p) => ({ text: p.lines.map((l) => l.text).join('\n'), qr: p.qrPayloads }));
  const lastCase = () =>
    harness.host.db.prepare('SELECT id, case_number AS caseNumber, form FROM cases ORDER BY submitted_at DESC LIMIT 1').get() as
      { id: string; caseNumber: string | null; form: string } | undefined;

  /** axe in the standard and the 长辈版 layout of the screen as it is. */
  async function accessible(page: Page, screen: string): Promise<void> {
    expect(await seriousViolations(page), `${screen} (standard)`).toEqual([]);
    await setElderMode(page, true);
    expect(await seriousViolations(page), `${screen} (长辈版)`).toEqual([]);
    await setElderMode(page, false);
  }

  /** Presses keys of the on-screen keypad, as a finger would. */
  async function pressKeys(page: Page, keys: string): Promise<void> {
    for (const key of keys) await page.locator(`[data-testid="osk"] [data-skbtn="${key}"]`).click();
  }
  const closeKeyboard = (page: Page) => page.locator('[data-testid="osk"] [data-skbtn="{done}"]').click();
  const currentStep = (page: Page) => page.locator('.case-steps [aria-current="step"]').textContent();

  it('企业开办: one submission with the card prefilled (masked), a keyed-in phone, materials and a steward; number, receipt and progress page', async () => {
    const { page, context } = await harness.openKiosk();
    await startVisitWithCard(page, harness.host, 'zhangSan');
    await openFlow(page, 'case');

    // 1 选择事项: the start-up bundle, its four parts, under one submission and one number.
    expect(await currentStep(page)).toContain('选择事项');
    const bundle = page.locator('article.case-bundle');
    for (const part of [
      '营业执照',
      '印章刻制',
      '银行开户',
      '税务登记及发票申领',
      '一次提交',
      '一个受理编号',
      '承诺 1 个工作日内办结',
    ]) {
      expect(await bundle.textContent()).toContain(part);
    }
    expect(await page.getByRole('button', { name: /居住证办理/ }).textContent()).toContain('承诺 15 个工作日内办结');
    expect(await page.getByRole('button', { name: /医疗保险/ }).textContent()).toContain('即办件');
    // Complaints have their own flow.
    expect(await page.getByRole('button', { name: /营商环境诉求/ }).count()).toBe(0);
    await accessible(page, 'choose');
    await page.getByRole('button', { name: '申报「企业开办一站式办理」' }).click();

    // 2 填写信息: the card's fields are shown masked and cannot be typed into.
    await page.getByRole('heading', { name: /填写「企业开办一站式办理」申报信息/ }).waitFor();
    expect(await currentStep(page)).toContain('填写信息');
    const name = page.getByLabel('姓名');
    expect(await name.inputValue()).toBe('张*');
    expect(await name.getAttribute('readonly')).not.toBeNull();
    expect(await page.getByLabel('公民身份号码').inputValue()).toBe('110105********0019');
    expect(await page.locator('.field-from-card').count()).toBe(2);

    // "下一步" with nothing typed: every required field says so, and nothing is sent.
    await page.getByRole('button', { name: '下一步' }).click();
    expect(await page.getByTestId('case-alert').textContent()).toContain('还有 5 项需要修改');
    expect(await page.locator('.field-error').first().textContent()).toBe('此项为必填项');
    await accessible(page, 'form with errors');

    // The phone is keyed in on the on-screen keypad; a short number is refused on the field.
    await page.getByLabel('联系电话').click();
    await page.getByTestId('osk').waitFor();
    await pressKeys(page, '138');
    await closeKeyboard(page);
    await page.getByLabel('拟设企业名称').fill('示例星辰科技有限公司');
    await closeKeyboard(page);
    await page.getByLabel('住所').fill('示例市和平区创业路8号');
    await closeKeyboard(page);
    await page.getByRole('button', { name: '有限责任公司' }).click();
    await page.getByRole('button', { name: '建设银行' }).click();
    await page.getByRole('button', { name: '下一步' }).click();
    const phoneError = page.locator('[data-field-key="phone"] .field-error');
    expect(await phoneError.textContent()).toContain('请输入 11 位手机号码');
    await page.getByLabel('联系电话').click();
    await pressKeys(page, '00138000');
    expect(await page.getByLabel('联系电话').inputValue()).toBe('13800138000');
    expect(await phoneError.count()).toBe(0);
    // Every field put right: the banner is gone too.
    expect(await page.getByTestId('case-alert').count()).toBe(0);
    await closeKeyboard(page);
    await accessible(page, 'form');
    await page.getByRole('button', { name: '下一步' }).click();

    // 3 材料清单: a missing required material warns but does not block.
    await page.getByRole('heading', { name: '请核对随身携带的材料' }).waitFor();
    expect(await currentStep(page)).toContain('材料清单');
    expect(await page.getByTestId('materials-warning').textContent()).toContain('还有 3 项必交材料未勾选');
    await page.getByRole('checkbox', { name: /法定代表人身份证件/ }).check();
    await page.getByRole('checkbox', { name: /公司章程/ }).check();
    expect(await page.getByTestId('materials-warning').textContent()).toContain('住所使用证明');
    await accessible(page, 'materials');
    await page.getByRole('button', { name: '下一步' }).click();

    // 4 确认提交: what will be sent, masked; ask for a steward.
    await page.getByRole('heading', { name: '请确认申报信息' }).waitFor();
    const summary = page.locator('.case-summary');
    expect(await summary.textContent()).toContain('张*（由身份证自动填写）');
    expect(await summary.textContent()).toContain('13800138000');
    expect(await summary.textContent()).toContain('建设银行');
    expect(await page.locator('.case-confirm').textContent()).toContain('未带的必交材料：住所使用证明');
    await page.getByRole('checkbox', { name: /需要首席服务管家协助/ }).check();
    await accessible(page, 'confirm');
    // Nothing personal from the card ever reached the page.
    const html = await page.content();
    expect(html).not.toContain('张三');
    expect(html).not.toContain('110105198503150019');
    expect(html).not.toContain('幸福路');
    const printedBefore = receipts().length;
    await page.getByRole('button', { name: '确认提交' }).click();

    // 5 完成: the central case number (the host syncs by itself), deadlines, steward number, receipt.
    await page.getByRole('heading', { name: '申报已提交' }).waitFor();
    expect(await currentStep(page)).toContain('完成');
    const number = page.getByTestId('case-number');
    await number.waitFor({ timeout: 20_000 });
    const caseNumber = (await number.textContent()) ?? '';
    expect(caseNumber).toMatch(/^HK\d{14,}$/);
    expect(await page.locator('.case-deadlines').textContent()).toMatch(/受理答复.*（含）前.*预计办结.*（含）前/);
    expect(await page.getByTestId('steward-number').textContent()).toBe('G001');
    await page.getByText('请取走受理回执').waitFor({ timeout: 15_000 });
    const saved = lastCase();
    expect(saved?.caseNumber).toBe(caseNumber);
    // The form the host stored: card fields from the card itself, the typed ones as typed.
    expect(JSON.parse(saved?.form ?? '{}')).toMatchObject({ name: '张三', phone: '13800138000', bank: '建设银行' });
    const receipt = receipts().at(-1);
    expect(receipts().length).toBe(printedBefore + 1);
    expect(receipt?.text).toContain(caseNumber);
    expect(receipt?.text).toContain('营业执照');
    // The receipt's QR: the case's page with the link's tag, its key on a phone.
    expect(receipt?.qr[0]).toMatch(new RegExp(`/case/${saved?.id}\\?k=[A-Za-z0-9_-]{16}$`));
    const printedLink = new URL(receipt?.qr[0] ?? 'http://x/');
    await accessible(page, 'done');

    // The steward calls the request at window 5: the receipt's progress page names them.
    const steward = await signIn(harness.host.app, '1002', 5);
    const called = await harness.host.app.inject({ method: 'POST', url: '/api/v1/windows/5/call-next', headers: steward });
    expect(called.statusCode).toBe(200);
    const phone = await context.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(`${harness.base}${printedLink.pathname}${printedLink.search}`);
    await phone.getByTestId('page-case-number').waitFor();
    expect(await phone.getByTestId('page-case-number').textContent()).toBe(caseNumber);
    expect(await phone.getByTestId('page-status').textContent()).toBe('已提交');
    expect(await phone.getByTestId('page-steward-name').textContent()).toBe('李管家');
    expect(await phone.locator('.case-page-facts').textContent()).toContain('5 号窗口');
    expect(await phone.locator('.case-page-facts').textContent()).toContain(STEWARD_PHONE);
    expect(await phone.content()).not.toContain('张');
    expect(await seriousViolations(phone)).toEqual([]);

    // 完成 ends the visit: back to the attract screen, the card session gone.
    await page.getByRole('button', { name: '完成' }).click();
    await takeCardBack(page, harness.host);
    await context.close();
  }, 150_000);

  it('portrait, 民生 item: a form error from the host lands on its field; a failed receipt shows the QR and reprints', async () => {
    const { page, context } = await harness.openKiosk({ viewport: PORTRAIT });
    await startVisitWithCard(page, harness.host, 'zhangSan');
    await openFlow(page, 'case');
    await page.getByRole('button', { name: /城乡居民基本医疗保险参保登记/ }).click();

    // Fields only the card knows (gender, birth date) are noted as filled from it, not shown.
    await page.getByRole('heading', { name: /城乡居民基本医疗保险参保登记/ }).waitFor();
    expect(await page.getByLabel('性别').inputValue()).toBe('由身份证自动填写');
    expect(await page.getByLabel('出生日期').inputValue()).toBe('由身份证自动填写');
    expect(await page.getByLabel('户籍地址').inputValue()).toBe('由身份证自动填写');
    await page.getByLabel('联系电话').click();
    await pressKeys(page, '13912345678');
    await closeKeyboard(page);
    await accessible(page, 'portrait form');
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByRole('checkbox', { name: /居民身份证/ }).check();
    expect(await page.getByTestId('materials-warning').count()).toBe(0);
    await accessible(page, 'portrait materials');
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByRole('heading', { name: '请确认申报信息' }).waitFor();
    await accessible(page, 'portrait confirm');

    // The host refuses the phone (here: altered on the way, as a stale form would be).
    await page.route('**/api/v1/cases', async (route) => {
      const body = route.request().postDataJSON() as { form: Record<string, string> };
      await route.continue({ postData: JSON.stringify({ ...body, form: { ...body.form, phone: '12345' } }) });
    });
    await page.getByRole('button', { name: '确认提交' }).click();
    await page.getByRole('heading', { name: /填写「城乡居民基本医疗保险参保登记」申报信息/ }).waitFor();
    expect(await page.getByTestId('case-alert').textContent()).toBe('还有 1 项需要修改，请查看标红的项目');
    expect(await page.locator('[data-field-key="phone"] .field-error').textContent()).toContain('请输入 11 位手机号码');
    expect(await page.getByLabel('联系电话').getAttribute('aria-invalid')).toBe('true');
    await accessible(page, 'portrait form with a host error');
    await page.unroute('**/api/v1/cases');

    // The printer's cover is open: the case is submitted all the same; the QR stands in for paper.
    virtualPrinter().setFault('cover-open');
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByRole('button', { name: '确认提交' }).click();
    await page.getByTestId('print-failed').waitFor({ timeout: 20_000 });
    const saved = lastCase();
    expect(await page.getByRole('img', { name: '办件进度二维码' }).count()).toBe(1);
    expect(await page.locator('.case-done').textContent()).toContain('城乡居民基本医疗保险参保登记');
    await accessible(page, 'portrait done, print failed');

    virtualPrinter().setFault(null);
    await page.getByRole('button', { name: '补打回执' }).click();
    await page.getByText('请取走受理回执').waitFor({ timeout: 15_000 });
    expect(receipts().at(-1)?.qr[0]).toMatch(new RegExp(`/case/${saved?.id}\\?k=[A-Za-z0-9_-]{16}$`));
    await context.close();
  });

  it('with the central API down, the done screen gives the kiosk reference and says the number follows', async () => {
    const faults = (body: object) =>
      fetch(`${harness.central.baseUrl}/v1/admin/faults`, {
        method: 'POST',
        headers: { ...adminAuth, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await faults({ failRate: 1 })).status).toBe(200);
    try {
      const { page, context } = await harness.openKiosk();
      await startVisitWithCard(page, harness.host, 'liXiaohong');
      await openFlow(page, 'case');
      await page.getByRole('button', { name: /生育登记/ }).click();
      await page.getByLabel('联系电话').click();
      await pressKeys(page, '13700001111');
      await page.getByLabel('配偶姓名').fill('王五');
      // An ID number gets the ID keypad (with the X check character).
      await page.getByLabel('配偶身份号码').click();
      expect(await page.locator('[data-testid="osk"] [data-skbtn="X"]').count()).toBe(1);
      await pressKeys(page, '11010519850315001X');
      // A date is typed as digits and shown as YYYY-MM-DD.
      await page.getByLabel('预产期').click();
      await pressKeys(page, '20270230');
      expect(await page.getByLabel('预产期').inputValue()).toBe('2027-02-30');
      await closeKeyboard(page);
      await page.getByRole('button', { name: '下一步' }).click();
      expect(await page.locator('[data-field-key="expectedDate"] .field-error').textContent()).toContain('请输入有效日期');
      await page.getByLabel('预产期').click();
      await page.locator('[data-testid="osk"] [data-skbtn="{bksp}"]').click();
      await page.locator('[data-testid="osk"] [data-skbtn="{bksp}"]').click();
      await pressKeys(page, '18');
      expect(await page.getByLabel('预产期').inputValue()).toBe('2027-02-18');
      await closeKeyboard(page);
      await page.getByRole('button', { name: '下一步' }).click();
      await page.getByRole('button', { name: '下一步' }).click();
      await page.getByRole('button', { name: '确认提交' }).click();

      await page.getByTestId('case-local-ref').waitFor();
      const saved = lastCase();
      expect(saved?.caseNumber).toBeNull();
      expect(await page.getByTestId('case-local-ref').textContent()).toBe(saved?.id.slice(0, 8).toUpperCase());
      expect(await page.locator('.case-done').textContent()).toContain('受理编号将在网络恢复后生成，可凭身份证查询');
      // The receipt waits a moment for the number, then prints the kiosk's reference.
      await page.getByText('请取走受理回执').waitFor({ timeout: 15_000 });
      expect(receipts().at(-1)?.text).toContain(saved?.id.slice(0, 8).toUpperCase());
      await accessible(page, 'done offline');
      await context.close();
    } finally {
      await faults({ failRate: 0 });
    }
  });
});
