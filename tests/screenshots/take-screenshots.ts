/**
 * `npm run screenshots`: the main screens of the product as a citizen, a member of staff and
 * the hall see them, from the real host with simulated devices and the district platform.
 * Written to docs/screenshots/ and linked from the README.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { SignInResponse } from '../../contracts/auth';
import {
  LANDSCAPE,
  openFlow,
  PORTRAIT,
  setElderMode,
  startKioskHarness,
  startVisitWithCard,
  startVisitWithoutCard,
  takeCardBack,
} from '../support/kiosk-harness';
import { DEFAULT_HALL_HOURS } from '../../contracts/config';
import { TEST_PIN } from '../support/staff';
import { hallCalendarScreenshots } from './hall-calendar';
import { managerFloorScreenshots } from './manager-floor';
import { managerReviewScreenshots } from './manager-reviews';
import { windowEvaluatorScreens } from './window-evaluator';
import { kioskTypingScreenshots } from './kiosk-typing';
import { takeBackupScreenshots } from './backups';
import { managerReportScreenshots } from './manager-reports';
import { managerToolsScreenshots } from './manager-tools';
import { districtCatalogScreenshots } from './district-catalog';
import { liveDistrictScreenshots } from './live-district';
import { districtConsoleScreenshots } from './district-console';
import { districtComplaintScreenshots } from './district-complaints';
import { districtIndicatorScreenshots } from './district-indicators';
import { districtStatisticsScreenshots } from './district-statistics';
import { complaintIntakeScreenshots } from './complaint-intake';
import { districtDeskSettingsScreenshots } from './district-desk-settings';
import { documentCameraScreenshots } from './document-camera';

const outDir = join(process.cwd(), 'docs/screenshots');
mkdirSync(outDir, { recursive: true });
// The LAN on (not listening: the console shows the hall CA's fingerprint on 终端配对 all the same).
const k = await startKioskHarness({ config: { lan: { enabled: true, host: '127.0.0.1', port: 0 } } });
/** Each screen starts from a hall with nobody at the kiosk: card off the reader, session over. */
const freshKiosk = async (viewport?: { width: number; height: number }) => {
  k.host.devices.placeSimulatedCard(null);
  k.host.identity.end();
  return k.openKiosk(viewport ? { viewport } : {});
};
const shot = async (page: Page, name: string) => {
  // Let fonts, lazy chunks and transitions settle: a screenshot is of the resting screen.
  await page.evaluate('document.fonts.ready.then(() => true)');
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(outDir, `${name}.png`) });
  console.log(`docs/screenshots/${name}.png`);
};

const signIn = await k.host.app.inject({
  method: 'POST',
  url: '/api/v1/auth/sign-in',
  payload: { staffNo: '9001', pin: TEST_PIN },
});
const supervisor = { authorization: `Bearer ${SignInResponse.parse(signIn.json()).token}` };
await k.host.app.inject({
  method: 'POST',
  url: '/api/v1/notices',
  headers: supervisor,
  payload: {
    title: '元旦假期办公安排',
    body: '1月1日大厅休息，1月2日（星期五）起正常办公。企业开办“一窗通办”当日办结，欢迎通过自助终端预约。',
  },
});
// A few people already queueing, so the numbers on screen are those of a working morning.
for (const serviceCode of ['business-startup', 'business-startup', 'livelihood', 'social-security']) {
  await k.host.app.inject({ method: 'POST', url: '/api/v1/tickets', payload: { serviceCode, withIdentity: false } });
}

{
  const { page, context } = await freshKiosk();
  await shot(page, 'kiosk-attract');
  await startVisitWithCard(page, k.host);
  await shot(page, 'kiosk-home');
  await openFlow(page, 'ticket');
  await shot(page, 'kiosk-ticket-services');
  await page.getByRole('button', { name: /企业开办/ }).click();
  await page.getByTestId('ticket-number').waitFor();
  await shot(page, 'kiosk-ticket-done');
  // 完成 with the card still on the reader: the kiosk asks for it back until it is taken.
  await page.getByRole('button', { name: '完成' }).click();
  await page.getByTestId('take-card').waitFor();
  await shot(page, 'kiosk-take-card');
  await context.close();
}
{
  const { page, context } = await freshKiosk();
  await startVisitWithCard(page, k.host, 'liXiaohong');
  await setElderMode(page, true);
  await shot(page, 'kiosk-home-elder');
  await openFlow(page, 'evaluate');
  await shot(page, 'kiosk-evaluate');
  await context.close();
}
{
  const { page, context } = await freshKiosk(PORTRAIT);
  await shot(page, 'kiosk-attract-portrait');
  await startVisitWithoutCard(page);
  await openFlow(page, 'guide');
  await shot(page, 'kiosk-guide-portrait');
  await context.close();
}
{
  const { page, context } = await freshKiosk();
  await startVisitWithCard(page, k.host);
  await openFlow(page, 'case');
  await shot(page, 'kiosk-case-items');
  await page.getByRole('button', { name: '申报「企业开办一站式办理」' }).click();
  await page.getByRole('heading', { name: /填写「企业开办一站式办理」申报信息/ }).waitFor();
  await page.getByLabel('拟设企业名称').fill('示例星辰科技有限公司');
  await page.getByLabel('住所').fill('示例市和平区创业路8号');
  await page.getByRole('button', { name: '有限责任公司' }).click();
  await page.getByRole('button', { name: '建设银行' }).click();
  await page.getByLabel('联系电话').click();
  await page.getByTestId('osk').waitFor();
  for (const key of '1380013800'.split('')) await page.locator(`[data-testid="osk"] [data-skbtn="${key}"]`).click();
  await shot(page, 'kiosk-case-form');
  await page.locator('[data-testid="osk"] [data-skbtn="0"]').click();
  await page.locator('[data-testid="osk"] [data-skbtn="{done}"]').click();
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByRole('heading', { name: '请核对随身携带的材料' }).waitFor();
  for (const name of [/法定代表人身份证件/, /公司章程/, /住所使用证明/]) await page.getByRole('checkbox', { name }).check();
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByRole('heading', { name: '请确认申报信息' }).waitFor();
  await page.getByRole('button', { name: '确认提交' }).click();
  await page.getByRole('heading', { name: '申报已提交' }).waitFor();
  await page.getByText('请取走受理回执').waitFor({ timeout: 15_000 });
  await shot(page, 'kiosk-case-done');
  await context.close();
}
{
  const { page, context } = await freshKiosk();
  await startVisitWithoutCard(page);
  await openFlow(page, 'progress');
  await shot(page, 'kiosk-progress');
  await context.close();
}
{
  const context = await k.browser.newContext({ viewport: LANDSCAPE, locale: 'zh-CN' });
  const counter = await context.newPage();
  await counter.goto(`${k.base}/counter`);
  await counter.getByLabel('工号').fill('1001');
  await counter.getByLabel('密码（PIN）').fill(TEST_PIN);
  await counter.getByRole('combobox').selectOption({ label: '1 · 综合受理 1' });
  await counter.getByRole('button', { name: '签到' }).click();
  await counter.getByRole('button', { name: /叫下一位/ }).click();
  await counter.getByTestId('current-number').waitFor();
  const display = await context.newPage();
  await display.goto(`${k.base}/display`);
  await display.getByTestId('notice-ticker').waitFor();
  await shot(display, 'display');
  await shot(counter, 'counter');
  // 叫下一位 while someone is served: the outcome first (办结 one key away), then the rating, then the call.
  await counter.keyboard.press('F1');
  await counter.getByTestId('finish-dialog').waitFor();
  await shot(counter, 'counter-finish-dialog');
  await context.close();
}
{
  // The technician console: device tests in the console's language, two test receipts in the preview.
  // A taller window than a kiosk's: the console is read on a technician's laptop, scrolled.
  const context = await k.browser.newContext({ viewport: { width: 1920, height: 1800 }, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(`${k.base}/technician`);
  await page.getByLabel('工号').fill('8001');
  await page.getByLabel('PIN（6–12 位数字）').fill(TEST_PIN);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.getByTestId('tech-who').waitFor();
  const printer = page.locator('li.tech-device[data-device="printer-1"]');
  for (let i = 0; i < 2; i++) {
    await printer.getByRole('button', { name: '打印测试小票' }).click();
    await printer.getByTestId('tech-test-result').waitFor();
  }
  await printer.getByTestId('tech-receipt').nth(1).waitFor();
  await shot(page, 'technician-devices');
  // 终端配对: a pairing code out, and the hall certificate's fingerprint to compare with the new terminal's.
  await page.getByRole('button', { name: '终端配对' }).click();
  await page.getByRole('button', { name: '生成配对码' }).click();
  await page.getByTestId('pairing-code').waitFor();
  await page.getByTestId('lan-ca-fingerprint').waitFor();
  await shot(page, 'technician-terminals');
  await context.close();
}
await kioskTypingScreenshots(k, shot);
await windowEvaluatorScreens(k, shot);
await k.dispose();
await takeBackupScreenshots(shot);

// 取号 outside the hours and the numbers a card holds, on a hall clock the script sets: Sunday
// afternoon (closed until Monday), then Monday morning.
{
  let now = new Date('2026-12-06T07:00:00Z');
  const hall = await startKioskHarness({ clock: { now: () => now }, config: { hours: DEFAULT_HALL_HOURS } });
  const open = async (at: Date) => {
    now = at;
    hall.host.devices.placeSimulatedCard(null);
    return hall.openKiosk({
      beforeLoad: async (p) => {
        await p.clock.install({ time: at });
        await p.clock.resume();
      },
    });
  };
  {
    const { page, context } = await open(now);
    await startVisitWithoutCard(page);
    await openFlow(page, 'ticket');
    await page.getByRole('button', { name: '没有身份证，继续办理' }).click();
    await page.getByTestId('closed-notice').waitFor();
    await shot(page, 'kiosk-ticket-closed');
    await context.close();
  }
  {
    const { page, context } = await open(new Date('2026-12-07T02:00:00Z'));
    await hall.host.app.inject({
      method: 'POST',
      url: '/api/v1/tickets',
      payload: { serviceCode: 'business-startup', withIdentity: false },
    });
    await startVisitWithCard(page, hall.host, 'elderWangJianguo');
    await openFlow(page, 'ticket');
    await page.getByRole('button', { name: /企业开办/ }).click();
    await page.getByTestId('ticket-priority').waitFor();
    await shot(page, 'kiosk-ticket-priority');
    await page.getByRole('button', { name: '完成' }).click();
    await takeCardBack(page, hall.host);
    await startVisitWithCard(page, hall.host, 'elderWangJianguo');
    await openFlow(page, 'ticket');
    await page.getByRole('button', { name: /企业开办/ }).click();
    await page.getByTestId('duplicate-ticket').waitFor();
    await shot(page, 'kiosk-ticket-duplicate');
    await context.close();
  }
  await hall.dispose();
}

await hallCalendarScreenshots(shot);
await managerReviewScreenshots(shot);
await managerFloorScreenshots(shot);
await managerReportScreenshots(shot);
await managerToolsScreenshots(shot);
await districtCatalogScreenshots(shot);
await liveDistrictScreenshots(shot);
await districtConsoleScreenshots(shot);
await districtComplaintScreenshots(shot);
await districtIndicatorScreenshots(shot);
await districtStatisticsScreenshots(shot);
await complaintIntakeScreenshots(shot);
await districtDeskSettingsScreenshots(shot);
await documentCameraScreenshots(shot);
