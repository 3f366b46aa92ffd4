import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Appointment } from '../../contracts/central-api';
import { simulatedCards } from '../../hardware/idcard';
import type { Clock } from '../../host/clock/clock';
import {
  openFlow,
  PORTRAIT,
  seriousViolations,
  setElderMode,
  startKioskHarness,
  startVisitWithCard,
  takeCardBack,
  startVisitWithoutCard,
  type KioskHarness,
} from '../support/kiosk-harness';
import { adminAuth } from '../platform/support/platform';

const HALL_ZONE = 'Asia/Shanghai';
const MINUTE = 60_000;
/** A Tuesday, 10:00 in the hall: every slot below lies on the same hall day, whenever CI runs. */
const TUESDAY_10AM = new Date('2026-12-08T02:00:00Z');

/** HH:MM on the hall's clock, as the kiosk shows slot and opening times. */
const hallTime = (at: Date) =>
  new Intl.DateTimeFormat('zh-CN', { timeZone: HALL_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
/** YYYY-MM-DD on the hall's clock. */
const hallDate = (at: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: HALL_ZONE }).format(at);

/**
 * 预约签到 in Chromium against a real host and the real district platform. Host and page run
 * on a clock that starts at TUESDAY_10AM and ticks with real time, so the slots booked relative
 * to it (one a minute ahead, one at 23:50) always fall on the same hall day: no test depends on
 * the hour the suite happens to run.
 */
describe('kiosk appointment check-in (预约签到)', () => {
  let k: KioskHarness;
  const offset = TUESDAY_10AM.getTime() - Date.now();
  const clock: Clock = { now: () => new Date(Date.now() + offset) };
  /** The kiosk page on the same clock: it says 今天 for a slot on the host's business day. */
  const openKiosk = (options: { viewport?: { width: number; height: number } } = {}) =>
    k.openKiosk({
      ...options,
      beforeLoad: async (page: Page) => {
        await page.clock.install({ time: clock.now() });
        await page.clock.resume();
      },
    });
  beforeAll(async () => {
    k = await startKioskHarness({ clock });
    // Let the boot pull finish, so each test's own refresh sees its bookings.
    await k.host.appointments.refresh();
  });
  afterAll(async () => {
    await k?.dispose();
  });
  afterEach(async () => {
    // A card left on the reader would be read again into the next test's visit.
    k.host.devices.placeSimulatedCard(null);
    await expect.poll(() => k.host.identity.view()).toBeNull();
  });

  /** Books at the central API as an operator would, then has the hall pull the day's list. */
  const book = async (card: { name: string; idNumber: string }, serviceCode: string, start: Date, end: Date) => {
    const res = await fetch(`${k.central.baseUrl}/v1/admin/appointments`, {
      method: 'POST',
      headers: { ...adminAuth, 'content-type': 'application/json' },
      body: JSON.stringify({
        hallId: 'hall-01',
        serviceCode,
        slotStart: start.toISOString(),
        slotEnd: end.toISOString(),
        applicant: { name: card.name, idNumber: card.idNumber },
      }),
    });
    expect(res.status).toBe(201);
    const appointment = Appointment.parse(await res.json());
    expect(await k.host.appointments.refresh()).toMatchObject({ outcome: 'updated' });
    return appointment;
  };

  /** A slot whose check-in is open now: it starts in a minute (check-in opens an hour before). */
  const openSlot = () => {
    const start = new Date(clock.now().getTime() + MINUTE);
    return { start, end: new Date(start.getTime() + 30 * MINUTE) };
  };

  const personalData = async (page: Page, card: { name: string; idNumber: string }) => {
    const html = await page.content();
    return [card.name, card.idNumber, card.idNumber.slice(0, 6)].filter((s) => html.includes(s));
  };

  /** The flow's own event stream is connected (and so will hear the scanner) once its hello arrives. */
  it('with a card: one button checks in; the ticket and the appointment (masked, in hall time) are shown; axe in both modes', async () => {
    const { start, end } = openSlot();
    const zhang = simulatedCards.zhangSan;
    await book(zhang, 'livelihood', start, end);

    const { page, context } = await openKiosk();
    await startVisitWithCard(page, k.host);
    await openFlow(page, 'checkin');
    const byCard = page.getByRole('button', { name: '用身份证签到' });
    await byCard.waitFor();
    // Both ways are offered: the card, and the QR code with its typed fallback.
    await page.getByRole('heading', { name: '扫描预约二维码' }).waitFor();
    await page.getByRole('textbox', { name: '预约码' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await setElderMode(page, true);
    expect(await seriousViolations(page)).toEqual([]);

    await byCard.click();
    await page.getByTestId('ticket-number').waitFor();
    expect(await page.getByTestId('ticket-number').textContent()).toMatch(/^D\d{3}$/);
    expect(await page.getByRole('heading', { name: '签到成功' }).count()).toBe(1);
    expect(await page.getByTestId('checkin-note').textContent()).toContain('预约号优先叫号');
    const appointment = await page.getByTestId('checkin-appointment').innerText();
    expect(appointment).toContain('民生事项');
    expect(appointment).toContain(`今天 ${hallTime(start)}–${hallTime(end)}`);
    expect(appointment).toContain('张*');
    expect(await personalData(page, zhang)).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await setElderMode(page, false);
    expect(await seriousViolations(page)).toEqual([]);

    // The ticket is the host's appointment-priority ticket for that booking.
    const number = await page.getByTestId('ticket-number').textContent();
    expect(k.host.db.prepare('SELECT priority_class AS priority FROM tickets WHERE number = ?').get(number)).toEqual({
      priority: 'appointment',
    });

    await page.getByRole('button', { name: '完成' }).click();
    await takeCardBack(page, k.host);
    await context.close();
  });

  it('portrait, without a card: a scanned QR code checks in; scanning it again shows the same number as already checked in', async () => {
    const { start, end } = openSlot();
    const li = simulatedCards.liXiaohong;
    const booked = await book(li, 'social-security', start, end);

    const { page, context } = await openKiosk({ viewport: PORTRAIT });
    await startVisitWithoutCard(page);
    await openFlow(page, 'checkin');
    await page.getByRole('button', { name: '没有身份证，继续办理' }).click();
    await page.getByRole('heading', { name: '扫描预约二维码' }).waitFor();
    // No card: no card button, but the hint that one would work.
    expect(await page.getByRole('button', { name: '用身份证签到' }).count()).toBe(0);
    expect(await page.getByText('带了身份证？放在读卡区').count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await setElderMode(page, true);
    expect(await seriousViolations(page)).toEqual([]);
    await setElderMode(page, false);

    const scan = await k.host.app.inject({
      method: 'POST',
      url: '/api/v1/simulator/scanner/scan',
      payload: { code: booked.code },
    });
    expect(scan.statusCode).toBe(204);
    await page.getByTestId('ticket-number').waitFor();
    const number = await page.getByTestId('ticket-number').textContent();
    expect(number).toMatch(/^C\d{3}$/);
    const appointment = await page.getByTestId('checkin-appointment').innerText();
    expect(appointment).toContain('社保医保');
    expect(appointment).toContain(`${hallTime(start)}–${hallTime(end)}`);
    expect(appointment).toContain('李*');
    expect(await personalData(page, li)).toEqual([]);
    // The portrait layout stacks the appointment above the ticket, nothing wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PORTRAIT.width);
    expect(await seriousViolations(page)).toEqual([]);
    await setElderMode(page, true);
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: '完成' }).click();
    await page.getByTestId('attract').waitFor();

    // The same code again, scanned at the attract screen (the citizen came back unsure): the kiosk
    // opens the check-in by itself and shows the same ticket, marked as such.
    await k.host.app.inject({ method: 'POST', url: '/api/v1/simulator/scanner/scan', payload: { code: booked.code } });
    await page.getByRole('heading', { name: '您已签到过，这是您原来的号码' }).waitFor();
    expect(await page.getByTestId('ticket-number').textContent()).toBe(number);
    expect(await page.getByTestId('checkin-note').textContent()).toContain('无需重复排队');
    await context.close();
  });

  it('too early: a keyboard-wedge scan tells the time check-in opens; a mistyped code gets advice and nothing is issued', async () => {
    // A slot starting at 23:50 hall time opens for check-in at 22:50, long after the clock's 10:00.
    const start = new Date(`${hallDate(clock.now())}T23:50:00+08:00`);
    const booked = await book(simulatedCards.elderWangJianguo, 'real-estate', start, new Date(start.getTime() + 10 * MINUTE));
    const ticketsBefore = k.host.db.prepare('SELECT count(*) AS n FROM tickets').get();

    const { page, context } = await openKiosk();
    await startVisitWithoutCard(page);
    await openFlow(page, 'checkin');
    await page.getByRole('button', { name: '没有身份证，继续办理' }).click();
    await page.getByRole('heading', { name: '扫描预约二维码' }).waitFor();

    // A wedge scanner "types" the whole code in a burst (a few ms a key) and presses Enter. The keys
    // are dispatched in one task: Playwright's key-by-key round trips can exceed the 35 ms a scanner
    // never does on a loaded machine, and would then (rightly) read as a person typing.
    await page.evaluate((code) => {
      for (const key of [...code, 'Enter']) document.body.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
    }, booked.code);
    const problem = page.getByTestId('checkin-problem');
    await problem.waitFor();
    expect(await problem.getAttribute('role')).toBe('alert');
    expect(await problem.innerText()).toContain('还没到签到时间');
    expect(await problem.innerText()).toContain('请于 22:50 后再来签到');
    expect(await problem.innerText()).toContain('23:50');
    expect(await seriousViolations(page)).toEqual([]);
    await setElderMode(page, true);
    expect(await seriousViolations(page)).toEqual([]);
    await setElderMode(page, false);

    // A person types a code that does not exist, slowly, and presses Enter: no scan, a typed check-in.
    await page.getByRole('textbox', { name: '预约码' }).click();
    await page.keyboard.type('zz9zz9zz9', { delay: 80 });
    expect(await page.getByRole('textbox', { name: '预约码' }).inputValue()).toBe('ZZ9ZZ9ZZ9');
    await page.keyboard.press('Enter');
    await expect.poll(() => problem.getAttribute('data-code'), { timeout: 10_000 }).toBe('appointment_unknown_code');
    expect(await problem.innerText()).toContain('没有找到这个预约码');
    expect(await problem.innerText()).toContain('请核对预约码');

    // An empty field is caught on the kiosk, next to the field.
    await page.getByRole('textbox', { name: '预约码' }).fill('');
    await page.getByRole('textbox', { name: '预约码' }).press('Enter');
    await page.getByText('请先输入预约码').waitFor();

    expect(k.host.db.prepare('SELECT count(*) AS n FROM tickets').get()).toEqual(ticketsBefore);
    await context.close();
  });
});
