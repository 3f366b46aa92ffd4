import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { operations } from '../../contracts/api';
import type { AuditLog } from '../audit/audit-log';
import type { StaffAccounts } from '../auth/staff-accounts';
import type { StaffAuth } from '../auth/staff-auth';
import { bearerToken, staffOf } from './auth-guard';
import { router } from './route';

export interface AuthRouteDeps {
  auth: StaffAuth;
  accounts: StaffAccounts;
  auditLog: AuditLog;
}

/**
 * Sign-in, sign-out, the caller's identity, account management (supervisors, and technicians in
 * the console's hall settings) and the audit log. The account rules, their transactions and
 * audit rows are host/auth/staff-accounts.ts's.
 */
export function authRoutes({ auth, accounts, auditLog }: AuthRouteDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const route = router(app, { auth });

    // The caller's address keys the sign-in throttle (per client, so a clerk is not locked out from elsewhere).
    route(operations.signIn, async (req) => auth.signIn(req.body.staffNo, req.body.pin, req.body.windowId, req.ip));

    route(operations.signOut, async (req) => {
      const token = bearerToken(req);
      if (token !== null) auth.signOut(token);
      return { ok: true as const };
    });

    route(operations.me, async (req) => ({
      staff: staffOf(req),
    }));

    route(operations.staffAccounts, async (req) => accounts.page(req.query));

    route(operations.createStaff, async (req, reply) => reply.code(201).send(await accounts.create(req.body, staffOf(req))));

    route(operations.updateStaff, async (req) => accounts.update(req.params.id, req.body, staffOf(req)));

    route(operations.resetStaffPin, async (req) => accounts.resetPin(req.params.id, staffOf(req)));

    route(operations.roleGrants, async () => ({ grants: accounts.grants() }));

    route(operations.confirmRoleGrant, async (req) => accounts.confirmGrant(req.params.id, staffOf(req)));

    route(operations.refuseRoleGrant, async (req) => ({ grants: accounts.refuseGrant(req.params.id, staffOf(req)) }));

    route(operations.audit, async (req) => ({
      entries: auditLog.entries({ sinceId: req.query.sinceId, limit: req.query.limit }),
    }));
  };
}
