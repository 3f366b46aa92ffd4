import type { ReportFigures } from '../../contracts/reports';

/** One figure as a column of the workbook: its Chinese header and where it is in ReportFigures. */
export interface FigureColumn {
  header: string;
  value: (f: ReportFigures) => number | null;
  /** Excel number format: counts and seconds are integers, percentages have one decimal. */
  numFmt: '0' | '0.0';
}

const count = (header: string, value: (f: ReportFigures) => number): FigureColumn => ({ header, value, numFmt: '0' });
const seconds = (header: string, value: (f: ReportFigures) => number | null): FigureColumn => ({ header, value, numFmt: '0' });
const pct = (header: string, value: (f: ReportFigures) => number | null): FigureColumn => ({ header, value, numFmt: '0.0' });

/**
 * The figures every grouping sheet carries, in this order, after the group's own columns
 * (contracts/reports.ts defines each). Times in seconds, percentages as numbers of percent: a
 * sheet someone sums or charts must hold numbers, never text like "93.5%".
 */
export const FIGURE_COLUMNS: readonly FigureColumn[] = [
  count('取号数', (f) => f.issued),
  count('办结数', (f) => f.served),
  count('过号数', (f) => f.noShow),
  count('作废数', (f) => f.cancelled),
  count('未完成', (f) => f.open),
  pct('过号率（%）', (f) => f.noShowPct),
  count('转办数', (f) => f.transfers),
  count('叫号数', (f) => f.called),
  seconds('平均等待（秒）', (f) => f.wait.avg),
  seconds('等待中位数（秒）', (f) => f.wait.median),
  seconds('等待P90（秒）', (f) => f.wait.p90),
  seconds('最长等待（秒）', (f) => f.wait.max),
  seconds('平均办理（秒）', (f) => f.service.avg),
  seconds('办理中位数（秒）', (f) => f.service.median),
  seconds('办理P90（秒）', (f) => f.service.p90),
  seconds('最长办理（秒）', (f) => f.service.max),
  pct('服务达标率（%）', (f) => f.serviceLevelPct),
  count('非常满意', (f) => f.ratings.very_satisfied),
  count('满意', (f) => f.ratings.satisfied),
  count('基本满意', (f) => f.ratings.basic),
  count('不满意', (f) => f.ratings.dissatisfied),
  count('非常不满意', (f) => f.ratings.very_dissatisfied),
  count('评价数', (f) => f.rated),
  pct('满意率（%）', (f) => f.satisfactionPct),
  count('差评数', (f) => f.badReviews),
  count('申诉撤销差评', (f) => f.overturned),
  count('应整改差评', (f) => f.rectificationDue),
  count('按期整改', (f) => f.rectifiedOnTime),
  pct('按期整改率（%）', (f) => f.onTimeRectificationPct),
];

/** The workbook's sheet names, in order. */
export const SHEETS = {
  summary: '汇总',
  services: '按事项',
  windows: '按窗口',
  staff: '按人员',
  daily: '每日',
  arrivals: '到达热力图',
  ranking: '窗口月度排名',
} as const;

export const WEEKDAY_NAMES = ['星期一', '星期二', '星期三', '星期四', '星期五', '星期六', '星期日'] as const;
