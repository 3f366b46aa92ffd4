import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { operations } from '../../contracts/api';
import type { StaffAuth } from '../auth/staff-auth';
import type { LogRing } from '../log/log-ring';
import { router } from './route';

/** The host's recent log lines (memory only, masked) for technicians; supervisors may read them. */
export function logRoutes(deps: { logs: LogRing; auth: StaffAuth }): FastifyPluginAsyncZod {
  return async (app) => {
    router(app, { auth: deps.auth })(operations.logs, async (req) => deps.logs.query(req.query));
  };
}
