import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ApiError } from '../../contracts/errors';
import { LogList, LogQuery } from '../../contracts/logs';
import type { StaffAuth } from '../auth/staff-auth';
import type { LogRing } from '../log/log-ring';
import { requireStaff } from './auth-guard';

/** The host's recent log lines (memory only, masked) for technicians; supervisors may read them. */
export function logRoutes(deps: { logs: LogRing; auth: StaffAuth }): FastifyPluginAsyncZod {
  const viewers = requireStaff(deps.auth, ['technician', 'supervisor']);
  return async (app) => {
    app.get(
      '/logs',
      {
        preHandler: viewers,
        schema: {
          tags: ['logs'],
          querystring: LogQuery,
          response: { 200: LogList, 400: ApiError, 401: ApiError, 403: ApiError },
        },
      },
      async (req) => deps.logs.query(req.query),
    );
  };
}
