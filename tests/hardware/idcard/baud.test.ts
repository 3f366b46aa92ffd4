import { describe, it, expect, afterEach, vi } from 'vitest';
import { createMemoryLink } from '../../../hardware/transport/memory';
import type { Transport } from '../../../hardware/transport/types';
import type { IdCard } from '../../../hardware/idcard/card-types';
import { encodeCommand } from '../../../hardware/idcard/frame';
import type { IdCardReaderOptions } from '../../../hardware/idcard/reader';
import { IdCardReader } from '../../../hardware/idcard/reader';
import { wireTimeMs } from '../../../hardware/common/wire-time';
import { IdCardSimulator } from '../../../hardware/idcard/simulator';
import { simulatedCards } from '../../../hardware/idcard/simulated-cards';

const WAIT = { timeout: 5000, interval: 5 };
const FAST: IdCardReaderOptions = { pollIntervalMs: 10, commandTimeoutMs: 100 };
const cleanups: (() => Promise<void> | void)[] = [];

async function rig(options: IdCardReaderOptions, wrap: (host: Transport) => Transport = (t) => t) {
  const link = createMemoryLink('idcard-baud');
  const simulator = new IdCardSimulator();
  await simulator.attach(link.device);
  const reader = new IdCardReader(wrap(link.host), { ...FAST, ...options });
  const cards: IdCard[] = [];
  reader.on('card', (c) => cards.push(c));
  cleanups.push(async () => {
    await reader.stop();
    simulator.detach();
  });
  return { ...link, simulator, reader, cards };
}

/** The host end with setBaudRate replaced (or removed), for the failure paths. */
function withSetBaud(host: Transport, setBaudRate: ((baud: number) => Promise<void>) | undefined): Transport {
  return {
    kind: host.kind,
    address: host.address,
    get status() {
      return host.status;
    },
    get baudRate() {
      return host.baudRate;
    },
    open: () => host.open(),
    close: () => host.close(),
    write: (data) => host.write(data),
    onData: (l) => host.onData(l),
    onStatus: (l) => host.onStatus(l),
    ...(setBaudRate ? { setBaudRate } : {}),
  };
}

afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

describe('baud negotiation over a memory link', () => {
  it('switches SAM and both ends when asked for a different rate', async () => {
    const r = await rig({ baudRate: 57600 });
    await r.reader.start();
    expect(r.simulator.received.slice(0, 3)).toEqual(['sam-status', 'read-sam-id', 'set-baud']);
    expect(r.host.baudChanges).toEqual([57600]);
    await vi.waitFor(() => expect(r.device.baudChanges).toEqual([57600]), WAIT);
    expect(r.simulator.baudRate).toBe(57600);
    expect(r.reader.health).toMatchObject({ state: 'ok', baudRate: 57600, errorCount: 0 });
    r.simulator.placeCard(simulatedCards.liXiaohong);
    await vi.waitFor(() => expect(r.cards).toHaveLength(1), WAIT);
  });

  it('sends nothing when the transport is already at the rate', async () => {
    const r = await rig({ baudRate: 115200 });
    await r.reader.start();
    expect(r.simulator.received).not.toContain('set-baud');
    expect(r.host.baudChanges).toEqual([]);
  });

  it('keeps the old rate and reports "refused" when the SAM answers other than 90', async () => {
    const r = await rig({ baudRate: 19200 });
    r.simulator.setFault('refuse-baud');
    await r.reader.start();
    expect(r.host.baudChanges).toEqual([]);
    expect(r.simulator.baudRate).toBe(115200);
    expect(r.reader.health).toMatchObject({
      state: 'ok',
      errorCount: 1,
      baudRate: 115200,
      lastError: { kind: 'baud', requested: 19200, current: 115200, failure: 'refused' },
    });
    r.simulator.setFault(null);
    r.simulator.placeCard(simulatedCards.zhangSan);
    await vi.waitFor(() => expect(r.cards).toHaveLength(1), WAIT);
    // Not retried on every poll.
    expect(r.simulator.received.filter((c) => c === 'set-baud')).toHaveLength(1);
  });

  it('reports "no-reply" when set-baud goes unanswered', async () => {
    const r = await rig({ baudRate: 9600 });
    await r.host.open();
    // Answer the handshake, then stop answering just before set-baud.
    const off = r.device.onData(() => {
      if (r.simulator.received.length >= 2) r.simulator.setFault('unplug');
    });
    await r.reader.start();
    off();
    expect(r.reader.health.lastError).toMatchObject({ kind: 'baud', failure: 'no-reply', detail: 'timeout' });
    expect(r.host.baudChanges).toEqual([]);
  });

  it('reports "unsupported-transport" for a transport without setBaudRate', async () => {
    const r = await rig({ baudRate: 38400 }, (host) => withSetBaud(host, undefined));
    await r.reader.start();
    expect(r.simulator.received).not.toContain('set-baud');
    expect(r.reader.health.lastError).toMatchObject({ kind: 'baud', failure: 'unsupported-transport' });
  });

  it('reports "transport" when the SAM switched but the port could not follow', async () => {
    const r = await rig({ baudRate: 38400 }, (host) => withSetBaud(host, () => Promise.reject(new Error('EINVAL'))));
    await r.reader.start();
    expect(r.reader.health.lastError).toMatchObject({ kind: 'baud', failure: 'transport', detail: 'EINVAL' });
    expect(r.reader.health.baudRate).toBe(115200);
  });

  it('the simulator answers set-baud first, then switches its pacing and its transport end', async () => {
    const { host, device } = createMemoryLink('idcard-pace');
    const simulator = new IdCardSimulator({ paceBaud: 115200 });
    cleanups.push(() => simulator.detach());
    await simulator.attach(device);
    await host.open();
    const got: Uint8Array[] = [];
    host.onData((c) => got.push(c));
    // The rate the simulator is at when it writes each reply (the link delivers a write a turn
    // after it resolves, so the host's side cannot tell the order).
    const writtenAt: number[] = [];
    const write = device.write.bind(device);
    device.write = (data) => {
      writtenAt.push(simulator.baudRate);
      return write(data);
    };
    await host.write(encodeCommand({ name: 'set-baud', baud: 9600 }));
    await vi.waitFor(() => expect(got).toHaveLength(1), WAIT);
    await vi.waitFor(() => expect(simulator.baudRate).toBe(9600), WAIT);
    expect(writtenAt).toEqual([115200]);
    // Its own end switches when the next command proves the host got the reply.
    expect(device.baudChanges).toEqual([]);
    await host.write(encodeCommand('sam-status'));
    await vi.waitFor(() => expect(got).toHaveLength(2), WAIT);
    expect(device.baudChanges).toEqual([9600]);
    expect(wireTimeMs(1152, 115200)).toBeCloseTo(100, 6);
  });
});
