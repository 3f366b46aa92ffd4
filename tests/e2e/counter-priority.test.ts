import { describe, expect, it } from 'vitest';
import { IssueTicketResponse } from '../../contracts/queue';
import { seriousViolations, useKioskHarness } from '../support/kiosk-harness';
import { TEST_PIN } from '../support/staff';

/** Polls what the page shows; generous, because the e2e suite shares two cores with other work. */
const poll = <T>(probe: () => T | Promise<T>) => expect.poll(probe, { timeout: 10_000 });

/**
 * A clerk issues a green-channel (绿色通道) ticket from the counter page for a citizen who cannot
 * take one at the kiosk: F9, the service, the priority; the number shows large; it waits first in
 * line and is called first, and the audit log names the clerk.
 */
describe('counter page: priority tickets', () => {
  const k = useKioskHarness();

  const windowId = (number: number) => k.host.queue.windows().find((w) => w.number === number)?.id ?? 0;

  it('F9 issues a green-channel ticket that is first in line and called first; axe clean', async () => {
    // Two citizens already queue for the service at the kiosk.
    for (let i = 0; i < 2; i++) {
      const res = await k.host.app.inject({
        method: 'POST',
        url: '/api/v1/tickets',
        payload: { serviceCode: 'business-startup', withIdentity: false },
      });
      IssueTicketResponse.parse(res.json());
    }
    const context = await k.browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${k.base}/counter`);
    await page.getByLabel('工号').fill('1001');
    await page.getByLabel('密码（PIN）').fill(TEST_PIN);
    await page.getByLabel('选择窗口').selectOption({ value: String(windowId(1)) });
    await page.getByRole('button', { name: '签到' }).click();
    await page.getByTestId('current-ticket').waitFor();
    await poll(() => page.getByTestId('waiting-row').count()).toBe(2);

    await page.keyboard.press('F9');
    const dialog = page.getByTestId('priority-dialog');
    await dialog.getByRole('heading', { name: '为办事人取优先号' }).waitFor();
    await dialog.getByRole('radio', { name: /企业开办/ }).check();
    await dialog.getByRole('radio', { name: /绿色通道/ }).check();
    await dialog.getByLabel('备注（选填，记入审计日志）').fill('坐轮椅');
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: '取号' }).click();

    const number = dialog.getByTestId('priority-number');
    await number.waitFor();
    const issued = (await number.textContent()) ?? '';
    expect(issued).toMatch(/^A\d{3}$/);
    expect((await number.boundingBox())?.height).toBeGreaterThanOrEqual(64);
    expect(await dialog.getByTestId('priority-print').textContent()).toContain('请将号码告知办事人');
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: '完成' }).click();

    // First in line, marked as green channel; F1 calls it before the two who came earlier.
    await poll(() =>
      page.getByTestId('waiting-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-number'))),
    ).toEqual([issued, 'A001', 'A002']);
    expect(await page.locator(`[data-number="${issued}"]`).textContent()).toContain('绿色通道');
    await page.keyboard.press('F1');
    await poll(() => page.getByTestId('current-number').textContent()).toBe(issued);

    const audit = k.host.db
      .prepare(
        `SELECT s.staff_no AS staffNo, a.details FROM audit_log a JOIN staff s ON s.id = a.staff_id
         WHERE a.action = 'ticket.priority_grant'`,
      )
      .all();
    expect(audit).toEqual([{ staffNo: '1001', details: JSON.stringify({ priority: 'vip', number: issued, note: '坐轮椅' }) }]);
    await context.close();
  });
});
