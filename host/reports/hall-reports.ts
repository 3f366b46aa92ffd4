import { reportFileName, reportRangeProblem, REPORT_MAX_DAYS, type Report, type ReportQuery } from '../../contracts/reports';
import type { Db } from '../../db/open';
import type { Clock } from '../clock/clock';
import { HostError } from '../errors/host-error';
import { businessDay } from '../queue/schedule';
import { buildReport } from './build-report';
import { ClosedDays } from './closed-days';
import { reportWorkbook } from './report-workbook';

export interface HallReportsOptions {
  db: Db;
  clock: Clock;
  hallId: string;
  timeZone: string;
  /** Read at each report: the technician console changes them live. */
  hallName: () => string;
  resetHour: () => number;
}

/**
 * The hall manager's reports: a range is checked (a typed 400 for one that ends before it starts
 * or spans more than a year), then built once by buildReport; the export is that same Report
 * written as a workbook, so the console's figures and the file never disagree.
 */
export class HallReports {
  /** Closed business days' columns, kept for the host's life (a year report reads only today from SQLite). */
  private readonly closedDays = new ClosedDays();

  constructor(private readonly o: HallReportsOptions) {}

  report(range: ReportQuery): Report {
    const problem = reportRangeProblem(range.from, range.to);
    if (problem !== null) {
      throw new HostError(
        'report_range_invalid',
        problem === 'from_after_to' ? '结束日期早于开始日期' : `统计区间不能超过 ${REPORT_MAX_DAYS} 天`,
        { reason: problem, maxDays: REPORT_MAX_DAYS },
      );
    }
    const now = this.o.clock.now();
    const resetHour = this.o.resetHour();
    return buildReport(
      this.o.db,
      {
        ...range,
        today: businessDay(now, this.o.timeZone, resetHour),
        timeZone: this.o.timeZone,
        resetHour,
        hallId: this.o.hallId,
        hallName: this.o.hallName(),
        generatedAt: now,
      },
      this.closedDays,
    );
  }

  /** The report of the range as an .xlsx file, with the name it is saved under. */
  async export(range: ReportQuery): Promise<{ fileName: string; xlsx: Buffer }> {
    const report = this.report(range);
    return { fileName: reportFileName(report.hallId, report.from, report.to), xlsx: await reportWorkbook(report) };
  }
}
