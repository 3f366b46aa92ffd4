import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { setServiceSuspended } from '../../db/repositories/services';
import {
  openFlow,
  PORTRAIT,
  seriousViolations,
  setElderMode,
  useKioskHarness,
  startVisitWithCard,
  takeCardBack,
  startVisitWithoutCard,
} from '../support/kiosk-harness';

/** 服务管家 in Chromium against a real host: the explanation, the green-channel ticket, its window, its errors. */
describe('kiosk service steward (服务管家)', () => {
  const k = useKioskHarness();
  afterEach(async () => {
    // A card left on the reader would be read again into the next test's visit.
    k.host.devices.placeSimulatedCard(null);
    await expect.poll(() => k.host.identity.view()).toBeNull();
  });

  const askForSteward = async (page: Page) => {
    await page.getByRole('button', { name: '请服务管家帮我' }).click();
    await page.getByTestId('ticket-number').waitFor();
    return page.getByTestId('ticket-number').textContent();
  };

  const stewardTickets = () =>
    k.host.db.prepare("SELECT number, priority_class AS priority FROM tickets WHERE service_code = 'steward'").all();

  it('with a card: explains the steward, issues G001 in the green channel at window 5; the same card asking again gets G001 again; axe in both modes', async () => {
    const { page, context } = await k.openKiosk();
    await startVisitWithCard(page, k.host);
    await openFlow(page, 'steward');
    // What a steward does, before anything is asked of the citizen.
    await page.getByRole('heading', { name: '首席服务管家，一对一帮您办' }).waitFor();
    for (const offer of ['企业开办', '项目审批', '诉求投诉'])
      expect(await page.getByRole('heading', { name: offer }).count()).toBe(1);
    expect(await page.getByText('同一张身份证当天只发一个管家号').count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await setElderMode(page, true);
    expect(await seriousViolations(page)).toEqual([]);
    await setElderMode(page, false);

    expect(await askForSteward(page)).toBe('G001');
    expect(await page.getByRole('heading', { name: '已为您预约服务管家' }).count()).toBe(1);
    expect(await page.getByTestId('steward-priority').innerText()).toContain('绿色通道');
    // The steward counter of the default hall is window 5.
    await expect.poll(() => page.getByTestId('steward-window').innerText()).toContain('服务管家将在 5 号窗口叫这个号码');
    expect(await page.content()).not.toContain('张三');
    expect(await seriousViolations(page)).toEqual([]);
    await setElderMode(page, true);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: '完成' }).click();
    await takeCardBack(page, k.host);

    // The same card comes back and asks again: its place in the queue, not a second one.
    await startVisitWithCard(page, k.host);
    await openFlow(page, 'steward');
    expect(await askForSteward(page)).toBe('G001');
    expect(stewardTickets()).toEqual([{ number: 'G001', priority: 'vip' }]);
    await context.close();
  });

  it('portrait, without a card: a new green-channel number; when stewards are off duty the kiosk says so and sends to the desk', async () => {
    const { page, context } = await k.openKiosk({ viewport: PORTRAIT });
    await startVisitWithoutCard(page);
    await openFlow(page, 'steward');
    await page.getByRole('button', { name: '没有身份证，继续办理' }).click();
    await page.getByText('没有身份证也可以申请').waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    expect(await askForSteward(page)).toBe('G002');
    expect(await page.getByTestId('steward-priority').innerText()).toContain('优先叫号');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PORTRAIT.width);
    expect(await seriousViolations(page)).toEqual([]);
    await setElderMode(page, true);
    expect(await seriousViolations(page)).toEqual([]);
    await setElderMode(page, false);
    await page.getByRole('button', { name: '完成' }).click();
    await page.getByTestId('attract').waitFor();

    setServiceSuspended(k.host.db, 'steward', true);
    try {
      await startVisitWithoutCard(page);
      await openFlow(page, 'steward');
      await page.getByRole('button', { name: '没有身份证，继续办理' }).click();
      await page.getByRole('button', { name: '请服务管家帮我' }).click();
      const problem = page.getByTestId('steward-problem');
      await problem.waitFor();
      expect(await problem.getAttribute('role')).toBe('alert');
      expect(await problem.innerText()).toContain('服务管家当前不在服务时间');
      expect(await problem.innerText()).toContain('服务台');
      expect(await page.getByTestId('ticket-number').count()).toBe(0);
      expect(await seriousViolations(page)).toEqual([]);
      await setElderMode(page, true);
      expect(await seriousViolations(page)).toEqual([]);
    } finally {
      setServiceSuspended(k.host.db, 'steward', false);
    }
    expect(stewardTickets()).toHaveLength(2);
    await context.close();
  });
});
