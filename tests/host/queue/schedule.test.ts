import { describe, expect, it } from 'vitest';
import { DEFAULT_HALL_HOURS, WeeklyHours } from '../../../contracts/config';
import {
  addDays,
  businessDay,
  localClock,
  openingState,
  serviceOpen,
  slotBounds,
  slotStart,
  zonedInstant,
} from '../../../host/queue/schedule';

const SH = 'Asia/Shanghai';
const BERLIN = 'Europe/Berlin';
const at = (iso: string) => new Date(iso);
const hall = WeeklyHours.parse(DEFAULT_HALL_HOURS);

// 2026-06-01 is a Monday. Beijing is UTC+8 all year: 10:00 local = 02:00Z.
describe('localClock', () => {
  it('reads the hall-local date, weekday and minutes, not the UTC ones', () => {
    expect(localClock(at('2026-06-01T16:30:00Z'), SH)).toEqual({ date: '2026-06-02', weekday: 'tue', minutes: 30 });
    expect(localClock(at('2026-06-01T15:59:59Z'), SH)).toEqual({ date: '2026-06-01', weekday: 'mon', minutes: 23 * 60 + 59 });
    expect(localClock(at('2026-06-07T04:00:00Z'), SH)).toEqual({ date: '2026-06-07', weekday: 'sun', minutes: 12 * 60 });
    // 2026-06-01T16:30Z in summer Berlin (UTC+2) is 18:30 the same day.
    expect(localClock(at('2026-06-01T16:30:00Z'), BERLIN)).toEqual({ date: '2026-06-01', weekday: 'mon', minutes: 18 * 60 + 30 });
  });

  it('does calendar arithmetic across month and year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
  });
});

describe('businessDay', () => {
  it('keeps the hours before the reset hour in the previous day', () => {
    // 2026-06-27T18:30Z = 02:30 on the 28th in Beijing.
    expect(businessDay(at('2026-06-27T18:30:00Z'), SH, 3)).toBe('2026-06-27');
    expect(businessDay(at('2026-06-27T18:59:59Z'), SH, 3)).toBe('2026-06-27');
    expect(businessDay(at('2026-06-27T19:00:00Z'), SH, 3)).toBe('2026-06-28');
    expect(businessDay(at('2026-06-27T15:59:59Z'), SH, 3)).toBe('2026-06-27');
    // Reset at midnight: the plain local date, which here differs from the UTC date.
    expect(businessDay(at('2026-06-27T16:00:00Z'), SH, 0)).toBe('2026-06-28');
    // Across a year end.
    expect(businessDay(at('2025-12-31T18:00:00Z'), SH, 3)).toBe('2025-12-31');
  });

  it('turns over at the reset hour of the local clock on DST days', () => {
    // 2025-03-30: Berlin jumps 02:00 CET → 03:00 CEST (01:00Z).
    expect(businessDay(at('2025-03-30T00:30:00Z'), BERLIN, 3)).toBe('2025-03-29'); // 01:30 CET
    expect(businessDay(at('2025-03-30T01:00:00Z'), BERLIN, 3)).toBe('2025-03-30'); // 03:00 CEST
    // 2025-10-26: 03:00 CEST → 02:00 CET (01:00Z); 02:30 happens twice, both before the reset.
    expect(businessDay(at('2025-10-26T00:30:00Z'), BERLIN, 3)).toBe('2025-10-25'); // 02:30 CEST
    expect(businessDay(at('2025-10-26T01:30:00Z'), BERLIN, 3)).toBe('2025-10-25'); // 02:30 CET
    expect(businessDay(at('2025-10-26T02:00:00Z'), BERLIN, 3)).toBe('2025-10-26'); // 03:00 CET
  });
});

describe('zonedInstant', () => {
  it('maps a wall time to an instant with that day’s own offset', () => {
    expect(zonedInstant('2026-06-01', 8 * 60 + 30, SH).toISOString()).toBe('2026-06-01T00:30:00.000Z');
    expect(zonedInstant('2025-03-29', 9 * 60, BERLIN).toISOString()).toBe('2025-03-29T08:00:00.000Z'); // CET
    expect(zonedInstant('2025-03-30', 9 * 60, BERLIN).toISOString()).toBe('2025-03-30T07:00:00.000Z'); // CEST
    expect(zonedInstant('2025-10-26', 9 * 60, BERLIN).toISOString()).toBe('2025-10-26T08:00:00.000Z'); // CET again
    // A repeated wall time resolves to the earlier; a skipped one to just after the jump.
    expect(zonedInstant('2025-10-26', 2 * 60 + 30, BERLIN).toISOString()).toBe('2025-10-26T00:30:00.000Z');
    expect(zonedInstant('2025-03-30', 2 * 60 + 30, BERLIN).toISOString()).toBe('2025-03-30T01:30:00.000Z');
  });
});

describe('openingState (default hall hours, Asia/Shanghai)', () => {
  it('is open on a weekday morning until 17:30, lunch duty included', () => {
    expect(openingState(hall, at('2026-06-01T02:00:00Z'), SH)).toEqual({
      open: true,
      period: { from: '08:30', to: '12:00', duty: false },
      duty: false,
      closesAt: at('2026-06-01T09:30:00Z'),
    });
  });

  it('marks the lunch-time duty window, with [from, to) boundaries', () => {
    const noon = openingState(hall, at('2026-06-01T04:00:00Z'), SH); // 12:00
    expect(noon).toMatchObject({
      open: true,
      duty: true,
      period: { from: '12:00', to: '14:00' },
      closesAt: at('2026-06-01T09:30:00Z'),
    });
    expect(openingState(hall, at('2026-06-01T03:59:59Z'), SH)).toMatchObject({
      open: true,
      duty: false,
      period: { from: '08:30' },
    });
    expect(openingState(hall, at('2026-06-01T06:00:00Z'), SH)).toMatchObject({
      open: true,
      duty: false,
      period: { from: '14:00' },
    });
    expect(openingState(hall, at('2026-06-01T00:30:00Z'), SH)).toMatchObject({ open: true, period: { from: '08:30' } });
  });

  it('is closed before opening and names the opening the same morning', () => {
    expect(openingState(hall, at('2026-06-01T00:29:00Z'), SH)).toEqual({
      open: false,
      duty: false,
      nextOpening: at('2026-06-01T00:30:00Z'),
    });
  });

  it('is closed at 17:30 sharp and opens again next morning', () => {
    expect(openingState(hall, at('2026-06-01T09:30:00Z'), SH)).toEqual({
      open: false,
      duty: false,
      nextOpening: at('2026-06-02T00:30:00Z'),
    });
  });

  it('opens at 09:00 on weekends and only in the morning', () => {
    // Friday 18:00 → Saturday 09:00.
    expect(openingState(hall, at('2026-06-05T10:00:00Z'), SH).nextOpening).toEqual(at('2026-06-06T01:00:00Z'));
    expect(openingState(hall, at('2026-06-06T02:00:00Z'), SH)).toEqual({
      open: true,
      period: { from: '09:00', to: '12:00', duty: false },
      duty: false,
      closesAt: at('2026-06-06T04:00:00Z'),
    });
    // Saturday 13:00 → Sunday 09:00; Sunday 12:30 → Monday 08:30.
    expect(openingState(hall, at('2026-06-06T05:00:00Z'), SH)).toEqual({
      open: false,
      duty: false,
      nextOpening: at('2026-06-07T01:00:00Z'),
    });
    expect(openingState(hall, at('2026-06-07T04:30:00Z'), SH).nextOpening).toEqual(at('2026-06-08T00:30:00Z'));
  });

  it('looks up to 7 days ahead for the next opening, and says nothing when there is none', () => {
    const mondaysOnly = WeeklyHours.parse({ mon: [{ from: '08:30', to: '09:00' }] });
    expect(openingState(mondaysOnly, at('2026-06-01T01:30:00Z'), SH)).toEqual({
      open: false,
      duty: false,
      nextOpening: at('2026-06-08T00:30:00Z'),
    });
    expect(openingState(WeeklyHours.parse({}), at('2026-06-01T01:30:00Z'), SH)).toEqual({ open: false, duty: false });
  });

  it('runs a period ending at 00:00 to midnight and on into the next day', () => {
    const late = WeeklyHours.parse({ fri: [{ from: '18:00', to: '00:00' }], sat: [{ from: '00:00', to: '02:00' }] });
    expect(openingState(late, at('2026-06-05T15:00:00Z'), SH)).toMatchObject({
      open: true,
      closesAt: at('2026-06-05T18:00:00Z'),
    });
  });
});

describe('serviceOpen', () => {
  const tuesdayMornings = WeeklyHours.parse({ tue: [{ from: '09:00', to: '11:00' }] });
  it('uses the service’s own hours when it has them, else the hall’s', () => {
    const monday10 = at('2026-06-01T02:00:00Z');
    expect(serviceOpen(hall, undefined, monday10, SH).open).toBe(true);
    expect(serviceOpen(hall, tuesdayMornings, monday10, SH)).toEqual({
      open: false,
      duty: false,
      nextOpening: at('2026-06-02T01:00:00Z'),
    });
    expect(serviceOpen(hall, tuesdayMornings, at('2026-06-02T02:00:00Z'), SH)).toMatchObject({
      open: true,
      closesAt: at('2026-06-02T03:00:00Z'),
    });
  });
});

describe('openingState in a DST zone (Europe/Berlin)', () => {
  const weekdays = WeeklyHours.parse({
    fri: [{ from: '08:00', to: '12:00' }],
    sat: [{ from: '09:00', to: '12:00' }],
    sun: [{ from: '09:00', to: '12:00' }],
    mon: [{ from: '08:00', to: '12:00' }],
  });
  it('uses winter time before the change and summer time after it', () => {
    // Friday 2025-03-28 13:00 CET → Saturday 09:00 CET (08:00Z).
    expect(openingState(weekdays, at('2025-03-28T12:00:00Z'), BERLIN).nextOpening).toEqual(at('2025-03-29T08:00:00Z'));
    // Saturday 13:00 CET → Sunday 09:00 CEST (07:00Z), the morning after the jump.
    expect(openingState(weekdays, at('2025-03-29T12:00:00Z'), BERLIN).nextOpening).toEqual(at('2025-03-30T07:00:00Z'));
    // Sunday 11:00 CEST (09:00Z) is open, closing at 12:00 CEST (10:00Z).
    expect(openingState(weekdays, at('2025-03-30T09:00:00Z'), BERLIN)).toMatchObject({
      open: true,
      closesAt: at('2025-03-30T10:00:00Z'),
    });
    // 08:30Z on that Sunday is 10:30 CEST: open (with a fixed +1 it would look like 09:30).
    expect(openingState(weekdays, at('2025-03-30T07:30:00Z'), BERLIN).open).toBe(true);
    expect(openingState(weekdays, at('2025-03-30T06:59:00Z'), BERLIN).open).toBe(false);
  });

  it('goes back to winter time in October', () => {
    // Saturday 2025-10-25 13:00 CEST → Sunday 09:00 CET (08:00Z).
    expect(openingState(weekdays, at('2025-10-25T11:00:00Z'), BERLIN).nextOpening).toEqual(at('2025-10-26T08:00:00Z'));
    expect(openingState(weekdays, at('2025-10-26T07:30:00Z'), BERLIN).open).toBe(false); // 08:30 CET
  });
});

describe('slotStart / slotBounds', () => {
  it('aligns slots to local midnight, not to UTC', () => {
    // 09:47:12 local = 01:47:12Z.
    expect(slotStart(at('2026-06-01T01:47:12Z'), 30, SH)).toEqual(at('2026-06-01T01:30:00Z'));
    // 45-minute slots from local midnight: 09:45. (From UTC midnight they would start at 09:30 local.)
    expect(slotStart(at('2026-06-01T01:47:12Z'), 45, SH)).toEqual(at('2026-06-01T01:45:00Z'));
    expect(slotBounds(at('2026-06-01T01:47:12Z'), 45, SH)).toEqual({
      start: at('2026-06-01T01:45:00Z'),
      end: at('2026-06-01T02:30:00Z'),
    });
  });

  it('puts a boundary instant in the slot it starts', () => {
    expect(slotStart(at('2026-06-01T01:30:00Z'), 30, SH)).toEqual(at('2026-06-01T01:30:00Z'));
    expect(slotStart(at('2026-06-01T01:29:59.999Z'), 30, SH)).toEqual(at('2026-06-01T01:00:00Z'));
  });

  it('ends the last slot of the day at local midnight', () => {
    // 23:50 local with 45-minute slots: 23:15–24:00.
    expect(slotBounds(at('2026-06-01T15:50:00Z'), 45, SH)).toEqual({
      start: at('2026-06-01T15:15:00Z'),
      end: at('2026-06-01T16:00:00Z'),
    });
  });

  it('follows the local clock in a DST zone', () => {
    // An ordinary summer day: 10:10 CEST = 08:10Z.
    expect(slotBounds(at('2025-06-02T08:10:00Z'), 60, BERLIN)).toEqual({
      start: at('2025-06-02T08:00:00Z'),
      end: at('2025-06-02T09:00:00Z'),
    });
    // The day of the jump, after it: 10:10 CEST.
    expect(slotStart(at('2025-03-30T08:10:00Z'), 30, BERLIN)).toEqual(at('2025-03-30T08:00:00Z'));
  });

  it('starts a slot that begins in the skipped hour at the jump', () => {
    // 03:10 CEST (01:10Z) on 2025-03-30; 02:00–03:00 does not exist.
    expect(slotBounds(at('2025-03-30T01:10:00Z'), 60, BERLIN)).toEqual({
      start: at('2025-03-30T01:00:00Z'),
      end: at('2025-03-30T02:00:00Z'),
    });
    expect(slotStart(at('2025-03-30T01:10:00Z'), 120, BERLIN)).toEqual(at('2025-03-30T01:00:00Z'));
    expect(slotStart(at('2025-03-30T01:10:00Z'), 40, BERLIN)).toEqual(at('2025-03-30T01:00:00Z')); // slot 02:40–03:20
    // The slot before the jump ends at the jump: 01:30 CET in a 00:00–02:00 slot.
    expect(slotBounds(at('2025-03-30T00:30:00Z'), 120, BERLIN)).toEqual({
      start: at('2025-03-29T23:00:00Z'),
      end: at('2025-03-30T01:00:00Z'),
    });
  });

  it('keeps the two runs of a repeated half hour apart', () => {
    // 2025-10-26: 02:30–03:00 happens at 00:30Z (CEST) and again at 01:30Z (CET).
    expect(slotBounds(at('2025-10-26T00:40:00Z'), 30, BERLIN)).toEqual({
      start: at('2025-10-26T00:30:00Z'),
      end: at('2025-10-26T01:00:00Z'),
    });
    expect(slotBounds(at('2025-10-26T01:40:00Z'), 30, BERLIN)).toEqual({
      start: at('2025-10-26T01:30:00Z'),
      end: at('2025-10-26T02:00:00Z'),
    });
  });

  it('runs a slot on when the clock falls back into it', () => {
    // 02:00–04:00 wall: from 02:00 CEST (00:00Z) through the repeated hour to 04:00 CET (03:00Z).
    expect(slotBounds(at('2025-10-26T02:10:00Z'), 120, BERLIN)).toEqual({
      start: at('2025-10-26T00:00:00Z'),
      end: at('2025-10-26T03:00:00Z'),
    });
    expect(slotBounds(at('2025-10-26T00:30:00Z'), 120, BERLIN)).toEqual({
      start: at('2025-10-26T00:00:00Z'),
      end: at('2025-10-26T03:00:00Z'),
    });
  });

  it('rejects a slot length that is not a positive integer', () => {
    expect(() => slotStart(at('2026-06-01T01:00:00Z'), 0, SH)).toThrow(RangeError);
  });
});
