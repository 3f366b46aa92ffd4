import type { FastifyPluginAsync } from 'fastify';
import { casePageOperations as ops, PAGE_CHUNK_BYTES, PAGE_CHUNK_MEDIA_TYPE } from '../../../contracts/central-pages';
import type { CasePageService, ChunkOutcome } from '../../services/case-page-service';
import { ApiError } from '../errors';
import type { FaultInjector } from '../faults';
import { callerHall } from '../hall-scope';
import { platformRoute } from '../operation-route';

export interface CasePageRoutesOptions {
  pages: CasePageService;
  faults: FaultInjector;
}

/** The refusal a chunk's outcome is answered with (never the bytes, which are personal data). */
function refusal(outcome: Exclude<ChunkOutcome, { kind: 'ok' }>): ApiError {
  switch (outcome.kind) {
    case 'case_not_found':
      return new ApiError(404, 'case_not_found', 'no such case of this hall');
    case 'chunk_size_wrong':
      return new ApiError(400, 'chunk_size_wrong', `this chunk must be ${outcome.expected} bytes`, {
        expected: outcome.expected,
      });
    case 'page_mismatch':
      return new ApiError(409, 'page_mismatch', 'the page was sent before with other facts or bytes');
    case 'chunk_out_of_order':
      return new ApiError(409, 'chunk_out_of_order', `chunk ${outcome.expected} comes next`, { expected: outcome.expected });
    case 'checksum_mismatch':
      return new ApiError(422, 'checksum_mismatch', 'the page’s bytes do not match its checksum; its chunks were dropped');
  }
}

/**
 * A case's material pages from its hall's host (contracts/central-pages.ts). Registered as a
 * plugin of its own: chunks are taken raw (`application/octet-stream`, one chunk's size at most:
 * 413 beyond, before the rest is read) without touching how the other routes read JSON. Like a
 * case, a chunk may be committed and never answered, or delivered twice (fault injection): the
 * host's retry must be answered as the first delivery was.
 */
export const casePageRoutes: FastifyPluginAsync<CasePageRoutesOptions> = async (app, { pages, faults }) => {
  app.addContentTypeParser(PAGE_CHUNK_MEDIA_TYPE, { parseAs: 'buffer', bodyLimit: PAGE_CHUNK_BYTES }, (_request, body, done) =>
    done(null, body),
  );

  // Text and JSON have parsers of their own: a chunk in either is refused, not parsed.
  app.addHook('preValidation', async (request) => {
    if (request.headers['content-type']?.split(';')[0]?.trim().toLowerCase() !== PAGE_CHUNK_MEDIA_TYPE) {
      throw new ApiError(415, 'unsupported_media_type', `a chunk is sent as ${PAGE_CHUNK_MEDIA_TYPE}`);
    }
  });

  platformRoute(app, ops.receivePageChunk, async ({ params, query, body }, request, reply) => {
    const { hallId } = callerHall(request);
    const first = await pages.receiveChunk(hallId, params, query, body);
    const outcome =
      first.kind === 'ok' && faults.shouldDuplicate() ? await pages.receiveChunk(hallId, params, query, body) : first;
    if (outcome.kind !== 'ok') throw refusal(outcome);
    if (faults.shouldDropAfterCommit()) {
      // Kept, never answered: only the host's retry of the same chunk hears how far the page is.
      reply.hijack();
      reply.raw.destroy();
      return { status: 200, body: outcome.receipt };
    }
    return { status: 200, body: outcome.receipt };
  });
};
