import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ApiError } from '../../contracts/errors';
import { SyncStatus } from '../../contracts/sync';
import type { StaffAuth } from '../auth/staff-auth';
import type { SyncEngine } from '../sync/sync-engine';
import { requireStaff } from './auth-guard';

/** Sync status for technicians and supervisors: what waits for the central API and why. */
export function syncRoutes(deps: { sync: SyncEngine; auth: StaffAuth }): FastifyPluginAsyncZod {
  const viewers = requireStaff(deps.auth, ['technician', 'supervisor']);
  return async (app) => {
    app.get(
      '/sync/status',
      { preHandler: viewers, schema: { tags: ['sync'], response: { 200: SyncStatus, 401: ApiError, 403: ApiError } } },
      async () => deps.sync.status(),
    );
  };
}
