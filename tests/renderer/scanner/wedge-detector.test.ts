import { describe, it, expect } from 'vitest';
import { createWedgeDetector } from '../../../renderer/scanner/wedge-detector';

/** Feeds keys at fixed gaps from `start`; returns every non-null result. */
function type(detector: ReturnType<typeof createWedgeDetector>, keys: string[], gapMs: number, start = 1000): string[] {
  const out: string[] = [];
  keys.forEach((key, i) => {
    const result = detector.feed(key, start + i * gapMs);
    if (result !== null) out.push(result);
  });
  return out;
}

const keysOf = (s: string) => [...s];

describe('createWedgeDetector', () => {
  it('returns the code of a fast burst ending in Enter', () => {
    const d = createWedgeDetector();
    expect(type(d, [...keysOf('A20240101007'), 'Enter'], 8)).toEqual(['A20240101007']);
  });

  it('returns null for human typing (slow keys) ending in Enter', () => {
    const d = createWedgeDetector();
    expect(type(d, [...keysOf('A20240101007'), 'Enter'], 120)).toEqual([]);
  });

  it('a burst shorter than minLength is not a scan', () => {
    const d = createWedgeDetector();
    expect(type(d, [...keysOf('12345'), 'Enter'], 5)).toEqual([]);
    expect(type(createWedgeDetector({ minLength: 4 }), [...keysOf('12345'), 'Enter'], 5)).toEqual(['12345']);
  });

  it('human keys before a scan do not leak into it', () => {
    const d = createWedgeDetector();
    expect(type(d, keysOf('hello'), 150, 0)).toEqual([]);
    expect(type(d, [...keysOf('YY0001234'), 'Enter'], 10, 5000)).toEqual(['YY0001234']);
  });

  it('a slow Enter after a fast burst is a person pressing Enter', () => {
    const d = createWedgeDetector();
    type(d, keysOf('YY0001234'), 10, 0);
    expect(d.feed('Enter', 5000)).toBeNull();
  });

  it('a pause in the middle splits the burst; only the fast tail counts', () => {
    const d = createWedgeDetector();
    type(d, keysOf('ABC'), 10, 0);
    expect(type(d, [...keysOf('1234567'), 'Enter'], 10, 1000)).toEqual(['1234567']);
  });

  it('ignores Shift (scanners press it for capitals); other named keys break the burst', () => {
    const d = createWedgeDetector();
    const shifted = ['Shift', 'A', 'Shift', 'B', '1', '2', '3', '4', 'Enter'];
    expect(type(d, shifted, 4)).toEqual(['AB1234']);
    expect(type(d, ['1', '2', '3', 'Backspace', '4', '5', '6', 'Enter'], 4)).toEqual([]);
  });

  it('honours custom interval and terminator; a backwards clock is not speed', () => {
    const d = createWedgeDetector({ maxInterKeyMs: 60, terminator: 'Tab' });
    expect(type(d, [...keysOf('ABCDEF'), 'Tab'], 50)).toEqual(['ABCDEF']);
    expect(type(d, [...keysOf('ABCDEF'), 'Enter'], 50)).toEqual([]);
    const back = createWedgeDetector();
    expect(['1', '2', '3', '4', '5', '6', 'Enter'].map((k, i) => back.feed(k, 1000 - i * 5))).toEqual(Array(7).fill(null));
  });

  it('reset forgets a burst in progress', () => {
    const d = createWedgeDetector();
    type(d, keysOf('123456'), 5, 0);
    d.reset();
    expect(d.feed('Enter', 30)).toBeNull();
  });
});
