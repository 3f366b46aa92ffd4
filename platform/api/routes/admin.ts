import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CaseParams,
  CaseStatusRecord,
  CentralErrorBody,
  FaultConfig,
  FaultState,
  SetCaseStatusRequest,
} from '../../../contracts/central-api';
import type { CaseService } from '../../services/case-service';
import { transitionError } from '../case-transition';
import type { FaultInjector } from '../faults';

export interface AdminRoutesOptions {
  cases: CaseService;
  faults: FaultInjector;
}

const security = [{ adminToken: [] }];

/** Operator routes (admin token): advance a case, switch faults. What a demo operator drives. */
export const adminRoutes: FastifyPluginAsyncZod<AdminRoutesOptions> = async (app, { cases, faults }) => {
  app.post(
    '/v1/admin/cases/:caseNumber/status',
    {
      config: { access: 'admin' },
      schema: {
        summary: 'Move a case to a new status (受理, 办理, 办结, ...)',
        tags: ['admin'],
        security,
        params: CaseParams,
        body: SetCaseStatusRequest,
        response: {
          200: CaseStatusRecord,
          400: CentralErrorBody,
          401: CentralErrorBody,
          404: CentralErrorBody,
          409: CentralErrorBody,
        },
      },
    },
    async (request) => {
      const { caseNumber } = request.params;
      const outcome = await cases.setStatus(caseNumber, request.body.status, request.body.note);
      if (outcome.kind !== 'ok') throw transitionError(outcome, caseNumber, request.body.status);
      return outcome.record;
    },
  );

  app.get(
    '/v1/admin/faults',
    {
      config: { access: 'admin' },
      schema: {
        summary: 'Current fault injection',
        tags: ['admin'],
        security,
        response: { 200: FaultState, 401: CentralErrorBody },
      },
    },
    async () => faults.current(),
  );

  app.post(
    '/v1/admin/faults',
    {
      config: { access: 'admin' },
      schema: {
        summary: 'Change fault injection (fields not given keep their value)',
        tags: ['admin'],
        security,
        body: FaultConfig,
        response: { 200: FaultState, 400: CentralErrorBody, 401: CentralErrorBody },
      },
    },
    async (request) => faults.configure(request.body),
  );
};
