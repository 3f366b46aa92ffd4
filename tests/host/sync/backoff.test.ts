import { describe, expect, it } from 'vitest';
import { retryDelay } from '../../../host/sync/backoff';

const options = { baseMs: 1_000, maxMs: 60_000 };

describe('retryDelay (full jitter)', () => {
  it('draws uniformly below an exponential ceiling', () => {
    const top = () => 0.999_999;
    expect([1, 2, 3, 4].map((n) => retryDelay(n, options, top))).toEqual([999, 1_999, 3_999, 7_999]);
    expect(retryDelay(3, options, () => 0.5)).toBe(2_000);
  });

  it('can retry at once (a zero draw) and never exceeds maxMs', () => {
    expect(retryDelay(5, options, () => 0)).toBe(0);
    expect(retryDelay(7, options, () => 0.999_999)).toBe(59_999);
    expect(retryDelay(500, options, () => 0.999_999)).toBe(59_999);
  });
});
