import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CentralErrorBody, LiveSnapshot, LiveSnapshotAck, NearbyQuery, NearbyResponse } from '../../../contracts/central-api';
import { FutureSnapshotError, type LiveService } from '../../services/live-service';
import { callerHall } from '../hall-scope';
import { ApiError } from '../errors';

export interface LiveRoutesOptions {
  live: LiveService;
}

/**
 * The live district (就近办): halls push their queue as it is now, a kiosk asks for the other
 * halls' waiting for one service. The console reads every hall through its own table
 * (routes/console-live.ts).
 */
export const liveRoutes: FastifyPluginAsyncZod<LiveRoutesOptions> = async (app, { live }) => {
  app.put(
    '/v1/live',
    {
      config: { access: 'terminal' },
      schema: {
        summary: "A hall's queue now (about once a minute); an older snapshot than the stored one changes nothing",
        tags: ['live'],
        security: [{ terminalToken: [] }],
        body: LiveSnapshot,
        response: { 200: LiveSnapshotAck, 400: CentralErrorBody, 401: CentralErrorBody, 503: CentralErrorBody },
      },
    },
    async (request) => {
      try {
        return await live.put(callerHall(request).hallId, request.body);
      } catch (error) {
        if (error instanceof FutureSnapshotError)
          throw new ApiError(400, 'invalid_request', error.message, { in: 'body', field: 'takenAt' });
        throw error;
      }
    },
  );

  app.get(
    '/v1/live/nearby',
    {
      config: { access: 'terminal' },
      schema: {
        summary: "The other halls' waiting for one service (就近办), best first; stale snapshots marked",
        tags: ['live'],
        security: [{ terminalToken: [] }],
        querystring: NearbyQuery,
        response: { 200: NearbyResponse, 400: CentralErrorBody, 401: CentralErrorBody, 503: CentralErrorBody },
      },
    },
    async (request) => live.nearby(callerHall(request).hallId, request.query.service, request.query.limit),
  );
};
