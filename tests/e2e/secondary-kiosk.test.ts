import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { token } from '../host/sync/support';
import {
  KIOSK_DEVICES,
  LANDSCAPE,
  openFlow,
  seriousViolations,
  startKioskHarness,
  startVisitWithCard,
  type KioskHarness,
} from '../support/kiosk-harness';
import { TEST_PIN, testStaffSeeds } from '../support/staff';
import { startTestHost, type TestHost } from '../support/test-host';

const poll = <T>(probe: () => T | Promise<T>) => expect.poll(probe, { timeout: 10_000 });

/**
 * Two hosts on loopback, each a real process-in-test with its own database: the hall (queue,
 * counter page, hall display; no devices) and a secondary kiosk with its own simulated reader,
 * printer and scanner, whose terminal settings point at the hall. Everything the two say to
 * each other goes over HTTP and the hall's WebSocket event stream, as on a hall's LAN.
 */
describe('a secondary kiosk and the hall host (two hosts on loopback)', () => {
  let hall: KioskHarness;
  let kiosk: TestHost;
  let kioskBase: string;
  let browser: Browser;
  /** The hall host started again on the same address and data (the offline test). */
  let restarted: TestHost | undefined;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    hall = await startKioskHarness({ config: { devices: [], hallName: '东城区政务服务中心' } });
    browser = hall.browser;
    kiosk = await startTestHost({
      withRenderer: true,
      config: {
        staff: await testStaffSeeds(),
        devices: KIOSK_DEVICES,
        hallName: '东城区政务服务中心（二楼自助区）',
        terminalId: 'kiosk-2F',
        hallUrl: hall.base,
        centralApi: { url: hall.central.baseUrl, token },
      },
    });
    kioskBase = await kiosk.app.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await kiosk?.dispose();
    await restarted?.close();
    await hall?.dispose();
  });

  const open = async (url: string, viewport = LANDSCAPE): Promise<Page> => {
    const context = await browser.newContext({ viewport, locale: 'zh-CN' });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(url);
    return page;
  };
  const technicianConsole = async (base: string) => {
    const page = await open(`${base}/technician`);
    await page.getByLabel('工号').fill('8001');
    await page.getByLabel('PIN（6–12 位数字）').fill(TEST_PIN);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.getByTestId('tech-who').waitFor();
    return page;
  };
  /** The secondary's kiosk page: one at a time, as on a real kiosk (a second page would not hold the seat). */
  let kioskContext: BrowserContext | undefined;
  const kioskPage = async () => {
    await kioskContext?.close();
    const page = await open(`${kioskBase}/kiosk`);
    kioskContext = page.context();
    await page.getByTestId('attract').waitFor();
    return page;
  };

  it('is paired from its console with the code the hall shows; a ticket taken there is called at a counter and shown on the display', async () => {
    // The kiosk knows its hall's address but has no token yet: no numbers, and it says so.
    const waitingKiosk = await kioskPage();
    await waitingKiosk.getByTestId('attract').getByRole('button').first().click();
    await poll(() => waitingKiosk.getByTestId('hall-link-banner').textContent()).toContain('尚未接入大厅排队系统');
    expect(await waitingKiosk.locator('button.tile[data-flow="ticket"]').isDisabled()).toBe(true);
    expect(await waitingKiosk.locator('button.tile[data-flow="case"]').isDisabled()).toBe(false);

    // The hall's technician creates a one-time code …
    const hallConsole = await technicianConsole(hall.base);
    await hallConsole.getByRole('button', { name: '终端配对' }).click();
    await hallConsole.getByRole('button', { name: '生成配对码' }).click();
    const code = /配对码：(\d{6})/.exec(await hallConsole.getByTestId('pairing-code').innerText())?.[1] ?? '';
    expect(code).toMatch(/^\d{6}$/);

    // … and the kiosk's technician types it on the kiosk's own console.
    const kioskConsole = await technicianConsole(kioskBase);
    await kioskConsole.getByRole('button', { name: '本机设置' }).click();
    await poll(() => kioskConsole.getByTestId('hall-link-state').getAttribute('data-state')).toBe('unpaired');
    expect(await kioskConsole.getByLabel('大厅主机地址').inputValue()).toBe(hall.base);
    expect(await seriousViolations(kioskConsole)).toEqual([]);
    await kioskConsole.getByLabel('六位配对码').fill(code);
    await kioskConsole.getByRole('button', { name: '配对', exact: true }).click();
    await poll(() => kioskConsole.getByTestId('hall-link-state').getAttribute('data-state')).toBe('online');
    expect(await kioskConsole.getByTestId('hall-link-panel').textContent()).toContain('东城区政务服务中心');
    // The hall lists it by its name.
    await hallConsole.getByRole('button', { name: '终端配对' }).click();
    await poll(() => hallConsole.locator('.tech-table').textContent()).toContain('kiosk-2F');

    // The open kiosk page follows at once: the banner goes and the ticket tile is back.
    await poll(() => waitingKiosk.getByTestId('hall-link-banner').count()).toBe(0);
    await poll(() => waitingKiosk.locator('button.tile[data-flow="ticket"]').isDisabled()).toBe(false);

    // A citizen takes a number at the secondary kiosk, with their card on its reader.
    const page = waitingKiosk;
    await page.getByRole('button', { name: '退出' }).click();
    await page.getByTestId('attract').waitFor();
    await startVisitWithCard(page, kiosk);
    await openFlow(page, 'ticket');
    await page.getByRole('button', { name: /企业开办/ }).click();
    const number = (await page.getByTestId('ticket-number').textContent()) ?? '';
    expect(number).toMatch(/^A\d{3}$/);
    // The ticket is the hall's (its database), printed on the kiosk's own printer.
    expect(
      hall.host.db.prepare("SELECT print_status AS printStatus FROM tickets WHERE number = ? AND status = 'waiting'").get(number),
    ).toEqual({ printStatus: 'printed' });
    expect(kiosk.db.prepare('SELECT COUNT(*) AS n FROM tickets').get()).toEqual({ n: 0 });

    // The hall display and a counter at window 1.
    const display = await open(`${hall.base}/display`);
    await display.getByTestId('hall-display').waitFor();
    const counter = await open(`${hall.base}/counter`, { width: 1366, height: 768 });
    await counter.getByLabel('工号').fill('1001');
    await counter.getByLabel('密码（PIN）').fill(TEST_PIN);
    const windowOne = hall.host.queue.windows().find((w) => w.number === 1)?.id ?? 0;
    await counter.getByLabel('选择窗口').selectOption({ value: String(windowOne) });
    await counter.getByRole('button', { name: '签到' }).click();
    await counter.getByTestId('current-ticket').waitFor();
    await poll(() =>
      counter.getByTestId('waiting-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-number'))),
    ).toEqual([number]);
    await counter.keyboard.press('F1');
    await poll(() => counter.getByTestId('current-number').textContent()).toBe(number);

    await poll(() => display.getByTestId('current-number').textContent()).toBe(number);
    expect(await display.getByTestId('current-window').textContent()).toBe('1号窗口');
    expect(await display.getByTestId('latest-call').textContent()).toContain(`请 ${number} 号到 1 号窗口办理`);
    kiosk.devices.placeSimulatedCard(null);
  });

  it('takes a change of its own settings at once: a tile hidden on its console leaves the open kiosk page', async () => {
    const page = await kioskPage();
    await page.getByTestId('attract').getByRole('button').first().click();
    await page.locator('button.tile[data-flow="complaint"]').waitFor();

    const console = await technicianConsole(kioskBase);
    await console.getByRole('button', { name: '本机设置' }).click();
    await console.getByRole('checkbox', { name: '营商诉求' }).check();
    await console.getByRole('button', { name: '保存设置' }).click();
    await console.getByText('已保存，已生效。').waitFor();

    await poll(() => page.locator('button.tile[data-flow="complaint"]').count()).toBe(0);
    expect(await page.locator('button.tile[data-flow]').count()).toBe(7);
  });

  it('shows the offline state while the hall host is down, and takes numbers again when it is back', async () => {
    const page = await kioskPage();
    await page.getByTestId('attract').getByRole('button').first().click();
    await page.locator('button.tile[data-flow="ticket"]').waitFor();

    const port = Number(new URL(hall.base).port);
    const dataDir = hall.host.dataDir;
    await hall.host.close();
    await poll(() => page.getByTestId('hall-link-banner').textContent()).toContain('暂时连不上大厅排队系统');
    expect(await page.locator('button.tile[data-flow="ticket"]').isDisabled()).toBe(true);
    // What needs no queue still works: the guide opens.
    await openFlow(page, 'guide');
    await page.getByRole('button', { name: '首页', exact: true }).click();

    // The hall host comes back on its address with its database.
    restarted = await startTestHost({
      withRenderer: true,
      dataDir,
      config: {
        staff: await testStaffSeeds(),
        devices: [],
        hallName: '东城区政务服务中心',
        centralApi: { url: hall.central.baseUrl, token },
      },
    });
    await restarted.app.listen({ host: '127.0.0.1', port });
    await poll(() => page.getByTestId('hall-link-banner').count()).toBe(0);
    await startVisitWithCard(page, kiosk, 'liXiaohong');
    await openFlow(page, 'ticket');
    await page.getByRole('button', { name: /社保医保/ }).click();
    expect(await page.getByTestId('ticket-number').textContent()).toMatch(/^C\d{3}$/);
  });
});
