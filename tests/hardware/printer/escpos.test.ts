import { describe, it, expect } from 'vitest';
import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';
import * as esc from '../../../hardware/printer/escpos';

const hex = (bytes: Uint8Array) =>
  Buffer.from(bytes)
    .toString('hex')
    .replace(/(..)(?!$)/g, '$1 ');

describe('ESC/POS byte builders (golden bytes)', () => {
  it.each([
    ['init', esc.init(), '1b 40'],
    ['Chinese mode on', esc.chineseMode(true), '1c 26'],
    ['Chinese mode off', esc.chineseMode(false), '1c 2e'],
    ['size 1×1', esc.textSize(1, 1), '1d 21 00'],
    ['size 4×4', esc.textSize(4, 4), '1d 21 33'],
    ['size 2×1', esc.textSize(2, 1), '1d 21 10'],
    ['size 1×2', esc.textSize(1, 2), '1d 21 01'],
    ['size 8×8', esc.textSize(8, 8), '1d 21 77'],
    ['align left', esc.align('left'), '1b 61 00'],
    ['align center', esc.align('center'), '1b 61 01'],
    ['align right', esc.align('right'), '1b 61 02'],
    ['bold on', esc.bold(true), '1b 45 01'],
    ['bold off', esc.bold(false), '1b 45 00'],
    ['line feed', esc.lineFeed(), '0a'],
    ['feed 3 lines', esc.feedLines(3), '1b 64 03'],
    ['partial cut', esc.cut('partial'), '1d 56 01'],
    ['default cut is partial', esc.cut(), '1d 56 01'],
    ['full cut', esc.cut('full'), '1d 56 00'],
    ['DLE EOT 1', esc.statusRequest(1), '10 04 01'],
    ['DLE EOT 2', esc.statusRequest(2), '10 04 02'],
    ['DLE EOT 3', esc.statusRequest(3), '10 04 03'],
    ['DLE EOT 4', esc.statusRequest(4), '10 04 04'],
    ['DLE EOT 1..4', esc.fullStatusRequest(), '10 04 01 10 04 02 10 04 03 10 04 04'],
    ['ASB off', esc.automaticStatusBack(0), '1d 61 00'],
    ['ASB online+error+paper', esc.automaticStatusBack(esc.ASB.onlineOffline | esc.ASB.error | esc.ASB.paperSensor), '1d 61 0e'],
    ['GS r 1', esc.paperStatusInOrder(), '1d 72 01'],
    ['ASCII text', esc.text('A1 '), '41 31 20'],
    ['GB18030 text', esc.text('前面还有'), 'c7 b0 c3 e6 bb b9 d3 d0'],
    ['controls in text become spaces', esc.text('a\x1b@\nb'), '61 20 40 20 62'],
  ])('%s', (_name, bytes, expected) => {
    expect(hex(bytes)).toBe(expected);
  });

  it('native QR: model 2, module size, level M, store (pL pH = data + 3), print', () => {
    expect(hex(esc.qrCode('AB', { moduleSize: 6 }))).toBe(
      [
        '1d 28 6b 04 00 31 41 32 00',
        '1d 28 6b 03 00 31 43 06',
        '1d 28 6b 03 00 31 45 31',
        '1d 28 6b 05 00 31 50 30 41 42',
        '1d 28 6b 03 00 31 51 30',
      ].join(' '),
    );
    expect(hex(esc.qrCode('x', { errorLevel: 'H', moduleSize: 3 }))).toContain('31 43 03 1d 28 6b 03 00 31 45 33');
  });

  it('stores a long QR payload with a two-byte length', () => {
    const data = 'x'.repeat(300);
    const bytes = esc.qrCode(data);
    const store = bytes.subarray(25);
    expect(Array.from(store.subarray(0, 8))).toEqual([0x1d, 0x28, 0x6b, 303 & 0xff, 303 >> 8, 0x31, 0x50, 0x30]);
  });

  it('rejects out-of-range parameters', () => {
    expect(() => esc.textSize(0, 1)).toThrow(RangeError);
    expect(() => esc.textSize(1, 9)).toThrow(RangeError);
    expect(() => esc.qrCode('')).toThrow(RangeError);
    expect(() => esc.qrCode('x', { moduleSize: 17 })).toThrow(RangeError);
    expect(() => esc.qrCode('x'.repeat(esc.QR_MAX_BYTES + 1))).toThrow(RangeError);
    expect(() => esc.feedLines(256)).toThrow(RangeError);
    expect(() => esc.automaticStatusBack(-1)).toThrow(RangeError);
  });

  it('agrees with @point-of-sale/receipt-printer-encoder on the commands both build', () => {
    // The library appends a newline to every encode(); compare the command prefix only.
    const lib = () => new ReceiptPrinterEncoder({ language: 'esc-pos', columns: 32 });
    const qr = lib().qrcode('https://example.org/t/A023', { model: 2, size: 6, errorlevel: 'm' }).encode();
    expect(hex(qr).startsWith(hex(esc.qrCode('https://example.org/t/A023', { moduleSize: 6, errorLevel: 'M' })))).toBe(true);
    expect(hex(lib().cut('partial').encode()).startsWith(hex(esc.cut('partial')))).toBe(true);
    expect(hex(lib().cut('full').encode()).startsWith(hex(esc.cut('full')))).toBe(true);
    expect(hex(lib().bold(true).text('A').encode()).startsWith(hex(esc.bold(true)))).toBe(true);
    expect(hex(lib().size(4, 4).text('A').encode()).startsWith(hex(esc.textSize(4, 4)))).toBe(true);
    expect(hex(lib().initialize().encode()).startsWith(hex(esc.init()))).toBe(true);
  });
});
