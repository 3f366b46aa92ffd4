import type { FastifyPluginAsync } from 'fastify';
import { publicComplaintOperations as ops } from '../../../contracts/platform-public-complaints';
import type { PublicFormLimiter } from '../../services/public-form-limiter';
import type { PublicComplaintProgressService } from '../../services/public-complaint-progress';
import { ApiError } from '../errors';
import { platformRoute } from '../operation-route';

export interface PublicComplaintRoutesOptions {
  progress: PublicComplaintProgressService;
  /** Lookups per client address, counted apart from the form's submissions. */
  lookupLimiter: PublicFormLimiter;
}

/** The public web form's reads (contracts/platform-public-complaints.ts): no account, limited per client address. */
export const publicComplaintRoutes: FastifyPluginAsync<PublicComplaintRoutesOptions> = async (
  app,
  { progress, lookupLimiter },
) => {
  platformRoute(app, ops.publicComplaintAreas, async () => ({ status: 200, body: await progress.areas() }));

  platformRoute(app, ops.lookupComplaintProgress, async ({ body }, request, reply) => {
    // Counted before the lookup, hit or miss: guessing phones costs the guesser its address's hour.
    const limit = await lookupLimiter.count(request.ip);
    if (limit.kind === 'limited') {
      reply.header('retry-after', String(limit.retryAfterSeconds));
      throw new ApiError(429, 'rate_limited', 'too many lookups from this address: try again later', {
        retryAfterSeconds: limit.retryAfterSeconds,
      });
    }
    const found = await progress.progress(body.number, body.phone);
    if (found === undefined) throw new ApiError(404, 'complaint_not_found', 'no complaint with this number and phone');
    return { status: 200, body: found };
  });
};
