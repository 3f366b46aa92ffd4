import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { operations } from '../../contracts/api';
import type { StaffAuth } from '../auth/staff-auth';
import type { FloorService } from '../manager/floor';
import { staffOf } from './auth-guard';
import { router } from './route';

export interface FloorRouteDeps {
  floor: FloorService;
  auth: StaffAuth;
}

/** The manager console's live floor (现场) and the 差评 alerts a supervisor has seen. */
export function floorRoutes(deps: FloorRouteDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const route = router(app, { auth: deps.auth });

    route(operations.managerFloor, async () => deps.floor.snapshot());

    route(operations.markReviewSeen, async (req) => deps.floor.markReviewSeen(req.params.evaluationId, staffOf(req)));
  };
}
