import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ApiError } from '../../contracts/errors';
import { DayStatistics, EndOfDayReport, StatsReportQuery } from '../../contracts/stats';
import type { Db } from '../../db/open';
import type { StaffAuth } from '../auth/staff-auth';
import type { Clock } from '../clock/clock';
import { requireStaff } from './auth-guard';
import { businessDay } from '../queue/schedule';
import { dayStatistics, endOfDayReport } from '../queue/statistics';

export interface StatsRouteDeps {
  db: Db;
  clock: Clock;
  timeZone: string;
  /** QueuePolicy.dailyResetHour: "today" turns over at this local hour, as the queue does. */
  resetHour: number;
  auth: StaffAuth;
}

/** Queue statistics for supervisors and the end-of-day report. */
export function statsRoutes(deps: StatsRouteDeps): FastifyPluginAsyncZod {
  const today = () => businessDay(deps.clock.now(), deps.timeZone, deps.resetHour);
  // Staff see the hall's figures (their own window's among them); the public does not.
  const staffOnly = requireStaff(deps.auth, ['staff', 'supervisor']);
  return async (app) => {
    app.get('/stats/today', { preHandler: staffOnly, schema: { tags: ['stats'], response: { 200: DayStatistics } } }, async () =>
      dayStatistics(deps.db, today(), deps.timeZone),
    );

    app.get(
      '/stats/report',
      {
        preHandler: staffOnly,
        schema: { tags: ['stats'], querystring: StatsReportQuery, response: { 200: EndOfDayReport, 400: ApiError } },
      },
      async (req) => endOfDayReport(deps.db, req.query.day ?? today(), deps.timeZone),
    );
  };
}
