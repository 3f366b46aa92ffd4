import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CentralErrorBody,
  CreateEvaluationRequest,
  EvaluationRecord,
  EvaluationsQuery,
  EvaluationsResponse,
  IdempotentHeaders,
} from '../../../contracts/central-api';
import { deliverIdempotent } from '../duplicate-delivery';
import type { EvaluationService } from '../../services/evaluation-service';
import type { FaultInjector } from '../faults';

export interface EvaluationRoutesOptions {
  evaluations: EvaluationService;
  faults: FaultInjector;
}

/** 好差评: terminals submit ratings; operators list those that need a call back. */
export const evaluationRoutes: FastifyPluginAsyncZod<EvaluationRoutesOptions> = async (app, { evaluations, faults }) => {
  app.post(
    '/v1/evaluations',
    {
      config: { access: 'terminal' },
      schema: {
        summary: 'Submit an evaluation (idempotent on the Idempotency-Key header)',
        tags: ['evaluations'],
        security: [{ terminalToken: [] }],
        headers: IdempotentHeaders,
        body: CreateEvaluationRequest,
        response: {
          200: EvaluationRecord.describe('The evaluation this key already created'),
          201: EvaluationRecord.describe('A new evaluation'),
          400: CentralErrorBody,
          401: CentralErrorBody,
          403: CentralErrorBody,
          409: CentralErrorBody,
          503: CentralErrorBody,
        },
      },
    },
    async (request, reply) => {
      const key = request.headers['idempotency-key'];
      const outcome = await deliverIdempotent(faults, () => evaluations.create(key, request.body));
      return reply.code(outcome.kind === 'created' ? 201 : 200).send(outcome.result);
    },
  );

  app.get(
    '/v1/admin/evaluations',
    {
      config: { access: 'admin' },
      schema: {
        summary: 'Evaluations, newest first; flagged=true lists those needing a call back',
        tags: ['admin'],
        security: [{ adminToken: [] }],
        querystring: EvaluationsQuery,
        response: { 200: EvaluationsResponse, 400: CentralErrorBody, 401: CentralErrorBody },
      },
    },
    async (request) => ({ evaluations: await evaluations.list(request.query.flagged, request.query.limit) }),
  );
};
