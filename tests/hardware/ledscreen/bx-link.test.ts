import { describe, it, expect } from 'vitest';
import { ackStatus, decodeTextCommand, encodeAck, encodeTextCommand } from '../../../hardware/ledscreen/bx-commands';
import type { BxDecodeResult } from '../../../hardware/ledscreen/bx-link';
import { bxPacket, BxFrameDecoder, encodeBxFrame, frameBxPacket } from '../../../hardware/ledscreen/bx-link';
import { crc16Arc } from '../../../hardware/ledscreen/crc16';

const hex = (s: string) =>
  Uint8Array.from(
    s
      .trim()
      .split(/\s+/)
      .map((b) => parseInt(b, 16)),
  );

function decodeAll(...chunks: Uint8Array[]): BxDecodeResult[] {
  const decoder = new BxFrameDecoder();
  return chunks.flatMap((c) => decoder.push(c));
}

const ACK_TO_US = hex('A5 00 80 01 00 00 00 00 FE 02 04 00 A0 00 00 00 0D 4D 5A');
const TEXT_FRAME = hex(
  'A5 01 00 00 80 00 00 00 FE 02 1B 00 A3 06 00 40 00 20 00 02 08 00 C7 EB 41 30 31 32 BA C5 07 00 33 BA C5 B4 B0 BF DA CD 00 5A',
);

describe('CRC-16/ARC', () => {
  it('has the catalogue check value', () => {
    expect(crc16Arc(new TextEncoder().encode('123456789'))).toBe(0xbb3d);
    expect(crc16Arc(new Uint8Array())).toBe(0);
  });
});

describe('BX link frame golden bytes', () => {
  it('ack from screen 1 to the host', () => {
    expect(encodeBxFrame({ destination: 0x8000, source: 1, data: encodeAck(0) })).toEqual(ACK_TO_US);
  });

  it('header layout: dst, src, 3 reserved, device type, version, length (LE), then CRC low byte first', () => {
    expect(encodeBxFrame({ destination: 1, data: hex('A0 00 00 00') })).toEqual(
      hex('A5 01 00 00 80 00 00 00 FE 02 04 00 A0 00 00 00 4D F2 5A'),
    );
  });

  it('escapes A5, A6, 5A and 5B inside the frame', () => {
    expect(encodeBxFrame({ destination: 1, data: hex('A5 A6 5A 5B') })).toEqual(
      hex('A5 01 00 00 80 00 00 00 FE 02 04 00 A6 02 A6 01 5B 02 5B 01 D6 46 5A'),
    );
  });

  it('text command "请A012号" / "3号窗口" in GB18030 for a 64×32 screen', () => {
    const data = encodeTextCommand({ width: 64, height: 32, lines: ['请A012号', '3号窗口'] });
    expect(data).toEqual(hex('A3 06 00 40 00 20 00 02 08 00 C7 EB 41 30 31 32 BA C5 07 00 33 BA C5 B4 B0 BF DA'));
    expect(encodeBxFrame({ destination: 1, data })).toEqual(TEXT_FRAME);
  });

  it('clear is a text command without lines', () => {
    const data = encodeTextCommand({ width: 64, height: 32, lines: [] });
    expect(encodeBxFrame({ destination: 1, data })).toEqual(
      hex('A5 01 00 00 80 00 00 00 FE 02 08 00 A3 06 00 40 00 20 00 00 50 B0 5A'),
    );
  });

  it('a wake-up preamble of several A5', () => {
    const frame = encodeBxFrame({ destination: 1, data: hex('A0 00 00 00') }, { preamble: 8 });
    expect([...frame.subarray(0, 9)]).toEqual([0xa5, 0xa5, 0xa5, 0xa5, 0xa5, 0xa5, 0xa5, 0xa5, 0x01]);
    expect(decodeAll(frame)).toMatchObject([{ ok: true, frame: { destination: 1 } }]);
  });

  it('text and ack round-trip through their decoders', () => {
    expect(decodeTextCommand(encodeTextCommand({ width: 96, height: 16, lines: ['请A012号', '', '€ 𠀀'] }))).toEqual({
      ok: true,
      command: { width: 96, height: 16, lines: ['请A012号', '', '€ 𠀀'] },
    });
    expect(decodeTextCommand(hex('A3 06 00 40 00'))).toEqual({ ok: false, error: { kind: 'truncated' } });
    expect(decodeTextCommand(hex('A3 06 00 40 00 20 00 01 09 00 C7'))).toEqual({ ok: false, error: { kind: 'truncated' } });
    expect(decodeTextCommand(hex('A0 00 00 00'))).toEqual({ ok: false, error: { kind: 'not-text' } });
    expect(ackStatus(encodeAck(0x0102))).toBe(0x0102);
    expect(ackStatus(hex('A3 06'))).toBeUndefined();
  });
});

describe('BxFrameDecoder', () => {
  it('decodes a frame into its fields', () => {
    expect(decodeAll(ACK_TO_US)).toEqual([
      { ok: true, frame: { destination: 0x8000, source: 1, deviceType: 0xfe, protocolVersion: 2, data: hex('A0 00 00 00') } },
    ]);
  });

  it('gives the same result for every split of two frames with garbage between (escapes split too)', () => {
    const escaped = encodeBxFrame({ destination: 1, data: hex('A5 A6 5A 5B') });
    const stream = Uint8Array.from([...escaped, 0x00, 0x5a, 0x11, ...TEXT_FRAME]);
    const whole = decodeAll(stream);
    expect(whole.map((r) => (r.ok ? 'frame' : r.error.kind))).toEqual(['frame', 'garbage', 'frame']);
    for (let i = 0; i <= stream.length; i++) {
      for (let j = i; j <= stream.length; j++) {
        expect(decodeAll(stream.subarray(0, i), stream.subarray(i, j), stream.subarray(j))).toEqual(whole);
      }
    }
  });

  it('reports a bad CRC and keeps the next frame', () => {
    const packet = bxPacket({ destination: 1, data: hex('A0 00 00 00') });
    packet[packet.length - 1] = (packet[packet.length - 1] ?? 0) ^ 0x01;
    expect(decodeAll(frameBxPacket(packet), ACK_TO_US)).toEqual([
      { ok: false, error: { kind: 'crc', expected: 0xf24d, actual: 0xf34d } },
      { ok: true, frame: expect.objectContaining({ source: 1 }) },
    ]);
  });

  it('reports a bad escape and resynchronises at the next A5', () => {
    const results = decodeAll(hex('A5 01 00 A6 07 33 44 5A'), ACK_TO_US);
    expect(results).toEqual([
      { ok: false, error: { kind: 'escape', byte: 0x07 } },
      { ok: true, frame: expect.objectContaining({ source: 1 }) },
    ]);
  });

  it('reports a frame cut short by a new A5', () => {
    expect(decodeAll(hex('A5 01 00 00 80'), ACK_TO_US)).toEqual([
      { ok: false, error: { kind: 'truncated', bytes: 4 } },
      { ok: true, frame: expect.objectContaining({ source: 1 }) },
    ]);
  });

  it('reports a length field that disagrees with the bytes, and a packet too short for a header', () => {
    const packet = bxPacket({ destination: 1, data: hex('01 02') });
    packet[9] = 3;
    expect(decodeAll(frameBxPacket(packet))).toEqual([{ ok: false, error: { kind: 'length', declared: 3, actual: 2 } }]);
    expect(decodeAll(hex('A5 01 02 03 5A'))).toEqual([{ ok: false, error: { kind: 'length', declared: undefined, actual: 3 } }]);
  });

  it('drops a frame that never ends without buffering forever', () => {
    const decoder = new BxFrameDecoder();
    const results = [decoder.push(Uint8Array.of(0xa5)), decoder.push(new Uint8Array(9000).fill(0x11))].flat();
    expect(results).toEqual([{ ok: false, error: { kind: 'too-long' } }]);
    // The rest of the runaway frame is not reported again as garbage.
    expect(decoder.push(ACK_TO_US)).toEqual([{ ok: true, frame: expect.objectContaining({ source: 1 }) }]);
  });

  it('reports bytes before a frame as garbage once', () => {
    expect(decodeAll(hex('00 01'), hex('5A 02'), ACK_TO_US)).toEqual([
      { ok: false, error: { kind: 'garbage', skipped: 4 } },
      { ok: true, frame: expect.objectContaining({ source: 1 }) },
    ]);
  });
});
