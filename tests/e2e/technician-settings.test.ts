import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ConfigExport } from '../../contracts/config-transfer';
import { IssueTicketResponse } from '../../contracts/queue';
import { KIOSK_DEVICES, LANDSCAPE, seriousViolations, startKioskHarness, type KioskHarness } from '../support/kiosk-harness';
import { signIn, TEST_PIN } from '../support/staff';

/** Polls what a page shows; generous, because the e2e suite shares two cores with other work. */
const poll = <T>(probe: () => T | Promise<T>) => expect.poll(probe, { timeout: 10_000 });

/**
 * The console's hall settings (大厅设置) and export / import (导入导出) in Chromium against a real
 * host: a change made there reaches pages that are already open, without a reload or a restart.
 */
describe('technician console: hall settings and configuration files', () => {
  let k: KioskHarness;
  let tmp: string;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    k = await startKioskHarness({ config: { devices: KIOSK_DEVICES } });
    tmp = mkdtempSync(join(tmpdir(), 'hall-settings-e2e-'));
  });
  afterAll(async () => {
    await k?.dispose();
    rmSync(tmp, { recursive: true, force: true });
  });
  afterEach(async () => {
    for (const context of contexts.splice(0)) await context.close();
  });

  const newPage = async (path: string): Promise<Page> => {
    const context = await k.browser.newContext({ viewport: LANDSCAPE, locale: 'zh-CN', acceptDownloads: true });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${k.base}${path}`);
    return page;
  };

  const openConsole = async (staffNo = '8001'): Promise<Page> => {
    const page = await newPage('/technician');
    await page.getByLabel('工号').fill(staffNo);
    await page.getByLabel('PIN（6–12 位数字）').fill(TEST_PIN);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.getByTestId('tech-who').waitFor();
    return page;
  };

  const openHall = async (staffNo = '8001'): Promise<Page> => {
    const page = await openConsole(staffNo);
    await page.getByRole('navigation', { name: '运维功能' }).getByRole('button', { name: '大厅设置' }).click();
    await page.getByRole('heading', { name: '大厅设置', exact: true }).waitFor();
    return page;
  };

  const windowId = (number: number) => k.host.queue.windows().find((w) => w.number === number)?.id ?? 0;

  it('renames a service and changes a window’s services; an open kiosk and counter follow without a reload; axe', async () => {
    // A ticket for 不动产登记 waits; window 1 does not serve it yet.
    const issued = await k.host.app.inject({
      method: 'POST',
      url: '/api/v1/tickets',
      payload: { serviceCode: 'real-estate', withIdentity: false },
    });
    const waiting = IssueTicketResponse.parse(issued.json()).ticket;

    const kiosk = await newPage('/kiosk');
    await kiosk.getByTestId('attract').getByRole('button').first().click();
    await kiosk.locator('button.tile[data-flow="ticket"]').click();
    await kiosk.getByRole('button', { name: '没有身份证，继续办理' }).click();
    await kiosk.getByRole('button', { name: /企业开办/ }).waitFor();

    const counter = await newPage('/counter');
    await counter.getByLabel('工号').fill('1001');
    await counter.getByLabel('密码（PIN）').fill(TEST_PIN);
    await counter.getByLabel('选择窗口').selectOption({ value: String(windowId(1)) });
    await counter.getByRole('button', { name: '签到' }).click();
    await counter.getByTestId('current-ticket').waitFor();
    expect(await counter.getByTestId('waiting-panel').textContent()).not.toContain(waiting.number);
    const display = await newPage('/display');
    await display.getByTestId('hall-display').waitFor();
    await poll(() => display.locator('.hd-header h1').textContent()).toBe('政务服务中心');
    // Marks the pages: a reload would lose them.
    for (const page of [kiosk, counter, display]) await page.evaluate(() => Object.assign(window, { notReloaded: true }));

    const page = await openHall();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('hall-service-business-startup').click();
    await page.getByLabel('名称', { exact: true }).fill('企业开办专区');

    await page.getByTestId('hall-tab-windows').click();
    const one = page.locator('li.hall-window[data-window="1"]');
    await one.getByLabel('添加办理事项').selectOption({ label: '不动产登记' });
    await one.getByRole('button', { name: '给1 号窗口 综合受理 1添加事项' }).click();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('hall-tab-rules').click();
    await page.getByLabel('大厅名称').fill('示范市政务服务中心');
    await page.getByRole('button', { name: '保存并立即生效' }).click();
    await page.getByTestId('hall-saved').waitFor();

    expect(k.host.queue.windows().find((w) => w.number === 1)?.services).toEqual([
      'business-startup',
      'consulting',
      'real-estate',
    ]);
    await poll(() => kiosk.getByRole('button', { name: /企业开办专区/ }).count()).toBe(1);
    await poll(() => counter.getByTestId('waiting-panel').textContent()).toContain(waiting.number);
    expect(await counter.getByTestId('waiting-panel').textContent()).toContain('不动产登记');
    await poll(() => display.locator('.hd-header h1').textContent()).toBe('示范市政务服务中心');
    await poll(() => kiosk.locator('.kiosk-header h1').textContent()).toBe('示范市政务服务中心');
    for (const p of [kiosk, counter, display]) expect(await p.evaluate(() => 'notReloaded' in window)).toBe(true);
    expect(k.host.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'settings.hall'").get()).toEqual({ n: 1 });

    // Every section of the screen passes axe.
    for (const tab of ['staff', 'hours', 'rules', 'services']) {
      await page.getByTestId(`hall-tab-${tab}`).click();
      expect(await seriousViolations(page)).toEqual([]);
    }
  });

  it('an open kiosk’s home screen follows the idle time set in the console', async () => {
    const kiosk = await newPage('/kiosk');
    await kiosk.getByTestId('attract').getByRole('button').first().click();
    await kiosk.getByTestId('citizen-name').waitFor();
    expect(await kiosk.getByTestId('idle-countdown').count()).toBe(0);
    const tech = await signIn(k.host.app, '8001');
    const settings = k.host.hallSettings.get();
    const res = await k.host.app.inject({
      method: 'PUT',
      url: '/api/v1/hall/settings',
      headers: tech,
      payload: { ...settings, timeouts: { ...settings.timeouts, kioskIdleSeconds: 30 } },
    });
    expect(res.statusCode).toBe(200);
    // 30 seconds is the warning's length: the countdown shows at once, without a reload.
    await kiosk.getByTestId('idle-countdown').waitFor();
    await k.host.app.inject({ method: 'PUT', url: '/api/v1/hall/settings', headers: tech, payload: settings });
    await poll(() => kiosk.getByTestId('idle-countdown').count()).toBe(0);
  });

  it('shows the host’s refusals next to the fields and saves nothing', async () => {
    const before = k.host.hallSettings.get();
    const page = await openHall();
    await page.getByTestId('hall-service-real-estate').click();
    await page.getByLabel('号码前缀').fill('A');
    await page.getByTestId('hall-tab-rules').click();
    await page.getByLabel('自助终端首页无操作退出（秒）').fill('5');
    await page.getByRole('button', { name: '保存并立即生效' }).click();

    await page.getByTestId('hall-errors').waitFor();
    expect(await page.getByTestId('hall-errors').textContent()).toContain('有 1 处需要修改');
    expect(await page.locator('[data-field="timeouts.kioskIdleSeconds"]').textContent()).toBe('不能小于 30。');
    await page.getByLabel('自助终端首页无操作退出（秒）').fill('90');
    await page.getByRole('button', { name: '保存并立即生效' }).click();
    // Now the duplicate letter: the services tab says so, on the field.
    await poll(() => page.locator('[data-field="services.1.prefix"]').textContent()).toBe('与前面的重复了。');
    expect(await page.getByTestId('hall-tab-services').textContent()).toContain('1 处待改');
    expect(await page.getByLabel('号码前缀').getAttribute('aria-invalid')).toBe('true');
    expect(await seriousViolations(page)).toEqual([]);
    expect(k.host.hallSettings.get()).toEqual(before);
  });

  it('lets a supervisor look but not change the settings', async () => {
    const page = await openHall('9001');
    expect(await page.getByText('值班主任只能查看大厅设置').count()).toBe(1);
    expect(await page.getByLabel('名称', { exact: true }).isDisabled()).toBe(true);
    // Looking includes every service.
    await page.getByTestId('hall-service-social-security').click();
    expect(await page.getByLabel('名称', { exact: true }).inputValue()).toBe('社保医保');
    expect(await page.getByRole('button', { name: '保存并立即生效' }).count()).toBe(0);
    expect(await page.getByRole('navigation', { name: '运维功能' }).getByRole('button', { name: '导入导出' }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('adds a staff member with a PIN shown once that signs in', async () => {
    const page = await openHall();
    await page.getByTestId('hall-tab-staff').click();
    await page.locator('#hall-staff-new-no').fill('3001');
    await page.locator('#hall-staff-new-name').fill('新同事');
    await page.locator('#hall-staff-new-window').selectOption({ value: '2' });
    await page.getByRole('button', { name: '添加（自动生成 PIN）' }).click();
    const shown = (await page.getByTestId('hall-one-time-pin').textContent()) ?? '';
    const pin = /PIN：(\d{6})/.exec(shown)?.[1] ?? '';
    expect(pin).toMatch(/^\d{6}$/);
    await page.getByRole('button', { name: '已告知，隐藏' }).click();
    expect(await page.getByTestId('hall-one-time-pin').count()).toBe(0);
    await poll(() => page.locator('tr[data-staff="3001"]').textContent()).toContain('2 号窗口');
    expect(await page.locator('tr[data-staff="3001"]').textContent()).not.toContain(pin);
    const res = await k.host.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { staffNo: '3001', pin } });
    expect(res.statusCode).toBe(200);
  });

  it('exports a file, then imports one with a dry run first and applies it on confirmation; axe', async () => {
    const page = await openConsole();
    await page.getByRole('navigation', { name: '运维功能' }).getByRole('button', { name: '导入导出' }).click();
    await page.getByRole('heading', { name: '导入导出' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出配置文件' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^hall-kiosk-config-hall-01-\d{4}-\d{2}-\d{2}\.json$/);
    const saved = join(tmp, download.suggestedFilename());
    await download.saveAs(saved);
    const file = ConfigExport.parse(JSON.parse(readFileSync(saved, 'utf8')));
    expect(readFileSync(saved, 'utf8')).not.toContain('scrypt$');

    // The file as another hall would have it: another name, one more window, one more clerk.
    const edited = {
      ...file,
      hall: {
        ...file.hall,
        hallName: '导入测试大厅',
        windows: [...file.hall.windows, { number: 8, name: '夜间窗口', services: ['consulting'] }],
      },
      staff: [...file.staff, { staffNo: '4001', name: '夜班', role: 'staff', windowNumber: 8, enabled: true }],
    };
    const path = join(tmp, 'edited.json');
    writeFileSync(path, JSON.stringify(edited));
    await page.getByLabel('选择配置文件（.json）').setInputFiles(path);
    const plan = page.getByTestId('config-plan');
    await plan.waitFor();
    expect(await plan.locator('[data-part="windows"]').textContent()).toContain('新增 8');
    expect(await plan.locator('[data-part="staff"]').textContent()).toContain('新增 4001');
    expect(await plan.locator('[data-part="hall"]').textContent()).toContain('大厅名称');
    expect(await seriousViolations(page)).toEqual([]);
    // Nothing changes until the technician confirms.
    expect(k.host.hallSettings.get().hallName).not.toBe('导入测试大厅');

    await page.getByRole('button', { name: '确认导入' }).click();
    const done = page.getByTestId('config-done');
    await done.waitFor();
    expect(k.host.hallSettings.get().hallName).toBe('导入测试大厅');
    expect(k.host.queue.windows().map((w) => w.number)).toContain(8);
    expect(await done.textContent()).toContain('4001');
    expect(await seriousViolations(page)).toEqual([]);

    // A file that is no configuration is refused in words.
    const junk = join(tmp, 'junk.json');
    writeFileSync(junk, '{"hello": 1}');
    await page.getByLabel('选择配置文件（.json）').setInputFiles(junk);
    await page.getByTestId('config-problems').waitFor();
    expect(await page.getByTestId('config-problems').textContent()).toContain('不能导入');
  });
});
