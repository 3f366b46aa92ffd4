import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LogList } from '../../contracts/logs';
import { simulatedCards } from '../../hardware/idcard';
import { LANDSCAPE, seriousViolations, startKioskHarness, type KioskHarness } from '../support/kiosk-harness';
import { signIn as apiSignIn, TEST_PIN } from '../support/staff';

/**
 * The console's "日志与诊断" tab in Chromium against a real host (simulated devices): the host's
 * masked log lines live, filtered by level and text, and the diagnostics zip downloaded the
 * way a plain browser does it.
 */
describe('technician console: logs and diagnostics', () => {
  let k: KioskHarness;
  let context: BrowserContext | undefined;

  beforeAll(async () => {
    k = await startKioskHarness();
  });
  afterAll(async () => {
    await k?.dispose();
  });
  afterEach(async () => {
    await context?.close();
    context = undefined;
  });

  const openLogs = async (staffNo: string): Promise<Page> => {
    context = await k.browser.newContext({ viewport: LANDSCAPE, locale: 'zh-CN', acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(`${k.base}/technician`);
    await page.getByLabel('工号').fill(staffNo);
    await page.getByLabel('PIN（6–12 位数字）').fill(TEST_PIN);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.getByTestId('tech-who').waitFor();
    await page.getByRole('button', { name: '日志与诊断' }).click();
    await page.getByRole('heading', { name: '日志与诊断' }).waitFor();
    return page;
  };
  const lines = (page: Page) => page.getByTestId('tech-log-line');

  it('shows the device status lines live with the hall’s time, filters them, and masks a citizen’s card; axe', async () => {
    const card = simulatedCards.zhangSan;
    k.host.devices.placeSimulatedCard('zhangSan');
    const page = await openLogs('8001');
    const printerLine = lines(page).filter({ hasText: 'device status' }).filter({ hasText: 'device=printer-1' }).first();
    await printerLine.waitFor();
    expect(await printerLine.innerText()).toContain('state=ok');

    // A new line appears by itself (the screen polls), with its time on the hall's clock.
    k.host.app.log.error({ device: 'printer-1' }, 'e2e: paper jam reported');
    const errorLine = lines(page).filter({ hasText: 'e2e: paper jam reported' });
    await errorLine.waitFor();
    const logged = LogList.parse(
      (await k.host.app.inject({ url: '/api/v1/logs?level=error', headers: await apiSignIn(k.host.app, '8001') })).json(),
    ).entries.find((e) => e.msg === 'e2e: paper jam reported');
    const hallTime = new Intl.DateTimeFormat('zh-CN', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hour12: false,
    }).format(new Date(logged?.time ?? 0));
    expect(await errorLine.locator('td').first().innerText()).toBe(hallTime);
    expect(await errorLine.getAttribute('data-level')).toBe('error');
    expect(await errorLine.innerText()).toContain('错误');

    // Level: errors only.
    await page.getByTestId('tech-logs-level').selectOption('error');
    // A new level is a new query: the list is empty while it loads, so wait for its answer too.
    await expect.poll(() => lines(page).filter({ hasText: 'e2e: paper jam reported' }).count()).toBe(1);
    expect(await lines(page).filter({ hasText: 'device status' }).count()).toBe(0);
    await page.getByTestId('tech-logs-level').selectOption('all');

    // Text: only lines that mention the scanner.
    await page.getByTestId('tech-logs-filter').fill('scanner-1');
    await expect.poll(async () => (await lines(page).allInnerTexts()).every((text) => text.includes('scanner-1'))).toBe(true);
    expect(await lines(page).count()).toBeGreaterThan(0);
    await page.getByTestId('tech-logs-filter').fill('');

    // The card was read (logged by session only): nothing of the citizen is on the screen.
    await lines(page).filter({ hasText: 'identity.read' }).first().waitFor();
    const screen = await page.getByTestId('tech-logs-list').innerText();
    for (const secret of [card.name, card.idNumber, card.address]) expect(screen).not.toContain(secret);
    k.host.devices.placeSimulatedCard(null);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('downloads the diagnostics bundle as a zip with every file, in a plain browser; axe', async () => {
    const page = await openLogs('8001');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('tech-logs-download').click()]);
    const fileName = download.suggestedFilename();
    expect(fileName).toMatch(/^hall-kiosk-diagnostics-hall-01-\d{8}-\d{4}\.zip$/);
    const files = unzipSync(new Uint8Array(readFileSync(await download.path())));
    expect(Object.keys(files).sort()).toEqual(
      [
        'README.txt',
        'audit.ndjson',
        'config.json',
        'database.json',
        'devices.json',
        'host.json',
        'logs.ndjson',
        'sync.json',
        'terminals.json',
      ].sort(),
    );
    const devices = JSON.parse(new TextDecoder().decode(files['devices.json'])) as { devices: { config: { id: string } }[] };
    expect(devices.devices.map((d) => d.config.id)).toEqual(expect.arrayContaining(['idcard-1', 'printer-1', 'scanner-1']));
    expect(await page.getByTestId('tech-logs-download-status').innerText()).toBe(`已下载：${fileName}`);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('lets a supervisor read the logs but not download the bundle; axe', async () => {
    const page = await openLogs('9001');
    await lines(page).filter({ hasText: 'device status' }).first().waitFor();
    expect(await page.getByTestId('tech-logs-download').count()).toBe(0);
    expect(await page.getByTestId('tech-logs-download-read-only').innerText()).toBe('只有技术人员可以下载诊断包。');
    expect(await seriousViolations(page)).toEqual([]);
  });
});
