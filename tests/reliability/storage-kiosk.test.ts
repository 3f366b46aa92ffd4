import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HostHealth } from '../../contracts/health';
import { openFlow, PORTRAIT, startKioskHarness, startVisitWithCard, type KioskHarness } from '../support/kiosk-harness';
import { waitFor } from '../support/wait';

/**
 * The kiosk in Chromium while the host's database takes no writes (read-only via `PRAGMA
 * query_only`, full via `PRAGMA max_page_count` on the host's own connection: see
 * storage.test.ts for why these): the out-of-service screen covers everything at once, nothing
 * can be started under it, the citizen's form stays as typed, and when the storage is back the
 * screen lifts by itself and the same form goes through.
 */
describe('kiosk out-of-service screen on storage failure', () => {
  let harness: KioskHarness;

  beforeAll(async () => {
    harness = await startKioskHarness();
    await waitFor(() => (harness.host.devices.health().every((h) => h.state === 'ok') ? true : undefined), 'devices ok', 15_000);
  });
  afterAll(async () => {
    await harness?.dispose();
  });

  const overlay = (page: Page) => page.getByTestId('out-of-service');
  /** What a finger at the centre of `selector` would touch: the overlay, or the element itself. */
  // (A string, run in the page: this file is type-checked without the DOM library.)
  const touches = (page: Page, selector: string) =>
    page.evaluate(`(() => {
      const el = document.querySelector(${JSON.stringify(selector)});
      const box = el.getBoundingClientRect();
      const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      return hit?.closest('[data-testid="out-of-service"]') ? 'out-of-service' : el.contains(hit) ? 'element' : 'other';
    })()`);
  const storageState = async () =>
    HostHealth.parse((await harness.host.app.inject({ method: 'GET', url: '/api/v1/health' })).json()).storage.state;
  const cases = () =>
    harness.host.db
      .prepare('SELECT form FROM cases')
      .all()
      .map((r) => JSON.parse((r as { form: string }).form) as Record<string, string>);

  it('read-only while a citizen confirms a case: out of service over the flow, the form kept, submitted once storage is back', async () => {
    const { page, context } = await harness.openKiosk({ viewport: PORTRAIT });
    await startVisitWithCard(page, harness.host, 'zhangSan');
    await openFlow(page, 'case');
    await page.getByRole('button', { name: /城乡居民基本医疗保险参保登记/ }).click();
    await page.getByLabel('联系电话').click();
    for (const key of '13912345678') await page.locator(`[data-testid="osk"] [data-skbtn="${key}"]`).click();
    await page.locator('[data-testid="osk"] [data-skbtn="{done}"]').click();
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByRole('checkbox', { name: /居民身份证/ }).check();
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByRole('heading', { name: '请确认申报信息' }).waitFor();

    // The disk goes read-only; the citizen presses 确认提交: the host refuses the write.
    harness.host.db.pragma('query_only = ON');
    await page.getByRole('button', { name: '确认提交' }).click();
    await overlay(page).waitFor();
    expect(await overlay(page).getAttribute('data-state')).toBe('read-only');
    const text = (await overlay(page).textContent()) ?? '';
    expect(text).toContain('本机暂停服务');
    expect(text).toContain('请到其他自助终端或人工窗口办理');
    expect(text).toContain('您已填写的内容仍保留在本机');
    expect(await storageState()).toBe('read-only');
    expect(cases()).toEqual([]);
    // Nothing under it can be touched, and the confirmed form is still there as typed.
    expect(await touches(page, 'button.primary')).toBe('out-of-service');
    expect(await touches(page, '.kiosk-header')).toBe('out-of-service');
    expect(await page.locator('.case-summary').textContent()).toContain('13912345678');
    expect(await page.getByTestId('idle-countdown').count()).toBe(0);

    // Storage is back: the host's probe sees it, the screen lifts, the same form goes through.
    harness.host.db.pragma('query_only = OFF');
    expect(harness.host.storage.probe()).toBe('ok');
    await overlay(page).waitFor({ state: 'detached' });
    expect(await page.locator('.case-summary').textContent()).toContain('13912345678');
    await page.getByRole('button', { name: '确认提交' }).click();
    await page.getByRole('heading', { name: '申报已提交' }).waitFor();
    expect(cases()).toEqual([expect.objectContaining({ phone: '13912345678' })]);
    console.log('storage-kiosk: read-only during 确认提交 → out-of-service over the flow, form kept, submitted after recovery');
    await context.close();
  }, 120_000);

  it('disk full seen by another terminal: the idle kiosk goes out of service at once (event), no flow opens, and it comes back', async () => {
    harness.host.devices.placeSimulatedCard(null);
    await waitFor(() => (harness.host.identity.view() === null ? true : undefined), 'reader empty', 5_000);
    const { page, context } = await harness.openKiosk();
    await page.getByTestId('attract').getByRole('button').first().click();
    await page.locator('button.tile[data-flow="ticket"]').waitFor();

    const pages = harness.host.db.pragma('page_count', { simple: true }) as number;
    harness.host.db.pragma(`max_page_count = ${pages}`);
    // Someone else's writes (another kiosk's tickets) fill the file until one is refused.
    let refused = 0;
    for (let i = 0; i < 2_000 && refused === 0; i++) {
      const res = await harness.host.app.inject({
        method: 'POST',
        url: '/api/v1/tickets',
        payload: { serviceCode: 'consulting', withIdentity: false },
      });
      if (res.statusCode === 503) refused += 1;
    }
    expect(refused).toBe(1);
    await overlay(page).waitFor();
    expect(await overlay(page).getAttribute('data-state')).toBe('full');
    expect(await overlay(page).textContent()).toContain('存储空间已满');
    expect(await touches(page, 'button.tile[data-flow="ticket"]')).toBe('out-of-service');

    harness.host.db.pragma('max_page_count = 1073741823');
    expect(harness.host.storage.probe()).toBe('ok');
    await overlay(page).waitFor({ state: 'detached' });
    await openFlow(page, 'ticket');
    console.log(`storage-kiosk: disk full at ${pages} pages → out-of-service on the home screen, lifted after the probe`);
    await context.close();
  }, 120_000);
});
