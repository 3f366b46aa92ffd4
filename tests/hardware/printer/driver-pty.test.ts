import { describe, it, expect, afterEach, vi } from 'vitest';
import { PrinterDriver } from '../../../hardware/printer/driver';
import { encodeReceipt, encodeTicket } from '../../../hardware/printer/layouts';
import { VirtualPrinter } from '../../../hardware/printer/virtual-printer';
import { SerialTransport } from '../../../hardware/transport/serial';
import { SocatLink } from '../socat';
import { typicalTicket } from './fixtures';

/** Generous: a replugged pty is reopened within ~2 s; this only bounds a hang. */
const WAIT = { timeout: 10_000, interval: 10 };
const ticket = encodeTicket(typicalTicket, { width: 58 });

interface Rig {
  link: SocatLink;
  host: SerialTransport;
  device: SerialTransport;
  printer: VirtualPrinter;
  driver: PrinterDriver;
}
const rigs: Partial<Rig>[] = [];

async function rig(): Promise<Rig> {
  const link = new SocatLink('hk-printer-pty-');
  const r: Partial<Rig> = { link };
  rigs.push(r);
  await link.plug();
  r.host = new SerialTransport({ path: link.readerPath, baudRate: 9600 });
  r.device = new SerialTransport({ path: link.devicePath, baudRate: 9600 });
  r.printer = new VirtualPrinter();
  await r.printer.attach(r.device);
  r.driver = new PrinterDriver(r.host, { statusPollMs: 100, commandTimeoutMs: 1000 });
  await r.driver.start();
  return r as Rig;
}

afterEach(async () => {
  // socat must die whatever happened in the test.
  for (const r of rigs.splice(0)) {
    await r.driver?.stop();
    r.printer?.detach();
    await r.device?.close();
    await r.link?.dispose();
  }
});

describe('PrinterDriver ↔ VirtualPrinter over a socat pty pair (real serialport library)', () => {
  it('prints a ticket and a receipt', async () => {
    const r = await rig();
    expect(r.driver.health.state).toBe('ok');
    expect(await r.driver.print(ticket)).toEqual({ ok: true });
    const receipt = encodeReceipt(
      {
        hallName: '政务服务中心',
        caseNumber: 'C-1',
        itemName: '社保卡补办',
        items: [],
        materials: [{ name: '照片', received: true }],
        submittedAt: new Date(0),
        timeZone: 'Asia/Shanghai',
        qrUrl: 'https://example.org/c/1',
        note: '',
      },
      { width: 80 },
    );
    expect(await r.driver.print(receipt)).toEqual({ ok: true });
    expect(r.printer.pages).toHaveLength(2);
    expect(r.printer.pages[0]?.lines.map((l) => l.text)).toContain('企业开办一站式');
    expect(r.printer.pages[1]?.qrPayloads).toEqual(['https://example.org/c/1']);
  });

  it('paper end mid-ticket fails the job; cover open is refused', async () => {
    const r = await rig();
    r.printer.setFault('paper-end-mid-job');
    expect(await r.driver.print(ticket)).toMatchObject({ ok: false, reason: 'paper-end' });
    expect(r.printer.pages).toHaveLength(0);
    r.printer.setFault('cover-open');
    expect(await r.driver.print(ticket)).toMatchObject({ ok: false, reason: 'cover-open' });
    r.printer.setFault(null);
    await vi.waitFor(() => expect(r.driver.health.state).toBe('ok'), WAIT);
    expect(await r.driver.print(ticket)).toEqual({ ok: true });
  });

  it('unplug: transport failure and no-device, then recovery after replug', async () => {
    const r = await rig();
    await r.link.unplug();
    await vi.waitFor(() => expect(r.driver.health.state).toBe('no-device'), WAIT);
    expect(await r.driver.print(ticket)).toMatchObject({ ok: false, reason: 'transport' });

    await r.link.plug();
    // The device side is a separate process's end in real life; here it must reopen too.
    await r.device.close();
    await r.printer.attach(r.device);
    await vi.waitFor(() => expect(r.driver.health.state).toBe('ok'), WAIT);
    expect(await r.driver.print(ticket)).toEqual({ ok: true });
    expect(r.printer.pages.at(-1)?.qrPayloads).toEqual([typicalTicket.qrUrl]);
  });
});
