import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IdCardSimulator, simulatedCards } from '../../../hardware/idcard';
import { SerialTransport } from '../../../hardware/transport/serial';
import { SocatLink } from '../../hardware/socat';
import { startTestHost, type TestHost } from '../../support/test-host';
import { waitFor } from '../../support/wait';

/**
 * A host configured with a serial ID card reader: a socat pty pair stands in
 * for the USB-serial cable, and the simulator answers real SAM bytes on the far end.
 */
describe('host with a serial ID card reader', () => {
  const link = new SocatLink('host-serial-');
  const simulator = new IdCardSimulator();
  let simulatorEnd: SerialTransport;
  let host: TestHost;

  beforeAll(async () => {
    await link.plug();
    simulatorEnd = new SerialTransport({ path: link.devicePath, baudRate: 115200 });
    await simulator.attach(simulatorEnd);
    host = await startTestHost({
      config: {
        devices: [
          {
            id: 'reader-com1',
            kind: 'idcard',
            transport: { type: 'serial', path: link.readerPath, baudRate: 115200 },
            pollIntervalMs: 20,
          },
        ],
      },
    });
  });
  afterAll(async () => {
    await host?.dispose();
    simulator.detach();
    await simulatorEnd?.close();
    await link.dispose();
  });

  it('reads a card through the real serialport library into a masked identity session', async () => {
    await waitFor(() => (host.devices.health()[0]?.state === 'ok' ? true : undefined), 'reader ok', 10_000);
    expect(host.devices.health()[0]).toMatchObject({ id: 'reader-com1', simulated: false });
    expect(host.devices.hasSimulators()).toBe(false);
    simulator.placeCard(simulatedCards.liXiaohong);
    const view = await waitFor(() => host.identity.view() ?? undefined, 'identity', 10_000);
    expect(view.maskedName).toBe('李**');
    simulator.removeCard();
    await waitFor(() => (host.identity.view() === null ? true : undefined), 'session end', 10_000);
  });
});
