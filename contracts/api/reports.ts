import { Report, ReportQuery, XLSX_MEDIA_TYPE } from '../reports';
import { access, defineOperations, errorReplies, fileReply } from './operation';

/** Supervisors run the hall; technicians look (the figures hold no citizen's personal data). */
const managers = access.staff(['supervisor', 'technician']);
/** 400: a date that is no date (`invalid_request`) or a range refused (`report_range_invalid`). */
const errors = errorReplies(400, 401, 403);

/** The hall manager's reports: one range of business days, as figures and as a workbook. */
export const reportOperations = defineOperations({
  /** Every figure of the range, by service, window and staff, the arrivals heat map and the window ranking. */
  report: {
    method: 'GET',
    path: '/reports',
    tags: ['reports'],
    access: managers,
    query: ReportQuery,
    responses: { 200: Report, ...errors },
    secondary: 'hallOnly',
  },
  /** The same Report as an Excel workbook (.xlsx), named with the hall id and the range. */
  reportExport: {
    method: 'GET',
    path: '/reports/export',
    tags: ['reports'],
    access: managers,
    query: ReportQuery,
    responses: {
      200: fileReply(
        'The report of the range as an Excel workbook: one sheet per grouping, the heat map and the ranking.',
        XLSX_MEDIA_TYPE,
      ),
      ...errors,
    },
    secondary: 'hallOnly',
  },
});
