import type { Page } from 'playwright-core';
import { SignInResponse } from '../../contracts/auth';
import { DEFAULT_HALL_HOURS } from '../../contracts/config';
import { IssueTicketResponse } from '../../contracts/queue';
import { startKioskHarness } from '../support/kiosk-harness';
import { HALL_WIFI_NAME, listenAsPhoneOnLan, openPhone } from '../support/phone';
import { TEST_PIN } from '../support/staff';

/** Monday 12 October 2026, 17:45 Beijing: just after closing, the day a 调休 week ends. */
const MONDAY_5_45PM = new Date('2026-10-12T09:45:00Z');

/**
 * Issue 19's screens: 今日开放 / 延时服务 in the manager console (`manager-hours`) after hours with
 * two extensions, and a ticket's QR opened on an unpaired phone (`ticket-phone`, phone-sized).
 * Its own hall, on a clock set after closing and with a holiday week in its calendar.
 */
export async function hallCalendarScreenshots(shot: (page: Page, name: string) => Promise<void>): Promise<void> {
  const hall = await startKioskHarness({
    clock: { now: () => MONDAY_5_45PM },
    config: {
      hours: DEFAULT_HALL_HOURS,
      calendar: {
        holidays: ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'],
        extraWorkdays: ['2026-10-10'],
      },
      lan: { enabled: true, host: '127.0.0.1', port: 0, names: [HALL_WIFI_NAME] },
    },
  });
  const lan = await listenAsPhoneOnLan(hall.host);
  try {
    hall.host.hallSettings.update({ ...hall.host.hallSettings.get(), publicUrl: lan.origin }, null);
    const signIn = await hall.host.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { staffNo: '9001', pin: TEST_PIN },
    });
    const supervisor = { authorization: `Bearer ${SignInResponse.parse(signIn.json()).token}` };
    for (const payload of [
      { serviceCode: 'business-startup', until: '18:30', reason: '企业开办排队人数多' },
      { windowId: 3, until: '19:00', reason: '社保集中办理' },
    ])
      await hall.host.app.inject({ method: 'POST', url: '/api/v1/hours/extensions', headers: supervisor, payload });
    let last = '';
    for (let i = 0; i < 4; i++) {
      const res = await hall.host.app.inject({
        method: 'POST',
        url: '/api/v1/tickets',
        payload: { serviceCode: 'business-startup', withIdentity: false },
      });
      last = IssueTicketResponse.parse(res.json()).progressUrl;
    }

    {
      const context = await hall.browser.newContext({ viewport: { width: 1440, height: 1280 }, locale: 'zh-CN' });
      const page = await context.newPage();
      await page.clock.install({ time: MONDAY_5_45PM });
      await page.clock.resume();
      await page.goto(`${hall.base}/manager#hours`);
      await page.getByLabel('工号').fill('9001');
      await page.getByLabel(/密码/).fill(TEST_PIN);
      await page.getByRole('button', { name: '登录' }).click();
      await page.getByTestId('mgr-hours-extensions').waitFor();
      await shot(page, 'manager-hours');
      await context.close();
    }
    {
      const phone = await openPhone(lan);
      await phone.page.goto(last);
      await phone.page.getByTestId('progress-number').waitFor();
      await shot(phone.page, 'ticket-phone');
      await phone.browser.close();
    }
  } finally {
    await lan.close();
    await hall.dispose();
  }
}
