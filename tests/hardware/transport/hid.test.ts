import { describe, it, expect, afterEach, vi } from 'vitest';
import type { HidDevicePort } from '../../../hardware/transport/hid';
import { HidTransport } from '../../../hardware/transport/hid';
import { packReports, unpackReport } from '../../../hardware/transport/hid-framing';
import type { TransportStatus } from '../../../hardware/transport/types';
import { TransportClosedError, TransportIoError } from '../../../hardware/transport/types';

/** A stand-in for an open node-hid device: no HID reader exists on this machine. */
class MockHidDevice implements HidDevicePort {
  readonly written: number[][] = [];
  closed = false;
  failWrites = false;
  private dataCallback: ((report: Uint8Array) => void) | undefined;
  private errorCallback: ((error: Error) => void) | undefined;

  write(report: number[]): Promise<number> {
    if (this.failWrites) return Promise.reject(new Error('could not write to HID device'));
    this.written.push(report);
    return Promise.resolve(report.length);
  }
  onData(callback: (report: Uint8Array) => void): void {
    this.dataCallback = callback;
  }
  onError(callback: (error: Error) => void): void {
    this.errorCallback = callback;
  }
  close(): void {
    this.closed = true;
  }
  /** The device sends an input report. */
  input(report: number[]): void {
    this.dataCallback?.(Uint8Array.from(report));
  }
  /** node-hid's read loop fails, as when the device is unplugged. */
  unplug(): void {
    this.errorCallback?.(new Error('could not read from HID device'));
  }
}

/** An opener over a queue of mock devices; `null` entries make that attempt fail. */
function mockOpener(devices: (MockHidDevice | null)[]) {
  const opened: MockHidDevice[] = [];
  let calls = 0;
  const opener = async (): Promise<HidDevicePort> => {
    calls += 1;
    const next = devices.shift();
    if (!next) throw new Error('cannot open device');
    opened.push(next);
    return next;
  };
  return { opener, opened, calls: () => calls };
}

const transports: HidTransport[] = [];

function transport(devices: (MockHidDevice | null)[], options: { reportId?: number; reportSize?: number } = {}) {
  const mock = mockOpener(devices);
  const t = new HidTransport({ vendorId: 0x1a86, productId: 0xe010, opener: mock.opener, ...options });
  transports.push(t);
  return { t, ...mock };
}

afterEach(async () => {
  for (const t of transports.splice(0)) await t.close();
  vi.useRealTimers();
});

describe('HID report framing', () => {
  it('packs [id, LEN, payload, zero padding] and unpacks it back (mock HID device: none exists on this machine)', async () => {
    const device = new MockHidDevice();
    const { t } = transport([device]);
    const got: Uint8Array[] = [];
    t.onData((c) => got.push(c));
    await t.open();
    expect(t.address).toBe('hid:1a86:e010');

    await t.write(Uint8Array.of(0xaa, 0xaa, 0xaa, 0x96, 0x69));
    expect(device.written).toHaveLength(1);
    const [report] = device.written;
    expect(report).toHaveLength(65);
    expect(report?.slice(0, 7)).toEqual([0x00, 5, 0xaa, 0xaa, 0xaa, 0x96, 0x69]);
    expect(report?.slice(7).every((b) => b === 0)).toBe(true);

    // Unnumbered input reports arrive without the id byte (as hidapi delivers them).
    device.input([3, 0x90, 0x00, 0x9f, ...new Array<number>(60).fill(0)]);
    expect(got).toEqual([Uint8Array.of(0x90, 0x00, 0x9f)]);
  });

  it('splits a long payload over reports and delivers input payloads as chunks (mock HID device: none exists on this machine)', async () => {
    const device = new MockHidDevice();
    const { t } = transport([device], { reportId: 0x02, reportSize: 32 });
    const got: Uint8Array[] = [];
    t.onData((c) => got.push(c));
    await t.open();
    const payload = Uint8Array.from({ length: 100 }, (_, i) => i);
    await t.write(payload);
    expect(device.written.map((r) => [r[0], r[1], r.length])).toEqual([
      [2, 31, 33],
      [2, 31, 33],
      [2, 31, 33],
      [2, 7, 33],
    ]);
    const unpacked = device.written.flatMap((r) => [...r.slice(2, 2 + (r[1] ?? 0))]);
    expect(Uint8Array.from(unpacked)).toEqual(payload);

    // Numbered input reports keep their id; echo the reports back as input.
    for (const r of device.written) device.input(r);
    expect(Uint8Array.from(got.flatMap((c) => [...c]))).toEqual(payload);
    expect(got).toHaveLength(4);
  });

  it('drops input reports with a wrong id or an impossible LEN (mock HID device: none exists on this machine)', async () => {
    const device = new MockHidDevice();
    const { t } = transport([device], { reportId: 0x01, reportSize: 8 });
    const got: Uint8Array[] = [];
    t.onData((c) => got.push(c));
    await t.open();
    device.input([0x05, 1, 0xff, 0, 0, 0, 0, 0, 0]);
    device.input([0x01, 8, 0, 0, 0, 0, 0, 0, 0]);
    device.input([0x01]);
    device.input([0x01, 2, 0x10, 0x20, 0, 0, 0, 0, 0]);
    expect(got).toEqual([Uint8Array.of(0x10, 0x20)]);
    expect(t.droppedReports).toBe(3);
  });

  it('pack/unpack are inverse for every payload length up to three reports', () => {
    const framing = { reportId: 0, reportSize: 16, inputHasReportId: true };
    for (let n = 0; n <= 45; n++) {
      const data = Uint8Array.from({ length: n }, (_, i) => (i * 7 + n) & 0xff);
      const reports = packReports(data, framing);
      expect(reports).toHaveLength(Math.ceil(n / 15));
      const back = reports.flatMap((r) => {
        const u = unpackReport(Uint8Array.from(r), framing);
        return u.ok ? [...u.payload] : [];
      });
      expect(Uint8Array.from(back)).toEqual(data);
    }
  });
});

describe('HidTransport reconnect (mock HID device: none exists on this machine)', () => {
  it('device error → reconnecting → reopen with backoff → open, new handle used', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const first = new MockHidDevice();
    const second = new MockHidDevice();
    const { t, calls } = transport([first, null, null, second]);
    const states: TransportStatus[] = [];
    t.onStatus((s) => states.push(s));
    await t.open();

    first.unplug();
    expect(t.status).toEqual({ state: 'reconnecting', lastError: 'could not read from HID device' });
    expect(first.closed).toBe(true);
    await expect(t.write(Uint8Array.of(1))).rejects.toBeInstanceOf(TransportClosedError);

    // Backoff 100, 200, 400 ms: two failed attempts, then the device is back.
    await vi.advanceTimersByTimeAsync(100);
    expect(calls()).toBe(2);
    await vi.advanceTimersByTimeAsync(200);
    expect(calls()).toBe(3);
    expect(t.status.state).toBe('reconnecting');
    await vi.advanceTimersByTimeAsync(400);
    expect(calls()).toBe(4);
    expect(t.status.state).toBe('open');
    expect(states.map((s) => s.state)).toEqual(['opening', 'open', 'reconnecting', 'open']);
    expect(vi.getTimerCount()).toBe(0);

    await t.write(Uint8Array.of(9));
    expect(second.written).toHaveLength(1);
    expect(first.written).toHaveLength(0);
  });

  it('a failed write is a TransportIoError and starts reconnecting', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const first = new MockHidDevice();
    const { t } = transport([first, new MockHidDevice()]);
    await t.open();
    first.failWrites = true;
    await expect(t.write(Uint8Array.of(1))).rejects.toBeInstanceOf(TransportIoError);
    expect(t.status.state).toBe('reconnecting');
    await vi.advanceTimersByTimeAsync(100);
    expect(t.status.state).toBe('open');
  });

  it('open() fails with TransportIoError, keeps retrying, and close() leaves no timer', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { t, calls } = transport([null, null, null, null, null, null]);
    await expect(t.open()).rejects.toBeInstanceOf(TransportIoError);
    expect(t.status.state).toBe('reconnecting');
    await vi.advanceTimersByTimeAsync(100 + 200 + 400 + 800 + 1000);
    expect(calls()).toBe(6);
    expect(vi.getTimerCount()).toBe(1);
    await t.close();
    expect(vi.getTimerCount()).toBe(0);
    expect(t.status.state).toBe('closed');
    await vi.advanceTimersByTimeAsync(5000);
    expect(calls()).toBe(6);
  });
});
