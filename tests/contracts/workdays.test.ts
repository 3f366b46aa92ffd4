import { describe, expect, it } from 'vitest';
import { addWorkdays, isWorkday, previousWorkday, workingDaysBetween } from '../../contracts/workdays';

const plain = { holidays: [], extraWorkdays: [] };
/** An invented National Day week: 1–7 October off, Sunday 27 September and Saturday 10 October worked (调休). */
const nationalDay = {
  holidays: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'],
  extraWorkdays: ['2026-09-27', '2026-10-10'],
};

describe('working days', () => {
  it('counts Monday to Friday and skips the weekend', () => {
    expect(isWorkday('2026-11-27', plain)).toBe(true); // Friday
    expect(isWorkday('2026-11-28', plain)).toBe(false);
    expect(addWorkdays('2026-11-27', 1, plain)).toBe('2026-11-30'); // Friday + 1 → Monday
    expect(addWorkdays('2026-11-23', 5, plain)).toBe('2026-11-30');
  });

  it('zero days is the same day when it is a working day, else the next one (即办件)', () => {
    expect(addWorkdays('2026-11-27', 0, plain)).toBe('2026-11-27');
    expect(addWorkdays('2026-11-28', 0, plain)).toBe('2026-11-30');
  });

  it('skips public holidays and counts the weekend days worked in their place', () => {
    expect(isWorkday('2026-10-01', nationalDay)).toBe(false);
    expect(isWorkday('2026-10-10', nationalDay)).toBe(true); // a Saturday worked
    // Wednesday 30 September + 3 working days: 8 (Thu), 9 (Fri), 10 (Sat, worked).
    expect(addWorkdays('2026-09-30', 3, nationalDay)).toBe('2026-10-10');
    expect(addWorkdays('2026-09-26', 1, nationalDay)).toBe('2026-09-27');
  });

  it('finds the working day before a date, across a weekend and a holiday week', () => {
    expect(previousWorkday('2026-11-30', plain)).toBe('2026-11-27'); // Monday → Friday
    expect(previousWorkday('2026-10-08', nationalDay)).toBe('2026-09-30');
    expect(previousWorkday('2026-09-28', nationalDay)).toBe('2026-09-27'); // the Sunday worked
  });

  it('counts the working days after one date up to another', () => {
    expect(workingDaysBetween('2026-11-27', '2026-11-27', plain)).toBe(0);
    expect(workingDaysBetween('2026-11-27', '2026-11-30', plain)).toBe(1);
    expect(workingDaysBetween('2026-11-30', '2026-11-27', plain)).toBe(0);
    expect(workingDaysBetween('2026-09-30', '2026-10-10', nationalDay)).toBe(3);
  });
});
