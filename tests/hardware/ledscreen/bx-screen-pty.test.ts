import { describe, it, expect, afterEach } from 'vitest';
import { BxLedScreen } from '../../../hardware/ledscreen/bx-screen';
import { LedScreenError } from '../../../hardware/ledscreen/screen';
import { BxScreenSimulator } from '../../../hardware/ledscreen/simulator';
import { SerialTransport } from '../../../hardware/transport/serial';
import { SocatLink } from '../socat';

const cleanups: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  // socat must die whatever happened in the test.
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function rig() {
  const link = new SocatLink('hk-bx-pty-');
  cleanups.push(() => link.dispose());
  await link.plug();
  const host = new SerialTransport({ path: link.readerPath, baudRate: 9600 });
  const device = new SerialTransport({ path: link.devicePath, baudRate: 9600 });
  const simulator = new BxScreenSimulator(1);
  await simulator.attach(device);
  const screen = new BxLedScreen(host, { address: 1, timeoutMs: 500 });
  cleanups.push(async () => {
    await screen.close();
    simulator.detach();
    await device.close();
  });
  return { simulator, screen };
}

describe('BxLedScreen ↔ BxScreenSimulator over a socat pty pair (real serialport library)', () => {
  it('showText arrives in GB18030 and is acknowledged', async () => {
    const { simulator, screen } = await rig();
    await screen.showText(['请A012号', '3号窗口']);
    expect(simulator.shown).toEqual(['请A012号', '3号窗口']);
    expect(screen.health.state).toBe('ok');
  });

  it('no ack → typed timeout', async () => {
    const { simulator, screen } = await rig();
    simulator.setFault('no-ack');
    const error = await screen.showText(['请A012号']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LedScreenError);
    expect(error instanceof LedScreenError && error.failure).toEqual({ kind: 'timeout', timeoutMs: 500 });
    // The screen still took the text; only its answer was lost.
    expect(simulator.shown).toEqual(['请A012号']);
  });
});
