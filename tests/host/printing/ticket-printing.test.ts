import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IssueTicketResponse } from '../../../contracts/queue';
import { PrinterDevice } from '../../../host/devices/printer-device';
import { startTestHost, type TestHost } from '../../support/test-host';
import { waitFor } from '../../support/wait';

/** Kiosk tickets through the simulated printer (a virtual printer decoding the real ESC/POS bytes). */
describe('printing tickets after commit', () => {
  let host: TestHost;
  beforeEach(async () => {
    host = await startTestHost({
      config: {
        devices: [
          { id: 'printer-1', kind: 'printer', transport: { type: 'simulated' }, options: { printer: { paperWidth: 80 } } },
        ],
      },
    });
    await waitFor(() => (host.devices.health()[0]?.state === 'ok' ? true : undefined), 'printer ok');
  });
  afterEach(async () => {
    await host.dispose();
  });

  const virtualPrinter = () => {
    const printer = host.devices.printer();
    if (!(printer instanceof PrinterDevice) || !printer.virtualPrinter) throw new Error('no virtual printer');
    return printer.virtualPrinter;
  };
  const issue = async () => {
    const res = await host.app.inject({
      method: 'POST',
      url: '/api/v1/tickets',
      payload: { serviceCode: 'business-startup', withIdentity: false },
    });
    return IssueTicketResponse.parse(res.json());
  };

  it('prints the committed ticket: number, Chinese service name and the progress QR come out of the printer', async () => {
    const { ticket, progressUrl } = await issue();
    expect(ticket.printStatus).toBe('printed');
    const page = virtualPrinter().pages.at(-1);
    const text = page?.lines.map((l) => l.text).join('\n') ?? '';
    expect(text).toContain('A001');
    expect(text).toContain('企业开办');
    expect(page?.qrPayloads).toEqual([progressUrl]);
    expect(page?.cuts).toBe(1);
    // The QR opens this ticket's progress, and only with its tag.
    const url = new URL(progressUrl);
    const ok = await host.app.inject({ url: `/api/v1/tickets/${ticket.id}/progress?k=${url.searchParams.get('k')}` });
    expect(ok.json()).toMatchObject({ ticket: { number: 'A001', status: 'waiting' } });
    const guessed = await host.app.inject({ url: `/api/v1/tickets/${ticket.id}/progress?k=AAAAAAAAAAAAAAAA` });
    expect(guessed.statusCode).toBe(404);
  });

  it('prints the hall’s public address in the QR, with the link’s tag, once the technician sets it', async () => {
    // Unset, the QR can only name this machine's own listener: no phone opens that.
    expect(new URL((await issue()).progressUrl).origin).toBe('http://127.0.0.1:7300');
    const settings = host.hallSettings.get();
    host.hallSettings.update({ ...settings, publicUrl: 'https://192.168.1.10:7443' }, null);
    const { ticket, progressUrl } = await issue();
    const qr = virtualPrinter().pages.at(-1)?.qrPayloads[0] ?? '';
    expect(qr).toBe(progressUrl);
    expect(qr).toMatch(new RegExp(`^https://192\\.168\\.1\\.10:7443/ticket/${ticket.id}\\?k=[A-Za-z0-9_-]{16}$`));
    // The QR's tag opens the ticket's public link.
    const k = new URL(qr).searchParams.get('k');
    expect((await host.app.inject({ url: `/api/v1/links/tickets/${ticket.id}?k=${k}` })).statusCode).toBe(200);
  });

  it('tells the holder the 过号 rule the queue applies, and follows it when a technician changes it', async () => {
    const printedNote = () =>
      (
        virtualPrinter()
          .pages.at(-1)
          ?.lines.map((l) => l.text)
          .join('') ?? ''
      ).replace(/\s/g, '');
    await issue();
    // The default rule re-queues a missed number twice: the paper says so, not "go to the desk".
    expect(printedNote()).toContain('过号后可重新排队2次，之后请到服务台重新取号。');
    const settings = host.hallSettings.get();
    host.hallSettings.update(
      { ...settings, queue: { ...settings.queue, skipRequeue: { ...settings.queue.skipRequeue, enabled: false } } },
      null,
    );
    await issue();
    expect(printedNote()).toContain('请留意叫号屏幕和语音提示。过号请到服务台重新取号。本票不含个人信息。');
    expect(printedNote()).not.toContain('重新排队');
  });

  it('paper running out mid-ticket leaves the ticket waiting, marked unprinted, and reprintable', async () => {
    virtualPrinter().setFault('paper-end-mid-job');
    const { ticket } = await issue();
    expect(ticket).toMatchObject({ number: 'A001', status: 'waiting', printStatus: 'failed' });
    expect(host.db.prepare("SELECT status, print_status AS p FROM tickets WHERE number = 'A001'").get()).toEqual({
      status: 'waiting',
      p: 'failed',
    });
    virtualPrinter().setFault(null);
    const again = await host.app.inject({ method: 'POST', url: `/api/v1/tickets/${ticket.id}/reprint` });
    expect(IssueTicketResponse.parse(again.json()).ticket.printStatus).toBe('printed');
  });

  it('an open cover refuses the print: the ticket is still issued, shown on screen', async () => {
    virtualPrinter().setFault('cover-open');
    const { ticket } = await issue();
    expect(ticket.printStatus).toBe('failed');
    expect(ticket.status).toBe('waiting');
  });

  it('an unplugged printer fails the print, not the ticket', async () => {
    virtualPrinter().setFault('unplug');
    const { ticket } = await issue();
    expect(ticket).toMatchObject({ number: 'A001', status: 'waiting', printStatus: 'failed' });
  });
});
