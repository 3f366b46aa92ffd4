import { describe, expect, it } from 'vitest';
import { DEFAULT_HALL_HOURS, WeeklyHours } from '../../../contracts/config';
import { hoursRows } from '../../../renderer/kiosk/flows/guide/hours';

describe('opening hours as the guide lists them', () => {
  it('groups the working week, keeps lunch-time duty, and shows the weekend mornings apart', () => {
    const rows = hoursRows(WeeklyHours.parse(DEFAULT_HALL_HOURS));
    expect(rows.map((r) => [r.first, r.last])).toEqual([
      ['mon', 'fri'],
      ['sat', 'sun'],
    ]);
    expect(rows[0]?.periods.some((p) => p.duty)).toBe(true);
  });

  it('a closed day breaks a run of equal days', () => {
    const day = [{ from: '09:00', to: '17:00' }];
    const rows = hoursRows(WeeklyHours.parse({ mon: day, tue: day, wed: [], thu: day, fri: day, sat: [], sun: [] }));
    expect(rows.map((r) => `${r.first}-${r.last}:${r.periods.length}`)).toEqual([
      'mon-tue:1',
      'wed-wed:0',
      'thu-fri:1',
      'sat-sun:0',
    ]);
  });
});
