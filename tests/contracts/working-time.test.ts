import { describe, expect, it } from 'vitest';
import { DISTRICT_CALENDAR_SEED, workCalendarOf } from '../../contracts/district-calendar';
import {
  DISTRICT_TIME_ZONE,
  dueDateOf,
  metDeadline,
  workingDaysElapsed,
  workingDaysLeft,
  workingDaysOverdue,
  workingDeadline,
} from '../../contracts/working-time';

const district = { calendar: workCalendarOf(DISTRICT_CALENDAR_SEED), timeZone: DISTRICT_TIME_ZONE };
/** Beijing wall time to the instant: UTC+8 all year (no summer time since 1991). */
const beijing = (wall: string) => new Date(`${wall}+08:00`).toISOString();

describe('working-day deadlines between instants (Asia/Shanghai)', () => {
  it('gives one working day from Friday 16:00 until Monday 24:00', () => {
    const due = workingDeadline(beijing('2026-11-27T16:00:00'), 1, district);
    expect(due).toBe(beijing('2026-12-01T00:00:00'));
    expect(dueDateOf(due, DISTRICT_TIME_ZONE)).toBe('2026-11-30');
    // The hour of the start does not matter: Friday 08:00 is due at the same moment.
    expect(workingDeadline(beijing('2026-11-27T08:00:00'), 1, district)).toBe(due);
  });

  it('counts the Beijing date of the start, not the UTC one', () => {
    // Monday 01:00 in Beijing is still Sunday in UTC: one working day runs to Tuesday's end.
    expect(workingDeadline('2026-11-29T17:00:00.000Z', 1, district)).toBe(beijing('2026-12-02T00:00:00'));
    // Friday 23:59:59 is Friday; Saturday 00:00 is the weekend, and both are due Monday's end.
    expect(workingDeadline(beijing('2026-11-27T23:59:59'), 1, district)).toBe(beijing('2026-12-01T00:00:00'));
    expect(workingDeadline(beijing('2026-11-28T00:00:00'), 1, district)).toBe(beijing('2026-12-01T00:00:00'));
  });

  it('skips 国庆 2026 and counts its 调休 weekends', () => {
    // Dispatched Wednesday 30 September: 1–7 October are off, Thursday 8 October is the day.
    expect(workingDeadline(beijing('2026-09-30T10:00:00'), 1, district)).toBe(beijing('2026-10-09T00:00:00'));
    // Friday 18 September + 1: Sunday 20 September is worked.
    expect(workingDeadline(beijing('2026-09-18T15:00:00'), 1, district)).toBe(beijing('2026-09-21T00:00:00'));
    // Three working days from 30 September: 8, 9 and Saturday 10 October (worked).
    expect(workingDeadline(beijing('2026-09-30T10:00:00'), 3, district)).toBe(beijing('2026-10-11T00:00:00'));
  });

  it('skips 春节 2026, from its worked Saturday to the Tuesday after', () => {
    expect(workingDeadline(beijing('2026-02-13T11:00:00'), 1, district)).toBe(beijing('2026-02-15T00:00:00'));
    expect(workingDeadline(beijing('2026-02-13T11:00:00'), 2, district)).toBe(beijing('2026-02-25T00:00:00'));
  });

  it('zero working days end the same working day, or the next one', () => {
    expect(workingDeadline(beijing('2026-11-27T10:00:00'), 0, district)).toBe(beijing('2026-11-28T00:00:00'));
    expect(workingDeadline(beijing('2026-10-03T10:00:00'), 0, district)).toBe(beijing('2026-10-09T00:00:00'));
  });

  it('counts work done at the deadline itself as on time', () => {
    const due = beijing('2026-12-01T00:00:00');
    expect(metDeadline(beijing('2026-11-30T23:59:59'), due)).toBe(true);
    expect(metDeadline(due, due)).toBe(true);
    expect(metDeadline(new Date(Date.parse(due) + 1), due)).toBe(false);
  });

  it('counts working days elapsed between two instants', () => {
    expect(workingDaysElapsed(beijing('2026-11-27T16:00:00'), beijing('2026-11-30T10:00:00'), district)).toBe(1);
    expect(workingDaysElapsed(beijing('2026-11-27T09:00:00'), beijing('2026-11-27T17:00:00'), district)).toBe(0);
    expect(workingDaysElapsed(beijing('2026-09-30T09:00:00'), beijing('2026-10-08T09:00:00'), district)).toBe(1);
  });

  it('says how many working days are left, and how many past', () => {
    const due = workingDeadline(beijing('2026-11-27T10:00:00'), 2, district); // Tuesday 1 December, 24:00
    expect(workingDaysLeft(beijing('2026-11-27T10:00:00'), due, district)).toBe(2);
    expect(workingDaysLeft(beijing('2026-11-28T10:00:00'), due, district)).toBe(2); // Saturday
    expect(workingDaysLeft(beijing('2026-12-01T23:00:00'), due, district)).toBe(0);
    expect(workingDaysOverdue(beijing('2026-12-01T23:00:00'), due, district)).toBe(0);
    expect(workingDaysLeft(beijing('2026-12-02T00:00:01'), due, district)).toBe(0);
    expect(workingDaysOverdue(beijing('2026-12-02T00:00:01'), due, district)).toBe(1);
    expect(workingDaysOverdue(beijing('2026-12-04T12:00:00'), due, district)).toBe(3);
  });

  it('counts a deadline passed on Friday as one day late over the weekend', () => {
    const friday = workingDeadline(beijing('2026-11-26T10:00:00'), 1, district);
    expect(workingDaysOverdue(beijing('2026-11-28T10:00:00'), friday, district)).toBe(1);
    expect(workingDaysOverdue(beijing('2026-11-30T10:00:00'), friday, district)).toBe(1);
    expect(workingDaysOverdue(beijing('2026-12-01T10:00:00'), friday, district)).toBe(2);
  });
});
