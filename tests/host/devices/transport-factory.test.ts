import { describe, expect, it } from 'vitest';
import { DeviceConfig } from '../../../contracts/config';
import { createDeviceTransport } from '../../../host/devices/transport-factory';

describe('a serial device configured without a baud rate', () => {
  it('opens at its kind’s factory default, and at the configured rate when one is given', async () => {
    const keypad = DeviceConfig.parse({ id: 'keypad-1', kind: 'caller', transport: { type: 'serial', path: '/dev/ttyUSB2' } });
    expect(keypad.transport).toEqual({ type: 'serial', path: '/dev/ttyUSB2' });
    const atDefault = createDeviceTransport(keypad, 9600).transport;
    expect(atDefault.baudRate).toBe(9600);
    const fast = DeviceConfig.parse({ ...keypad, transport: { type: 'serial', path: '/dev/ttyUSB2', baudRate: 19200 } });
    expect(createDeviceTransport(fast, 9600).transport.baudRate).toBe(19200);
    await atDefault.close();
  });
});
