import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { operations } from '../../contracts/api';
import type { StaffAuth } from '../auth/staff-auth';
import type { HourExtensions } from '../queue/hour-extensions';
import { staffOf } from './auth-guard';
import { router } from './route';

export interface HoursRouteDeps {
  extensions: HourExtensions;
  auth: StaffAuth;
}

/** Today's hours (holidays, 调休, 延时服务) and the supervisors' extensions, for the manager console. */
export function hoursRoutes(deps: HoursRouteDeps): FastifyPluginAsyncZod {
  const { extensions } = deps;
  return async (app) => {
    const route = router(app, { auth: deps.auth });

    route(operations.hoursToday, async () => extensions.today());

    route(operations.hoursExtensions, async () => extensions.list());

    route(operations.extendHours, async (req, reply) => reply.code(201).send(extensions.add(req.body, staffOf(req).id)));

    route(operations.cancelHoursExtension, async (req) => extensions.cancel(req.params.extensionId, staffOf(req).id));
  };
}
