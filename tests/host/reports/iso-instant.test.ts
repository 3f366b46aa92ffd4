import { describe, expect, it } from 'vitest';
import { isoMs } from '../../../host/reports/iso-instant';

describe('isoMs: instants as the host stores them', () => {
  it('reads toISOString() text exactly as Date.parse does, across centuries, leap days and month ends', () => {
    const wrong: string[] = [];
    // Every 3 days, 7 hours, 11 minutes, 13.017 seconds from 1900 to 2200.
    for (let t = Date.UTC(1900, 0, 1); t < Date.UTC(2200, 0, 1); t += 285_073_017) {
      const iso = new Date(t).toISOString();
      if (isoMs(iso) !== t) wrong.push(iso);
    }
    for (const iso of [
      '2024-02-29T23:59:59.999Z',
      '2000-02-29T00:00:00.000Z',
      '2026-12-31T16:00:00.000Z',
      '1970-01-01T00:00:00.000Z',
    ])
      if (isoMs(iso) !== Date.parse(iso)) wrong.push(iso);
    expect(wrong).toEqual([]);
  });

  it('leaves any other shape to Date.parse', () => {
    expect(isoMs('2026-03-30T09:05:00+08:00')).toBe(Date.parse('2026-03-30T01:05:00.000Z'));
    expect(isoMs('2026-03-30T01:05:00Z')).toBe(Date.parse('2026-03-30T01:05:00.000Z'));
  });
});
