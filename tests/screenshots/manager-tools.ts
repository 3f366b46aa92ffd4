/**
 * The supervisor's tools of the manager console for docs/screenshots: notices (the editor aiming
 * a notice at a hall TV, over the list), today's appointments, the steward's work list with one
 * request open, and the audit log. A hall of its own on a clock set to a Tuesday morning, so the
 * times on screen read as a working day whenever the tour runs.
 */
import type { Page } from 'playwright-core';
import { Appointment } from '../../contracts/central-api';
import { PairingCode } from '../../contracts/pairing';
import { IssueTicketResponse } from '../../contracts/queue';
import { SubmitCaseResponse } from '../../contracts/cases';
import { simulatedCards } from '../../hardware/idcard';
import type { Clock } from '../../host/clock/clock';
import { startKioskHarness } from '../support/kiosk-harness';
import { TEST_PIN } from '../support/staff';
import { waitFor } from '../support/wait';
import { adminAuth } from '../platform/support/platform';

/** Tuesday 2026-12-08, 10:40 in the hall. */
const TUESDAY_MORNING = new Date('2026-12-08T02:40:00Z');
const beijing = (time: string) => new Date(`2026-12-08T${time}:00+08:00`).toISOString();

export async function managerToolsScreenshots(shot: (page: Page, name: string) => Promise<void>): Promise<void> {
  const offset = TUESDAY_MORNING.getTime() - Date.now();
  const clock: Clock = { now: () => new Date(Date.now() + offset) };
  const k = await startKioskHarness({ clock });
  const inject = k.host.app.inject.bind(k.host.app);
  const signIn = async (staffNo: string) => {
    const res = await inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { staffNo, pin: TEST_PIN } });
    return { authorization: `Bearer ${(res.json() as { token: string }).token}` };
  };
  const supervisor = await signIn('9001');

  // Two hall TVs and a secondary kiosk, paired.
  const technician = await signIn('8001');
  const terminals: Record<string, string> = {};
  for (const [name, kind] of [
    ['一楼叫号屏', 'display'],
    ['二楼叫号屏', 'display'],
    ['二楼自助机', 'host'],
  ] as const) {
    const { code } = PairingCode.parse(
      (await inject({ method: 'POST', url: '/api/v1/pairing/codes', headers: technician })).json(),
    );
    const claimed = await inject({ method: 'POST', url: '/api/v1/pairing/claim', payload: { code, name, kind } });
    terminals[name] = (claimed.json() as { terminalId: string }).terminalId;
  }

  // Notices: the province's, the hall's for everyone, one for the first floor's TV, one for later.
  await fetch(`${k.central.baseUrl}/v1/admin/notices`, {
    method: 'POST',
    headers: { ...adminAuth, 'content-type': 'application/json' },
    body: JSON.stringify({ title: '全省政务服务“好差评”宣传月', body: '欢迎对办事体验作出评价。', startsAt: beijing('00:00') }),
  });
  await k.host.notices.refresh();
  const publish = (payload: object) => inject({ method: 'POST', url: '/api/v1/notices', headers: supervisor, payload });
  await publish({ title: '元旦假期办公安排', body: '1月1日大厅休息，1月2日起正常办公。' });
  await publish({
    title: '一楼电梯检修',
    body: '今天 10:30–12:00 一楼电梯检修，请走楼梯或二号电梯。',
    startsAt: beijing('10:30'),
    endsAt: beijing('12:00'),
    audience: { scope: 'chosen', hall: false, terminalIds: [terminals['一楼叫号屏']] },
  });
  await publish({
    title: '午间延时服务',
    body: '12:00–14:00 综合窗口不打烊。',
    startsAt: beijing('11:30'),
    endsAt: beijing('14:00'),
    audience: { scope: 'chosen', hall: true, terminalIds: [terminals['二楼自助机']] },
  });

  // Today's bookings: one slot over (a no-show), two checked in, the rest awaited.
  const { zhangSan, liXiaohong, elderWangJianguo } = simulatedCards;
  const book = async (person: { name: string; idNumber: string }, from: string, to: string, serviceCode = 'livelihood') => {
    const res = await fetch(`${k.central.baseUrl}/v1/admin/appointments`, {
      method: 'POST',
      headers: { ...adminAuth, 'content-type': 'application/json' },
      body: JSON.stringify({
        hallId: 'hall-01',
        serviceCode,
        slotStart: beijing(from),
        slotEnd: beijing(to),
        applicant: { name: person.name, idNumber: person.idNumber },
      }),
    });
    return Appointment.parse(await res.json());
  };
  await book({ name: '赵六', idNumber: '110101199003074514' }, '09:00', '09:30');
  const first = await book(zhangSan, '10:30', '11:00');
  const second = await book(liXiaohong, '10:30', '11:00', 'business-startup');
  await book({ name: '孙七', idNumber: '110101198807154515' }, '10:30', '11:00');
  await book(elderWangJianguo, '11:00', '11:30', 'social-security');
  await k.host.appointments.refresh();
  for (const { code } of [first, second]) {
    await inject({ method: 'POST', url: '/api/v1/appointments/check-in', payload: { by: 'code', code } });
  }

  // Steward requests: an enterprise's complaint with a steward, and a request without a case.
  k.host.devices.placeSimulatedCard('zhangSan');
  await waitFor(() => (k.host.identity.view() ? true : undefined), 'the card read');
  const filed = SubmitCaseResponse.parse(
    (
      await inject({
        method: 'POST',
        url: '/api/v1/cases',
        payload: {
          itemCode: 'YS-SQ-001',
          form: { phone: '13800000000', companyName: '杭州云栖科技有限公司', topic: '审批服务', details: '施工许可办理进度' },
          stewardRequested: true,
        },
      })
    ).json(),
  );
  k.host.devices.placeSimulatedCard(null);
  k.host.identity.end();
  IssueTicketResponse.parse((await inject({ method: 'POST', url: '/api/v1/steward-requests' })).json());
  const requestId = `ticket-${filed.stewardTicket?.ticket.id ?? 0}`;
  const act = (payload: object) =>
    inject({ method: 'POST', url: `/api/v1/manager/steward/${requestId}/actions`, headers: supervisor, payload });
  await act({ action: 'assign', staffNo: '9001' });
  await act({ action: 'contact', note: '已电话联系企业负责人，约定今天下午到首席服务管家窗口面谈。' });

  // The console, signed in, on a desk PC's screen.
  const context = await k.browser.newContext({ viewport: { width: 1600, height: 1000 }, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.clock.install({ time: clock.now() });
  await page.clock.resume();
  await page.goto(`${k.base}/manager#notices`);
  await page.getByLabel('工号').fill('9001');
  await page.getByLabel(/密码/).fill(TEST_PIN);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.getByTestId('notice-list').waitFor();
  await page.getByRole('button', { name: '发布新公告' }).click();
  await page.getByLabel('标题').fill('二楼暂停办理社保业务');
  await page.getByLabel('内容').fill('今天 15:00–16:00 系统升级，社保业务暂停办理。');
  await page.getByLabel(/开始时间/).fill('2026-12-08T15:00');
  await page.getByLabel(/结束时间/).fill('2026-12-08T16:00');
  await page.getByLabel('指定的自助机和叫号屏').check();
  await page.getByLabel('二楼叫号屏（叫号屏）').check();
  await page.getByLabel('二楼自助机（自助机）').check();
  // Tall enough for the editor and the list under it.
  await page.setViewportSize({ width: 1600, height: 1350 });
  await shot(page, 'manager-notices');
  await page.setViewportSize({ width: 1600, height: 1000 });

  await page.getByRole('link', { name: '今日预约' }).click();
  await page.getByTestId('appointment-list').waitFor();
  await shot(page, 'manager-appointments');

  await page.getByRole('link', { name: '帮办' }).click();
  const row = page.locator(`tr[data-request="${requestId}"]`);
  await row.waitFor();
  await row.getByRole('button', { name: /处理/ }).click();
  await page.getByTestId('steward-detail').getByText('已电话联系企业负责人').waitFor();
  await shot(page, 'manager-steward');

  await page.getByRole('link', { name: '审计' }).click();
  await page.getByTestId('audit-list').waitFor();
  await shot(page, 'manager-audit');

  await context.close();
  await k.dispose();
}
