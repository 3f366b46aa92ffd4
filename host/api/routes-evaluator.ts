import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { operations } from '../../contracts/api';
import type { StaffAuth } from '../auth/staff-auth';
import { HostError } from '../errors/host-error';
import { callerOf } from '../lan/caller';
import type { EvaluatorBinding } from '../lan/evaluator-binding';
import { staffOf } from './auth-guard';
import { router } from './route';

/** The window evaluator: the pad reads its own binding; a technician moves a pad to another window. */
export function evaluatorRoutes(deps: { binding: EvaluatorBinding; auth: StaffAuth }): FastifyPluginAsyncZod {
  return async (app) => {
    const route = router(app, { auth: deps.auth });

    route(operations.evaluatorSelf, async (req) => {
      const caller = callerOf(req);
      // The guard admits evaluators only; the pad is who its token says, never what it asks about.
      if (caller.terminal !== 'evaluator') throw new HostError('terminal_forbidden', '只有窗口评价器可以读取');
      return deps.binding.self(caller.terminalId);
    });

    route(operations.bindTerminalWindow, async (req) =>
      deps.binding.bind(req.params.terminalId, req.body.windowNumber, staffOf(req).id),
    );
  };
}
