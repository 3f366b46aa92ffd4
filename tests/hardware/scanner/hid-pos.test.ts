import { describe, it, expect, afterEach, vi } from 'vitest';
import fc from 'fast-check';
import { HidPosScanner } from '../../../hardware/scanner/hid-pos';
import type { HidPosLayout } from '../../../hardware/scanner/hid-pos-report';
import { buildHidPosReports, defaultHidPosLayout, hidPosCapacity, HidPosDecoder } from '../../../hardware/scanner/hid-pos-report';
import { HidPosScannerSimulator } from '../../../hardware/scanner/simulator';
import { createMemoryLink } from '../../../hardware/transport/memory';

const WAIT = { timeout: 5000, interval: 5 };
const cleanups: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

describe('HID POS report codec', () => {
  it('golden report: id, length, AIM symbology, data, padding, flags', () => {
    const reports = buildHidPosReports('AB12', { symbology: ']Q1' });
    expect(reports).toHaveLength(1);
    const report = reports[0] ?? new Uint8Array();
    expect(report).toHaveLength(65);
    expect([...report.subarray(0, 9)]).toEqual([0x02, 0x04, 0x5d, 0x51, 0x31, 0x41, 0x42, 0x31, 0x32]);
    expect(report.subarray(9).every((b) => b === 0)).toBe(true);
  });

  it('a long code spans continued reports and joins back', () => {
    const code = 'Q'.repeat(hidPosCapacity(defaultHidPosLayout) * 2 + 5);
    const reports = buildHidPosReports(code, { symbology: ']Q1' });
    expect(reports.map((r) => r[64])).toEqual([1, 1, 0]);
    const decoder = new HidPosDecoder();
    expect(reports.map((r) => decoder.push(r))).toEqual([undefined, undefined, { ok: true, scan: { code, symbology: ']Q1' } }]);
  });

  it('decodes UTF-8 split across reports, and reports without an id', () => {
    const layout: HidPosLayout = { reportId: 0x02, reportSize: 8, inputHasReportId: false };
    const decoder = new HidPosDecoder(layout);
    const results = buildHidPosReports('电子证照', { layout }).map((r) => decoder.push(r));
    expect(results.at(-1)).toEqual({ ok: true, scan: { code: '电子证照', symbology: '' } });
  });

  it('rejects other reports and impossible lengths without throwing', () => {
    const decoder = new HidPosDecoder();
    expect(decoder.push(Uint8Array.of(0x04, 1, 2, 3))).toEqual({ ok: false, error: { kind: 'other-report', reportId: 4 } });
    expect(decoder.push(new Uint8Array())).toEqual({ ok: false, error: { kind: 'bad-length', length: 0 } });
    expect(decoder.push(Uint8Array.of(0x02, 3, 0, 0, 0, 1, 2, 3, 0))).toEqual({
      ok: false,
      error: { kind: 'bad-length', length: 3 },
    });
    const tooLong = new Uint8Array(65);
    tooLong[0] = 0x02;
    tooLong[1] = 200;
    expect(decoder.push(tooLong)).toEqual({ ok: false, error: { kind: 'bad-length', length: 200 } });
    // After all that, a good report still decodes.
    expect(decoder.push(buildHidPosReports('OK')[0] ?? new Uint8Array())).toEqual({
      ok: true,
      scan: { code: 'OK', symbology: '' },
    });
  });

  it('drops a runaway chain of continued reports', () => {
    const decoder = new HidPosDecoder();
    const report = buildHidPosReports('x'.repeat(60))[0] ?? new Uint8Array();
    report[64] = 1;
    let last;
    for (let i = 0; i < 200; i++) last = decoder.push(report);
    expect(last).toBeUndefined();
    report[64] = 0;
    expect(decoder.push(report)).toEqual({ ok: false, error: { kind: 'too-long' } });
  });

  it('never throws on arbitrary reports (fuzz)', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 70 }), { maxLength: 30 }), (reports) => {
        const decoder = new HidPosDecoder();
        for (const r of reports) decoder.push(r);
      }),
      { numRuns: 1000 },
    );
  });

  it('round-trips any code (fuzz)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 300, unit: 'grapheme' }), (code) => {
        const decoder = new HidPosDecoder();
        const results = buildHidPosReports(code).map((r) => decoder.push(r));
        expect(results.at(-1)).toEqual({ ok: true, scan: { code, symbology: '' } });
      }),
      { numRuns: 300 },
    );
  });
});

describe('HidPosScanner', () => {
  it('over the HidDevicePort seam: scans, unplug, reopen with backoff', async () => {
    const simulator = new HidPosScannerSimulator();
    const scanner = new HidPosScanner(simulator.opener, { reconnect: { initialDelayMs: 5, maxDelayMs: 20 } });
    cleanups.push(() => scanner.stop());
    const codes: string[] = [];
    scanner.on('scan', (c) => codes.push(c));
    await scanner.start();
    expect(scanner.state).toBe('ok');
    simulator.scan('APPT-0001');
    await vi.waitFor(() => expect(codes).toEqual(['APPT-0001']), WAIT);
    expect(scanner.lastScan).toEqual({ code: 'APPT-0001', symbology: ']Q1' });

    simulator.unplug();
    expect(scanner.state).toBe('no-device');
    simulator.replug();
    await vi.waitFor(() => expect(scanner.state).toBe('ok'), WAIT);
    expect(simulator.opens).toBe(2);
    simulator.scan('APPT-0002');
    await vi.waitFor(() => expect(codes).toEqual(['APPT-0001', 'APPT-0002']), WAIT);
  });

  it('over a Transport whose chunks are raw reports (a memory link)', async () => {
    const { host, device } = createMemoryLink('hidpos');
    await device.open();
    const scanner = new HidPosScanner(host);
    cleanups.push(() => scanner.stop());
    const codes: string[] = [];
    const dropped: string[] = [];
    scanner.on('scan', (c) => codes.push(c));
    scanner.on('dropped', (d) => dropped.push(d.reason));
    await scanner.start();
    expect(scanner.state).toBe('ok');
    for (const r of buildHidPosReports('Z'.repeat(130))) await device.write(r);
    await device.write(Uint8Array.of(0x02, 0xff));
    await device.write(Uint8Array.of(0x05, 0x00));
    await vi.waitFor(() => expect(codes).toEqual(['Z'.repeat(130)]), WAIT);
    await vi.waitFor(() => expect(dropped).toEqual(['bad-report']), WAIT);
    await vi.waitFor(() => expect(scanner.otherReports).toBe(1), WAIT);
  });
});
