import { afterEach, describe, expect, it } from 'vitest';
import { PrinterDriver } from '../../../hardware/printer/driver';
import { encodeTicket } from '../../../hardware/printer/layouts';
import { VirtualPrinter } from '../../../hardware/printer/virtual-printer';
import { createMemoryLink } from '../../../hardware/transport/memory';
import { waitFor } from '../../support/wait';
import { typicalTicket } from './fixtures';

const ticket = encodeTicket(typicalTicket, { width: 80 });
const drivers: PrinterDriver[] = [];
afterEach(async () => {
  for (const d of drivers.splice(0)) await d.stop();
});

async function rig() {
  const { host, device } = createMemoryLink('printer-asb');
  const printer = new VirtualPrinter();
  await printer.attach(device);
  // A long poll so only the job itself asks for status.
  const driver = new PrinterDriver(host, { statusPollMs: 60_000, commandTimeoutMs: 500, enableAsb: true });
  drivers.push(driver);
  await driver.start();
  return { printer, driver };
}

describe('PrinterDriver with Automatic Status Back', () => {
  it('prints straight away on a good status the printer reported itself (no query before the job)', async () => {
    const { printer, driver } = await rig();
    await waitFor(() => driver.status, 'first ASB');
    const before = printer.statusRequests.length;
    expect(await driver.print(ticket)).toEqual({ ok: true });
    // Only the confirmation after the job: 4 DLE EOT requests, none before it.
    expect(printer.statusRequests.length - before).toBe(4);
  });

  it('learns of an open cover from the printer and refuses the next job', async () => {
    const { printer, driver } = await rig();
    printer.setFault('cover-open');
    await waitFor(() => (driver.status?.coverOpen ? true : undefined), 'ASB cover open');
    expect(await driver.print(ticket)).toMatchObject({ ok: false, reason: 'cover-open' });
    expect(printer.pages).toHaveLength(0);
  });

  it('learns of an empty roll from the printer, as its health, and refuses the next job', async () => {
    const { printer, driver } = await rig();
    const states: string[] = [];
    driver.on('health', (h) => states.push(h.state));
    printer.setFault('paper-end');
    await waitFor(() => (states.includes('paper-end') ? true : undefined), 'ASB paper end');
    expect(await driver.print(ticket)).toMatchObject({ ok: false, reason: 'paper-end' });
  });

  it('asks again when the cached status is bad, so a just-replaced roll prints at once', async () => {
    const { printer, driver } = await rig();
    printer.setFault('cover-open');
    await waitFor(() => (driver.status?.coverOpen ? true : undefined), 'ASB cover open');
    printer.setFault(null); // the ASB saying "closed" is still in flight when print() starts
    expect(await driver.print(ticket)).toEqual({ ok: true });
  });
});
