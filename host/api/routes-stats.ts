import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { operations } from '../../contracts/api';
import type { StaffAuth } from '../auth/staff-auth';
import type { QueueStatistics } from '../queue/statistics';
import { router } from './route';

export interface StatsRouteDeps {
  stats: QueueStatistics;
  auth: StaffAuth;
}

/** Queue statistics for supervisors and the end-of-day report. */
export function statsRoutes(deps: StatsRouteDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const route = router(app, { auth: deps.auth });

    route(operations.statsToday, async () => deps.stats.today());

    route(operations.statsReport, async (req) => deps.stats.report(req.query.day));
  };
}
