import { describe, expect, it } from 'vitest';
import { nextOpening } from '../../../renderer/kiosk/opening';

const ZONE = 'Asia/Shanghai';
/** Sunday 2026-12-06, 15:00 in Beijing. */
const SUNDAY_3PM = new Date('2026-12-06T07:00:00Z');

describe('when a closed service opens again, as the kiosk says it', () => {
  it('Sunday afternoon → Monday morning: the weekday and the time on the hall clock', () => {
    expect(nextOpening('2026-12-07T00:30:00.000Z', SUNDAY_3PM, ZONE, 'zh-CN')).toEqual({ today: false, text: '周一 08:30' });
    expect(nextOpening('2026-12-07T00:30:00.000Z', SUNDAY_3PM, ZONE, 'en')).toEqual({ today: false, text: 'Mon 08:30' });
  });

  it('before the hall opens today: only the time', () => {
    const early = new Date('2026-12-07T23:00:00Z'); // Tuesday 07:00 Beijing
    expect(nextOpening('2026-12-08T00:30:00.000Z', early, ZONE, 'zh-CN')).toEqual({ today: true, text: '08:30' });
  });

  it('the hall date, not the UTC date, decides what "today" is', () => {
    // 01:00 UTC is already 09:00 in Beijing; 23:30 UTC the same UTC day is 07:30 the next Beijing day.
    const morning = new Date('2026-12-07T23:30:00Z');
    expect(nextOpening('2026-12-08T01:00:00.000Z', morning, ZONE, 'zh-CN').today).toBe(true);
  });

  it('a week or more ahead (a long holiday): the date as well', () => {
    expect(nextOpening('2026-12-14T00:30:00.000Z', SUNDAY_3PM, ZONE, 'zh-CN').text).toBe('12月14日周一 08:30');
  });
});
