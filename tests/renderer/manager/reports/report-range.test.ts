import { describe, expect, it } from 'vitest';
import { customRangeProblem, hallToday, presetRange } from '../../../../renderer/manager/reports/report-range';

describe('report ranges', () => {
  it('takes today on the hall’s clock, not the browser’s or UTC’s', () => {
    // 23:30 UTC on 31 March is already 1 April in Beijing, still 31 March in New York.
    const now = new Date('2026-03-31T23:30:00Z');
    expect(hallToday(now, 'Asia/Shanghai')).toBe('2026-04-01');
    expect(hallToday(now, 'America/New_York')).toBe('2026-03-31');
  });

  it('gives the presets, weeks from Monday, ending today at the latest', () => {
    // Thursday 2 April 2026.
    const today = '2026-04-02';
    expect(presetRange('day', today)).toEqual({ from: today, to: today });
    expect(presetRange('day', today, '2026-03-15')).toEqual({ from: '2026-03-15', to: '2026-03-15' });
    expect(presetRange('thisWeek', today)).toEqual({ from: '2026-03-30', to: today });
    expect(presetRange('lastWeek', today)).toEqual({ from: '2026-03-23', to: '2026-03-29' });
    expect(presetRange('thisMonth', today)).toEqual({ from: '2026-04-01', to: today });
    expect(presetRange('lastMonth', today)).toEqual({ from: '2026-03-01', to: '2026-03-31' });
    expect(presetRange('pastYear', today)).toEqual({ from: '2025-04-03', to: today });
    // A Monday's week is that day; a Sunday's began six days before; January's last month is December.
    expect(presetRange('thisWeek', '2026-03-30')).toEqual({ from: '2026-03-30', to: '2026-03-30' });
    expect(presetRange('thisWeek', '2026-04-05').from).toBe('2026-03-30');
    expect(presetRange('lastMonth', '2026-01-15')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
  });

  it('checks a custom range by the host’s rule: in order, a year at most', () => {
    expect(customRangeProblem({ from: '2026-01-01', to: '2026-12-31' })).toBeNull();
    expect(customRangeProblem({ from: '2024-01-01', to: '2024-12-31' })).toBeNull();
    expect(customRangeProblem({ from: '2026-02-01', to: '2026-01-31' })).toBe('from_after_to');
    expect(customRangeProblem({ from: '2025-01-01', to: '2026-01-02' })).toBe('too_long');
    expect(customRangeProblem({ from: '', to: '2026-01-02' })).toBe('missing');
  });
});
