/**
 * The 差评整改 section of the manager console (`manager-reviews.png`), on a hall clock the script
 * sets: three 差评 from the window's rating pad a week apart, one closed on time, one overdue, one
 * under way, the overdue one opened with its timeline and next step.
 */
import type { Page } from 'playwright-core';
import { startKioskHarness } from '../support/kiosk-harness';
import { openManager } from '../support/manager-page';
import { signIn } from '../support/staff';
import { rateAtWindowEvaluator } from '../support/window-evaluator';

export async function managerReviewScreenshots(shot: (page: Page, name: string) => Promise<void>): Promise<void> {
  // Monday 7 December 2026, 10:00 in the hall.
  let now = new Date('2026-12-07T02:00:00Z');
  const h = await startKioskHarness({ clock: { now: () => now } });
  try {
    // Signed in at each step: a sign-in lasts hours, and the script moves the clock by days.
    const step = async (id: string, name: string, payload: object = {}) => {
      const headers = await signIn(h.host.app, '9001');
      const res = await h.host.app.inject({ method: 'POST', url: `/api/v1/reviews/${id}/${name}`, headers, payload });
      if (res.statusCode !== 200) throw new Error(`${name}: ${res.statusCode} ${res.body}`);
    };

    const late = await rateAtWindowEvaluator(h.host, {
      level: 'very_dissatisfied',
      reason: '态度不好',
      comment: '窗口人员说话不耐烦',
    });
    await step(late.id, 'assign', { handlerStaffNumber: '1001' });
    now = new Date('2026-12-07T03:00:00Z');
    const closed = await rateAtWindowEvaluator(h.host, { level: 'dissatisfied', reason: '办理时间长' });
    await step(closed.id, 'assign', { handlerStaffNumber: '1001' });
    await step(closed.id, 'verify', { verification: '当日系统卡顿，等候超过一小时，属实' });
    now = new Date('2026-12-09T06:00:00Z');
    await step(closed.id, 'rectify', { rectification: '已增开一个综合窗口，并向群众电话致歉' });
    await step(closed.id, 'callback', { result: '群众表示理解', rating: 'basically_satisfied' });
    await step(closed.id, 'close');
    now = new Date('2026-12-14T01:30:00Z');
    const current = await rateAtWindowEvaluator(h.host, { level: 'dissatisfied', reason: '材料要求不清楚、多次跑腿' });
    await step(current.id, 'assign', { handlerStaffNumber: '1001' });
    await step(late.id, 'verify', { verification: '调取窗口录音，情况属实' });
    // Wednesday 16 December: the first one was due on Monday.
    now = new Date('2026-12-16T02:00:00Z');
    h.host.housekeeping();

    const { page, context } = await openManager(h, 'reviews');
    await page.getByTestId('review-row').first().waitFor();
    await page.getByTestId('review-row').filter({ hasText: '已超期' }).getByRole('button').click();
    await page.getByTestId('review-forms').waitFor();
    await shot(page, 'manager-reviews');
    await context.close();
  } finally {
    await h.dispose();
  }
}
