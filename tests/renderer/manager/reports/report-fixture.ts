import type { Report, ReportFigures } from '../../../../contracts/reports';

const figures = (over: Partial<ReportFigures> = {}): ReportFigures => ({
  issued: 0,
  served: 0,
  noShow: 0,
  cancelled: 0,
  open: 0,
  noShowPct: null,
  transfers: 0,
  called: 0,
  wait: { avg: null, median: null, p90: null, max: null },
  service: { avg: null, median: null, p90: null, max: null },
  serviceLevelPct: null,
  ratings: { very_satisfied: 0, satisfied: 0, basic: 0, dissatisfied: 0, very_dissatisfied: 0 },
  rated: 0,
  satisfactionPct: null,
  badReviews: 0,
  overturned: 0,
  rectificationDue: 0,
  rectifiedOnTime: 0,
  onTimeRectificationPct: null,
  ...over,
});

const busy = figures({
  issued: 120,
  served: 110,
  noShow: 6,
  cancelled: 4,
  noShowPct: 5.2,
  transfers: 3,
  called: 116,
  wait: { avg: 754, median: 600, p90: 1500, max: 3725 },
  service: { avg: 480, median: 420, p90: 900, max: 2400 },
  serviceLevelPct: 81.9,
  ratings: { very_satisfied: 30, satisfied: 10, basic: 3, dissatisfied: 1, very_dissatisfied: 1 },
  rated: 45,
  satisfactionPct: 88.9,
  badReviews: 2,
  rectificationDue: 2,
  rectifiedOnTime: 1,
  onTimeRectificationPct: 50,
});

/** A two-day report (Monday 30 and Tuesday 31 March 2026) with one busy service, window and clerk. */
export function sampleReport(from = '2026-03-30', to = '2026-03-31'): Report {
  return {
    hallId: 'hall-01',
    hallName: '示例政务服务中心',
    timeZone: 'Asia/Shanghai',
    from,
    to,
    days: 2,
    openDays: 2,
    generatedAt: '2026-04-02T03:00:00.000Z',
    hall: busy,
    services: [
      { serviceCode: 'real-estate', serviceName: '不动产登记', targetWaitMin: 30, ...busy },
      { serviceCode: 'consulting', serviceName: '咨询', targetWaitMin: 10, ...figures() },
    ],
    windows: [{ windowId: 1, windowNumber: 1, windowName: '综合受理 1', ...busy }],
    staff: [{ staffId: 3, staffNo: '3101', staffName: '王立新', ...busy }],
    daily: [
      { date: '2026-03-30', issued: 70, served: 64, noShow: 4 },
      { date: '2026-03-31', issued: 50, served: 46, noShow: 2 },
    ],
    arrivals: Array.from({ length: 7 }, (_, i) => ({
      weekday: i + 1,
      days: i < 2 ? 1 : 0,
      hours: Array.from({ length: 24 }, (_, h) => (i < 2 && h >= 9 && h <= 16 ? 8 - Math.abs(h - 10) : 0)),
    })),
    ranking: [
      {
        month: '2026-03',
        windows: [
          {
            rank: 1,
            windowId: 1,
            windowNumber: 1,
            windowName: '综合受理 1',
            satisfactionPct: 88.9,
            serviceLevelPct: 81.9,
            served: 110,
            rated: 45,
          },
        ],
      },
    ],
  };
}
