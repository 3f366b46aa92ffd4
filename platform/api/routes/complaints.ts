import type { FastifyPluginAsync } from 'fastify';
import type { ComplaintRefusal } from '../../../contracts/complaint-actions';
import { complaintOperations as ops } from '../../../contracts/platform-complaints-api';
import type { ComplaintActionService } from '../../services/complaint-action-service';
import type { ComplaintDirectoryService } from '../../services/complaint-directory-service';
import type { ComplaintQueryService } from '../../services/complaint-query-service';
import type { ComplaintRegistration, RegistrationOutcome } from '../../services/complaint-registration';
import type { PublicFormLimiter } from '../../services/public-form-limiter';
import { actingPersonOf } from '../acting-person';
import { ApiError } from '../errors';
import { platformRoute } from '../operation-route';

export interface ComplaintRoutesOptions {
  directory: ComplaintDirectoryService;
  registration: ComplaintRegistration;
  actions: ComplaintActionService;
  queries: ComplaintQueryService;
  webFormLimiter: PublicFormLimiter;
}

const notAPerson = (): ApiError =>
  new ApiError(403, 'not_a_person', 'this account acts as no active person of the complaint directory');

/** Who may not (403), not now (409), or what the action lacks (400): the lifecycle's refusal as `details`. */
function refusalError(refusal: ComplaintRefusal): ApiError {
  const status =
    refusal.code === 'wrong_role' || refusal.code === 'wrong_unit' || refusal.code === 'own_reply'
      ? 403
      : refusal.code === 'wrong_state' || refusal.code === 'co_unit_parts_missing'
        ? 409
        : 400;
  return new ApiError(status, refusal.code, `refused: ${refusal.code}`, refusal);
}

function registered(outcome: RegistrationOutcome) {
  switch (outcome.kind) {
    case 'ok':
      return outcome.registered;
    case 'not_a_person':
      throw notAPerson();
    case 'wrong_role':
      throw refusalError({ code: 'wrong_role', needs: ['intake'] });
    case 'unit_not_found':
      throw new ApiError(404, 'unit_not_found', `no street or zone ${outcome.unitCode}`);
  }
}

/** Intake, the work list, a complaint's page and its actions. */
export const complaintRoutes: FastifyPluginAsync<ComplaintRoutesOptions> = async (app, options) => {
  const { directory, registration, actions, queries, webFormLimiter } = options;

  platformRoute(app, ops.registerHotlineComplaint, async ({ body }, request) => {
    const actor = await directory.actorOf(actingPersonOf(request));
    return { status: 201, body: registered(await registration.hotline(actor, body)) };
  });

  platformRoute(app, ops.submitWebComplaint, async ({ body }, request, reply) => {
    const limit = await webFormLimiter.count(request.ip);
    if (limit.kind === 'limited') {
      reply.header('retry-after', String(limit.retryAfterSeconds));
      throw new ApiError(429, 'rate_limited', 'too many complaints from this address: try again later', {
        retryAfterSeconds: limit.retryAfterSeconds,
      });
    }
    const { number, registeredAt, closeDueAt } = registered(await registration.web(body));
    return { status: 201, body: { number, registeredAt, closeDueAt } };
  });

  platformRoute(app, ops.listComplaints, async ({ query }) => ({ status: 200, body: await queries.list(query) }));

  platformRoute(app, ops.complaintPage, async ({ params }) => {
    const page = await queries.page(params.number);
    if (page === undefined) throw new ApiError(404, 'complaint_not_found', `no complaint ${params.number}`);
    return { status: 200, body: page };
  });

  platformRoute(app, ops.complaintAction, async ({ params, body }, request) => {
    const outcome = await actions.act(params.number, actingPersonOf(request), body);
    switch (outcome.kind) {
      case 'not_a_person':
        throw notAPerson();
      case 'complaint_not_found':
        throw new ApiError(404, 'complaint_not_found', `no complaint ${outcome.number}`);
      case 'unit_not_found':
        throw new ApiError(404, 'unit_not_found', `no active unit ${outcome.unitCode}`);
      case 'refused':
        throw refusalError(outcome.refusal);
      case 'ok':
        break;
    }
    const page = await queries.page(params.number);
    if (page === undefined) throw new ApiError(404, 'complaint_not_found', `no complaint ${params.number}`);
    return { status: 200, body: page };
  });
};
