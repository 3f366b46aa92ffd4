import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { operations } from '../../contracts/api';
import type { AuditSearch } from '../audit/audit-search';
import type { StaffAuth } from '../auth/staff-auth';
import { router } from './route';

/** The manager console's search of the audit log (supervisors and technicians). */
export function auditRoutes(deps: { search: AuditSearch; auth: StaffAuth }): FastifyPluginAsyncZod {
  return async (app) => {
    const route = router(app, { auth: deps.auth });
    route(operations.auditSearch, async (req) => deps.search.search(req.query));
  };
}
