import { describe, expect, it } from 'vitest';
import { deadlineStanding, standingTone } from '../../../../renderer/district/complaints/deadline-standing';

/** Instants in the district (UTC+8). */
const at = (local: string) => new Date(`${local}+08:00`);
const endOf = (date: string) => at(`${date}T24:00:00`).toISOString();

describe('a deadline in working days, as the console counts it', () => {
  it('counts the working days left, the weekend skipped, amber on the last ones', () => {
    // Friday 4 December 2026, due at the end of Tuesday 8: Monday and Tuesday are left.
    const standing = deadlineStanding(endOf('2026-12-08'), at('2026-12-04T10:00:00'));
    expect(standing).toEqual({ kind: 'left', days: 2 });
    expect(standingTone(standing)).toBe('tone-ok');
    expect(deadlineStanding(endOf('2026-12-08'), at('2026-12-08T23:59:00'))).toEqual({ kind: 'left', days: 0 });
    expect(standingTone({ kind: 'left', days: 1 })).toBe('tone-warn');
  });

  it('is overdue a day the moment the deadline passes, and counts working days after', () => {
    // Due at the end of Friday 4 December: on Saturday it is late by one, on Tuesday by two.
    expect(deadlineStanding(endOf('2026-12-04'), at('2026-12-05T09:00:00'))).toEqual({ kind: 'overdue', days: 1 });
    const tuesday = deadlineStanding(endOf('2026-12-04'), at('2026-12-08T09:00:00'));
    expect(tuesday).toEqual({ kind: 'overdue', days: 2 });
    expect(standingTone(tuesday)).toBe('tone-bad');
  });

  it('skips the district calendar’s holidays', () => {
    // 国庆节 2026: 1–7 October off. On 30 September, a deadline at the end of 9 October has 2 working days left (8, 9).
    expect(deadlineStanding(endOf('2026-10-09'), at('2026-09-30T10:00:00'))).toEqual({ kind: 'left', days: 2 });
  });
});
