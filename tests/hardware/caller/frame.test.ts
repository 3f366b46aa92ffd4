import { describe, it, expect } from 'vitest';
import { encodeKeypadFrame, KeypadFrameDecoder } from '../../../hardware/caller/frame';
import type { KeypadDecodeResult } from '../../../hardware/caller/frame';
import { dataForKey, defaultKeypadModel, keyFromData } from '../../../hardware/caller/model';
import type { KeypadKey } from '../../../hardware/caller/model';
import { digitCodes, renderDigitCodes } from '../../../hardware/caller/digits';

const hex = (s: string) =>
  Uint8Array.from(
    s
      .trim()
      .split(/\s+/)
      .map((b) => parseInt(b, 16)),
  );
const model = defaultKeypadModel;

function decodeAll(...chunks: Uint8Array[]): KeypadDecodeResult[] {
  const decoder = new KeypadFrameDecoder();
  return chunks.flatMap((c) => decoder.push(c));
}

describe('keypad frame golden bytes', () => {
  const keyFrames: [KeypadKey, string][] = [
    ['call', 'FF 68 03 03 68 01 01 0C 0E 16'],
    ['recall', 'FF 68 03 03 68 01 01 0D 0F 16'],
    ['evaluate', 'FF 68 03 03 68 01 01 0B 0D 16'],
    ['skip', 'FF 68 04 04 68 01 01 0F 06 17 16'],
    ['hold', 'FF 68 04 04 68 01 01 0F 00 11 16'],
    ['resume', 'FF 68 04 04 68 01 01 0F 03 14 16'],
    ['pause', 'FF 68 03 03 68 01 01 12 14 16'],
    ['transfer', 'FF 68 03 03 68 01 01 13 15 16'],
  ];

  it.each(keyFrames)('key %s from address 1', (key, bytes) => {
    const data = dataForKey(model, key);
    expect(data).toBeDefined();
    const frame = encodeKeypadFrame(1, model.keyCommand, data ?? []);
    expect(frame).toEqual(hex(bytes));
    const [result] = decodeAll(frame);
    expect(result?.ok && keyFromData(model, result.frame.data)).toBe(key);
  });

  it('show number: "A012" drops the letter, right-aligns, pads with 0A', () => {
    const frame = encodeKeypadFrame(5, model.showCommand, digitCodes(model, 'A012'));
    // L = 8; CS = 05 + 02 + 0A×3 + 00 + 01 + 02 = 0x28
    expect(frame).toEqual(hex('FF 68 08 08 68 05 02 0A 0A 0A 00 01 02 28 16'));
  });

  it('show number: six digits, more than six keep the last six, empty is blank', () => {
    expect(encodeKeypadFrame(2, 0x02, digitCodes(model, '123456'))).toEqual(hex('FF 68 08 08 68 02 02 01 02 03 04 05 06 19 16'));
    expect(digitCodes(model, 'B1234567')).toEqual([2, 3, 4, 5, 6, 7]);
    expect(renderDigitCodes(model, Uint8Array.from(digitCodes(model, '')))).toBe('      ');
    expect(renderDigitCodes(model, Uint8Array.from([0x0a, 0x0a, 0x00, 0x0f, 0x01, 0x02]))).toBe('  0?12');
  });

  it('beep', () => {
    expect(encodeKeypadFrame(5, model.beepCommand)).toEqual(hex('FF 68 02 02 68 05 03 08 16'));
  });

  it('checksum wraps mod 256', () => {
    expect(encodeKeypadFrame(0xff, 0xff, [0xff])).toEqual(hex('FF 68 03 03 68 FF FF FF FD 16'));
  });

  it('rejects values that are not bytes', () => {
    expect(() => encodeKeypadFrame(256, 1)).toThrow(RangeError);
    expect(() => encodeKeypadFrame(1, -1)).toThrow(RangeError);
  });
});

describe('keypad model', () => {
  it('a two-byte confirm code wins over the last byte alone; preceding data bytes are ignored', () => {
    expect(keyFromData(model, hex('0F 06'))).toBe('skip');
    expect(keyFromData(model, hex('00 0F 00'))).toBe('hold');
    expect(keyFromData(model, hex('07 0C'))).toBe('call');
    expect(keyFromData(model, hex('0F'))).toBeUndefined();
    expect(keyFromData(model, hex('0F 07'))).toBeUndefined();
    expect(keyFromData(model, new Uint8Array())).toBeUndefined();
  });
});

describe('KeypadFrameDecoder', () => {
  const call = hex('FF 68 03 03 68 01 01 0C 0E 16');
  const beep = hex('FF 68 02 02 68 05 03 08 16');

  it('decodes back to back frames', () => {
    const results = decodeAll(Uint8Array.from([...call, ...beep]));
    expect(results).toEqual([
      { ok: true, frame: { address: 1, cmd: 1, data: hex('0C') } },
      { ok: true, frame: { address: 5, cmd: 3, data: new Uint8Array() } },
    ]);
  });

  it('gives the same result for every split of two frames with garbage between', () => {
    const stream = Uint8Array.from([...call, 0x00, 0x13, 0x68, ...beep]);
    const whole = decodeAll(stream);
    expect(whole.map((r) => (r.ok ? 'frame' : r.error.kind))).toEqual(['frame', 'garbage', 'frame']);
    for (let i = 0; i <= stream.length; i++) {
      for (let j = i; j <= stream.length; j++) {
        expect(decodeAll(stream.subarray(0, i), stream.subarray(i, j), stream.subarray(j))).toEqual(whole);
      }
    }
  });

  it('feeds one byte at a time', () => {
    const decoder = new KeypadFrameDecoder();
    const results = [...call].flatMap((b) => decoder.push(Uint8Array.of(b)));
    expect(results).toEqual([{ ok: true, frame: { address: 1, cmd: 1, data: hex('0C') } }]);
  });

  it('reports leading garbage once, then the frame', () => {
    expect(decodeAll(hex('01 02 03'), hex('16 68'), call)).toEqual([
      { ok: false, error: { kind: 'garbage', skipped: 5 } },
      { ok: true, frame: { address: 1, cmd: 1, data: hex('0C') } },
    ]);
  });

  it('drops a frame with a bad checksum and keeps the next', () => {
    const bad = Uint8Array.from(call);
    bad[8] = 0x99;
    expect(decodeAll(bad, beep)).toEqual([
      { ok: false, error: { kind: 'checksum', expected: 0x0e, actual: 0x99 } },
      { ok: true, frame: { address: 5, cmd: 3, data: new Uint8Array() } },
    ]);
  });

  it('reports a length mismatch and resynchronises', () => {
    const results = decodeAll(hex('FF 68 03 04 68 01 01 0C 0E 16'), beep);
    expect(results[0]).toEqual({ ok: false, error: { kind: 'length-mismatch', first: 3, second: 4 } });
    expect(results.at(-1)).toEqual({ ok: true, frame: { address: 5, cmd: 3, data: new Uint8Array() } });
  });

  it('reports a missing end byte and finds a frame starting inside the broken one', () => {
    // The first frame is cut short; the real one starts where its CS and 16 should be.
    const results = decodeAll(Uint8Array.from([...hex('FF 68 03 03 68 01 01 0C'), ...beep]));
    expect(results[0]).toEqual({ ok: false, error: { kind: 'missing-end', actual: 0x68 } });
    expect(results.at(-1)).toEqual({ ok: true, frame: { address: 5, cmd: 3, data: new Uint8Array() } });
  });

  it('rejects L too short or too long without waiting for its bytes', () => {
    expect(decodeAll(hex('FF 68 01 01 68'))[0]).toEqual({ ok: false, error: { kind: 'length', length: 1 } });
    expect(decodeAll(hex('FF 68 F0 F0 68'))[0]).toEqual({ ok: false, error: { kind: 'length', length: 0xf0 } });
  });

  it('skips FF 68 not followed by L L 68', () => {
    const results = decodeAll(hex('FF 68 03 03 69'), call);
    expect(results).toEqual([
      { ok: false, error: { kind: 'garbage', skipped: 5 } },
      { ok: true, frame: { address: 1, cmd: 1, data: hex('0C') } },
    ]);
  });

  it('flush gives up a stalled header and finds the frame behind it', () => {
    const decoder = new KeypadFrameDecoder();
    // L = 0x40 promises 66 more bytes; the real frame behind it is only 10.
    expect(decoder.push(Uint8Array.from([...hex('FF 68 40 40 68'), ...call]))).toEqual([]);
    expect(decoder.buffered).toBe(15);
    expect(decoder.flush()).toEqual([
      { ok: false, error: { kind: 'garbage', skipped: 5 } },
      { ok: true, frame: { address: 1, cmd: 1, data: hex('0C') } },
    ]);
    expect(decoder.buffered).toBe(0);
  });

  it('reset drops a partial frame', () => {
    const decoder = new KeypadFrameDecoder();
    decoder.push(call.subarray(0, 6));
    decoder.reset();
    expect(decoder.push(beep)).toEqual([{ ok: true, frame: { address: 5, cmd: 3, data: new Uint8Array() } }]);
  });
});
