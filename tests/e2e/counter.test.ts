import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { IssueTicketResponse } from '../../contracts/queue';
import { hashPin } from '../../host/auth/pin-hash';
import {
  KIOSK_DEVICES,
  openFlow,
  seriousViolations,
  startKioskHarness,
  startVisitWithCard,
  type KioskHarness,
} from '../support/kiosk-harness';
import { signIn, TEST_PIN, testStaffSeeds } from '../support/staff';

/** Polls what the page shows; generous, because the e2e suite shares two cores with other work. */
const poll = <T>(probe: () => T | Promise<T>) => expect.poll(probe, { timeout: 10_000 });

/** A desk PC's smallest screen: the whole window must fit on it without scrolling. */
const LAPTOP = { width: 1366, height: 768 };
const FULL_HD = { width: 1920, height: 1080 };

/** The caller keypad of window 1 (呼叫器 at address 1), simulated over the real FF 68 … 16 bytes. */
const KEYPAD = {
  id: 'keypad-1',
  kind: 'caller' as const,
  transport: { type: 'simulated' as const },
  options: { caller: { bindings: [{ address: 1, windowNumber: 1 }] } },
};

/**
 * The staff counter page in Chromium against a real host: sign-in and its
 * refusals, every action by key and by button, the queue, the figures, and a
 * keypad acting on the same window while the page watches.
 */
describe('counter page (窗口叫号)', () => {
  let k: KioskHarness;
  beforeAll(async () => {
    k = await startKioskHarness({
      config: {
        devices: [...KIOSK_DEVICES, KEYPAD],
        // 1002 exists to be locked out without locking the clerk the other tests sign in as.
        staff: [
          ...(await testStaffSeeds()),
          { staffNo: '1002', name: '窗口人员乙', role: 'staff', pinHash: await hashPin(TEST_PIN) },
        ],
      },
    });
  });
  afterAll(async () => {
    await k?.dispose();
  });
  afterEach(() => {
    // Each test starts with an empty queue and every window open.
    k.host.db.prepare("UPDATE tickets SET status = 'cancelled' WHERE status IN ('waiting', 'called', 'held')").run();
    k.host.db.prepare('UPDATE windows SET paused = 0').run();
  });

  const windowId = (number: number) => k.host.queue.windows().find((w) => w.number === number)?.id ?? 0;

  /** A ticket as the kiosk takes it without a card (a staff token grants disabled / green-channel priority). */
  const issue = async (serviceCode: string, priority?: 'disabled' | 'vip'): Promise<{ id: number; number: string }> => {
    const headers = priority ? await signIn(k.host.app, '9001') : {};
    const res = await k.host.app.inject({
      method: 'POST',
      url: '/api/v1/tickets',
      headers,
      payload: { serviceCode, withIdentity: false, ...(priority ? { priority } : {}) },
    });
    expect(res.statusCode).toBe(201);
    const { ticket } = IssueTicketResponse.parse(res.json());
    return { id: ticket.id, number: ticket.number };
  };

  const ticketRow = (id: number) =>
    k.host.db
      .prepare(
        `SELECT number, status, service_code AS serviceCode, outcome, recall_count AS recalls,
           target_window_id AS targetWindowId, window_id AS windowId FROM tickets WHERE id = ?`,
      )
      .get(id) as {
      number: string;
      status: string;
      serviceCode: string;
      outcome: string | null;
      recalls: number;
      targetWindowId: number | null;
      windowId: number | null;
    };

  const openCounter = async (viewport = LAPTOP, locale = 'zh-CN') => {
    const context = await k.browser.newContext({ viewport, locale });
    const page = await context.newPage();
    await page.goto(`${k.base}/counter`);
    await page.getByTestId('sign-in').waitFor();
    return { page, context };
  };

  const fillSignIn = async (page: Page, staffNo: string, pin: string, window = 1) => {
    await page.getByLabel('工号').fill(staffNo);
    await page.getByLabel('密码（PIN）').fill(pin);
    await page.getByLabel('选择窗口').selectOption({ value: String(windowId(window)) });
    await page.getByRole('button', { name: '签到' }).click();
  };

  const signInAt = async (page: Page, staffNo = '1001', window = 1) => {
    await fillSignIn(page, staffNo, TEST_PIN, window);
    await page.getByTestId('current-ticket').waitFor();
    // The page reads the window before it acts on it.
    await poll(() => page.getByTestId('header-window').textContent()).toContain(`${window}号窗口`);
  };

  const currentNumber = (page: Page) => page.getByTestId('current-number').textContent();
  const status = (page: Page) => page.getByTestId('desk-status').textContent();
  const problem = (page: Page) => page.getByTestId('desk-error').textContent();
  const waitingNumbers = (page: Page) =>
    page.getByTestId('waiting-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-number')));

  it('signs in with staff number + PIN at a window; a wrong PIN and a lockout say so; signs out; axe clean', async () => {
    const { page, context } = await openCounter();
    expect(await seriousViolations(page)).toEqual([]);

    await fillSignIn(page, '1001', '135790');
    const error = page.getByTestId('sign-in-error');
    await poll(() => error.textContent()).toBe('工号或密码不正确，请重新输入');
    expect(await error.getAttribute('role')).toBe('alert');
    // The wrong PIN is gone and the cursor waits in the PIN field for the next try.
    expect(await page.getByLabel('密码（PIN）').inputValue()).toBe('');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('password');
    expect(await seriousViolations(page)).toEqual([]);

    // Five wrong PINs for one staff number pause its sign-in at this computer, and the clerk is told until when.
    for (let i = 0; i < 5; i += 1) {
      await page.getByLabel('工号').fill('1002');
      await page.getByLabel('密码（PIN）').fill('135790');
      await page.getByRole('button', { name: '签到' }).click();
      await poll(() => page.getByRole('button', { name: '签到' }).isEnabled()).toBe(true);
    }
    await poll(() => error.textContent()).toMatch(/已暂停签到，请于 \d{2}:\d{2} 后再试/);

    await fillSignIn(page, '1001', TEST_PIN);
    await page.getByTestId('current-ticket').waitFor();
    await poll(() => page.getByTestId('header-window').textContent()).toBe('1号窗口 · 综合受理 1');
    expect(await page.getByTestId('header-staff').textContent()).toBe('窗口人员（工号 1001）');
    await poll(() => currentNumber(page)).toBe('暂无');
    expect(await page.getByTestId('waiting-panel').textContent()).toContain('暂无等候的号码');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: '签退' }).click();
    await page.getByTestId('sign-in').waitFor();
    expect(await page.getByTestId('session-notice').textContent()).toBe('已签退');
    expect(k.host.queue.window(windowId(1)).staffName).toBeNull();
    await context.close();
  });

  it('F1 calls a ticket taken at the kiosk with a card; the desk shows number, service and 长者; everything fits 1366×768', async () => {
    const kiosk = await k.openKiosk();
    await startVisitWithCard(kiosk.page, k.host, 'elderWangJianguo');
    await openFlow(kiosk.page, 'ticket');
    await kiosk.page.getByRole('button', { name: /企业开办/ }).click();
    const number = (await kiosk.page.getByTestId('ticket-number').textContent()) ?? '';
    expect(number).toMatch(/^A\d{3}$/);
    await kiosk.context.close();
    k.host.devices.placeSimulatedCard(null);

    const { page, context } = await openCounter(LAPTOP);
    await signInAt(page);
    await poll(() => waitingNumbers(page)).toEqual([number]);
    expect(await page.getByTestId('waiting-row').getByTestId('priority-badge').textContent()).toBe('长者');

    await page.keyboard.press('F1');
    await poll(() => currentNumber(page)).toBe(number);
    expect(await page.getByTestId('current-service').textContent()).toBe('企业开办');
    expect(await page.getByTestId('current-ticket').getByTestId('priority-badge').textContent()).toBe('长者');
    expect(await page.getByTestId('current-waited').textContent()).toMatch(/分钟/);
    expect(await page.getByTestId('current-recalls').textContent()).toBe('0 次');
    await poll(() => status(page)).toBe(`已叫 ${number} 号`);
    await poll(() => waitingNumbers(page)).toEqual([]);
    // The citizen's name never reaches a staff screen (tickets carry none).
    expect(await page.content()).not.toContain('王建国');
    expect(ticketRow(Number(k.host.queue.window(windowId(1)).current?.id)).status).toBe('called');

    // The eight actions, each with its key, all on screen at 1366×768 with no scrolling.
    const actions = page.locator('.cd-action');
    expect(await actions.count()).toBe(8);
    for (const [i, key] of ['F1', 'F2', 'F3', 'F4', 'F5', 'F6', 'F7', 'F8'].entries()) {
      const button = actions.nth(i);
      expect(await button.getAttribute('aria-keyshortcuts')).toBe(key);
      expect(await button.textContent()).toContain(key);
      const box = await button.boundingBox();
      expect(box && box.y + box.height).toBeLessThanOrEqual(LAPTOP.height);
    }
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(LAPTOP.height);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(LAPTOP.width);
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  it('F2 recalls and counts it; F5 holds the citizen and F5 brings them back', async () => {
    const ticket = await issue('business-startup');
    const { page, context } = await openCounter(FULL_HD);
    await signInAt(page);
    await page.keyboard.press('F1');
    await poll(() => currentNumber(page)).toBe(ticket.number);
    await poll(() => status(page)).toBe(`已叫 ${ticket.number} 号`);

    await page.keyboard.press('F2');
    await poll(() => page.getByTestId('current-recalls').textContent()).toBe('1 次');
    await poll(() => status(page)).toBe(`已重呼 ${ticket.number} 号（第 1 次）`);
    expect(ticketRow(ticket.id).recalls).toBe(1);

    await page.keyboard.press('F5');
    await poll(() => currentNumber(page)).toBe('暂无');
    await poll(() => status(page)).toBe(`${ticket.number} 号已挂起，可随时恢复`);
    expect(await page.getByTestId('held-list').textContent()).toContain(ticket.number);
    expect(ticketRow(ticket.id).status).toBe('held');
    // With nobody at the window the F5 button offers the held number back.
    await poll(() => page.locator('.cd-action[data-command="holdResume"]').textContent()).toBe(`恢复 ${ticket.number} F5`);
    expect(await seriousViolations(page)).toEqual([]);

    await page.keyboard.press('F5');
    await poll(() => currentNumber(page)).toBe(ticket.number);
    await poll(() => status(page)).toBe(`已恢复 ${ticket.number} 号`);
    await poll(() => page.getByTestId('held-list').count()).toBe(0);
    expect(ticketRow(ticket.id).status).toBe('called');

    // Held again, the list's own button resumes it too.
    await page.getByRole('button', { name: /挂起/ }).click();
    await page.getByRole('button', { name: `恢复 ${ticket.number} 号` }).click();
    await poll(() => currentNumber(page)).toBe(ticket.number);
    await context.close();
  });

  it('F3 skips (过号: the citizen goes back in the queue); F7 asks the citizen for a rating', async () => {
    const ticket = await issue('business-startup');
    const { page, context } = await openCounter();
    await signInAt(page);
    await page.keyboard.press('F1');
    await poll(() => currentNumber(page)).toBe(ticket.number);
    // The action is over when its message shows (the desk takes one action at a time, and the
    // current ticket can show while the waiting list is still being read again).
    await poll(() => status(page)).toBe(`已叫 ${ticket.number} 号`);

    // The hall's policy re-queues a first skip a few places back.
    await page.keyboard.press('F3');
    await poll(() => status(page)).toBe(`${ticket.number} 号过号，已排回队列`);
    await poll(() => currentNumber(page)).toBe('暂无');
    await poll(() => waitingNumbers(page)).toEqual([ticket.number]);
    expect(await page.locator(`[data-number="${ticket.number}"]`).textContent()).toContain('过号 1 次');

    await page.keyboard.press('F1');
    await poll(() => currentNumber(page)).toBe(ticket.number);
    await poll(() => status(page)).toBe(`已叫 ${ticket.number} 号`);
    await page.keyboard.press('F7');
    await poll(() => status(page)).toBe('已请办事人对本次服务进行评价');
    const asked = k.host.db.prepare('SELECT evaluation_requested_at AS at FROM tickets WHERE id = ?').get(ticket.id) as {
      at: string | null;
    };
    expect(asked.at).not.toBeNull();
    await context.close();
  });

  it('F6 transfers the citizen to another service (it joins that queue) or to a named window', async () => {
    const first = await issue('business-startup');
    const { page, context } = await openCounter();
    await signInAt(page);
    await page.keyboard.press('F1');
    await poll(() => currentNumber(page)).toBe(first.number);

    await page.keyboard.press('F6');
    const dialog = page.getByTestId('transfer-dialog');
    await dialog.waitFor();
    expect(await dialog.getByRole('heading').textContent()).toBe(`转移 ${first.number} 号`);
    // Its own service and its own window are not offered.
    expect(await dialog.getByRole('radio', { name: /企业开办/ }).count()).toBe(0);
    expect(await dialog.getByRole('radio', { name: /^1号窗口/ }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole('radio', { name: /咨询/ }).check();
    await dialog.getByRole('button', { name: '确认转移' }).click();
    await poll(() => dialog.count()).toBe(0);

    await poll(() => status(page)).toBe(`${first.number} 号已转至「咨询」排队`);
    await poll(() => currentNumber(page)).toBe('暂无');
    expect(ticketRow(first.id)).toMatchObject({ status: 'waiting', serviceCode: 'consulting' });
    // Window 1 serves 咨询 too: the ticket is back in its list, under its new service.
    await poll(() => waitingNumbers(page)).toEqual([first.number]);
    expect(await page.getByTestId('waiting-service').textContent()).toBe('咨询');
    await page.getByRole('button', { name: '咨询 1' }).click();
    await poll(() => waitingNumbers(page)).toEqual([first.number]);
    await page.getByRole('button', { name: '企业开办 0' }).click();
    await poll(() => waitingNumbers(page)).toEqual([]);
    await page.getByRole('button', { name: '全部 1' }).click();

    // Called again and sent to window 2 by name: only window 2 may call it now.
    await page.getByRole('button', { name: `叫号 ${first.number}` }).click();
    await poll(() => currentNumber(page)).toBe(first.number);
    await page.getByRole('button', { name: /转移/ }).click();
    await dialog.getByRole('radio', { name: /2号窗口/ }).check();
    await dialog.getByRole('button', { name: '确认转移' }).click();
    await poll(() => status(page)).toBe(`${first.number} 号已转至 2 号窗口`);
    expect(ticketRow(first.id)).toMatchObject({ status: 'waiting', targetWindowId: windowId(2) });
    await poll(() => waitingNumbers(page)).toEqual([]);
    await context.close();
  });

  it('F4 finishes with the outcome 需补正材料; today’s figures count it', async () => {
    const ticket = await issue('business-startup');
    const { page, context } = await openCounter();
    await signInAt(page);
    const served = async () => Number(await page.getByTestId('stat-mine-served').textContent());
    const before = await served();
    await page.keyboard.press('F1');
    await poll(() => currentNumber(page)).toBe(ticket.number);

    await page.keyboard.press('F4');
    const dialog = page.getByTestId('finish-dialog');
    await dialog.waitFor();
    for (const outcome of ['办结', '需补正材料', '转办', '未办理'])
      expect(await dialog.getByRole('radio', { name: new RegExp(outcome) }).count()).toBe(1);
    // 办结 is preselected: F4 then Enter is the everyday path.
    expect(await dialog.getByRole('radio', { name: /^1?\s*办结/ }).isChecked()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole('radio', { name: /需补正材料/ }).check();
    await dialog.getByRole('button', { name: '确认' }).click();

    await poll(() => status(page)).toBe(`${ticket.number} 号已结束：需补正材料`);
    await poll(() => currentNumber(page)).toBe('暂无');
    expect(ticketRow(ticket.id)).toMatchObject({ status: 'finished', outcome: 'needs_materials' });
    await poll(served).toBe(before + 1);
    expect(Number(await page.getByTestId('stat-window-served').textContent())).toBeGreaterThanOrEqual(before + 1);
    expect(await page.getByTestId('stat-mine-avgService').textContent()).toMatch(/秒/);

    // The digit keys choose and confirm in one press.
    const next = await issue('business-startup');
    await page.keyboard.press('F1');
    await poll(() => currentNumber(page)).toBe(next.number);
    await page.keyboard.press('F4');
    await dialog.waitFor();
    await page.keyboard.press('4');
    await poll(() => status(page)).toBe(`${next.number} 号已结束：未办理`);
    expect(ticketRow(next.id).outcome).toBe('not_handled');

    // The button says what it opens; 办结 stays the name of the outcome.
    expect(await page.locator('.cd-action[data-command="finish"]').textContent()).toBe('结束办理 F4');

    // F1 while someone is served opens the same dialog (办结 focused: Enter is the usual outcome),
    // then asks for the rating and calls the next: never a silent 办结.
    const third = await issue('business-startup');
    const fourth = await issue('business-startup');
    await page.keyboard.press('F1');
    await poll(() => currentNumber(page)).toBe(third.number);
    await poll(() => status(page)).toBe(`已叫 ${third.number} 号`);
    await page.keyboard.press('F1');
    await dialog.waitFor();
    expect(await dialog.getByRole('heading').textContent()).toBe(`结束 ${third.number} 号，再叫下一位`);
    expect(ticketRow(third.id).status).toBe('called');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).toBe('done');
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Enter');
    await poll(() => status(page)).toBe(`${third.number} 号已结束：办结，已请评价；已叫 ${fourth.number} 号`);
    await poll(() => currentNumber(page)).toBe(fourth.number);
    const rated = k.host.db
      .prepare('SELECT outcome, evaluation_requested_at AS asked FROM tickets WHERE id = ?')
      .get(third.id) as { outcome: string | null; asked: string | null };
    expect(rated.outcome).toBe('done');
    expect(rated.asked).not.toBeNull();
    await context.close();
  });

  it('calls a ticket chosen from the queue, out of turn; priority badges show in the list', async () => {
    const a = await issue('business-startup');
    const b = await issue('consulting');
    const c = await issue('business-startup', 'disabled');
    const { page, context } = await openCounter();
    await signInAt(page);
    // The host's calling order: the priority ticket first.
    await poll(() => waitingNumbers(page)).toEqual([c.number, a.number, b.number]);
    expect(await page.locator(`[data-number="${c.number}"]`).getByTestId('priority-badge').textContent()).toBe('残疾人');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: `叫号 ${b.number}` }).click();
    await poll(() => currentNumber(page)).toBe(b.number);
    expect(await page.getByTestId('current-service').textContent()).toBe('咨询');
    await poll(() => waitingNumbers(page)).toEqual([c.number, a.number]);
    expect(ticketRow(b.id)).toMatchObject({ status: 'called', windowId: windowId(1) });

    // A ticket another window called a moment ago: the page says so instead of failing silently
    // (after ending the visit of the citizen at the window, as any call does).
    k.host.db.prepare("UPDATE tickets SET status = 'cancelled' WHERE id = ?").run(a.id);
    await page.getByRole('button', { name: `叫号 ${a.number}` }).click();
    const dialog = page.getByTestId('finish-dialog');
    await dialog.waitFor();
    expect(await dialog.getByRole('heading').textContent()).toBe(`结束 ${b.number} 号，再叫 ${a.number} 号`);
    await dialog.getByRole('button', { name: '确认并叫号' }).click();
    await poll(() => problem(page)).toBe('该号码已不在等候中（可能已被其他窗口叫走），队列已刷新');
    expect(ticketRow(b.id)).toMatchObject({ status: 'finished', outcome: 'done' });
    await poll(() => waitingNumbers(page)).toEqual([c.number]);
    await context.close();
  });

  it('F8 pauses the window: F1 is refused with the reason until F8 resumes it', async () => {
    const ticket = await issue('business-startup');
    const { page, context } = await openCounter();
    await signInAt(page);
    await page.keyboard.press('F8');
    await page.getByTestId('paused-banner').waitFor();
    await poll(() => status(page)).toBe('窗口已暂停');
    expect(await page.locator('.cd-action[data-command="pause"]').textContent()).toBe('恢复窗口 F8');
    expect(k.host.queue.window(windowId(1)).paused).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);

    await page.keyboard.press('F1');
    await poll(() => problem(page)).toBe('窗口已暂停，请先按 F8 恢复窗口再叫号');
    await poll(() => currentNumber(page)).toBe('暂无');
    expect(ticketRow(ticket.id).status).toBe('waiting');

    await page.keyboard.press('F8');
    await poll(() => page.getByTestId('paused-banner').count()).toBe(0);
    await page.keyboard.press('F1');
    await poll(() => currentNumber(page)).toBe(ticket.number);
    await poll(() => status(page)).toBe(`已叫 ${ticket.number} 号`);
    // With an empty queue F1 says so (after ending the visit of the citizen at the window).
    await page.keyboard.press('F1');
    await page.getByTestId('finish-dialog').waitFor();
    await page.keyboard.press('1');
    await poll(() => status(page)).toBe(`${ticket.number} 号已结束：办结，已请评价；没有等候的号码`);
    await poll(() => currentNumber(page)).toBe('暂无');
    await page.keyboard.press('F1');
    await poll(() => problem(page)).toBe('没有等候的号码');
    await context.close();
  });

  it('a caller keypad at window 1 acts on the same window: the page shows its call, recall and pause without a reload', async () => {
    const ticket = await issue('business-startup');
    const { page, context } = await openCounter();
    await signInAt(page);
    await poll(() => waitingNumbers(page)).toEqual([ticket.number]);
    const press = async (key: 'call' | 'recall' | 'pause') => {
      const res = await k.host.app.inject({
        method: 'POST',
        url: '/api/v1/simulator/keypad/press',
        payload: { address: 1, key },
      });
      expect(res.statusCode).toBe(204);
    };

    await press('call');
    await poll(() => currentNumber(page)).toBe(ticket.number);
    await poll(() => waitingNumbers(page)).toEqual([]);
    await press('recall');
    await poll(() => page.getByTestId('current-recalls').textContent()).toBe('1 次');
    await press('pause');
    await page.getByTestId('paused-banner').waitFor();
    // Nothing was typed on the page: it followed the host's events.
    expect(await status(page)).toBe('');
    await context.close();
  });

  it('someone else signing in at the window ends this page’s session with the reason', async () => {
    const { page, context } = await openCounter();
    await signInAt(page);
    await signIn(k.host.app, '9001', windowId(1));
    await page.keyboard.press('F1');
    await page.getByTestId('sign-in').waitFor();
    expect(await page.getByTestId('session-notice').textContent()).toBe(
      '已有其他工作人员在本窗口签到，您已离开本窗口，请重新签到',
    );
    await context.close();
  });

  it('a supervisor signs in without taking a window (the clerk stays) and acts at any window; a clerk must pick one', async () => {
    const ticket = await issue('real-estate');
    await signIn(k.host.app, '1001', windowId(1));
    const { page, context } = await openCounter();
    const chooseAway = async (staffNo: string) => {
      await page.getByLabel('工号').fill(staffNo);
      await page.getByLabel('密码（PIN）').fill(TEST_PIN);
      await page.getByLabel('选择窗口').selectOption({ label: '不占用窗口（值班主任）' });
      await page.getByRole('button', { name: '签到' }).click();
    };

    await chooseAway('1001');
    await poll(() => page.getByTestId('sign-in-error').textContent()).toBe('窗口工作人员请选择所在窗口签到');

    await chooseAway('9001');
    await page.getByTestId('current-ticket').waitFor();
    expect(await page.getByTestId('header-staff').textContent()).toContain('值班主任');
    // Window 1's clerk was not displaced.
    expect(k.host.queue.window(windowId(1)).staffName).toBe('窗口人员');
    await page.getByTestId('act-at-window').selectOption({ value: String(windowId(2)) });
    await poll(() => page.getByTestId('header-window').textContent()).toBe('2号窗口 · 综合受理 2');
    await poll(() => waitingNumbers(page)).toEqual([ticket.number]);
    await page.keyboard.press('F1');
    await poll(() => currentNumber(page)).toBe(ticket.number);
    expect(ticketRow(ticket.id)).toMatchObject({ status: 'called', windowId: windowId(2) });
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  it('switches to English: labels, outcomes and messages follow; axe clean', async () => {
    const ticket = await issue('business-startup', 'vip');
    const { page, context } = await openCounter(FULL_HD);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Staff sign-in' }).waitFor();
    await page.getByLabel('Staff number').fill('1001');
    await page.getByLabel('PIN').fill(TEST_PIN);
    await page.getByLabel('Window').selectOption({ value: String(windowId(1)) });
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Call next F1' }).click();
    await poll(() => currentNumber(page)).toBe(ticket.number);
    expect(await page.getByTestId('current-service').textContent()).toBe('Business start-up');
    expect(await page.getByTestId('current-ticket').getByTestId('priority-badge').textContent()).toBe('Green channel');
    await poll(() => status(page)).toBe(`Called ${ticket.number}`);
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('F4');
    await page
      .getByTestId('finish-dialog')
      .getByRole('radio', { name: /Materials needed/ })
      .check();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Confirm' }).click();
    await poll(() => status(page)).toBe(`${ticket.number} finished: Materials needed`);
    await context.close();
  });
});
