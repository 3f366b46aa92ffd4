import type { Report } from '../../../contracts/reports';

/**
 * What the report screen derives from the one Report, for a chart and its table alike: the
 * chart and the table beside it are drawn from these same arrays, so they show the same numbers.
 */

/** Longer ranges are charted by month: a year of days is a comb, not a trend. */
export const DAILY_UP_TO_DAYS = 62;

export interface TrendPoint {
  /** YYYY-MM-DD, or YYYY-MM when by month. */
  label: string;
  issued: number;
  served: number;
  noShow: number;
}

/** Issued, served and no-show per day of the range, or per month for a range over two months. */
export function trendOf(report: Report): { byMonth: boolean; points: TrendPoint[] } {
  if (report.daily.length <= DAILY_UP_TO_DAYS)
    return {
      byMonth: false,
      points: report.daily.map((d) => ({ label: d.date, issued: d.issued, served: d.served, noShow: d.noShow })),
    };
  const months = new Map<string, TrendPoint>();
  for (const d of report.daily) {
    const label = d.date.slice(0, 7);
    const point = months.get(label) ?? { label, issued: 0, served: 0, noShow: 0 };
    point.issued += d.issued;
    point.served += d.served;
    point.noShow += d.noShow;
    months.set(label, point);
  }
  return { byMonth: true, points: [...months.values()] };
}

export interface HeatRow {
  weekday: number;
  /** Average arrivals per day that weekday had tickets, one decimal, per hour of `hours`. */
  averages: number[];
}

/**
 * The heat map as averages per day (arrivals ÷ that weekday's days with tickets), over the hours
 * that had any arrival (the hall's opening hours, as it lived them), Monday first.
 */
export function heatOf(report: Report): { hours: number[]; rows: HeatRow[]; max: number } {
  const busy = Array.from({ length: 24 }, (_, h) => report.arrivals.some((a) => (a.hours[h] ?? 0) > 0));
  const first = busy.indexOf(true);
  const last = busy.lastIndexOf(true);
  const hours = first < 0 ? [] : Array.from({ length: last - first + 1 }, (_, i) => first + i);
  let max = 0;
  const rows = report.arrivals.map((a) => {
    const averages = hours.map((h) => (a.days === 0 ? 0 : Math.round(((a.hours[h] ?? 0) / a.days) * 10) / 10));
    max = Math.max(max, ...averages);
    return { weekday: a.weekday, averages };
  });
  return { hours, rows, max };
}

/** Seconds as m:ss, or h:mm:ss from an hour; '—' for none. */
export function formatDuration(seconds: number | null): string {
  if (seconds === null) return '—';
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** A percentage with one decimal and its sign; '—' when there was nothing to divide. */
export function formatPercent(value: number | null): string {
  return value === null ? '—' : `${value.toFixed(1)}%`;
}

/** Seconds as minutes with one decimal (chart axes read minutes). */
export const minutes = (seconds: number | null): number | null => (seconds === null ? null : Math.round(seconds / 6) / 10);
