import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { CatalogResponse } from '../../../contracts/central-api';
import { consoleOperations as ops } from '../../../contracts/platform-console-api';
import type { CatalogEdit, CatalogEditor } from '../../services/catalog-editor';
import { actorOf, principalOf } from '../auth';
import { consoleRouter } from '../console-route';
import { ApiError } from '../errors';

export interface ConsoleCatalogRoutesOptions {
  editor: CatalogEditor;
}

/** The new catalog with its ETag, or the refusal as the console's error. */
function answer(edit: CatalogEdit, reply: FastifyReply, code: string): CatalogResponse {
  switch (edit.kind) {
    case 'ok':
      reply.header('etag', edit.snapshot.etag);
      return edit.snapshot.body;
    case 'changed':
      throw new ApiError(409, 'catalog_changed', 'the catalog changed since it was read; read it again', {
        version: edit.version,
      });
    case 'exists':
      throw new ApiError(409, 'item_exists', `an item ${code} is in the catalog already`);
    case 'not_found':
      throw new ApiError(404, 'item_not_found', `no item ${code} in the catalog`);
    case 'empty':
      throw new ApiError(409, 'catalog_empty', 'the last item of the catalog cannot be retired');
  }
}

/** The catalog editor: read, add an item, change one, retire one (each bumps version and ETag). */
export const consoleCatalogRoutes: FastifyPluginAsync<ConsoleCatalogRoutesOptions> = async (plain, { editor }) => {
  const route = consoleRouter(plain.withTypeProvider<ZodTypeProvider>());

  route(ops.catalog, async () => editor.view());

  route(ops.addCatalogItem, async (request, reply) => {
    const { expectedVersion, item } = request.body;
    const body = answer(await editor.add(expectedVersion, item, actorOf(principalOf(request))), reply, item.code);
    return reply.code(201).send(body);
  });

  route(ops.editCatalogItem, async (request, reply) => {
    const { code } = request.params;
    return answer(
      await editor.change(code, request.body.expectedVersion, request.body.item, actorOf(principalOf(request))),
      reply,
      code,
    );
  });

  route(ops.retireCatalogItem, async (request, reply) => {
    const { code } = request.params;
    return answer(await editor.retire(code, request.body.expectedVersion, actorOf(principalOf(request))), reply, code);
  });
};
