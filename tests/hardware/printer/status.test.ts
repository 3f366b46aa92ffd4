import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { ReplyDecoder } from '../../../hardware/printer/replies';
import type { PrinterStatus } from '../../../hardware/printer/status';
import { decodeAsb, decodeDleEot, decodeFullStatus, encodeAsb, encodeDleEotReply } from '../../../hardware/printer/status';

const healthy: PrinterStatus = { online: true, coverOpen: false, paper: 'ok', cutterError: false, unrecoverableError: false };

describe('DLE EOT replies, bit by bit', () => {
  it('n=1: bit 3 offline, bit 5 waiting for recovery, bit 6 feed button', () => {
    expect(decodeDleEot(1, 0x12)).toEqual({
      ok: true,
      reply: { kind: 1, value: { online: true, waitingForOnlineRecovery: false, feedButtonPressed: false } },
    });
    expect(decodeDleEot(1, 0x1a)).toMatchObject({ ok: true, reply: { value: { online: false } } });
    expect(decodeDleEot(1, 0x32)).toMatchObject({ ok: true, reply: { value: { waitingForOnlineRecovery: true } } });
    expect(decodeDleEot(1, 0x52)).toMatchObject({ ok: true, reply: { value: { feedButtonPressed: true } } });
  });

  it('n=2: bit 2 cover, bit 3 feed button, bit 5 paper end, bit 6 error', () => {
    const none = { coverOpen: false, feedButtonFeeding: false, paperEndStop: false, errorOccurred: false };
    expect(decodeDleEot(2, 0x12)).toEqual({ ok: true, reply: { kind: 2, value: none } });
    expect(decodeDleEot(2, 0x16)).toEqual({ ok: true, reply: { kind: 2, value: { ...none, coverOpen: true } } });
    expect(decodeDleEot(2, 0x1a)).toEqual({ ok: true, reply: { kind: 2, value: { ...none, feedButtonFeeding: true } } });
    expect(decodeDleEot(2, 0x32)).toEqual({ ok: true, reply: { kind: 2, value: { ...none, paperEndStop: true } } });
    expect(decodeDleEot(2, 0x52)).toEqual({ ok: true, reply: { kind: 2, value: { ...none, errorOccurred: true } } });
  });

  it('n=3: bit 3 cutter, bit 5 unrecoverable, bit 6 auto-recoverable', () => {
    const none = { cutterError: false, unrecoverableError: false, autoRecoverableError: false };
    expect(decodeDleEot(3, 0x12)).toEqual({ ok: true, reply: { kind: 3, value: none } });
    expect(decodeDleEot(3, 0x1a)).toEqual({ ok: true, reply: { kind: 3, value: { ...none, cutterError: true } } });
    expect(decodeDleEot(3, 0x32)).toEqual({ ok: true, reply: { kind: 3, value: { ...none, unrecoverableError: true } } });
    expect(decodeDleEot(3, 0x52)).toEqual({ ok: true, reply: { kind: 3, value: { ...none, autoRecoverableError: true } } });
  });

  it('n=4: bits 2-3 near end, bits 5-6 end', () => {
    expect(decodeDleEot(4, 0x12)).toEqual({ ok: true, reply: { kind: 4, value: { paper: 'ok' } } });
    expect(decodeDleEot(4, 0x1e)).toEqual({ ok: true, reply: { kind: 4, value: { paper: 'near-end' } } });
    expect(decodeDleEot(4, 0x72)).toEqual({ ok: true, reply: { kind: 4, value: { paper: 'end' } } });
    expect(decodeDleEot(4, 0x7e)).toEqual({ ok: true, reply: { kind: 4, value: { paper: 'end' } } });
  });

  it('rejects wrong fixed bits and unknown kinds with typed errors', () => {
    expect(decodeDleEot(1, 0x00)).toEqual({ ok: false, error: { reason: 'fixed-bits', byte: 0x00 } });
    expect(decodeDleEot(1, 0x92)).toEqual({ ok: false, error: { reason: 'fixed-bits', byte: 0x92 } });
    expect(decodeDleEot(5, 0x12)).toEqual({ ok: false, error: { reason: 'kind', kind: 5 } });
    expect(decodeFullStatus([0x12, 0x12])).toEqual({ ok: false, error: { reason: 'length', length: 2 } });
  });

  it('combines the four replies; paper end from either the offline cause or the roll sensor', () => {
    expect(decodeFullStatus([0x12, 0x12, 0x12, 0x12])).toEqual({ ok: true, status: healthy });
    expect(decodeFullStatus([0x1a, 0x32, 0x12, 0x12])).toMatchObject({ ok: true, status: { online: false, paper: 'end' } });
    expect(decodeFullStatus([0x1a, 0x16, 0x12, 0x1e])).toMatchObject({
      ok: true,
      status: { coverOpen: true, paper: 'near-end' },
    });
    expect(decodeFullStatus([0x12, 0x52, 0x3a, 0x12])).toMatchObject({
      ok: true,
      status: { cutterError: true, unrecoverableError: true },
    });
  });

  it('encodes what it decodes', () => {
    const states: PrinterStatus[] = [
      healthy,
      { ...healthy, online: false, paper: 'end' },
      { ...healthy, online: false, coverOpen: true },
      { ...healthy, paper: 'near-end' },
      { ...healthy, cutterError: true },
      { ...healthy, unrecoverableError: true },
    ];
    for (const s of states) {
      const bytes = ([1, 2, 3, 4] as const).map((n) => encodeDleEotReply(n, s));
      expect(decodeFullStatus(bytes)).toEqual({ ok: true, status: s });
      expect(decodeAsb(encodeAsb(s))).toEqual({ ok: true, status: s });
    }
  });
});

describe('Automatic Status Back', () => {
  it('decodes each bit of the four bytes', () => {
    expect(decodeAsb([0x10, 0, 0, 0])).toEqual({ ok: true, status: healthy });
    expect(decodeAsb([0x18, 0, 0, 0])).toMatchObject({ ok: true, status: { online: false } });
    expect(decodeAsb([0x30, 0, 0, 0])).toMatchObject({ ok: true, status: { coverOpen: true } });
    expect(decodeAsb([0x10, 0x08, 0, 0])).toMatchObject({ ok: true, status: { cutterError: true } });
    expect(decodeAsb([0x10, 0x20, 0, 0])).toMatchObject({ ok: true, status: { unrecoverableError: true } });
    expect(decodeAsb([0x10, 0, 0x03, 0])).toMatchObject({ ok: true, status: { paper: 'near-end' } });
    expect(decodeAsb([0x10, 0, 0x0c, 0])).toMatchObject({ ok: true, status: { paper: 'end' } });
  });

  it('rejects wrong fixed bits and lengths', () => {
    expect(decodeAsb([0x12, 0, 0, 0])).toEqual({ ok: false, error: { reason: 'fixed-bits', byte: 0x12 } });
    expect(decodeAsb([0x10, 0x10, 0, 0])).toEqual({ ok: false, error: { reason: 'fixed-bits', byte: 0x10 } });
    expect(decodeAsb([0x10, 0, 0])).toEqual({ ok: false, error: { reason: 'length', length: 3 } });
  });

  it('is told apart from DLE EOT and GS r replies in one stream', () => {
    const decoder = new ReplyDecoder();
    const replies = [
      ...decoder.push(Uint8Array.of(0x12, 0x18, 0x00)),
      ...decoder.push(Uint8Array.of(0x0c, 0x00, 0x72, 0x03, 0xff)),
    ];
    expect(replies).toEqual([
      { kind: 'dle-eot', byte: 0x12 },
      { kind: 'asb', bytes: Uint8Array.of(0x18, 0x00, 0x0c, 0x00) },
      { kind: 'dle-eot', byte: 0x72 },
      { kind: 'in-order', byte: 0x03 },
      { kind: 'unknown', byte: 0xff },
    ]);
  });
});

describe('status decoder properties', () => {
  it('never throws on any byte, kind or length', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -5, max: 300 }),
        fc.integer({ min: -5, max: 300 }),
        fc.array(fc.integer({ min: -1, max: 256 }), { maxLength: 8 }),
        (kind, byte, bytes) => {
          const one = decodeDleEot(kind, byte);
          expect(typeof one.ok).toBe('boolean');
          expect(typeof decodeAsb(bytes).ok).toBe('boolean');
          expect(typeof decodeFullStatus(bytes).ok).toBe('boolean');
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('the reply stream decoder accounts for every byte', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 16 }), { maxLength: 20 }), (chunks) => {
        const decoder = new ReplyDecoder();
        let counted = 0;
        for (const chunk of chunks) {
          for (const r of decoder.push(chunk)) counted += r.kind === 'asb' ? 4 : 1;
        }
        const total = chunks.reduce((n, c) => n + c.length, 0);
        // At most three bytes of an unfinished ASB message are still held.
        expect(total - counted).toBeGreaterThanOrEqual(0);
        expect(total - counted).toBeLessThanOrEqual(3);
      }),
      { numRuns: 500 },
    );
  });
});
