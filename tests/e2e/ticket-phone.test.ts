import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PrinterDevice } from '../../host/devices/printer-device';
import { openFlow, seriousViolations, startKioskHarness, startVisitWithCard, type KioskHarness } from '../support/kiosk-harness';
import { HALL_WIFI_NAME, listenAsPhoneOnLan, openPhone, type PhoneLan } from '../support/phone';
import { signIn } from '../support/staff';

/** The elder's card of the simulator: his name, number and priority must never reach a phone. */
const PERSONAL = ['王建国', '王*', '110105', '长者', 'elderly'];

/**
 * Issue 19: a ticket's QR opened on a citizen's phone. The hall's `publicUrl` names its Wi-Fi
 * address; the phone, never paired, opens the printed QR over the LAN listener (TLS, the hall's
 * certificate) and sees the ticket's progress, nothing personal, and nothing else of the hall.
 */
describe('a ticket’s QR on a phone that is not paired', () => {
  let k: KioskHarness;
  let lan: PhoneLan;
  beforeAll(async () => {
    k = await startKioskHarness({ config: { lan: { enabled: true, host: '127.0.0.1', port: 0, names: [HALL_WIFI_NAME] } } });
    lan = await listenAsPhoneOnLan(k.host);
    const settings = k.host.hallSettings.get();
    k.host.hallSettings.update({ ...settings, publicUrl: lan.origin }, null);
  });
  afterAll(async () => {
    await lan?.close();
    await k?.dispose();
  });

  const printedQr = () => {
    const printer = k.host.devices.printer();
    if (!(printer instanceof PrinterDevice) || !printer.virtualPrinter) throw new Error('no virtual printer');
    return printer.virtualPrinter.pages.at(-1)?.qrPayloads[0] ?? '';
  };

  it('opens the printed QR on the phone: the number and its progress, nothing personal, axe clean', async () => {
    const { page: kiosk, context: kioskContext } = await k.openKiosk();
    await startVisitWithCard(kiosk, k.host, 'elderWangJianguo');
    await openFlow(kiosk, 'ticket');
    await kiosk.getByRole('button', { name: /企业开办/ }).click();
    const number = await kiosk.getByTestId('ticket-number').textContent();
    const qr = printedQr();
    expect(qr).toMatch(new RegExp(`^${lan.origin.replace(/\./g, '\\.')}/ticket/\\d+\\?k=[A-Za-z0-9_-]{16}$`));
    await kioskContext.close();

    const phone = await openPhone(lan);
    try {
      const { page } = phone;
      await page.goto(qr);
      await page.getByTestId('progress-number').waitFor();
      expect(await page.getByTestId('progress-number').textContent()).toBe(number);
      expect(await page.getByTestId('progress-status').textContent()).toBe('等候中');
      expect(await page.getByTestId('progress-ahead').textContent()).toBe('0 人');
      expect(await page.locator('.ticket-page-service').textContent()).toBe('企业开办');
      const shown = await page.content();
      for (const value of PERSONAL) expect(shown).not.toContain(value);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      expect(await seriousViolations(page)).toEqual([]);

      // Window 1 calls it: the phone says where to go.
      const clerk = await signIn(k.host.app, '1001', 1);
      expect((await k.host.app.inject({ method: 'POST', url: '/api/v1/windows/1/call-next', headers: clerk })).statusCode).toBe(
        200,
      );
      await page.reload();
      await expect.poll(() => page.getByTestId('progress-status').textContent()).toBe('请到 1 号窗口办理');
      // In English, too.
      await page.getByRole('button', { name: 'English' }).click();
      expect(await page.getByTestId('progress-status').textContent()).toBe('Please go to window 1');
    } finally {
      await phone.browser.close();
    }
  });

  it('shows nothing for a wrong or missing tag, and nothing else of the hall answers the phone', async () => {
    const issued = await k.host.app.inject({
      method: 'POST',
      url: '/api/v1/tickets',
      payload: { serviceCode: 'business-startup', withIdentity: false },
    });
    expect(issued.statusCode).toBe(201);
    const link = new URL(printedQr());
    const phone = await openPhone(lan);
    try {
      const { page } = phone;
      const tag = link.searchParams.get('k') ?? '';
      const wrong = `${lan.origin}${link.pathname}?k=${tag.slice(1)}${tag.startsWith('A') ? 'B' : 'A'}`;
      for (const url of [wrong, `${lan.origin}${link.pathname}`]) {
        await page.goto(url);
        await page.getByTestId('progress-not-found').waitFor();
        expect(await page.getByTestId('progress-number').count()).toBe(0);
      }
      // The kiosk's and the consoles' pages, and the hall's API, refuse an unpaired phone.
      for (const path of ['/kiosk', '/counter', '/manager', '/technician', '/api/v1/health', '/api/v1/services']) {
        // Through the phone's browser (its resolver maps the Wi-Fi name; nothing leaves the machine).
        const res = await page.goto(`${lan.origin}${path}`);
        expect(res?.status(), path).toBe(401);
      }
    } finally {
      await phone.browser.close();
    }
  });
});
