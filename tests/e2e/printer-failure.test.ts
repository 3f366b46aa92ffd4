import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PrinterDevice } from '../../host/devices/printer-device';
import { launchChromium } from '../support/browser';
import { startTestHost, type TestHost } from '../support/test-host';
import { waitFor } from '../support/wait';

/** A kiosk whose printer has its cover open: the ticket is still issued and shown on screen with its QR. */
describe('kiosk with a failing printer', () => {
  let host: TestHost;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    host = await startTestHost({
      withRenderer: true,
      config: {
        devices: [
          { id: 'idcard-1', kind: 'idcard', transport: { type: 'simulated' }, pollIntervalMs: 20 },
          { id: 'printer-1', kind: 'printer', transport: { type: 'simulated' } },
        ],
      },
    });
    base = await host.app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchChromium();
    await waitFor(() => (host.devices.health().every((h) => h.state === 'ok') ? true : undefined), 'devices ok');
  });
  afterAll(async () => {
    await browser?.close();
    await host?.dispose();
  });

  it('shows the unprinted ticket with its QR, and reprints it once the cover is closed', async () => {
    const printer = host.devices.printer();
    if (!(printer instanceof PrinterDevice) || !printer.virtualPrinter) throw new Error('no virtual printer');
    printer.virtualPrinter.setFault('cover-open');
    const page = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
    await page.goto(`${base}/kiosk`);
    await page.getByText('请将身份证放在读卡区').waitFor();
    host.devices.placeSimulatedCard('zhaoXiaoman');
    await page.getByTestId('citizen-name').waitFor();
    await page.getByRole('button', { name: /取号/ }).click();
    await page.getByRole('button', { name: /社保医保/ }).click();
    await page.getByTestId('print-failed').waitFor();
    expect(await page.getByTestId('ticket-number').textContent()).toBe('C001');
    expect(await page.getByRole('img', { name: '号码进度二维码' }).count()).toBe(1);
    expect(host.db.prepare("SELECT status, print_status AS p FROM tickets WHERE number = 'C001'").get()).toEqual({
      status: 'waiting',
      p: 'failed',
    });

    printer.virtualPrinter.setFault(null);
    await page.getByRole('button', { name: '补打小票' }).click();
    await page.getByText('请取走小票，留意叫号屏幕和语音提示').waitFor();
    expect(
      printer.virtualPrinter.pages
        .at(-1)
        ?.lines.map((l) => l.text)
        .join('\n'),
    ).toContain('C001');
    await page.close();
  });
});
