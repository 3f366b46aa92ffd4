import { describe, expect, it } from 'vitest';
import { DISTRICT_CALENDAR_SEED, DistrictCalendar, workCalendarOf, type CalendarDay } from '../../contracts/district-calendar';
import { isWorkday, nextDate } from '../../contracts/workdays';

const calendar = workCalendarOf(DISTRICT_CALENDAR_SEED);
const datesOf = (kind: 'holiday' | 'workday', year: string) =>
  DISTRICT_CALENDAR_SEED.filter((d) => d.kind === kind && d.date.startsWith(year)).map((d) => d.date);

function workingDaysIn(year: string): number {
  let count = 0;
  for (let day = `${year}-01-01`; day.startsWith(year); day = nextDate(day)) if (isWorkday(day, calendar)) count += 1;
  return count;
}

describe('the district calendar seed', () => {
  it('has the State Council’s 2026 days off and 调休 working days', () => {
    expect(datesOf('workday', '2026')).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
    // 春节: 15–23 February, nine days; 国庆: 1–7 October.
    for (const day of ['2026-02-15', '2026-02-16', '2026-02-20', '2026-02-23', '2026-10-01', '2026-10-07']) {
      expect(isWorkday(day, calendar), day).toBe(false);
    }
    expect(isWorkday('2026-02-24', calendar)).toBe(true);
    expect(isWorkday('2026-10-08', calendar)).toBe(true);
    expect(datesOf('holiday', '2026')).toHaveLength(3 + 9 + 3 + 5 + 3 + 3 + 7);
  });

  it('makes 2026 a year of 248 working days', () => {
    // 261 weekdays, minus the 19 holidays on weekdays (元旦 2, 春节 6, 清明 1, 劳动 3, 端午 1,
    // 中秋 1, 国庆 5), plus the 6 weekend days worked.
    expect(workingDaysIn('2026')).toBe(261 - 19 + 6);
  });

  it('holds only the certain days of 2027: statutory holidays on weekdays, no 调休 yet', () => {
    expect(datesOf('workday', '2027')).toEqual([]);
    expect(datesOf('holiday', '2027')).toEqual([
      '2027-01-01',
      '2027-02-08',
      '2027-04-05',
      '2027-06-09',
      '2027-09-15',
      '2027-10-01',
    ]);
    for (const day of datesOf('holiday', '2027')) {
      const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
      expect(weekday >= 1 && weekday <= 5, day).toBe(true);
    }
  });

  it('names each date once and says where it comes from', () => {
    const dates = DISTRICT_CALENDAR_SEED.map((d) => d.date);
    expect(new Set(dates).size).toBe(dates.length);
    expect(dates).toEqual([...dates].sort());
    expect(DISTRICT_CALENDAR_SEED.every((d) => d.source.length > 0)).toBe(true);
  });

  it('refuses a calendar that lists a date twice', () => {
    const day: CalendarDay = { date: '2026-10-01', kind: 'holiday', holiday: '国庆节', source: 'test' };
    expect(DistrictCalendar.safeParse([day, { ...day, kind: 'workday' }]).success).toBe(false);
  });
});
