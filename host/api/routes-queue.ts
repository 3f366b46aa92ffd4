import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiError } from '../../contracts/errors';
import {
  CallNextResponse,
  IssueTicketRequest,
  IssueTicketResponse,
  RecentCalls,
  ServiceList,
  WindowList,
  WindowParams,
} from '../../contracts/queue';
import type { IdentitySessions } from '../identity/identity-sessions';
import { HostError } from '../errors/host-error';
import type { QueueService } from '../queue/queue-service';

export interface QueueRouteDeps {
  queue: QueueService;
  identity: IdentitySessions;
}

const errors = { 400: ApiError, 404: ApiError, 409: ApiError };

export function queueRoutes(deps: QueueRouteDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/services', { schema: { tags: ['queue'], response: { 200: ServiceList } } }, async () => ({
      services: deps.queue.services(),
    }));

    app.get('/windows', { schema: { tags: ['queue'], response: { 200: WindowList } } }, async () => ({
      windows: deps.queue.windows(),
    }));

    app.post(
      '/tickets',
      { schema: { tags: ['queue'], body: IssueTicketRequest, response: { 201: IssueTicketResponse, ...errors } } },
      async (req, reply) => {
        let identityKey: string | null = null;
        if (req.body.withIdentity) {
          identityKey = deps.identity.identityKey();
          if (identityKey === null) throw new HostError('no_identity', '请先刷身份证');
        }
        const ticket = deps.queue.issue(req.body.serviceCode, identityKey);
        return reply.code(201).send({ ticket });
      },
    );

    app.post(
      '/windows/:windowId/call-next',
      { schema: { tags: ['queue'], params: WindowParams, response: { 200: CallNextResponse, ...errors } } },
      async (req) => ({ call: deps.queue.callNext(req.params.windowId) }),
    );

    app.get(
      '/calls/recent',
      {
        schema: {
          tags: ['queue'],
          querystring: z.object({ limit: z.coerce.number().int().min(1).max(50).default(10) }),
          response: { 200: RecentCalls },
        },
      },
      async (req) => ({ calls: deps.queue.recentCalls(req.query.limit) }),
    );
  };
}
