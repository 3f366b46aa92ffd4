import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { operations } from '../../contracts/api';
import type { StaffAuth } from '../auth/staff-auth';
import type { StewardWorkList } from '../cases/steward-work-list';
import { staffOf } from './auth-guard';
import { router } from './route';

/** The steward's work list of the manager console (supervisors): list, one request, an action on it. */
export function stewardRoutes(deps: { work: StewardWorkList; auth: StaffAuth }): FastifyPluginAsyncZod {
  const { work } = deps;
  return async (app) => {
    const route = router(app, { auth: deps.auth });
    route(operations.stewardRequests, async (req) => work.list(req.query));
    route(operations.stewardRequest, async (req) => work.detail(req.params.requestId));
    route(operations.stewardAction, async (req) => work.act(req.params.requestId, req.body, staffOf(req)));
  };
}
