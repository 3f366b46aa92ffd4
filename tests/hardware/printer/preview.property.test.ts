import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { decodeEscPos, EscPosDecoder, PreviewBuilder } from '../../../hardware/printer/preview';
import { encodeTicket } from '../../../hardware/printer/layouts';
import { chunkAt } from '../../support/bytes';

const commandLike = fc.oneof(
  fc.uint8Array({ maxLength: 12 }),
  fc.constantFrom(
    Uint8Array.of(0x1b, 0x40),
    Uint8Array.of(0x1c, 0x26),
    Uint8Array.of(0x1d, 0x21),
    Uint8Array.of(0x1d, 0x28, 0x6b),
    Uint8Array.of(0x1d, 0x28, 0x6b, 0x05, 0x00, 0x31, 0x50, 0x30),
    Uint8Array.of(0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x51, 0x30),
    Uint8Array.of(0x10, 0x04),
    Uint8Array.of(0x1d, 0x56),
    Uint8Array.of(0xc7, 0xb0),
    Uint8Array.of(0x81, 0x30),
  ),
);

describe('decodeEscPos properties', () => {
  it('never throws and stays bounded on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.array(commandLike, { maxLength: 60 }), (parts) => {
        const bytes = Uint8Array.from(parts.flatMap((p) => [...p]));
        const preview = decodeEscPos(bytes);
        expect(preview.lines.length).toBeLessThanOrEqual(bytes.length * 256 + 1);
        expect(preview.lines.reduce((n, l) => n + l.text.length, 0)).toBeLessThanOrEqual(bytes.length);
        expect(preview.unknownBytes).toBeLessThanOrEqual(bytes.length);
        expect(preview.cuts).toBeLessThanOrEqual(bytes.length / 3);
      }),
      { numRuns: 1000 },
    );
  });

  it('does not depend on how the stream is chunked', () => {
    fc.assert(
      fc.property(fc.array(commandLike, { maxLength: 40 }), fc.array(fc.nat(), { maxLength: 20 }), (parts, cuts) => {
        const bytes = Uint8Array.from(parts.flatMap((p) => [...p]));
        const decoder = new EscPosDecoder();
        const builder = new PreviewBuilder();
        for (const c of chunkAt(bytes, cuts)) for (const e of decoder.push(c)) builder.apply(e);
        for (const e of decoder.finish()) builder.apply(e);
        expect(builder.take()).toEqual(decodeEscPos(bytes));
      }),
      { numRuns: 500 },
    );
  });

  it('recovers a ticket byte by byte', () => {
    const bytes = encodeTicket(
      {
        hallName: '政务服务中心',
        serviceName: '社保',
        number: 'B007',
        peopleAhead: 0,
        estimatedWaitMinutes: 0,
        issuedAt: new Date(0),
        timeZone: 'Asia/Shanghai',
        qrUrl: 'https://example.org/q',
        note: '',
      },
      { width: 58 },
    );
    const decoder = new EscPosDecoder();
    const builder = new PreviewBuilder();
    for (let i = 0; i < bytes.length; i++) for (const e of decoder.push(bytes.subarray(i, i + 1))) builder.apply(e);
    expect(builder.take()).toEqual(decodeEscPos(bytes));
  });
});
