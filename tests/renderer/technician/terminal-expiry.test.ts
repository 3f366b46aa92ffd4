import { describe, expect, it } from 'vitest';
import { expiryState } from '../../../renderer/technician/terminal-expiry';

const DAY = 86_400_000;

describe('the console’s terminal expiry mark', () => {
  it('is fine beyond a week, soon within one, and expired after', () => {
    const now = Date.parse('2026-12-06T08:00:00Z');
    const at = (ms: number) => ({ expiresAt: new Date(now + ms).toISOString() });
    expect(expiryState(at(8 * DAY), now)).toBe('ok');
    expect(expiryState(at(7 * DAY), now)).toBe('soon');
    expect(expiryState(at(1), now)).toBe('soon');
    expect(expiryState(at(0), now)).toBe('expired');
  });
});
