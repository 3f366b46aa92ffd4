import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { operations } from '../../contracts/api';
import type { StaffAuth } from '../auth/staff-auth';
import type { HallLink } from '../hall-link/hall-link';
import { staffOf } from './auth-guard';
import { router } from './route';

/**
 * This host's link to its hall: the state every screen may read (kiosks show the offline
 * state from it), and pairing with the six-digit code shown on the hall (technicians).
 */
export function hallLinkRoutes(deps: { link: HallLink; auth: StaffAuth }): FastifyPluginAsyncZod {
  return async (app) => {
    const route = router(app, { auth: deps.auth });

    route(operations.hallLink, async () => deps.link.current());

    route(operations.pairWithHall, async (req) => deps.link.pair(req.body.code, staffOf(req).id));
  };
}
