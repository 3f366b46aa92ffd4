import { describe, expect, it } from 'vitest';
import type { Report } from '../../../../contracts/reports';
import { heatOption, ratingsOption, trendOption, waitsOption } from '../../../../renderer/manager/reports/chart-options';
import { formatDuration, formatPercent, heatOf, trendOf } from '../../../../renderer/manager/reports/report-views';
import { sampleReport } from './report-fixture';

const words = (key: string) => key;

/** The sample stretched to a quarter: 1 January to 31 March 2026, ten tickets a day. */
function quarter(): Report {
  const days = Array.from({ length: 90 }, (_, i) => new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10));
  return {
    ...sampleReport('2026-01-01', '2026-03-31'),
    days: 90,
    daily: days.map((date) => ({ date, issued: 10, served: 9, noShow: 1 })),
  };
}

describe('what a chart and its table share', () => {
  it('charts up to two months by day, longer ranges by month', () => {
    expect(trendOf(sampleReport()).points.map((p) => p.label)).toEqual(['2026-03-30', '2026-03-31']);
    const byMonth = trendOf(quarter());
    expect(byMonth.byMonth).toBe(true);
    expect(byMonth.points).toEqual([
      { label: '2026-01', issued: 310, served: 279, noShow: 31 },
      { label: '2026-02', issued: 280, served: 252, noShow: 28 },
      { label: '2026-03', issued: 310, served: 279, noShow: 31 },
    ]);
    expect(trendOption(quarter(), words).xAxis).toEqual({ type: 'category', data: ['2026-01', '2026-02', '2026-03'] });
  });

  it('averages arrivals per day of each weekday over the hours that had any', () => {
    const heat = heatOf(sampleReport());
    expect(heat.hours).toEqual([9, 10, 11, 12, 13, 14, 15, 16]);
    expect(heat.rows[0]?.averages).toEqual([7, 8, 7, 6, 5, 4, 3, 2]);
    expect(heat.rows[6]?.averages).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    const option = heatOption(sampleReport(), words);
    expect(option.series).toEqual([expect.objectContaining({ type: 'heatmap', data: expect.arrayContaining([[1, 0, 8]]) })]);
  });

  it('gives the pie the five levels and the waits in minutes', () => {
    expect(ratingsOption(sampleReport(), words).series).toEqual([
      expect.objectContaining({
        data: [
          { name: 'mgrReports.levels.very_satisfied', value: 30 },
          { name: 'mgrReports.levels.satisfied', value: 10 },
          { name: 'mgrReports.levels.basic', value: 3 },
          { name: 'mgrReports.levels.dissatisfied', value: 1 },
          { name: 'mgrReports.levels.very_dissatisfied', value: 1 },
        ],
      }),
    ]);
    // Median 600 s = 10 min, P90 1500 s = 25 min; a service nobody waited for has no bar.
    expect(waitsOption(sampleReport(), words).series).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'mgrReports.figures.medianWait', data: [10, null] })]),
    );
  });

  it('writes times as m:ss (h:mm:ss past an hour) and percentages with one decimal, a dash for none', () => {
    expect([formatDuration(0), formatDuration(754), formatDuration(3725), formatDuration(null)]).toEqual([
      '0:00',
      '12:34',
      '1:02:05',
      '—',
    ]);
    expect([formatPercent(50), formatPercent(88.9), formatPercent(null)]).toEqual(['50.0%', '88.9%', '—']);
  });
});
