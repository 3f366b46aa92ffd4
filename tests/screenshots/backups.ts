import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { SignInResponse } from '../../contracts/auth';
import { startKioskHarness } from '../support/kiosk-harness';
import { TEST_PIN } from '../support/staff';

/**
 * 数据备份 (technician-backups.png): a hall with a morning's tickets, two backups in the folder
 * (last night's and one made now), and the dry run of restoring the older one: what it would
 * change, where numbering goes on.
 */
export async function takeBackupScreenshots(shot: (page: Page, name: string) => Promise<void>): Promise<void> {
  const tmp = mkdtempSync(join(tmpdir(), 'backup-shots-'));
  const folder = join(tmp, 'hall-backups');
  mkdirSync(folder);
  let now = new Date('2026-12-06T18:30:00Z'); // 02:30 in Beijing: the nightly backup
  const k = await startKioskHarness({ clock: { now: () => now }, config: { backup: { folder } } });
  try {
    const issue = (serviceCode: string) =>
      k.host.app.inject({ method: 'POST', url: '/api/v1/tickets', payload: { serviceCode, withIdentity: false } });
    await k.host.backups.tick();
    now = new Date('2026-12-07T02:15:00Z'); // 10:15: a morning's numbers printed since
    for (const code of ['business-startup', 'business-startup', 'real-estate', 'social-security', 'business-startup'])
      await issue(code);
    const signIn = await k.host.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { staffNo: '8001', pin: TEST_PIN },
    });
    const technician = { authorization: `Bearer ${SignInResponse.parse(signIn.json()).token}` };
    await k.host.app.inject({ method: 'POST', url: '/api/v1/backups', headers: technician });
    await issue('business-startup');

    const context = await k.browser.newContext({ viewport: { width: 1920, height: 1600 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.clock.install({ time: now });
    await page.clock.resume();
    await page.goto(`${k.base}/technician`);
    await page.getByLabel('工号').fill('8001');
    await page.getByLabel('PIN（6–12 位数字）').fill(TEST_PIN);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.getByTestId('tech-who').waitFor();
    await page.getByRole('navigation', { name: '运维功能' }).getByRole('button', { name: '备份' }).click();
    const rows = page.getByTestId('tech-backups-list').locator('tbody tr');
    await rows.nth(1).waitFor();
    await rows
      .nth(1)
      .getByRole('button', { name: /预演恢复/ })
      .click();
    await page.getByTestId('tech-backups-preview').waitFor();
    await shot(page, 'technician-backups');
    await context.close();
  } finally {
    await k.dispose();
    rmSync(tmp, { recursive: true, force: true });
  }
}
