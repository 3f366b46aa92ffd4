import { describe, expect, it } from 'vitest';
import { ageOn, localDate } from '../../../host/clock/clock';

describe('hall-local dates', () => {
  it('rolls the business day over at Beijing midnight, not UTC midnight', () => {
    // 2026-11-26T16:30Z is 00:30 on the 27th in Beijing.
    expect(localDate(new Date('2026-11-26T16:30:00Z'), 'Asia/Shanghai')).toBe('2026-11-27');
    expect(localDate(new Date('2026-11-26T15:59:59Z'), 'Asia/Shanghai')).toBe('2026-11-26');
    expect(localDate(new Date('2026-11-26T16:30:00Z'), 'UTC')).toBe('2026-11-26');
  });

  it('counts age in whole years, birthday included', () => {
    expect(ageOn('1956-11-27', '2026-11-27')).toBe(70);
    expect(ageOn('1956-11-28', '2026-11-27')).toBe(69);
    expect(ageOn('2000-02-29', '2026-02-28')).toBe(25);
  });
});
