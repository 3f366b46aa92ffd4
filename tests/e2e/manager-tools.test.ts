import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CheckInResponse } from '../../contracts/appointments';
import { Appointment } from '../../contracts/central-api';
import { HallNotices } from '../../contracts/notices';
import { PairingCode } from '../../contracts/pairing';
import { simulatedCards } from '../../hardware/idcard';
import type { Clock } from '../../host/clock/clock';
import {
  LANDSCAPE,
  openFlow,
  seriousViolations,
  startKioskHarness,
  startVisitWithoutCard,
  type KioskHarness,
} from '../support/kiosk-harness';
import { signIn, TEST_PIN } from '../support/staff';
import { adminAuth } from '../platform/support/platform';

const HALL_ZONE = 'Asia/Shanghai';
const MINUTE = 60_000;
/** A Tuesday, 10:00 in the hall: the slots and notice windows below lie on one hall day, whenever CI runs. */
const TUESDAY_10AM = new Date('2026-12-08T02:00:00Z');

/** A datetime-local value on the hall's clock (YYYY-MM-DDTHH:mm). */
const hallWallTime = (at: Date) => {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: HALL_ZONE,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
};

/**
 * The supervisor's tools of the manager console (/manager) in Chromium against a real host and the
 * district platform: a notice aimed at one hall TV (paired on /pair) shows there and not on
 * the kiosk, and the audit log finds its publication by its author; today's appointments show a
 * check-in with its ticket; the steward's list shows a kiosk's request and closes it. Host and
 * pages run on a clock that starts at TUESDAY_10AM and ticks with real time.
 */
describe('manager console: notices, appointments, steward, audit', () => {
  let k: KioskHarness;
  const contexts: BrowserContext[] = [];
  const offset = TUESDAY_10AM.getTime() - Date.now();
  const clock: Clock = { now: () => new Date(Date.now() + offset) };

  beforeAll(async () => {
    k = await startKioskHarness({ clock });
    await k.host.appointments.refresh();
  });
  afterAll(async () => {
    await k?.dispose();
  });
  afterEach(async () => {
    for (const context of contexts.splice(0)) await context.close();
  });

  /** A page in a fresh browser, on the hall clock. */
  const newPage = async (browser: Browser): Promise<Page> => {
    const context = await browser.newContext({ viewport: LANDSCAPE, locale: 'zh-CN' });
    contexts.push(context);
    const page = await context.newPage();
    await page.clock.install({ time: clock.now() });
    await page.clock.resume();
    return page;
  };

  /** The manager console, signed in as supervisor 9001, on `section`. */
  const openManager = async (section: string): Promise<Page> => {
    const page = await newPage(k.browser);
    await page.goto(`${k.base}/manager#${section}`);
    await page.getByLabel('工号').fill('9001');
    await page.getByLabel(/密码/).fill(TEST_PIN);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.getByTestId('mgr-who').waitFor();
    return page;
  };

  /** A browser paired as a hall TV named `name` on /pair, showing /display. */
  const pairedDisplay = async (name: string): Promise<Page> => {
    const technician = await signIn(k.host.app, '8001');
    const created = await k.host.app.inject({ method: 'POST', url: '/api/v1/pairing/codes', headers: technician });
    const { code } = PairingCode.parse(created.json());
    const page = await newPage(k.browser);
    await page.goto(`${k.base}/pair`);
    await page.getByLabel('配对码').fill(code);
    await page.getByLabel('终端名称').fill(name);
    await page.getByLabel('大厅显示屏').check();
    await page.getByRole('button', { name: '配对', exact: true }).click();
    await page.getByText('配对成功').waitFor();
    await page.goto(`${k.base}/display`);
    return page;
  };

  it('a notice aimed at the hall TV only, from now for half an hour: the TV shows it, the kiosk does not; the audit finds it by its author; axe', async () => {
    const display = await pairedDisplay('一楼叫号屏');
    const kiosk = await newPage(k.browser);
    await kiosk.goto(`${k.base}/kiosk`);
    await kiosk.getByTestId('attract').waitFor();

    const manager = await openManager('notices');
    await manager.getByRole('button', { name: '发布新公告' }).click();
    await manager.getByLabel('标题').fill('一楼电梯检修');
    await manager.getByLabel('内容').fill('10:00-10:30 一楼电梯检修，请走楼梯或二号电梯。');
    await manager.getByLabel(/结束时间/).fill(hallWallTime(new Date(clock.now().getTime() + 30 * MINUTE)));
    await manager.getByLabel('指定的自助机和叫号屏').check();
    await manager.getByLabel('一楼叫号屏（叫号屏）').check();
    expect(await seriousViolations(manager)).toEqual([]);
    await manager.getByRole('button', { name: '发布', exact: true }).click();
    await manager.getByText('公告已发布。').waitFor();
    const row = manager.locator('tr[data-notice="一楼电梯检修"]');
    await expect.poll(() => row.innerText()).toContain('显示中');
    expect(await row.innerText()).toContain('一楼叫号屏');
    expect(await seriousViolations(manager)).toEqual([]);

    // The TV hears notices.changed and shows it.
    await expect.poll(() => display.getByTestId('notice-ticker').innerText()).toContain('一楼电梯检修');
    // The kiosk (this machine's page) is not among its screens: read afresh, it shows none.
    const kioskView = HallNotices.parse(await kiosk.evaluate(() => fetch('/api/v1/notices').then((r) => r.json())));
    expect(kioskView.notices.map((n) => n.title)).not.toContain('一楼电梯检修');
    await kiosk.reload();
    await kiosk.getByTestId('attract').waitFor();
    await kiosk.getByTestId('notices').getByText('暂无公告').waitFor();

    // The audit log: the publication, found by its author and kind.
    await manager.getByRole('link', { name: '审计' }).click();
    await manager.getByLabel('操作人工号').fill('9001');
    await manager.getByLabel('操作类型').fill('notice');
    await manager.getByRole('button', { name: '查询' }).click();
    const published = manager.locator('tr[data-action="notice.publish"]');
    await published.waitFor();
    expect(await published.innerText()).toContain('值班主任（9001）');
    expect(await manager.locator('tr[data-action]').count()).toBe(1);
    expect(await seriousViolations(manager)).toEqual([]);
  });

  it('today’s appointments show a checked-in booking with its ticket, masked; axe', async () => {
    const zhang = simulatedCards.zhangSan;
    const booked = await fetch(`${k.central.baseUrl}/v1/admin/appointments`, {
      method: 'POST',
      headers: { ...adminAuth, 'content-type': 'application/json' },
      body: JSON.stringify({
        hallId: 'hall-01',
        serviceCode: 'livelihood',
        slotStart: new Date(clock.now().getTime() - 5 * MINUTE).toISOString(),
        slotEnd: new Date(clock.now().getTime() + 25 * MINUTE).toISOString(),
        applicant: { name: zhang.name, idNumber: zhang.idNumber },
      }),
    });
    expect(booked.status).toBe(201);
    const { code } = Appointment.parse(await booked.json());
    await k.host.appointments.refresh();
    const checkedIn = await k.host.app.inject({
      method: 'POST',
      url: '/api/v1/appointments/check-in',
      payload: { by: 'code', code },
    });
    expect(checkedIn.statusCode, checkedIn.body).toBe(201);
    const ticket = CheckInResponse.parse(checkedIn.json()).ticket;

    const manager = await openManager('appointments');
    const row = manager.locator('tr[data-status="checked_in"]');
    await row.waitFor();
    expect(await row.innerText()).toContain('张*');
    expect(await row.innerText()).toContain(`${ticket.number}（等候中）`);
    expect(await manager.getByTestId('appointment-slots').innerText()).toContain('1');
    const page = await manager.content();
    for (const secret of [zhang.name, zhang.idNumber, code]) expect(page).not.toContain(secret);
    expect(await seriousViolations(manager)).toEqual([]);
  });

  it('the steward’s list shows a request made at the kiosk and closes it with a note; axe', async () => {
    const kiosk = await newPage(k.browser);
    await kiosk.goto(`${k.base}/kiosk`);
    await kiosk.getByTestId('attract').waitFor();
    await startVisitWithoutCard(kiosk);
    await openFlow(kiosk, 'steward');
    await kiosk.getByRole('button', { name: '没有身份证，继续办理' }).click();
    await kiosk.getByRole('button', { name: '请服务管家帮我' }).click();
    const number = await kiosk.getByTestId('ticket-number').innerText();

    const manager = await openManager('steward');
    const row = manager.locator('tr[data-request]', { hasText: number });
    await row.waitFor();
    expect(await row.innerText()).toContain('待处理');
    expect(await seriousViolations(manager)).toEqual([]);
    await row.getByRole('button', { name: /处理/ }).click();
    const detail = manager.getByTestId('steward-detail');
    await detail.getByLabel(/备注/).fill('已电话联系企业，下午到窗口办理开办手续');
    await detail.getByRole('button', { name: '办结' }).click();
    await expect.poll(() => detail.getByTestId('steward-status').innerText()).toBe('已办结');
    await expect.poll(() => row.innerText()).toContain('已办结');
    expect(await row.innerText()).toContain('已电话联系企业');
    expect(await seriousViolations(manager)).toEqual([]);
    expect(k.host.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'steward.done'").get()).toEqual({ n: 1 });
  });
});
