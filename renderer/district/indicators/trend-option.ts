import type { ReportChartOption } from '../../manager/reports/echarts-setup';
import type { TrendTable } from './dashboard-view';

/** Colours that stay apart for colour-blind readers; the district's line is the first and thickest. */
const PALETTE = ['#1f2937', '#1f5fa8', '#2e8b57', '#d9822b', '#7b4fa0', '#b03030', '#0f766e', '#a16207'];

/**
 * The trend chart's ECharts option (pure, tested without a canvas): one line per row of the
 * table, the district's first and heavier, scores 0–100 over the periods; a period without a
 * score leaves a gap, never a 0.
 */
export function trendOption(table: TrendTable, periodName: (key: string) => string): ReportChartOption {
  return {
    animation: false,
    color: PALETTE,
    textStyle: { fontFamily: '"Noto Sans SC", sans-serif', fontSize: 13 },
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: 24, top: 56, bottom: 32, containLabel: true },
    xAxis: { type: 'category', data: table.periods.map(periodName) },
    yAxis: { type: 'value', min: 0, max: 100 },
    series: table.rows.map((row) => ({
      type: 'line' as const,
      name: row.name,
      data: row.scores,
      connectNulls: false,
      showSymbol: true,
      lineStyle: { width: row.code === null ? 4 : 2 },
      z: row.code === null ? 3 : 2,
    })),
  };
}
