import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CentralErrorBody, IdempotentHeaders, QueueStatsRequest, QueueStatsResponse } from '../../../contracts/central-api';
import { deliverIdempotent } from '../duplicate-delivery';
import type { FaultInjector } from '../faults';
import type { QueueStatsService } from '../../services/queue-stats-service';

export interface QueueStatsRoutesOptions {
  stats: QueueStatsService;
  faults: FaultInjector;
}

/** A hall's end-of-day figures, upserted per (hall, business day). */
export const queueStatsRoutes: FastifyPluginAsyncZod<QueueStatsRoutesOptions> = async (app, { stats, faults }) => {
  app.post(
    '/v1/queue-stats',
    {
      config: { access: 'terminal' },
      schema: {
        summary: "Upload a hall's end-of-day figures (idempotent on the Idempotency-Key header)",
        tags: ['queue-stats'],
        security: [{ terminalToken: [] }],
        headers: IdempotentHeaders,
        body: QueueStatsRequest,
        response: {
          200: QueueStatsResponse.describe('The answer this key already got'),
          201: QueueStatsResponse.describe('Figures stored (revision 1) or replaced (revision > 1)'),
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
      const outcome = await deliverIdempotent(faults, () => stats.put(key, request.body));
      return reply.code(outcome.kind === 'created' ? 201 : 200).send(outcome.result);
    },
  );
};
