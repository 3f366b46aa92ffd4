import { describe, it, expect, afterEach, vi } from 'vitest';
import { CallerKeypadDriver } from '../../../hardware/caller/driver';
import type { KeypadKeyEvent } from '../../../hardware/caller/driver';
import { encodeKeypadFrame } from '../../../hardware/caller/frame';
import { KeypadSimulator } from '../../../hardware/caller/simulator';
import { SerialTransport } from '../../../hardware/transport/serial';
import { SocatLink } from '../socat';

const WAIT = { timeout: 10_000, interval: 10 };

interface Rig {
  link: SocatLink;
  device: SerialTransport;
  driver: CallerKeypadDriver;
  simulator: KeypadSimulator;
  keys: KeypadKeyEvent[];
}

const rigs: Rig[] = [];

async function rig(): Promise<Rig> {
  const link = new SocatLink('hk-keypad-pty-');
  const r: Partial<Rig> = { link, keys: [] };
  rigs.push(r as Rig);
  await link.plug();
  const host = new SerialTransport({ path: link.readerPath, baudRate: 9600 });
  const device = new SerialTransport({ path: link.devicePath, baudRate: 9600 });
  const simulator = new KeypadSimulator();
  await simulator.attach(device);
  const driver = new CallerKeypadDriver(host);
  Object.assign(r, { device, simulator, driver });
  const full = r as Rig;
  driver.on('key', (e) => full.keys.push(e));
  await driver.start();
  return full;
}

afterEach(async () => {
  // socat must die whatever happened in the test.
  for (const r of rigs.splice(0)) {
    await r.driver?.stop();
    r.simulator?.detach();
    await r.device?.close();
    await r.link.dispose();
  }
});

describe('CallerKeypadDriver ↔ KeypadSimulator over a socat pty pair (real serialport library)', () => {
  it('key → event and echo; showNumber and beep reach the keypad', async () => {
    const r = await rig();
    expect(r.driver.health.state).toBe('ok');
    r.simulator.press(2, 'call');
    await vi.waitFor(() => expect(r.keys).toEqual([{ address: 2, key: 'call' }]), WAIT);
    await vi.waitFor(() => expect(r.simulator.acknowledged).toBe(1), WAIT);
    r.simulator.press(2, 'resume');
    await vi.waitFor(() => expect(r.keys.at(-1)).toEqual({ address: 2, key: 'resume' }), WAIT);

    await r.driver.showNumber(2, 'B105');
    await r.driver.beep(2);
    await vi.waitFor(() => expect(r.simulator.displayed.get(2)).toBe('   105'), WAIT);
    await vi.waitFor(() => expect(r.simulator.beeps).toEqual([2]), WAIT);
  });

  it('ignores and counts bad-checksum frames and line noise, then reads the next press', async () => {
    const r = await rig();
    const bad = encodeKeypadFrame(2, 0x01, [0x0c]);
    bad[bad.length - 2] = (bad[bad.length - 2] ?? 0) ^ 0xff;
    await r.device.write(Uint8Array.from([0x00, 0x13, ...bad]));
    await vi.waitFor(() => expect(r.driver.health.errorCount).toBe(2), WAIT);
    expect(r.keys).toEqual([]);
    r.simulator.press(2, 'transfer');
    await vi.waitFor(() => expect(r.keys).toEqual([{ address: 2, key: 'transfer' }]), WAIT);
    expect(r.driver.health.state).toBe('ok');
  });
});
