import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ApiError } from '../../contracts/errors';
import { HallLinkStatus, PairWithHallRequest } from '../../contracts/hall-link';
import type { StaffAuth } from '../auth/staff-auth';
import type { HallLink } from '../hall-link/hall-link';
import { requireStaff, staffOf } from './auth-guard';

const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError, 409: ApiError, 429: ApiError, 503: ApiError };

/**
 * This host's link to its hall: the state every screen may read (kiosks show the offline
 * state from it), and pairing with the six-digit code shown on the hall (technicians).
 */
export function hallLinkRoutes(deps: { link: HallLink; auth: StaffAuth }): FastifyPluginAsyncZod {
  const technician = requireStaff(deps.auth, ['technician']);
  return async (app) => {
    app.get('/hall-link', { schema: { tags: ['hall-link'], response: { 200: HallLinkStatus } } }, async () =>
      deps.link.current(),
    );

    app.post(
      '/hall-link/pair',
      {
        preHandler: technician,
        schema: { tags: ['hall-link'], body: PairWithHallRequest, response: { 200: HallLinkStatus, ...errors } },
      },
      async (req) => deps.link.pair(req.body.code, staffOf(req).id),
    );
  };
}
