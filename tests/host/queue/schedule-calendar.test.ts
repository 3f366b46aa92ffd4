import { describe, expect, it } from 'vitest';
import { DEFAULT_HALL_HOURS, WeeklyHours, WorkCalendarConfig } from '../../../contracts/config';
import { dayKind, dayPeriods, openingState, type DayRules } from '../../../host/queue/schedule';

const SH = 'Asia/Shanghai';
const at = (iso: string) => new Date(iso);
/** Weekdays 08:30–17:30 with lunch duty, weekend mornings 09:00–12:00. */
const hall = WeeklyHours.parse(DEFAULT_HALL_HOURS);

/**
 * An invented National Day week: Thursday 1 October to Wednesday 7 October 2026 off (the weekend
 * inside it too), Saturday 10 October worked in its place (调休). Beijing is UTC+8: 10:00 local = 02:00Z.
 */
const calendar = WorkCalendarConfig.parse({
  holidays: ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'],
  extraWorkdays: ['2026-09-27', '2026-10-10'],
});
const rules: DayRules = { calendar };

describe('the queue keeps the hall calendar', () => {
  it('is closed all day on a public holiday, weekend mornings included, and says why', () => {
    for (const instant of ['2026-10-01T02:00:00Z', '2026-10-03T02:00:00Z', '2026-10-07T07:00:00Z']) {
      expect(openingState(hall, at(instant), SH, rules), instant).toEqual({
        open: false,
        duty: false,
        holiday: true,
        // The next opening day is the first day after the holiday: Thursday 8 October, 08:30.
        nextOpening: at('2026-10-08T00:30:00Z'),
      });
    }
    // Without the calendar the same Thursday morning is an ordinary working morning.
    expect(openingState(hall, at('2026-10-01T02:00:00Z'), SH).open).toBe(true);
  });

  it('names the first day after the holiday as the next opening, from the evening before it', () => {
    // Wednesday 30 September, 18:00: closed for the evening; the hall opens again on 8 October.
    expect(openingState(hall, at('2026-09-30T10:00:00Z'), SH, rules)).toEqual({
      open: false,
      duty: false,
      nextOpening: at('2026-10-08T00:30:00Z'),
    });
  });

  it('opens a 调休 Saturday with Monday’s hours, afternoon and lunch duty included', () => {
    // Saturday 10 October, 15:00: a weekend afternoon is closed, but this Saturday is a working day.
    expect(openingState(hall, at('2026-10-10T07:00:00Z'), SH)).toMatchObject({ open: false });
    expect(openingState(hall, at('2026-10-10T07:00:00Z'), SH, rules)).toMatchObject({
      open: true,
      duty: false,
      closesAt: at('2026-10-10T09:30:00Z'),
    });
    expect(openingState(hall, at('2026-10-10T04:30:00Z'), SH, rules)).toMatchObject({ open: true, duty: true });
    // A 调休 Sunday before the holiday opens at 08:30, not at the weekend's 09:00.
    expect(openingState(hall, at('2026-09-27T00:45:00Z'), SH, rules).open).toBe(true);
    expect(dayKind('2026-10-10', calendar)).toBe('makeup');
    expect(dayKind('2026-10-02', calendar)).toBe('holiday');
    expect(dayKind('2026-10-12', calendar)).toBe('regular');
  });

  it('uses the weekday the hall names for 调休 days when its weekdays differ', () => {
    const shortFridays = WeeklyHours.parse({ ...DEFAULT_HALL_HOURS, fri: [{ from: '08:30', to: '12:00' }] });
    const fridayRules: DayRules = { calendar: { ...calendar, makeupHours: 'fri' } };
    expect(dayPeriods(shortFridays, '2026-10-10', fridayRules)).toEqual([{ from: '08:30', to: '12:00', duty: false }]);
    expect(openingState(shortFridays, at('2026-10-10T07:00:00Z'), SH, fridayRules)).toMatchObject({
      open: false,
      nextOpening: at('2026-10-11T01:00:00Z'),
    });
  });

  it('honours a 延时服务 extension past the day’s hours, and only that day', () => {
    // Monday 12 October 2026, 17:45: closed at 17:30; extended to 18:30 it is open until then.
    const extended: DayRules = { calendar, extendedUntil: (date) => (date === '2026-10-12' ? 18 * 60 + 30 : undefined) };
    const quarterTo6 = at('2026-10-12T09:45:00Z');
    expect(openingState(hall, quarterTo6, SH, rules).open).toBe(false);
    expect(openingState(hall, quarterTo6, SH, extended)).toEqual({
      open: true,
      duty: false,
      period: { from: '17:30', to: '18:30', duty: false },
      closesAt: at('2026-10-12T10:30:00Z'),
    });
    // The afternoon runs on into the extension: one opening from 14:00 to 18:30.
    expect(openingState(hall, at('2026-10-12T07:00:00Z'), SH, extended).closesAt).toEqual(at('2026-10-12T10:30:00Z'));
    // At 18:30 sharp it closes; Tuesday keeps its own hours.
    expect(openingState(hall, at('2026-10-12T10:30:00Z'), SH, extended)).toEqual({
      open: false,
      duty: false,
      nextOpening: at('2026-10-13T00:30:00Z'),
    });
    expect(dayPeriods(hall, '2026-10-12', extended).at(-1)).toEqual({ from: '17:30', to: '18:30', duty: false });
    expect(dayPeriods(hall, '2026-10-13', extended).at(-1)).toEqual({ from: '14:00', to: '17:30', duty: false });
  });

  it('does not let an extension open a holiday, and ignores one that ends before the day does', () => {
    const onHoliday: DayRules = { calendar, extendedUntil: () => 20 * 60 };
    expect(openingState(hall, at('2026-10-01T11:00:00Z'), SH, onHoliday)).toMatchObject({ open: false, holiday: true });
    const early: DayRules = { extendedUntil: () => 17 * 60 };
    expect(dayPeriods(hall, '2026-10-12', early).at(-1)).toEqual({ from: '14:00', to: '17:30', duty: false });
  });

  it('finds the next opening beyond a week when a long holiday and its weekends close the hall', () => {
    // An invented Spring Festival: Saturday 14 to Sunday 22 February 2026, nine days.
    const festival = WorkCalendarConfig.parse({
      holidays: Array.from({ length: 9 }, (_, i) => `2026-02-${String(14 + i).padStart(2, '0')}`),
    });
    // Friday 13 February, 18:00.
    expect(openingState(hall, at('2026-02-13T10:00:00Z'), SH, { calendar: festival }).nextOpening).toEqual(
      at('2026-02-23T00:30:00Z'),
    );
  });
});
