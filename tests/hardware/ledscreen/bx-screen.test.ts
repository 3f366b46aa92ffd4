import { describe, it, expect, afterEach, vi } from 'vitest';
import { BxLedScreen } from '../../../hardware/ledscreen/bx-screen';
import { encodeTextCommand } from '../../../hardware/ledscreen/bx-commands';
import { encodeBxFrame } from '../../../hardware/ledscreen/bx-link';
import { LedScreenError } from '../../../hardware/ledscreen/screen';
import type { LedScreen } from '../../../hardware/ledscreen/screen';
import { BxScreenSimulator } from '../../../hardware/ledscreen/simulator';
import { createMemoryLink } from '../../../hardware/transport/memory';

const WAIT = { timeout: 5000, interval: 5 };
const cleanups: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function rig(options: { timeoutMs?: number; address?: number; simAddress?: number } = {}) {
  const { host, device } = createMemoryLink('bx');
  const simulator = new BxScreenSimulator(options.simAddress ?? 1);
  await simulator.attach(device);
  const screen = new BxLedScreen(host, { address: options.address ?? 1, timeoutMs: options.timeoutMs ?? 1000 });
  cleanups.push(async () => {
    await screen.close();
    simulator.detach();
  });
  return { host, device, simulator, screen };
}

async function failureOf(promise: Promise<void>): Promise<LedScreenError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof LedScreenError) return error;
    throw error;
  }
  throw new Error('expected a LedScreenError');
}

describe('BxLedScreen ↔ BxScreenSimulator over a memory link', () => {
  it('shows text, resolving after the ack; clear empties the screen', async () => {
    const { simulator, screen } = await rig();
    const asInterface: LedScreen = screen;
    expect(simulator.shown).toBeUndefined();
    await asInterface.showText(['请A012号', '3号窗口']);
    expect(simulator.shown).toEqual(['请A012号', '3号窗口']);
    expect(screen.health).toEqual({ state: 'ok', errorCount: 0 });
    await screen.clear();
    expect(simulator.shown).toEqual([]);
  });

  it('queues commands so each gets its own ack', async () => {
    const { simulator, screen } = await rig();
    await Promise.all([screen.showText(['1']), screen.showText(['2']), screen.showText(['3'])]);
    expect(simulator.history).toEqual([['1'], ['2'], ['3']]);
  });

  it('no ack → typed timeout error, health no-device; recovers when the screen answers again', async () => {
    const { simulator, screen } = await rig({ timeoutMs: 50 });
    simulator.setFault('no-ack');
    const error = await failureOf(screen.showText(['请A012号']));
    expect(error.failure).toEqual({ kind: 'timeout', timeoutMs: 50 });
    expect(screen.health).toMatchObject({ state: 'no-device', errorCount: 1, lastError: { kind: 'timeout' } });
    simulator.setFault(null);
    await screen.showText(['请A013号']);
    expect(screen.health.state).toBe('ok');
    expect(simulator.shown).toEqual(['请A013号']);
  });

  it('an ack with a bad CRC → typed frame error', async () => {
    const { simulator, screen } = await rig();
    simulator.setFault('bad-crc');
    const error = await failureOf(screen.showText(['x']));
    expect(error.failure).toEqual({ kind: 'frame', detail: 'crc' });
    expect(screen.health.state).toBe('error');
  });

  it('the simulator drops (and counts) a command frame with a bad CRC', async () => {
    const { host, simulator } = await rig();
    await host.open();
    const frame = encodeBxFrame({ destination: 1, data: encodeTextCommand({ width: 64, height: 32, lines: ['x'] }) });
    frame[frame.length - 2] = (frame[frame.length - 2] ?? 0) ^ 0x01;
    await host.write(frame);
    await vi.waitFor(() => expect(simulator.crcErrors).toBe(1), WAIT);
    expect(simulator.shown).toBeUndefined();
  });

  it('a screen at another address stays silent → timeout', async () => {
    const { screen, simulator } = await rig({ address: 2, timeoutMs: 50 });
    expect((await failureOf(screen.showText(['x']))).failure.kind).toBe('timeout');
    expect(simulator.shown).toBeUndefined();
  });

  it('broadcast reaches the screen and any ack counts', async () => {
    const { screen, simulator } = await rig({ address: 0xffff });
    await screen.showText(['全部']);
    expect(simulator.shown).toEqual(['全部']);
  });

  it('a closed transport fails as transport, not as a hang', async () => {
    const { host, screen } = await rig();
    await host.open();
    host.fail('unplugged');
    expect((await failureOf(screen.showText(['x']))).failure.kind).toBe('transport');
  });

  it('close() fails a waiting command as closed', async () => {
    const { simulator, screen } = await rig({ timeoutMs: 10_000 });
    simulator.setFault('no-ack');
    const pending = failureOf(screen.showText(['x']));
    await vi.waitFor(() => expect(simulator.history).toHaveLength(1), WAIT);
    await screen.close();
    expect((await pending).failure).toEqual({ kind: 'closed' });
  });
});
