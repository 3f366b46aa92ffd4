import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ApiError } from '../../contracts/errors';
import { DayStatistics, EndOfDayReport, StatsReportQuery } from '../../contracts/stats';
import type { Db } from '../../db/open';
import type { Clock } from '../clock/clock';
import { businessDay } from '../queue/schedule';
import { dayStatistics, endOfDayReport } from '../queue/statistics';

export interface StatsRouteDeps {
  db: Db;
  clock: Clock;
  timeZone: string;
  /** QueuePolicy.dailyResetHour: "today" turns over at this local hour, as the queue does. */
  resetHour: number;
}

/** Queue statistics for supervisors and the end-of-day report. */
export function statsRoutes(deps: StatsRouteDeps): FastifyPluginAsyncZod {
  const today = () => businessDay(deps.clock.now(), deps.timeZone, deps.resetHour);
  return async (app) => {
    app.get('/stats/today', { schema: { tags: ['stats'], response: { 200: DayStatistics } } }, async () =>
      dayStatistics(deps.db, today(), deps.timeZone),
    );

    app.get(
      '/stats/report',
      { schema: { tags: ['stats'], querystring: StatsReportQuery, response: { 200: EndOfDayReport, 400: ApiError } } },
      async (req) => endOfDayReport(deps.db, req.query.day ?? today(), deps.timeZone),
    );
  };
}
