import { describe, it, expect, afterEach, vi } from 'vitest';
import { createMemoryLink } from '../../../hardware/transport/memory';
import type { MemoryTransport } from '../../../hardware/transport/memory';
import type { IdCard } from '../../../hardware/idcard/card-types';
import type { IdCardReaderError, IdCardReaderHealth, IdCardReaderOptions } from '../../../hardware/idcard/reader';
import { IdCardReader } from '../../../hardware/idcard/reader';
import { IdCardSimulator } from '../../../hardware/idcard/simulator';
import { simulatedCards } from '../../../hardware/idcard/simulated-cards';

interface Rig {
  host: MemoryTransport;
  device: MemoryTransport;
  simulator: IdCardSimulator;
  reader: IdCardReader;
  cards: IdCard[];
  removed: number;
  health: IdCardReaderHealth[];
  readErrors: IdCardReaderError[];
}

const running: Rig[] = [];
const FAST: IdCardReaderOptions = { pollIntervalMs: 10, commandTimeoutMs: 40 };
const WAIT = { timeout: 5000, interval: 5 };

async function rig(options: IdCardReaderOptions = FAST): Promise<Rig> {
  const { host, device } = createMemoryLink('idcard-reader');
  const simulator = new IdCardSimulator();
  await simulator.attach(device);
  const reader = new IdCardReader(host, options);
  const r: Rig = { host, device, simulator, reader, cards: [], removed: 0, health: [], readErrors: [] };
  reader.on('card', (card) => r.cards.push(card));
  reader.on('removed', () => {
    r.removed += 1;
  });
  reader.on('health', (h) => r.health.push(h));
  reader.on('readError', (e) => r.readErrors.push(e));
  running.push(r);
  return r;
}

/** Lets the reader run a number of whole polls (find commands) before continuing. */
async function polls(r: Rig, count: number): Promise<void> {
  const target = r.simulator.received.filter((c) => c === 'find-card').length + count;
  await vi.waitFor(
    () => expect(r.simulator.received.filter((c) => c === 'find-card').length).toBeGreaterThanOrEqual(target),
    WAIT,
  );
}

afterEach(async () => {
  for (const r of running.splice(0)) {
    await r.reader.stop();
    r.simulator.detach();
  }
});

describe('IdCardReader over the simulator', () => {
  it('handshakes with the SAM on start', async () => {
    const r = await rig();
    await r.reader.start();
    expect(r.reader.health).toMatchObject({ state: 'ok', errorCount: 0 });
    expect(r.reader.health.samId).toMatch(/^\d{2}\.\d{2}-/);
    expect(r.simulator.received.slice(0, 2)).toEqual(['sam-status', 'read-sam-id']);
  });

  it('emits a card once while it lies there, then removed', async () => {
    const r = await rig();
    await r.reader.start();
    await polls(r, 2);
    expect(r.cards).toEqual([]);

    r.simulator.placeCard(simulatedCards.zhangSan);
    await vi.waitFor(() => expect(r.cards).toHaveLength(1), WAIT);
    const [card] = r.cards;
    expect(card?.kind).toBe('resident');
    expect(card?.name).toBe('张三');
    expect(card?.idNumber).toBe('110105198503150019');

    await polls(r, 5);
    expect(r.cards).toHaveLength(1);
    expect(r.simulator.received.filter((c) => c === 'read-text-photo')).toHaveLength(1);

    r.simulator.removeCard();
    await vi.waitFor(() => expect(r.removed).toBe(1), WAIT);
    expect(r.reader.hasCard).toBe(false);

    r.simulator.placeCard(simulatedCards.foreignSample2023);
    await vi.waitFor(() => expect(r.cards).toHaveLength(2), WAIT);
    expect(r.cards[1]?.kind).toBe('foreign2023');
    expect(r.reader.health.errorCount).toBe(0);
  });

  it('does not report removal before N consecutive misses', async () => {
    const r = await rig({ ...FAST, removalAfterMisses: 1000 });
    r.simulator.placeCard(simulatedCards.liXiaohong);
    await r.reader.start();
    await vi.waitFor(() => expect(r.cards).toHaveLength(1), WAIT);
    r.simulator.removeCard();
    await polls(r, 4);
    expect(r.removed).toBe(0);
  });

  it('counts checksum errors in health and keeps going', async () => {
    const r = await rig();
    await r.reader.start();
    r.simulator.setFault('checksum-error');
    await vi.waitFor(() => expect(r.reader.health.errorCount).toBeGreaterThanOrEqual(2), WAIT);
    expect(r.reader.health.lastError).toMatchObject({ kind: 'frame', error: { kind: 'checksum' } });
    expect(r.reader.health.state).toBe('error');

    r.simulator.setFault(null);
    r.simulator.placeCard(simulatedCards.hkChenDawen);
    await vi.waitFor(() => expect(r.cards).toHaveLength(1), WAIT);
    expect(r.cards[0]?.kind).toBe('hmt');
    expect(r.reader.health.state).toBe('ok');
  });

  it('copes with garbage before replies', async () => {
    const r = await rig();
    r.simulator.setFault({ mode: 'garbage', bytes: 13 });
    r.simulator.placeCard(simulatedCards.foreignSample2017);
    await r.reader.start();
    await vi.waitFor(() => expect(r.cards).toHaveLength(1), WAIT);
    expect(r.cards[0]?.kind).toBe('foreign2017');
  });

  it('counts a reply slower than the timeout as a timeout and keeps polling', async () => {
    const r = await rig({ ...FAST, noDeviceAfterTimeouts: 1000 });
    await r.reader.start();
    r.simulator.setFault({ mode: 'slow-reply', delayMs: 150 });
    await vi.waitFor(() => expect(r.reader.health.lastError?.kind).toBe('timeout'), WAIT);
    const before = r.reader.health.errorCount;
    await vi.waitFor(() => expect(r.reader.health.errorCount).toBeGreaterThan(before), WAIT);

    r.simulator.setFault(null);
    r.simulator.placeCard(simulatedCards.elderWangJianguo);
    await vi.waitFor(() => expect(r.cards).toHaveLength(1), WAIT);
    expect(r.cards[0]?.birthDate).toBe('1950-01-01');
    expect(r.cards[0]?.validTo).toBe('long-term');
  });

  it('reports no-device when the reader is unplugged and recovers when it is back', async () => {
    const r = await rig();
    await r.reader.start();
    r.simulator.setFault('unplug');
    await vi.waitFor(() => expect(r.reader.health.state).toBe('no-device'), WAIT);
    expect(r.reader.health.lastError?.kind).toBe('timeout');

    r.simulator.setFault(null);
    await vi.waitFor(() => expect(r.reader.health.state).toBe('ok'), WAIT);
    r.simulator.placeCard(simulatedCards.zhaoXiaoman);
    await vi.waitFor(() => expect(r.cards).toHaveLength(1), WAIT);
  });

  it('reports no-device when start cannot open the transport', async () => {
    const r = await rig();
    r.host.open = () => Promise.reject(new Error('ENOENT /dev/ttyUSB9'));
    await r.reader.start();
    expect(r.reader.health).toMatchObject({ state: 'no-device', errorCount: 1, lastError: { kind: 'transport' } });
  });

  it('emits readError for a card that cannot be read, without marking the reader unhealthy', async () => {
    const r = await rig();
    await r.reader.start();
    r.simulator.setFault('read-failure');
    r.simulator.placeCard(simulatedCards.twLinMeiling);
    await vi.waitFor(() => expect(r.readErrors.length).toBeGreaterThanOrEqual(1), WAIT);
    expect(r.readErrors[0]).toMatchObject({ kind: 'status', command: 'read-text-photo', status: { code: 'read-failed' } });
    expect(r.reader.health.state).toBe('ok');
    expect(r.cards).toEqual([]);

    r.simulator.setFault(null);
    await vi.waitFor(() => expect(r.cards).toHaveLength(1), WAIT);
  });

  it('emits readError for a card whose text does not parse', async () => {
    const r = await rig();
    await r.reader.start();
    r.simulator.placeCard({ ...simulatedCards.zhangSan, idNumber: '110105198503150018' });
    await vi.waitFor(() => expect(r.readErrors.length).toBeGreaterThanOrEqual(1), WAIT);
    expect(r.readErrors[0]).toEqual({ kind: 'parse', error: { kind: 'invalid-id-number', problem: 'check-digit' } });
  });

  it('keeps exactly one command in flight', async () => {
    const r = await rig();
    let inFlight = 0;
    let maxInFlight = 0;
    const write = r.host.write.bind(r.host);
    r.host.write = async (data) => {
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await write(data);
    };
    r.device.onData(() => undefined);
    r.host.onData(() => {
      inFlight = Math.max(0, inFlight - 1);
    });
    r.simulator.placeCard(simulatedCards.zhangSan);
    await r.reader.start();
    await vi.waitFor(() => expect(r.cards).toHaveLength(1), WAIT);
    await polls(r, 3);
    expect(maxInFlight).toBe(1);
  });

  it('stop() leaves no timers behind and closes the transport', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const r = await rig({ pollIntervalMs: 10, commandTimeoutMs: 1000 });
      r.simulator.setFault('unplug');
      const started = r.reader.start();
      // The SAM status command waits for a reply that never comes: a timeout timer is pending.
      await vi.waitFor(() => expect(vi.getTimerCount()).toBe(1), WAIT);
      await r.reader.stop();
      await started;
      expect(vi.getTimerCount()).toBe(0);
      expect(r.host.status.state).toBe('closed');
      await Promise.resolve();
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('stop() during polling halts polling', async () => {
    const r = await rig();
    await r.reader.start();
    await polls(r, 2);
    await r.reader.stop();
    const count = r.simulator.received.length;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(r.simulator.received.length).toBe(count);
  });

  it('a throwing listener does not stop the driver', async () => {
    const errors: unknown[] = [];
    const r = await rig({ ...FAST, onListenerError: (e) => errors.push(e) });
    r.reader.on('card', () => {
      throw new Error('listener bug');
    });
    r.simulator.placeCard(simulatedCards.zhangSan);
    await r.reader.start();
    await vi.waitFor(() => expect(r.cards).toHaveLength(1), WAIT);
    expect(errors).toHaveLength(1);
    r.simulator.removeCard();
    await vi.waitFor(() => expect(r.removed).toBe(1), WAIT);
  });
});
