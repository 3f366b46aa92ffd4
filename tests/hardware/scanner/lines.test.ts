import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { LineSplitter } from '../../../hardware/scanner/lines';
import type { LineResult, LineTerminator } from '../../../hardware/scanner/lines';

const bytes = (s: string) => new TextEncoder().encode(s);

function splitAll(terminator: LineTerminator, chunks: Uint8Array[], maxLength?: number): LineResult[] {
  const splitter = new LineSplitter(terminator, maxLength);
  return chunks.flatMap((c) => splitter.push(c));
}

const lines = (results: LineResult[]) => results.map((r) => (r.ok ? r.line : `!${r.error.kind}:${r.error.length}`));

describe('LineSplitter', () => {
  it.each<[LineTerminator, string]>([
    ['CR', 'ABC123\rXYZ\r'],
    ['LF', 'ABC123\nXYZ\n'],
    ['CRLF', 'ABC123\r\nXYZ\r\n'],
  ])('%s terminator', (terminator, stream) => {
    expect(lines(splitAll(terminator, [bytes(stream)]))).toEqual(['ABC123', 'XYZ']);
  });

  it('CR and LF modes both accept a scanner that sends CRLF', () => {
    expect(lines(splitAll('CR', [bytes('A1\r\nB2\r\n')]))).toEqual(['A1', 'B2']);
    expect(lines(splitAll('LF', [bytes('A1\r\nB2\r\n')]))).toEqual(['A1', 'B2']);
  });

  it('ignores empty lines and keeps an unterminated tail for later', () => {
    const splitter = new LineSplitter('CR');
    expect(splitter.push(bytes('\r\rAB'))).toEqual([]);
    expect(splitter.push(bytes('C\r'))).toEqual([{ ok: true, line: 'ABC' }]);
  });

  it('gives the same lines for every split, a UTF-8 character split across chunks included', () => {
    const stream = bytes('预约A-20240101-0007\r\n电子证照 QR\r\n');
    const whole = lines(splitAll('CRLF', [stream]));
    expect(whole).toEqual(['预约A-20240101-0007', '电子证照 QR']);
    for (let i = 0; i <= stream.length; i++) {
      for (let j = i; j <= stream.length; j++) {
        expect(lines(splitAll('CRLF', [stream.subarray(0, i), stream.subarray(i, j), stream.subarray(j)]))).toEqual(whole);
      }
    }
  });

  it('drops an over-long line whole, bounded, and goes on with the next', () => {
    const long = 'X'.repeat(50);
    expect(lines(splitAll('CR', [bytes(`${long}\rOK123\r`)], 10))).toEqual(['!too-long:50', 'OK123']);
    expect(lines(splitAll('CR', [bytes('0123456789\r')], 10))).toEqual(['0123456789']);
    expect(lines(splitAll('LF', [bytes(`${long}\r\n`)], 10))).toEqual(['!too-long:51']);
  });

  it('never throws and always keeps its buffer under the limit (fuzz)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<LineTerminator>('CR', 'LF', 'CRLF'),
        fc.array(fc.uint8Array({ maxLength: 64 }), { maxLength: 40 }),
        (terminator, chunks) => {
          const results = splitAll(terminator, chunks, 32);
          for (const r of results) if (r.ok) expect(new TextEncoder().encode(r.line).length).toBeLessThanOrEqual(32 * 3);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
