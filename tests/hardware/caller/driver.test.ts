import { describe, it, expect, afterEach, vi } from 'vitest';
import { CallerKeypadDriver } from '../../../hardware/caller/driver';
import type { KeypadKeyEvent } from '../../../hardware/caller/driver';
import { encodeKeypadFrame } from '../../../hardware/caller/frame';
import type { KeypadKey } from '../../../hardware/caller/model';
import { defaultKeypadModel } from '../../../hardware/caller/model';
import { KeypadSimulator } from '../../../hardware/caller/simulator';
import { createMemoryLink } from '../../../hardware/transport/memory';

const WAIT = { timeout: 5000, interval: 5 };

interface Rig {
  driver: CallerKeypadDriver;
  simulator: KeypadSimulator;
  device: ReturnType<typeof createMemoryLink>['device'];
  keys: KeypadKeyEvent[];
  clock: { now: number };
}

const rigs: Rig[] = [];

async function rig(): Promise<Rig> {
  const { host, device } = createMemoryLink('keypad');
  const clock = { now: 0 };
  // A fake clock: de-duplication is decided by it, never by how fast the machine is.
  const driver = new CallerKeypadDriver(host, { now: () => clock.now });
  const simulator = new KeypadSimulator({ retryMs: 20 });
  await simulator.attach(device);
  const r: Rig = { driver, simulator, device, keys: [], clock };
  rigs.push(r);
  driver.on('key', (e) => r.keys.push(e));
  await driver.start();
  return r;
}

afterEach(async () => {
  for (const r of rigs.splice(0)) {
    await r.driver.stop();
    r.simulator.detach();
  }
});

describe('CallerKeypadDriver ↔ KeypadSimulator over a memory link', () => {
  it('reports a key press and echoes the frame back as its acknowledgement', async () => {
    const r = await rig();
    expect(r.driver.health.state).toBe('ok');
    r.simulator.press(3, 'call');
    await vi.waitFor(() => expect(r.keys).toEqual([{ address: 3, key: 'call' }]), WAIT);
    await vi.waitFor(() => expect(r.simulator.acknowledged).toBe(1), WAIT);
    expect(r.simulator.unacknowledged).toBe(0);
    expect(r.simulator.sentFrames).toHaveLength(1);
  });

  it('maps every key of the default model, confirm sub-keys included', async () => {
    const r = await rig();
    const keys: KeypadKey[] = ['call', 'recall', 'evaluate', 'skip', 'hold', 'resume', 'pause', 'transfer'];
    for (const [i, key] of keys.entries()) {
      // Distinct addresses: the same frame within the window would be a duplicate.
      r.simulator.press(i + 1, key);
    }
    await vi.waitFor(() => expect(r.keys).toHaveLength(keys.length), WAIT);
    expect(r.keys).toEqual(keys.map((key, i) => ({ address: i + 1, key })));
  });

  it('showNumber and beep reach the keypad', async () => {
    const r = await rig();
    await r.driver.showNumber(7, 'A012');
    await r.driver.beep(7);
    await r.driver.showNumber(8, '');
    await vi.waitFor(() => expect(r.simulator.beeps).toEqual([7]), WAIT);
    await vi.waitFor(() => expect(r.simulator.displayed.get(8)).toBe('      '), WAIT);
    expect(r.simulator.displayed.get(7)).toBe('   012');
  });

  it('ignores and counts a frame with a bad checksum, then keeps working', async () => {
    const r = await rig();
    const bad = encodeKeypadFrame(1, defaultKeypadModel.keyCommand, [0x0c]);
    bad[bad.length - 2] = 0x00;
    await r.device.write(bad);
    await vi.waitFor(() => expect(r.driver.health.errorCount).toBe(1), WAIT);
    expect(r.driver.health).toMatchObject({ state: 'ok', lastError: expect.stringContaining('checksum') });
    expect(r.keys).toEqual([]);
    expect(r.simulator.acknowledged).toBe(0); // a bad frame is not echoed
    r.simulator.press(1, 'recall');
    await vi.waitFor(() => expect(r.keys).toEqual([{ address: 1, key: 'recall' }]), WAIT);
  });

  it('with garbage and corrupted copies on the line, every press still arrives once', async () => {
    const r = await rig();
    r.simulator.setFault('garbage');
    r.simulator.press(1, 'call');
    r.simulator.press(2, 'pause');
    await vi.waitFor(() => expect(r.keys).toHaveLength(2), WAIT);
    await vi.waitFor(() => expect(r.simulator.acknowledged).toBe(2), WAIT);
    // Per frame: one garbage report and one checksum error.
    expect(r.driver.health.errorCount).toBe(4);
  });

  it('a press whose echo is lost is retransmitted three times and reported once', async () => {
    const r = await rig();
    r.simulator.setFault('no-ack');
    r.simulator.press(4, 'skip');
    await vi.waitFor(() => expect(r.simulator.sentFrames).toHaveLength(4), WAIT);
    await vi.waitFor(() => expect(r.driver.duplicateCount).toBe(3), WAIT);
    expect(r.keys).toEqual([{ address: 4, key: 'skip' }]);
    expect(r.simulator.acknowledged).toBe(0);
  });

  it('the same frame after the de-duplication window is a new press', async () => {
    const r = await rig();
    r.simulator.press(1, 'call');
    await vi.waitFor(() => expect(r.simulator.acknowledged).toBe(1), WAIT);
    r.clock.now += 100; // inside the window: a bounce, dropped
    r.simulator.press(1, 'call');
    await vi.waitFor(() => expect(r.simulator.acknowledged).toBe(2), WAIT);
    r.clock.now += 300; // the window slid to the bounce; this is past it
    r.simulator.press(1, 'call');
    await vi.waitFor(() => expect(r.simulator.acknowledged).toBe(3), WAIT);
    expect(r.keys).toHaveLength(2);
  });

  it('a key frame held back by a corrupted header is found once the line goes quiet', async () => {
    const r = await rig();
    const call = encodeKeypadFrame(6, defaultKeypadModel.keyCommand, [0x0c]);
    await r.device.write(Uint8Array.from([0xff, 0x68, 0x40, 0x40, 0x68, ...call]));
    await vi.waitFor(() => expect(r.keys).toEqual([{ address: 6, key: 'call' }]), WAIT);
    await vi.waitFor(() => expect(r.simulator.acknowledged).toBe(1), WAIT);
  });

  it('echoes but does not report a key code the model does not know', async () => {
    const r = await rig();
    const unknown = encodeKeypadFrame(1, defaultKeypadModel.keyCommand, [0x77]);
    await r.device.write(unknown);
    await vi.waitFor(() => expect(r.driver.health.lastError).toBe('unknown key code 77'), WAIT);
    expect(r.keys).toEqual([]);
  });

  it('does not echo frames that are not key frames (no ping-pong with a keypad that echoes ours)', async () => {
    const r = await rig();
    const heard: Uint8Array[] = [];
    r.device.onData((c) => heard.push(c));
    await r.device.write(encodeKeypadFrame(1, defaultKeypadModel.showCommand, [1, 2, 3, 4, 5, 6]));
    r.simulator.press(1, 'call');
    await vi.waitFor(() => expect(r.keys).toHaveLength(1), WAIT);
    await vi.waitFor(() => expect(heard).toHaveLength(1), WAIT);
  });

  it('reports transport loss in health, and a failed write rejects and counts', async () => {
    const { host, device } = createMemoryLink('keypad-loss');
    const driver = new CallerKeypadDriver(host);
    const states: string[] = [];
    driver.on('health', (h) => states.push(h.state));
    await driver.start();
    host.fail('unplugged');
    expect(driver.health).toMatchObject({ state: 'no-device', lastError: 'transport failed: unplugged' });
    await expect(driver.beep(1)).rejects.toThrow(/not open/);
    expect(driver.health.state).toBe('error');
    await host.open();
    expect(driver.health.state).toBe('ok');
    await driver.stop();
    expect(states).toEqual(['ok', 'no-device', 'error', 'ok', 'no-device']);
    await device.close();
  });

  it('a throwing key listener does not stop the driver', async () => {
    const r = await rig();
    r.driver.on('key', () => {
      throw new Error('listener bug');
    });
    r.simulator.press(1, 'call');
    r.simulator.press(2, 'call');
    await vi.waitFor(() => expect(r.keys).toHaveLength(2), WAIT);
  });
});
