import { describe, it, expect, afterEach, vi } from 'vitest';
import { SerialLineScanner } from '../../../hardware/scanner/serial-scanner';
import type { ScannerDropped } from '../../../hardware/scanner/events';
import { ScannerSimulator } from '../../../hardware/scanner/simulator';
import { createMemoryLink } from '../../../hardware/transport/memory';
import { SerialTransport } from '../../../hardware/transport/serial';
import { SocatLink } from '../socat';

const WAIT = { timeout: 10_000, interval: 10 };
const cleanups: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  // socat must die whatever happened in the test.
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('SerialLineScanner ↔ ScannerSimulator over a memory link', () => {
  it('reassembles codes written a few bytes at a time and reports over-long lines', async () => {
    const { host, device } = createMemoryLink('scanner');
    const simulator = new ScannerSimulator({ terminator: 'CRLF', chunkSize: 3 });
    await simulator.attach(device);
    const scanner = new SerialLineScanner(host, { terminator: 'LF', maxLength: 64 });
    const codes: string[] = [];
    const dropped: ScannerDropped[] = [];
    scanner.on('scan', (c) => codes.push(c));
    scanner.on('dropped', (d) => dropped.push(d));
    await scanner.start();
    cleanups.push(() => scanner.stop());
    simulator.scan('YY20240101-0007');
    simulator.scan('Z'.repeat(100));
    simulator.scan('https://example.gov.cn/e?id=abc');
    await simulator.flush();
    await vi.waitFor(() => expect(codes).toEqual(['YY20240101-0007', 'https://example.gov.cn/e?id=abc']), WAIT);
    expect(dropped).toEqual([{ reason: 'too-long', length: 101 }]);
    expect(scanner.droppedCount).toBe(1);
  });

  it('drops an unterminated line once the line goes quiet, so it cannot prefix the next code', async () => {
    const { host, device } = createMemoryLink('scanner-idle');
    const simulator = new ScannerSimulator();
    await simulator.attach(device);
    const scanner = new SerialLineScanner(host, { idleResetMs: 20 });
    const codes: string[] = [];
    const dropped: ScannerDropped[] = [];
    scanner.on('scan', (c) => codes.push(c));
    scanner.on('dropped', (d) => dropped.push(d));
    await scanner.start();
    cleanups.push(() => scanner.stop());
    simulator.sendRaw(new TextEncoder().encode('NOISE'));
    await vi.waitFor(() => expect(dropped).toEqual([{ reason: 'incomplete', length: 5 }]), WAIT);
    simulator.scan('APPT-42');
    await vi.waitFor(() => expect(codes).toEqual(['APPT-42']), WAIT);
  });
});

describe('SerialLineScanner ↔ ScannerSimulator over a socat pty pair (real serialport library)', () => {
  it('codes split across chunks arrive whole and in order', async () => {
    const link = new SocatLink('hk-scanner-pty-');
    cleanups.push(() => link.dispose());
    await link.plug();
    const host = new SerialTransport({ path: link.readerPath, baudRate: 9600 });
    const device = new SerialTransport({ path: link.devicePath, baudRate: 9600 });
    const simulator = new ScannerSimulator({ terminator: 'CR', chunkSize: 2 });
    await simulator.attach(device);
    cleanups.push(() => device.close());
    const scanner = new SerialLineScanner(host);
    const codes: string[] = [];
    scanner.on('scan', (c) => codes.push(c));
    await scanner.start();
    cleanups.push(() => scanner.stop());

    const sent = ['110105-APPT-0001', '预约码 A-7', 'QR:' + 'x'.repeat(300)];
    for (const code of sent) simulator.scan(code);
    await simulator.flush();
    await vi.waitFor(() => expect(codes).toEqual(sent), WAIT);
  });
});
