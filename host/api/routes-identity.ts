import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { operations } from '../../contracts/api';
import type { IdentitySessions } from '../identity/identity-sessions';
import { router } from './route';

/**
 * The citizen's card session. Both operations are the citizen's (contracts/api `access.citizen`):
 * the route guard admits only the kiosk page that read the card, so a second page, a preview or
 * a paired terminal neither sees the citizen nor ends the visit.
 */
export function identityRoutes(identity: IdentitySessions): FastifyPluginAsyncZod {
  return async (app) => {
    const route = router(app);

    route(operations.identity, async () => ({ identity: identity.view(), cardOnReader: identity.cardOnReader() }));

    /**
     * The kiosk ends the session when the citizen is done or idle: the host forgets the card. The
     * answer says whether the card still lies on the reader, so the kiosk asks the citizen to take it.
     */
    route(operations.endIdentity, async () => {
      identity.end();
      return { cardOnReader: identity.cardOnReader() };
    });
  };
}
