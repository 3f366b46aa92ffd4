import { describe, expect, it } from 'vitest';
import { localClock } from '../../../host/queue/schedule';
import { dateOfDayNumber, dayNumber, isoWeekday, ZoneOffsets } from '../../../host/reports/zone-offsets';

const HOUR = 3_600_000;

describe('ZoneOffsets: the hall clock of many instants', () => {
  // New York (DST on 8 March and 1 November 2026), Kathmandu (UTC+5:45), Lord Howe (a 30-minute DST).
  for (const timeZone of ['Asia/Shanghai', 'America/New_York', 'Asia/Kathmandu', 'Australia/Lord_Howe']) {
    it(`reads the same hour and business day as Intl in ${timeZone}, across the year's offset changes`, () => {
      const start = Date.parse('2026-01-01T00:00:00Z');
      const end = Date.parse('2027-01-01T00:00:00Z');
      const zone = new ZoneOffsets(timeZone, start, end);
      const wrong: string[] = [];
      // Every 28 min 53 s: lands on every quarter hour of the day many times over the year.
      for (let t = start; t < end; t += 1_733_000) {
        const clock = localClock(new Date(t), timeZone);
        const businessDay = clock.minutes < 3 * 60 ? dateOfDayNumber(dayNumber(clock.date) - 1) : clock.date;
        if (zone.hour(t) !== Math.floor(clock.minutes / 60) || dateOfDayNumber(zone.businessDayNumber(t, 3)) !== businessDay)
          wrong.push(new Date(t).toISOString());
      }
      expect(wrong).toEqual([]);
    });
  }

  it('knows the first minute after New York springs forward', () => {
    const zone = new ZoneOffsets('America/New_York', Date.parse('2026-03-01T00:00:00Z'), Date.parse('2026-04-01T00:00:00Z'));
    // 2026-03-08 02:00 EST does not exist: 06:59Z is 01:59 EST, 07:00Z is 03:00 EDT.
    expect(zone.hour(Date.parse('2026-03-08T06:59:00Z'))).toBe(1);
    expect(zone.hour(Date.parse('2026-03-08T07:00:00Z'))).toBe(3);
    expect(zone.hour(Date.parse('2026-03-08T07:00:00Z') + HOUR)).toBe(4);
  });

  it('numbers days and weekdays without a time zone', () => {
    expect(dateOfDayNumber(dayNumber('2024-02-29'))).toBe('2024-02-29');
    expect(isoWeekday(dayNumber('2026-03-30'))).toBe(1);
    expect(isoWeekday(dayNumber('2026-04-05'))).toBe(7);
  });
});
