import { describe, expect, it } from 'vitest';
import { hallDate, instantOfWallTime, wallTimeOf } from '../../../renderer/manager/hall-time';

describe('the hall’s clock in the manager’s forms', () => {
  it('reads a typed time on the hall’s clock, whatever the browser’s zone', () => {
    expect(instantOfWallTime('2026-11-27T10:00', 'Asia/Shanghai')).toBe('2026-11-27T02:00:00.000Z');
    expect(instantOfWallTime('2026-11-27T10:00', 'Europe/Berlin')).toBe('2026-11-27T09:00:00.000Z');
    expect(wallTimeOf('2026-11-27T02:00:00.000Z', 'Asia/Shanghai')).toBe('2026-11-27T10:00');
    expect(instantOfWallTime('2026-11-27 10:00', 'Asia/Shanghai')).toBeNull();
  });

  it('takes each time with its own day’s offset across a change of the clocks', () => {
    // Berlin: CET (+1) before 2026-03-29 02:00, CEST (+2) after.
    expect(instantOfWallTime('2026-03-28T12:00', 'Europe/Berlin')).toBe('2026-03-28T11:00:00.000Z');
    expect(instantOfWallTime('2026-03-29T12:00', 'Europe/Berlin')).toBe('2026-03-29T10:00:00.000Z');
    expect(wallTimeOf(instantOfWallTime('2026-10-25T18:30', 'Europe/Berlin') ?? '', 'Europe/Berlin')).toBe('2026-10-25T18:30');
  });

  it('gives the hall’s date of an instant, not UTC’s', () => {
    // 07:30 on Saturday in Beijing is still Friday in UTC.
    expect(hallDate(Date.parse('2026-11-27T23:30:00Z'), 'Asia/Shanghai')).toBe('2026-11-28');
  });
});
