import type { DeviceConfig } from '../../contracts/config';
import { HidTransport, nodeHidOpener } from '../../hardware/transport/hid';
import { createMemoryLink } from '../../hardware/transport/memory';
import { SerialTransport } from '../../hardware/transport/serial';
import type { Transport } from '../../hardware/transport/types';

export interface DeviceTransport {
  /** The end the driver talks through. */
  transport: Transport;
  /** For `simulated` devices: the far end, where the device's simulator answers. */
  simulatorEnd?: Transport;
}

/** Turns a device's transport config into a transport (and a simulator end when simulated). */
export function createDeviceTransport(config: DeviceConfig, defaultBaud: number): DeviceTransport {
  const t = config.transport;
  if (t.type === 'simulated') {
    const link = createMemoryLink(config.id);
    return { transport: link.host, simulatorEnd: link.device };
  }
  if (t.type === 'serial') {
    // A config written without a baud gets the kind's factory default, which each device
    // passes in (readers and printers 115200; keypads, LED screens and scanners 9600).
    return { transport: new SerialTransport({ path: t.path, baudRate: t.baudRate ?? defaultBaud }) };
  }
  return {
    transport: new HidTransport({ vendorId: t.vendorId, productId: t.productId, opener: nodeHidOpener(t.vendorId, t.productId) }),
  };
}
