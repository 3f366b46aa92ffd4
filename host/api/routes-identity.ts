import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CurrentIdentity, EndIdentityResponse } from '../../contracts/identity';
import type { IdentitySessions } from '../identity/identity-sessions';

export function identityRoutes(identity: IdentitySessions): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/identity', { schema: { tags: ['identity'], response: { 200: CurrentIdentity } } }, async () => ({
      identity: identity.view(),
      cardOnReader: identity.cardOnReader(),
    }));

    /**
     * The kiosk ends the session when the citizen is done or idle: the host forgets the card. The
     * answer says whether the card still lies on the reader, so the kiosk asks the citizen to take it.
     */
    app.post('/identity/end', { schema: { tags: ['identity'], response: { 200: EndIdentityResponse } } }, async () => {
      identity.end();
      return { cardOnReader: identity.cardOnReader() };
    });
  };
}
