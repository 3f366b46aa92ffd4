import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { operations } from '../../contracts/api';
import type { NearbyHalls } from '../sync/nearby-halls';
import { router } from './route';

/** The district around the hall: the kiosk's 就近办 line (host/sync/nearby-halls.ts). */
export function districtRoutes(deps: { nearby: NearbyHalls }): FastifyPluginAsyncZod {
  return async (app) => {
    const route = router(app);

    route(operations.nearbyHalls, async (req) => ({ halls: await deps.nearby.forService(req.query.service) }));
  };
}
