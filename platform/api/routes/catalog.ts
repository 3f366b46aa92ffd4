import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CatalogHeaders,
  CatalogResponse,
  CentralErrorBody,
  NotModified,
  ReplaceCatalogRequest,
} from '../../../contracts/central-api';
import type { CatalogService } from '../../services/catalog-service';
import { callerHall } from '../hall-scope';

export interface CatalogRoutesOptions {
  catalog: CatalogService;
}

/** The service catalog for terminals, each hall its level's part (conditional GET); its replacement by the operator. */
export const catalogRoutes: FastifyPluginAsyncZod<CatalogRoutesOptions> = async (app, { catalog }) => {
  app.get(
    '/v1/catalog',
    {
      config: { access: 'terminal' },
      schema: {
        summary: "The items the calling hall's level offers (事项); strong ETag per level, If-None-Match answers 304",
        tags: ['catalog'],
        security: [{ terminalToken: [] }],
        headers: CatalogHeaders,
        response: {
          200: CatalogResponse,
          304: NotModified,
          400: CentralErrorBody,
          401: CentralErrorBody,
          503: CentralErrorBody,
        },
      },
    },
    async (request, reply) => {
      const answer = await catalog.forLevel(callerHall(request).level, request.headers['if-none-match']);
      // Kiosks poll this often; revalidation keeps the poll cheap without a stale catalog.
      reply.header('etag', answer.etag).header('cache-control', 'no-cache');
      if (answer.kind === 'not_modified') return reply.code(304).send(null);
      return answer.body;
    },
  );

  app.put(
    '/v1/admin/catalog',
    {
      config: { access: 'admin' },
      schema: {
        summary: 'Replace the whole catalog (bumps version and ETag)',
        tags: ['admin'],
        security: [{ adminToken: [] }],
        body: ReplaceCatalogRequest,
        response: { 200: CatalogResponse, 400: CentralErrorBody, 401: CentralErrorBody },
      },
    },
    async (request, reply) => {
      const { etag, body } = await catalog.replace(request.body.items);
      reply.header('etag', etag);
      return body;
    },
  );
};
