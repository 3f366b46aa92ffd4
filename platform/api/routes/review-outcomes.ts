import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CentralErrorBody,
  IdempotentHeaders,
  ReviewOutcomeRecord,
  ReviewOutcomeRequest,
  ReviewOutcomesQuery,
  ReviewOutcomesResponse,
} from '../../../contracts/central-api';
import { deliverIdempotent } from '../duplicate-delivery';
import { ApiError } from '../errors';
import type { FaultInjector } from '../faults';
import type { ReviewOutcomeService } from '../../services/review-outcome-service';

export interface ReviewOutcomeRoutesOptions {
  outcomes: ReviewOutcomeService;
  faults: FaultInjector;
}

/** 差评整改回访: halls report a 差评's decided appeal and its closed loop; operators list them. */
export const reviewOutcomeRoutes: FastifyPluginAsyncZod<ReviewOutcomeRoutesOptions> = async (app, { outcomes, faults }) => {
  app.post(
    '/v1/evaluations/outcomes',
    {
      config: { access: 'terminal' },
      schema: {
        summary: "Report a 差评's follow-up: its appeal decided, or closed (idempotent on the Idempotency-Key header)",
        tags: ['evaluations'],
        security: [{ terminalToken: [] }],
        headers: IdempotentHeaders,
        body: ReviewOutcomeRequest,
        response: {
          200: ReviewOutcomeRecord.describe('The report this key already made'),
          201: ReviewOutcomeRecord.describe('A new report'),
          400: CentralErrorBody,
          401: CentralErrorBody,
          403: CentralErrorBody,
          404: CentralErrorBody,
          409: CentralErrorBody,
          503: CentralErrorBody,
        },
      },
    },
    async (request, reply) => {
      const key = request.headers['idempotency-key'];
      const outcome = await deliverIdempotent(faults, () => outcomes.report(key, request.body));
      if (outcome.kind === 'unknown') {
        throw new ApiError(404, 'evaluation_not_found', 'this hall delivered no evaluation under that key');
      }
      return reply.code(outcome.kind === 'created' ? 201 : 200).send(outcome.result);
    },
  );

  app.get(
    '/v1/admin/evaluations/outcomes',
    {
      config: { access: 'admin' },
      schema: {
        summary: '差评 follow-up reports, newest first, with the body each hall sent',
        tags: ['admin'],
        security: [{ adminToken: [] }],
        querystring: ReviewOutcomesQuery,
        response: { 200: ReviewOutcomesResponse, 400: CentralErrorBody, 401: CentralErrorBody },
      },
    },
    async (request) => ({ outcomes: await outcomes.list(request.query.limit) }),
  );
};
