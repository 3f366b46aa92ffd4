import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { HealthResponse } from '../../../contracts/central-api';

/** Health (public, for load balancers and the hall host's reachability probe) and the OpenAPI document. */
export const metaRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/v1/health',
    {
      config: { access: 'public' },
      schema: { summary: 'Liveness', tags: ['meta'], response: { 200: HealthResponse } },
    },
    async () => ({ status: 'ok' as const }),
  );

  // Behind a token like every /v1 route but health; either a terminal or the admin token will do.
  app.get('/v1/openapi.json', { config: { access: 'any' }, schema: { hide: true } }, async () => app.swagger());
};
