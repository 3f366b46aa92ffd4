import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CurrentIdentity } from '../../contracts/identity';
import type { IdentitySessions } from '../identity/identity-sessions';

export function identityRoutes(identity: IdentitySessions): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/identity', { schema: { tags: ['identity'], response: { 200: CurrentIdentity } } }, async () => ({
      identity: identity.view(),
    }));

    /** The kiosk ends the session when the citizen is done or idle: the host forgets the card. */
    app.post('/identity/end', { schema: { tags: ['identity'], response: { 204: z.null() } } }, async (_req, reply) => {
      identity.end();
      return reply.code(204).send(null);
    });
  };
}
