import type { ComplaintStatistics } from '../../../contracts/platform-complaint-statistics';
import type { StatisticsChartOption } from './echarts-setup';

/** The words the charts carry, from the screen's messages. */
export interface ChartWords {
  score: string;
  closedOnTimeRate: string;
  acceptedOnTimeRate: string;
  satisfactionRate: string;
}

const GRID = { left: 8, right: 24, top: 36, bottom: 8, containLabel: true } as const;
/**
 * The charts' text in the console's own font: a canvas draws with the font it is named, not the
 * page's, and the system fallback has no CJK glyphs on the district's PCs (units' names as boxes).
 */
const TEXT = { fontFamily: '"Noto Sans SC", sans-serif', fontSize: 13 };

/**
 * 考核得分: each ranked unit's score, best at the top; units without a score are left out (a
 * bar of 0 would read as the worst score, which they do not have).
 */
export function scoreChart(stats: ComplaintStatistics, words: ChartWords): StatisticsChartOption {
  const ranked = stats.units.filter((u) => u.score.score !== null).reverse();
  return {
    grid: GRID,
    textStyle: TEXT,
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'value', max: stats.rules.total },
    yAxis: { type: 'category', data: ranked.map((u) => u.name) },
    series: [
      {
        type: 'bar',
        name: words.score,
        data: ranked.map((u) => u.score.score),
        label: { show: true, position: 'right' },
      },
    ],
  };
}

/**
 * The rates side by side per unit (按时签收率, 规定期限办结率, 满意率, in %): a rate without a
 * basis is a gap, never a bar of 0.
 */
export function rateChart(stats: ComplaintStatistics, words: ChartWords): StatisticsChartOption {
  const units = stats.units.filter((u) => u.score.active);
  const series = (name: string, pick: (m: ComplaintStatistics['units'][number]['score']['measures']) => number | null) => ({
    type: 'bar' as const,
    name,
    data: units.map((u) => pick(u.score.measures)),
  });
  return {
    grid: GRID,
    textStyle: TEXT,
    legend: { top: 0 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: units.map((u) => u.name) },
    yAxis: { type: 'value', min: 0, max: 100 },
    series: [
      series(words.acceptedOnTimeRate, (m) => m.acceptedOnTimeRate),
      series(words.closedOnTimeRate, (m) => m.closedOnTimeRate),
      series(words.satisfactionRate, (m) => m.satisfactionRate),
    ],
  };
}
