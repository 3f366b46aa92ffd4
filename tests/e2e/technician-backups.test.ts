import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KIOSK_DEVICES, LANDSCAPE, seriousViolations, startKioskHarness, type KioskHarness } from '../support/kiosk-harness';
import { TEST_PIN } from '../support/staff';

/** Polls what a page shows; generous, because the e2e suite shares two cores with other work. */
const poll = <T>(probe: () => T | Promise<T>) => expect.poll(probe, { timeout: 10_000 });

/**
 * The console's 备份 screen in Chromium against a real host whose backup folder is a temporary
 * one (the USB disk): back up now, the list with the check, the dry run of a restore and the
 * restore's start (the host then asks to be restarted; host/main.ts does that, the reliability
 * test follows it through).
 */
describe('technician console: backups', () => {
  let k: KioskHarness;
  let tmp: string;
  let context: BrowserContext | undefined;

  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'backups-e2e-'));
    mkdirSync(join(tmp, 'usb'));
    k = await startKioskHarness({ config: { devices: KIOSK_DEVICES, backup: { folder: join(tmp, 'usb') } } });
  });
  afterAll(async () => {
    await context?.close();
    await k?.dispose();
    rmSync(tmp, { recursive: true, force: true });
  });

  const openBackups = async (): Promise<Page> => {
    context = await k.browser.newContext({ viewport: LANDSCAPE, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${k.base}/technician`);
    await page.getByLabel('工号').fill('8001');
    await page.getByLabel('PIN（6–12 位数字）').fill(TEST_PIN);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.getByTestId('tech-who').waitFor();
    await page.getByRole('navigation', { name: '运维功能' }).getByRole('button', { name: '备份' }).click();
    await page.getByRole('heading', { name: '数据备份', exact: true }).waitFor();
    return page;
  };

  it('backs up now, lists the checked backup, rehearses and starts a restore; axe', async () => {
    for (let i = 0; i < 3; i++)
      await k.host.app.inject({
        method: 'POST',
        url: '/api/v1/tickets',
        payload: { serviceCode: 'business-startup', withIdentity: false },
      });
    const page = await openBackups();
    await poll(async () => page.getByTestId('tech-backups-verdict').textContent()).toContain('尚未备份');

    await page.getByRole('button', { name: '立即备份' }).click();
    await page.getByText('备份完成，已通过检查。').waitFor();
    await poll(async () => page.getByTestId('tech-backups-verdict').textContent()).toContain('已通过检查');
    const row = page.getByTestId('tech-backups-list').locator('tbody tr');
    await poll(async () => row.count()).toBe(1);
    expect(await row.first().textContent()).toMatch(/完好.*本机/);

    // After the backup two more numbers are printed; the dry run says what a restore would change.
    for (let i = 0; i < 2; i++)
      await k.host.app.inject({
        method: 'POST',
        url: '/api/v1/tickets',
        payload: { serviceCode: 'business-startup', withIdentity: false },
      });
    await row
      .first()
      .getByRole('button', { name: /预演恢复/ })
      .click();
    const preview = page.getByTestId('tech-backups-preview');
    await preview.waitFor();
    expect(await preview.getByTestId('tech-backups-tickets').textContent()).toContain('备份中 3，现在 5');
    expect(await preview.getByTestId('tech-backups-numbering').textContent()).toContain('A005');
    expect(await seriousViolations(page)).toEqual([]);

    await preview.getByRole('button', { name: '确认恢复' }).click();
    await page.getByTestId('tech-backups-restarting').waitFor();
    await expect(k.host.restartRequested).resolves.toContain('restore');
  });
});
