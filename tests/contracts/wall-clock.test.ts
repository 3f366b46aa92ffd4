import { describe, expect, it } from 'vitest';
import { instantOfWallTime, offsetAt, wallDate, wallDateTime, wallParts, wallTime } from '../../contracts/wall-clock';

describe('the hall’s wall clock', () => {
  it('reads an instant on the hall’s clock, not UTC’s and not the machine’s', () => {
    // 07:30 on Saturday in Beijing is still Friday in UTC.
    const at = Date.parse('2026-11-27T23:30:05Z');
    expect(wallDate(at, 'Asia/Shanghai')).toBe('2026-11-28');
    expect(wallDateTime(at, 'Asia/Shanghai')).toBe('2026-11-28T07:30:05');
    expect(wallTime(new Date(at), 'Asia/Shanghai')).toBe('2026-11-28T07:30');
    expect(wallParts(at, 'Europe/Berlin')).toEqual({ year: 2026, month: 11, day: 28, hour: 0, minute: 30, second: 5 });
    expect(offsetAt(at, 'Asia/Shanghai')).toBe(8 * 3_600_000);
  });

  it('reads a typed wall time with the offset of that moment, across a change of the clocks', () => {
    expect(instantOfWallTime('2026-12-03T09:30', 'Asia/Shanghai')).toBe('2026-12-03T01:30:00.000Z');
    // New York: winter (UTC−5), then summer time (UTC−4) after the second Sunday of March.
    expect(instantOfWallTime('2026-03-07T12:00', 'America/New_York')).toBe('2026-03-07T17:00:00.000Z');
    expect(instantOfWallTime('2026-03-09T12:00', 'America/New_York')).toBe('2026-03-09T16:00:00.000Z');
    // 02:30 does not exist in Berlin on 2026-03-29: it lands just after the jump, at 03:30 CEST.
    expect(instantOfWallTime('2026-03-29T02:30', 'Europe/Berlin')).toBe('2026-03-29T01:30:00.000Z');
    const back = instantOfWallTime('2026-10-25T18:30', 'Europe/Berlin') ?? '';
    expect(wallTime(Date.parse(back), 'Europe/Berlin')).toBe('2026-10-25T18:30');
  });

  it('refuses what is no datetime-local value', () => {
    expect(instantOfWallTime('not a time', 'Asia/Shanghai')).toBeNull();
    expect(instantOfWallTime('2026-11-27 10:00', 'Asia/Shanghai')).toBeNull();
  });
});
