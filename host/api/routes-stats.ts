import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { operations } from '../../contracts/api';
import type { Db } from '../../db/open';
import type { StaffAuth } from '../auth/staff-auth';
import type { Clock } from '../clock/clock';
import { businessDay } from '../queue/schedule';
import { dayStatistics, endOfDayReport } from '../queue/statistics';
import { router } from './route';

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
  return async (app) => {
    const route = router(app, { auth: deps.auth });

    route(operations.statsToday, async () => dayStatistics(deps.db, today(), deps.timeZone));

    route(operations.statsReport, async (req) => endOfDayReport(deps.db, req.query.day ?? today(), deps.timeZone));
  };
}
