import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { operations } from '../../contracts/api';
import { XLSX_MEDIA_TYPE } from '../../contracts/reports';
import type { StaffAuth } from '../auth/staff-auth';
import type { HallReports } from '../reports/hall-reports';
import { router } from './route';

/** The hall manager's reports: the figures of a range, and the same as an Excel workbook. */
export function reportRoutes(deps: { reports: HallReports; auth: StaffAuth }): FastifyPluginAsyncZod {
  return async (app) => {
    const route = router(app, { auth: deps.auth });

    route(operations.report, async (req) => deps.reports.report(req.query));

    route(operations.reportExport, async (req, reply) => {
      const file = await deps.reports.export(req.query);
      return reply
        .type(XLSX_MEDIA_TYPE)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('cache-control', 'no-store')
        .send(file.xlsx);
    });
  };
}
