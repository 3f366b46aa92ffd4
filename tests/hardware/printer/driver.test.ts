import { describe, it, expect, afterEach, vi } from 'vitest';
import { PrinterDriver } from '../../../hardware/printer/driver';
import type { PrinterDriverOptions, PrinterHealth } from '../../../hardware/printer/driver';
import { encodeTicket } from '../../../hardware/printer/layouts';
import { VirtualPrinter } from '../../../hardware/printer/virtual-printer';
import { createMemoryLink } from '../../../hardware/transport/memory';
import { typicalTicket } from './fixtures';

const WAIT = { timeout: 10_000, interval: 10 };
const ticket = encodeTicket(typicalTicket, { width: 58 });

const drivers: PrinterDriver[] = [];
afterEach(async () => {
  for (const d of drivers.splice(0)) await d.stop();
});

async function rig(options: PrinterDriverOptions = {}) {
  const { host, device } = createMemoryLink('printer');
  const printer = new VirtualPrinter();
  await printer.attach(device);
  const driver = new PrinterDriver(host, { statusPollMs: 50, commandTimeoutMs: 300, ...options });
  drivers.push(driver);
  const health: PrinterHealth[] = [];
  driver.on('health', (h) => health.push(h));
  await driver.start();
  return { host, device, printer, driver, health };
}

describe('PrinterDriver ↔ VirtualPrinter over a memory link', () => {
  it('starts healthy, prints a ticket and the printer sees one page', async () => {
    const r = await rig();
    expect(r.driver.health.state).toBe('ok');
    expect(r.driver.status).toMatchObject({ online: true, paper: 'ok', coverOpen: false });
    expect(await r.driver.print(ticket)).toEqual({ ok: true });
    expect(r.printer.pages).toHaveLength(1);
    expect(r.printer.pages[0]?.lines.map((l) => l.text)).toContain('A023');
    expect(r.printer.pages[0]?.qrPayloads).toEqual([typicalTicket.qrUrl]);
  });

  it('prints queued jobs one at a time, in order', async () => {
    const r = await rig();
    const numbers = ['A001', 'A002', 'A003'];
    const results = await Promise.all(
      numbers.map((number) => r.driver.print(encodeTicket({ ...typicalTicket, number }, { width: 80 }))),
    );
    expect(results).toEqual(numbers.map(() => ({ ok: true })));
    expect(r.printer.pages.map((p) => p.lines.find((l) => l.width === 4)?.text)).toEqual(numbers);
  });

  it('reports paper running out mid-ticket as paper-end, never as printed, and recovers', async () => {
    const r = await rig();
    r.printer.setFault('paper-end-mid-job');
    expect(await r.driver.print(ticket)).toMatchObject({ ok: false, reason: 'paper-end' });
    expect(r.printer.pages).toHaveLength(0);
    expect(r.driver.health.state).toBe('paper-end');
    expect(await r.driver.print(ticket)).toMatchObject({ ok: false, reason: 'paper-end' });

    r.printer.setFault(null);
    // The printer finishes the held half ticket (as a real one does); its late fence must not confirm the next job.
    await vi.waitFor(() => expect(r.printer.pages).toHaveLength(1), WAIT);
    expect(await r.driver.print(encodeTicket({ ...typicalTicket, number: 'A024' }, { width: 58 }))).toEqual({ ok: true });
    expect(r.printer.pages.at(-1)?.lines.map((l) => l.text)).toContain('A024');
    expect(r.driver.health.state).toBe('ok');
  });

  it('refuses to print with the cover open, and paper near end only warns', async () => {
    const r = await rig();
    r.printer.setFault('cover-open');
    expect(await r.driver.print(ticket)).toMatchObject({ ok: false, reason: 'cover-open' });
    expect(r.printer.pages).toHaveLength(0);
    expect(r.driver.health.state).toBe('cover-open');
    r.printer.setFault('paper-near-end');
    expect(await r.driver.print(ticket)).toEqual({ ok: true });
    expect(r.driver.health.state).toBe('paper-near-end');
  });

  it('refuses an offline printer', async () => {
    const r = await rig();
    r.printer.setFault('offline');
    expect(await r.driver.print(ticket)).toMatchObject({ ok: false, reason: 'offline' });
    await vi.waitFor(() => expect(r.driver.health.state).toBe('offline'), WAIT);
  });

  it('unplug: offline with health no-device, then recovery', async () => {
    const r = await rig();
    r.printer.setFault('unplug');
    expect(await r.driver.print(ticket)).toMatchObject({ ok: false, reason: 'offline' });
    expect(r.driver.health).toMatchObject({ state: 'no-device' });
    expect(r.driver.health.errorCount).toBeGreaterThan(0);
    r.printer.setFault(null);
    await vi.waitFor(() => expect(r.driver.health.state).toBe('ok'), WAIT);
    expect(await r.driver.print(ticket)).toEqual({ ok: true });
    expect(r.printer.pages).toHaveLength(1);
  });

  it('a failed link fails the job as transport and shows no-device', async () => {
    const r = await rig();
    r.host.fail('cable pulled');
    expect(await r.driver.print(ticket)).toMatchObject({ ok: false, reason: 'transport' });
    expect(r.driver.health.state).toBe('no-device');
    // The poll reopens a failed memory end.
    await vi.waitFor(() => expect(r.driver.health.state).toBe('ok'), WAIT);
  });

  it('follows Automatic Status Back when enabled', async () => {
    const r = await rig({ enableAsb: true, statusPollMs: 60_000 });
    const statuses: string[] = [];
    r.driver.on('status', (s) => statuses.push(s.paper));
    r.printer.setFault('paper-near-end');
    await vi.waitFor(() => expect(r.driver.status?.paper).toBe('near-end'), WAIT);
    expect(statuses).toEqual(['near-end']);
  });

  it('stop() fails queued jobs and leaves no waiters', async () => {
    const r = await rig();
    r.printer.setFault('unplug');
    const job = r.driver.print(ticket);
    await r.driver.stop();
    expect(await job).toMatchObject({ ok: false });
    expect(await r.driver.print(ticket)).toMatchObject({ ok: false, reason: 'transport' });
  });
});
