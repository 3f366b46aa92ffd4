import { describe, it, expect, afterEach } from 'vitest';
import { vi } from 'vitest';
import { SerialTransport } from '../../../hardware/transport/serial';
import type { TransportStatus } from '../../../hardware/transport/types';
import { TransportClosedError, TransportIoError } from '../../../hardware/transport/types';
import { SocatLink } from '../socat';

const WAIT = { timeout: 10_000, interval: 10 };
const links: SocatLink[] = [];
const transports: SerialTransport[] = [];

async function pair(): Promise<{ link: SocatLink; a: SerialTransport; b: SerialTransport }> {
  const link = new SocatLink('hk-serial-test-');
  links.push(link);
  await link.plug();
  const a = new SerialTransport({ path: link.readerPath });
  const b = new SerialTransport({ path: link.devicePath });
  transports.push(a, b);
  await a.open();
  await b.open();
  return { link, a, b };
}

function collect(t: SerialTransport): { bytes: () => Uint8Array; chunks: Uint8Array[] } {
  const chunks: Uint8Array[] = [];
  t.onData((c) => chunks.push(Uint8Array.from(c)));
  return { chunks, bytes: () => Uint8Array.from(chunks.flatMap((c) => [...c])) };
}

/** Deterministic pseudo-random bytes (xorshift32). */
function pseudoRandom(count: number, seed: number): Uint8Array {
  let x = seed;
  return new Uint8Array(count).map(() => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return x & 0xff;
  });
}

afterEach(async () => {
  for (const t of transports.splice(0)) await t.close();
  for (const l of links.splice(0)) await l.dispose();
});

describe('SerialTransport over a socat pty pair (real serialport library)', () => {
  it('writes, awaits drain, and delivers every byte in order whatever the chunking', async () => {
    const { a, b } = await pair();
    const got = collect(b);
    const data = pseudoRandom(20_000, 0x1234567);
    // Writes of uneven sizes, each awaited (drained) before the next.
    let offset = 0;
    for (const size of [1, 2, 3, 700, 5000, 1, 64, 14_229]) {
      await a.write(data.subarray(offset, offset + size));
      offset += size;
    }
    expect(offset).toBe(data.length);
    await vi.waitFor(() => expect(got.bytes().length).toBe(data.length), WAIT);
    expect(got.bytes()).toEqual(data);
  });

  it('carries a reply the other way in whatever chunks the OS delivers', async () => {
    const { a, b } = await pair();
    const got = collect(a);
    const data = pseudoRandom(3000, 99);
    await Promise.all([b.write(data.subarray(0, 1000)), b.write(data.subarray(1000, 1001)), b.write(data.subarray(1001))]);
    await vi.waitFor(() => expect(got.bytes().length).toBe(3000), WAIT);
    expect(got.bytes()).toEqual(data);
  });

  it('rejects writes with TransportClosedError when not open', async () => {
    const t = new SerialTransport({ path: '/nonexistent/tty' });
    await expect(t.write(Uint8Array.of(1))).rejects.toBeInstanceOf(TransportClosedError);
  });

  it('open() on a missing device rejects with TransportIoError, keeps retrying, and opens once it appears', async () => {
    const link = new SocatLink('hk-serial-late-');
    links.push(link);
    const t = new SerialTransport({ path: link.readerPath });
    transports.push(t);
    const states: TransportStatus[] = [];
    t.onStatus((s) => states.push(s));
    await expect(t.open()).rejects.toBeInstanceOf(TransportIoError);
    expect(t.status.state).toBe('reconnecting');
    await link.plug();
    await vi.waitFor(() => expect(t.status.state).toBe('open'), WAIT);
    expect(states.map((s) => s.state)).toEqual(['opening', 'reconnecting', 'open']);
  });

  it('goes to reconnecting when the device vanishes and back to open when it returns', async () => {
    const { link, a, b } = await pair();
    await link.unplug();
    // Both ends notice: by a read error, or (when the binding misses the hang-up) by the node watch.
    await vi.waitFor(() => expect([a.status.state, b.status.state]).toEqual(['reconnecting', 'reconnecting']), WAIT);
    expect(a.status.lastError).toBeTruthy();
    await expect(a.write(Uint8Array.of(1))).rejects.toBeInstanceOf(TransportClosedError);

    await link.plug();
    await vi.waitFor(() => expect([a.status.state, b.status.state]).toEqual(['open', 'open']), WAIT);
    const got = collect(b);
    await a.write(Uint8Array.of(7, 8, 9));
    await vi.waitFor(() => expect(got.bytes()).toEqual(Uint8Array.of(7, 8, 9)), WAIT);
  });

  it('close() while reconnecting stops retrying', async () => {
    const { link, a } = await pair();
    await link.unplug();
    await vi.waitFor(() => expect(a.status.state).toBe('reconnecting'), WAIT);
    await a.close();
    expect(a.status.state).toBe('closed');
    await link.plug();
    // Longer than the largest backoff step: a leftover timer would have reopened by now.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(a.status.state).toBe('closed');
  });

  it('setBaudRate updates the open port and applies to later opens', async () => {
    const { a } = await pair();
    expect(a.baudRate).toBe(115200);
    await a.setBaudRate(9600);
    expect(a.baudRate).toBe(9600);
    await a.close();
    await a.open();
    expect(a.baudRate).toBe(9600);
  });
});
