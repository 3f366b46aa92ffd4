import { describe, expect, it } from 'vitest';
import { formatInstant } from '../../../renderer/i18n/date-time';

describe('an instant as the screens write it', () => {
  const instant = '2026-12-06T01:30:00.000Z';

  it('reads on the wall clock of the zone given, not the machine’s', () => {
    expect(formatInstant(instant, 'Asia/Shanghai', 'zh-CN')).toBe('2026/12/06 09:30');
    expect(formatInstant(instant, 'Europe/London', 'zh-CN')).toBe('2026/12/06 01:30');
  });

  it('puts the day first in English, on a 24-hour clock', () => {
    expect(formatInstant('2026-12-06T08:05:00.000Z', 'Asia/Shanghai', 'en')).toBe('06/12/2026, 16:05');
  });
});
