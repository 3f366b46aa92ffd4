import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_DISTRICT_ADMIN } from '../../contracts/platform-console';
import { formatDateTime } from '../../renderer/district/session';
import { listenCentral, type ListeningApi } from '../host/sync/support';
import { registerHotline, setUpComplaintDesk, type ComplaintDesk } from '../platform/support/complaint-desk';
import { launchChromium } from '../support/browser';
import { seriousViolations } from '../support/kiosk-harness';
import { rendererDir } from '../support/test-host';

/**
 * The complaint desk's admin side in the browser, against the platform serving its console (on
 * the platform tests' fixed clock: Friday 27 November 2026, 10:00 in Beijing). The demo admin adds
 * a street and a person of the 营商局 with the supervisor's role and gives them an account; the
 * supervisor signs in, marks Monday 30 November a day off, and a complaint registered after it
 * is due a working day later than one registered before. axe-clean on each screen.
 */
describe('the complaint directory and the 营商局’s settings (/district)', () => {
  let central: ListeningApi;
  let browser: Browser;
  let desk: ComplaintDesk;

  beforeAll(async () => {
    central = await listenCentral({ platform: { rendererDir, demoAdmin: true } });
    // The 营商局, two departments, a street and their people, as the district admin set them up.
    desk = await setUpComplaintDesk(central.api);
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await central?.close();
  });

  async function signIn(username: string, password: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${central.baseUrl}/district`);
    await page.getByLabel('账号').fill(username);
    await page.getByLabel('密码').fill(password);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByTestId('dst-who').waitFor();
    return page;
  }

  const open = async (page: Page, nav: string, heading: string) => {
    await page.getByRole('navigation', { name: '平台功能' }).getByRole('link', { name: nav, exact: true }).click();
    await page.getByRole('heading', { name: heading }).waitFor();
  };

  async function axeClean(page: Page, screen: string): Promise<void> {
    expect(await seriousViolations(page), screen).toEqual([]);
  }

  const hotline = () => registerHotline(central.api, desk.as.intake);

  /** The 办结期限 a complaint's page shows on the console. */
  async function closeDueShown(page: Page, number: string): Promise<string> {
    await open(page, '营商诉求', '营商诉求工作台');
    await page.getByRole('button', { name: `查看 ${number}` }).click();
    const panel = page.getByTestId('dst-complaint');
    const due = panel.locator('dt', { hasText: '办结期限' }).locator('xpath=following-sibling::dd[1]');
    await due.waitFor();
    return (await due.textContent()) ?? '';
  }

  it('the admin adds a street and a supervisor with an account; the supervisor moves a new complaint’s deadline with a day off', async () => {
    const admin = await signIn(DEMO_DISTRICT_ADMIN.username, DEMO_DISTRICT_ADMIN.password);
    await open(admin, '单位与人员', '营商诉求单位与人员');
    await admin.getByTestId('dst-units').waitFor();
    await axeClean(admin, 'directory');

    await admin.getByRole('button', { name: '新增单位' }).click();
    const unitForm = admin.getByTestId('dst-unit-form');
    await unitForm.getByLabel('单位名称').fill('湖滨街道');
    await unitForm.getByLabel('单位编码（小写字母、数字和连字符）').fill('street-hubin');
    await unitForm.getByLabel('类型').selectOption('street');
    await axeClean(admin, 'a unit form');
    await unitForm.getByRole('button', { name: '保存' }).click();
    await admin.getByText('已新增单位“湖滨街道”。').waitFor();
    await admin.getByTestId('dst-units').locator('[data-unit="street-hubin"]').waitFor();

    await admin.getByRole('button', { name: '新增人员' }).click();
    const personForm = admin.getByTestId('dst-person-form');
    await personForm.getByLabel('姓名').fill('督办员');
    await personForm.getByLabel('所属单位').selectOption('business-bureau');
    await personForm.getByLabel('职责').selectOption('leader');
    await personForm.getByLabel('督办').check();
    await personForm.getByLabel('电子邮箱（接收提醒，可选）').fill('duban@example.invalid');
    await axeClean(admin, 'a person form');
    await personForm.getByRole('button', { name: '保存' }).click();
    await admin.getByText('已新增人员“督办员”。').waitFor();

    await admin.getByRole('button', { name: '为“督办员”开通账号' }).click();
    const accountForm = admin.getByTestId('dst-account-form');
    await accountForm.getByLabel('用户名').fill('duban');
    await accountForm.getByLabel('初始密码（至少 8 位）').fill('hubin-duban-2026');
    // The directory read after the save comes slowly (a busy platform): the page announces the
    // account only with the table that no longer offers to open it.
    await admin.route('**/v1/complaints/directory', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue();
    });
    await accountForm.getByRole('button', { name: '保存' }).click();
    await admin.getByText('已为“督办员”开通账号 duban。').waitFor();
    expect(await admin.getByRole('button', { name: '为“督办员”开通账号' }).count()).toBe(0);
    await admin.context().close();

    const before = await hotline();
    const supervisor = await signIn('duban', 'hubin-duban-2026');
    expect(await supervisor.getByTestId('dst-who').textContent()).toContain('督办员 · duban');
    await open(supervisor, '日历与规则', '工作日历、办理时限与分拣规则');
    const calendar = supervisor.getByTestId('dst-calendar');
    await calendar.getByTestId('dst-calendar-days').waitFor();
    await axeClean(supervisor, 'settings');

    const form = calendar.getByRole('form', { name: '保存这一天' });
    await form.getByLabel('日期').fill('2026-11-30');
    await form.getByLabel('类型').selectOption('holiday');
    await form.getByLabel('节日').selectOption('国庆节');
    await form.getByLabel('依据（通知名称或区政府决定）').fill('区政府临时调整（测试）');
    await form.getByRole('button', { name: '保存这一天' }).click();
    await calendar.getByText('已将 2026-11-30 设为放假。').waitFor();
    await calendar.locator('[data-date="2026-11-30"]').waitFor();
    await axeClean(supervisor, 'a day off set');

    // Friday 27th + 5 working days: Friday 4 December before; the Monday off moves it to Monday 7th.
    const after = await hotline();
    expect(before.closeDueAt).toBe('2026-12-04T16:00:00.000Z');
    expect(after.closeDueAt).toBe('2026-12-07T16:00:00.000Z');
    expect(await closeDueShown(supervisor, after.number)).toBe(formatDateTime(after.closeDueAt, 'zh-CN'));
    expect(await closeDueShown(supervisor, before.number)).toBe(formatDateTime(before.closeDueAt, 'zh-CN'));
    await supervisor.context().close();
  }, 120_000);
});
