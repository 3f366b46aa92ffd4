import type { RatingCounts, Report } from '../../../contracts/reports';
import type { ReportChartOption } from './echarts-setup';
import { heatOf, minutes, trendOf } from './report-views';

/** A message lookup (i18next's `t`), so the options are pure and testable. */
export type Words = (key: string) => string;

/** Colours that stay apart for colour-blind readers and in black-and-white print (with the labels). */
const PALETTE = ['#1f5fa8', '#2e8b57', '#d9822b', '#7b4fa0', '#b03030'];
/** Green to red over the five levels, 非常满意 to 非常不满意. */
const LEVEL_COLOURS = ['#1b7a3e', '#6aa84f', '#c9a227', '#e07b39', '#b03030'];
export const LEVELS: readonly (keyof RatingCounts)[] = [
  'very_satisfied',
  'satisfied',
  'basic',
  'dissatisfied',
  'very_dissatisfied',
];

/** Shared by every chart: no animation (a printed or captured chart is the finished one), the palette, a readable font. */
const base = {
  animation: false,
  color: PALETTE,
  textStyle: { fontFamily: '"Noto Sans SC", sans-serif', fontSize: 13 },
  tooltip: { trigger: 'axis' },
  grid: { left: 56, right: 24, top: 40, bottom: 48, containLabel: true },
} as const;

/** Issued, served and no-shows over the range, by day or by month. */
export function trendOption(report: Report, w: Words): ReportChartOption {
  const { points } = trendOf(report);
  return {
    ...base,
    legend: { top: 0 },
    xAxis: { type: 'category', data: points.map((p) => p.label) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { type: 'line', name: w('mgrReports.figures.issued'), data: points.map((p) => p.issued), showSymbol: points.length <= 31 },
      { type: 'line', name: w('mgrReports.figures.served'), data: points.map((p) => p.served), showSymbol: points.length <= 31 },
      { type: 'bar', name: w('mgrReports.figures.noShow'), data: points.map((p) => p.noShow), barMaxWidth: 18 },
    ],
  };
}

/** Issued and served per service. */
export function servicesOption(report: Report, w: Words): ReportChartOption {
  return {
    ...base,
    legend: { top: 0 },
    xAxis: { type: 'category', data: report.services.map((s) => s.serviceName), axisLabel: { interval: 0, rotate: 20 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { type: 'bar', name: w('mgrReports.figures.issued'), data: report.services.map((s) => s.issued) },
      { type: 'bar', name: w('mgrReports.figures.served'), data: report.services.map((s) => s.served) },
    ],
  };
}

/** Median and 90th-percentile wait, and average service time, per service, in minutes. */
export function waitsOption(report: Report, w: Words): ReportChartOption {
  return {
    ...base,
    legend: { top: 0 },
    xAxis: { type: 'category', data: report.services.map((s) => s.serviceName), axisLabel: { interval: 0, rotate: 20 } },
    yAxis: { type: 'value', name: w('mgrReports.minutes') },
    series: [
      { type: 'bar', name: w('mgrReports.figures.medianWait'), data: report.services.map((s) => minutes(s.wait.median)) },
      { type: 'bar', name: w('mgrReports.figures.p90Wait'), data: report.services.map((s) => minutes(s.wait.p90)) },
      { type: 'bar', name: w('mgrReports.figures.avgService'), data: report.services.map((s) => minutes(s.service.avg)) },
    ],
  };
}

/** The five 好差评 levels of the hall. */
export function ratingsOption(report: Report, w: Words): ReportChartOption {
  return {
    ...base,
    color: LEVEL_COLOURS,
    tooltip: { trigger: 'item' },
    legend: { bottom: 0 },
    series: [
      {
        type: 'pie',
        radius: ['35%', '65%'],
        label: { formatter: '{b}: {c} ({d}%)' },
        data: LEVELS.map((level) => ({ name: w(`mgrReports.levels.${level}`), value: report.hall.ratings[level] })),
      },
    ],
  };
}

/** Average arrivals per day by weekday and hour of the hall's clock. */
export function heatOption(report: Report, w: Words): ReportChartOption {
  const heat = heatOf(report);
  return {
    ...base,
    tooltip: { trigger: 'item' },
    grid: { left: 72, right: 24, top: 16, bottom: 72, containLabel: true },
    xAxis: { type: 'category', data: heat.hours.map((h) => `${h}:00`), splitArea: { show: true } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: heat.rows.map((r) => w(`mgrReports.weekdays.${r.weekday}`)),
      splitArea: { show: true },
    },
    visualMap: {
      min: 0,
      max: Math.max(1, heat.max),
      calculable: true,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      inRange: { color: ['#f7fbff', '#9ecae1', '#2171b5', '#08306b'] },
    },
    series: [
      {
        type: 'heatmap',
        name: w('mgrReports.figures.arrivalsPerDay'),
        data: heat.rows.flatMap((r, y) => r.averages.map((value, x) => [x, y, value])),
        label: { show: heat.hours.length <= 14 },
      },
    ],
  };
}
