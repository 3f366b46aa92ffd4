import { describe, it, expect, afterEach, vi } from 'vitest';
import type { IdCard } from '../../../hardware/idcard/card-types';
import type { IdCardReaderHealth, IdCardReaderOptions } from '../../../hardware/idcard/reader';
import { IdCardReader } from '../../../hardware/idcard/reader';
import { IdCardSimulator } from '../../../hardware/idcard/simulator';
import { simulatedCards } from '../../../hardware/idcard/simulated-cards';
import { SerialTransport } from '../../../hardware/transport/serial';
import { SocatLink } from '../socat';

/** Generous: a replugged pty is reopened within ~2 s; this only bounds a hang. */
const WAIT = { timeout: 10_000, interval: 10 };

interface Rig {
  link: SocatLink;
  host: SerialTransport;
  device: SerialTransport;
  simulator: IdCardSimulator;
  reader: IdCardReader;
  cards: IdCard[];
  removed: number;
  health: IdCardReaderHealth[];
}

const rigs: Rig[] = [];

async function rig(options: IdCardReaderOptions = {}): Promise<Rig> {
  const link = new SocatLink('hk-reader-pty-');
  const r: Partial<Rig> = { link };
  rigs.push(r as Rig);
  await link.plug();
  const host = new SerialTransport({ path: link.readerPath });
  const device = new SerialTransport({ path: link.devicePath });
  const simulator = new IdCardSimulator();
  await simulator.attach(device);
  const reader = new IdCardReader(host, { pollIntervalMs: 20, commandTimeoutMs: 1000, ...options });
  Object.assign(r, { host, device, simulator, reader, cards: [], removed: 0, health: [] });
  const full = r as Rig;
  reader.on('card', (card) => full.cards.push(card));
  reader.on('removed', () => {
    full.removed += 1;
  });
  reader.on('health', (h) => full.health.push(h));
  return full;
}

afterEach(async () => {
  // socat must die whatever happened in the test.
  for (const r of rigs.splice(0)) {
    await r.reader?.stop();
    r.simulator?.detach();
    await r.device?.close();
    await r.link.dispose();
  }
});

describe('IdCardReader ↔ IdCardSimulator over a socat pty pair (real serialport library)', () => {
  it('reads a card, reports removal, survives unplug and replug, and reads again', async () => {
    const r = await rig();
    await r.reader.start();
    expect(r.reader.health.state).toBe('ok');

    r.simulator.placeCard(simulatedCards.zhangSan);
    await vi.waitFor(() => expect(r.cards).toHaveLength(1), WAIT);
    expect(r.cards[0]).toMatchObject({
      kind: 'resident',
      name: '张三',
      idNumber: '110105198503150019',
      gender: { code: '1' },
      nation: { code: '01' },
    });

    r.simulator.removeCard();
    await vi.waitFor(() => expect(r.removed).toBe(1), WAIT);
    expect(r.cards).toHaveLength(1);

    r.simulator.placeCard(simulatedCards.hkChenDawen);
    await vi.waitFor(() => expect(r.cards).toHaveLength(2), WAIT);
    expect(r.cards[1]?.kind).toBe('hmt');

    // Unplug: the reader goes away with the card still on it.
    await r.link.unplug();
    await vi.waitFor(() => expect(r.reader.health.state).toBe('no-device'), WAIT);
    expect(r.host.status.state).toBe('reconnecting');
    expect(r.removed).toBe(2);

    // Replug: same link names, new ptys behind them.
    await r.link.plug();
    await vi.waitFor(() => expect(r.reader.health.state).toBe('ok'), WAIT);
    expect(r.host.status.state).toBe('open');
    await vi.waitFor(() => expect(r.cards).toHaveLength(3), WAIT);
    expect(r.cards[2]?.kind).toBe('hmt');
  });

  it('negotiates 38400 baud with the simulator over the pty and keeps reading', async () => {
    const r = await rig({ baudRate: 38400 });
    await r.reader.start();
    expect(r.reader.health.lastError).toBeUndefined();
    expect(r.reader.health).toMatchObject({ state: 'ok', baudRate: 38400, errorCount: 0 });
    expect(r.host.baudRate).toBe(38400);
    await vi.waitFor(() => expect(r.device.baudRate).toBe(38400), WAIT);
    expect(r.simulator.baudRate).toBe(38400);
    expect(r.simulator.received.slice(0, 3)).toEqual(['sam-status', 'read-sam-id', 'set-baud']);

    r.simulator.placeCard(simulatedCards.foreignSample2023);
    await vi.waitFor(() => expect(r.cards).toHaveLength(1), WAIT);
    expect(r.cards[0]?.kind).toBe('foreign2023');
  });

  it('keeps 115200 and reports a typed baud error when the module refuses', async () => {
    const r = await rig({ baudRate: 9600 });
    r.simulator.setFault('refuse-baud');
    await r.reader.start();
    expect(r.reader.health).toMatchObject({
      state: 'ok',
      baudRate: 115200,
      lastError: { kind: 'baud', requested: 9600, current: 115200, failure: 'refused', detail: 'command-error' },
    });
    expect(r.host.baudRate).toBe(115200);
    r.simulator.setFault(null);
    r.simulator.placeCard(simulatedCards.zhangSan);
    await vi.waitFor(() => expect(r.cards).toHaveLength(1), WAIT);
  });
});
