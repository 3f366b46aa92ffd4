import { describe, it, expect } from 'vitest';
import type { DecodeResult, ResponseFrame } from '../../../hardware/idcard/frame';
import {
  CommandFrameDecoder,
  encodeCommand,
  encodeCommandFrame,
  encodeResponse,
  FrameDecoder,
} from '../../../hardware/idcard/frame';
import { identifyCommand } from '../../../hardware/idcard/commands';
import { splitReadPayload } from '../../../hardware/idcard/payload';
import { parseIdCard } from '../../../hardware/idcard/card';
import { fromHex, hex, loadFixture } from './fixtures';
import type { FixtureName } from './fixtures';

function okFrames(results: DecodeResult<ResponseFrame>[]): ResponseFrame[] {
  return results.flatMap((r) => (r.ok ? [r.frame] : []));
}

describe('encodeCommand', () => {
  it.each([
    ['reset-sam', 'aaaaaa9669 0003 10ff ec'],
    ['sam-status', 'aaaaaa9669 0003 11ff ed'],
    ['read-sam-id', 'aaaaaa9669 0003 12ff ee'],
    ['find-card', 'aaaaaa9669 0003 2001 22'],
    ['select-card', 'aaaaaa9669 0003 2002 21'],
    ['read-text-photo', 'aaaaaa9669 0003 3001 32'],
    ['read-text-photo-fingerprint', 'aaaaaa9669 0003 3010 23'],
    ['read-added-address', 'aaaaaa9669 0003 3003 30'],
  ] as const)('%s', (command, expected) => {
    expect(hex(encodeCommand(command))).toBe(expected.replace(/\s+/g, ''));
  });

  it.each([
    [115200, 0x00],
    [57600, 0x01],
    [38400, 0x02],
    [19200, 0x03],
    [9600, 0x04],
  ] as const)('set baud %i uses PARA %i', (baud, para) => {
    const frame = encodeCommand({ name: 'set-baud', baud });
    expect(Array.from(frame.subarray(7, 9))).toEqual([0x60, para]);
    expect(identifyCommand(0x60, para)).toEqual({ name: 'set-baud', baud });
  });

  it('identifies every simple command and rejects unknown pairs', () => {
    expect(identifyCommand(0x20, 0x01)).toBe('find-card');
    expect(identifyCommand(0x30, 0x10)).toBe('read-text-photo-fingerprint');
    expect(identifyCommand(0x20, 0x03)).toBeUndefined();
    expect(identifyCommand(0x60, 0x09)).toBeUndefined();
  });
});

describe('encodeResponse', () => {
  it('builds the well-known find-card reply', () => {
    expect(hex(encodeResponse(0x9f, new Uint8Array(4)))).toBe('aaaaaa96690008' + '00009f' + '00000000' + '97');
  });
});

describe('FrameDecoder on the fixtures', () => {
  const expectedKinds: Record<FixtureName, string> = {
    resident: 'resident',
    hmt_J: 'hmt',
    foreign2017_I: 'foreign2017',
    foreign2023_Y: 'foreign2023',
  };

  it.each(Object.keys(expectedKinds) as FixtureName[])('%s decodes to one frame and the right card', (name) => {
    const bytes = loadFixture(name);
    expect(bytes.length).toBe(1295);
    const results = new FrameDecoder().push(bytes);
    expect(results).toHaveLength(1);
    const [frame] = okFrames(results);
    expect(frame).toBeDefined();
    if (!frame) return;
    expect([frame.sw1, frame.sw2, frame.sw3]).toEqual([0, 0, 0x90]);
    expect(frame.data.length).toBe(4 + 256 + 1024);
    const payload = splitReadPayload(frame.data, false);
    expect(payload.ok).toBe(true);
    if (!payload.ok) return;
    const parsed = parseIdCard(payload.payload.text, payload.payload.photo);
    expect(parsed.ok && parsed.card.kind).toBe(expectedKinds[name]);
  });

  it('finds the frame when fed byte by byte', () => {
    const bytes = loadFixture('resident');
    const decoder = new FrameDecoder();
    const results: DecodeResult<ResponseFrame>[] = [];
    for (const b of bytes) results.push(...decoder.push(Uint8Array.of(b)));
    expect(results).toHaveLength(1);
    expect(results[0]?.ok).toBe(true);
    const whole = new FrameDecoder().push(bytes);
    expect(results).toEqual(whole);
  });

  it('decodes back-to-back frames in one chunk', () => {
    const a = encodeResponse(0x9f, new Uint8Array(4));
    const b = encodeResponse(0x90, Uint8Array.of(1, 2, 3));
    const results = new FrameDecoder().push(Uint8Array.from([...a, ...b]));
    expect(okFrames(results).map((f) => f.sw3)).toEqual([0x9f, 0x90]);
  });
});

describe('FrameDecoder resynchronisation and errors', () => {
  it('reports garbage once and then decodes the frame', () => {
    const frame = encodeResponse(0x90, Uint8Array.of(7));
    const stream = Uint8Array.from([0x01, 0xaa, 0xaa, 0x13, 0x96, 0x69, 0xaa, ...frame]);
    const results = new FrameDecoder().push(stream);
    expect(results).toEqual([
      { ok: false, error: { kind: 'garbage', skipped: 7 } },
      { ok: true, frame: { sw1: 0, sw2: 0, sw3: 0x90, data: Uint8Array.of(7) } },
    ]);
  });

  it('handles a partial preamble at a chunk boundary', () => {
    const frame = encodeResponse(0x90);
    const decoder = new FrameDecoder();
    expect(decoder.push(frame.subarray(0, 3))).toEqual([]);
    expect(decoder.push(frame.subarray(3))).toHaveLength(1);
  });

  it('turns a bad checksum into a typed error and keeps going', () => {
    const bad = encodeResponse(0x90, Uint8Array.of(1, 2));
    const good = encodeResponse(0x9f, new Uint8Array(4));
    const chk = bad[bad.length - 1] ?? 0;
    bad[bad.length - 1] = chk ^ 0x55;
    const results = new FrameDecoder().push(Uint8Array.from([...bad, ...good]));
    expect(results[0]).toEqual({ ok: false, error: { kind: 'checksum', expected: chk, actual: chk ^ 0x55 } });
    expect(okFrames(results).map((f) => f.sw3)).toEqual([0x9f]);
  });

  it('rejects LEN above 4096 and resynchronises on the next frame', () => {
    const good = encodeResponse(0x90);
    const stream = Uint8Array.from([...fromHex('aaaaaa9669 1001 000090'), ...good]);
    const results = new FrameDecoder().push(stream);
    expect(results[0]).toEqual({ ok: false, error: { kind: 'length', length: 0x1001, reason: 'too-long' } });
    expect(okFrames(results)).toHaveLength(1);
    expect(results.at(-1)?.ok).toBe(true);
  });

  it('rejects a LEN too short to hold SW1-SW3', () => {
    const results = new FrameDecoder().push(Uint8Array.from([...fromHex('aaaaaa9669 0002 00 02'), ...encodeResponse(0x90)]));
    expect(results[0]).toEqual({ ok: false, error: { kind: 'length', length: 2, reason: 'too-short' } });
    expect(results.at(-1)?.ok).toBe(true);
  });

  it('reset() drops a stale partial frame', () => {
    const decoder = new FrameDecoder();
    decoder.push(encodeResponse(0x90, new Uint8Array(20)).subarray(0, 15));
    decoder.reset();
    expect(decoder.push(encodeResponse(0x9f))).toEqual([
      { ok: true, frame: { sw1: 0, sw2: 0, sw3: 0x9f, data: new Uint8Array(0) } },
    ]);
  });
});

describe('CommandFrameDecoder', () => {
  it('decodes command frames, including ones with data', () => {
    const decoder = new CommandFrameDecoder();
    const results = decoder.push(
      Uint8Array.from([...encodeCommand('find-card'), ...encodeCommandFrame(0x99, 0x01, Uint8Array.of(5))]),
    );
    expect(results).toEqual([
      { ok: true, frame: { cmd: 0x20, para: 0x01, data: new Uint8Array(0) } },
      { ok: true, frame: { cmd: 0x99, para: 0x01, data: Uint8Array.of(5) } },
    ]);
  });
});
