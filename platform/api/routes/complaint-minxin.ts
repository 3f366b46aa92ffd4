import type { FastifyPluginAsync } from 'fastify';
import {
  MINXIN_EXPORT_FILES,
  MINXIN_UPLOAD_LIMIT_BYTES,
  MINXIN_UPLOAD_MEDIA_TYPES,
  minxinOperations as ops,
} from '../../../contracts/platform-minxin-api';
import type { ComplaintDirectoryService } from '../../services/complaint-directory-service';
import type { MinxinExchange } from '../../services/minxin-exchange';
import { actingPersonOf } from '../acting-person';
import { actorOf, principalOf } from '../auth';
import { ApiError } from '../errors';
import { platformRoute } from '../operation-route';

export interface MinxinRoutesOptions {
  directory: ComplaintDirectoryService;
  exchange: MinxinExchange;
  now: () => Date;
}

function refused(kind: 'not_a_person' | 'wrong_role'): ApiError {
  return kind === 'not_a_person'
    ? new ApiError(403, 'not_a_person', 'this account acts as no active person of the complaint directory')
    : new ApiError(403, 'wrong_role', 'refused: wrong_role', { code: 'wrong_role', needs: ['intake'] });
}

/** `HHmm` of a Beijing wall date for the export's file name: minxin-replies-20261203-1530.csv. */
function stampOf(at: Date): string {
  const beijing = new Date(at.getTime() + 8 * 3_600_000).toISOString();
  return `${beijing.slice(0, 10).replace(/-/g, '')}-${beijing.slice(11, 16).replace(':', '')}`;
}

/**
 * The 民心网 exchange (contracts/platform-minxin-api.ts). Registered as a plugin of its own: the
 * batch's bytes are taken raw, for the media types the upload declares only and up to the
 * batch's size limit (413 beyond, before anything is read), without touching how the other
 * routes read JSON.
 */
export const minxinRoutes: FastifyPluginAsync<MinxinRoutesOptions> = async (app, { directory, exchange, now }) => {
  app.addContentTypeParser(
    [...MINXIN_UPLOAD_MEDIA_TYPES],
    { parseAs: 'buffer', bodyLimit: MINXIN_UPLOAD_LIMIT_BYTES },
    (_request, body, done) => done(null, body),
  );

  platformRoute(app, ops.importMinxinBatch, async ({ query, body }, request) => {
    const actor = await directory.actorOf(actingPersonOf(request));
    const outcome = await exchange.importBatch(actor, actorOf(principalOf(request)), body, query.kind);
    switch (outcome.kind) {
      case 'not_a_person':
      case 'wrong_role':
        throw refused(outcome.kind);
      case 'file_refused':
        throw new ApiError(400, 'minxin_file_refused', outcome.error.message, outcome.error);
      case 'ok':
        return { status: 200, body: outcome.result };
    }
  });

  platformRoute(app, ops.pendingMinxinReplies, async () => ({ status: 200, body: await exchange.pendingReplies() }));

  platformRoute(app, ops.exportMinxinReplies, async ({ body }, request, reply) => {
    const actor = await directory.actorOf(actingPersonOf(request));
    const outcome = await exchange.exportReplies(actor, actorOf(principalOf(request)), body);
    if (outcome.kind !== 'ok') throw refused(outcome.kind);
    const { mediaType, ending } = MINXIN_EXPORT_FILES[body.format];
    reply.header('content-type', mediaType);
    reply.header('content-disposition', `attachment; filename="minxin-replies-${stampOf(now())}.${ending}"`);
    reply.header('x-record-count', String(outcome.count));
    return { status: 200, body: outcome.file };
  });
};
