import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { operations } from '../../contracts/api';
import type { StaffAuth } from '../auth/staff-auth';
import type { SyncEngine } from '../sync/sync-engine';
import { router } from './route';

/** Sync status for technicians and supervisors: what waits for the central API and why. */
export function syncRoutes(deps: { sync: SyncEngine; auth: StaffAuth }): FastifyPluginAsyncZod {
  return async (app) => {
    router(app, { auth: deps.auth })(operations.syncStatus, async () => deps.sync.status());
  };
}
