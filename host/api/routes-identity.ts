import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { operations } from '../../contracts/api';
import { HostError } from '../errors/host-error';
import type { IdentitySessions } from '../identity/identity-sessions';
import type { KioskSeat } from '../identity/kiosk-seat';
import { router } from './route';

/** The kiosk page a request comes from (its random id), when it says so. */
export const KIOSK_PAGE_HEADER = 'x-kiosk-page';

function kioskPage(req: FastifyRequest): string | undefined {
  const value = req.headers[KIOSK_PAGE_HEADER];
  return typeof value === 'string' ? value : undefined;
}

export function identityRoutes(identity: IdentitySessions, seat: KioskSeat): FastifyPluginAsyncZod {
  return async (app) => {
    const route = router(app);

    // A kiosk page that is not this host's kiosk sees no citizen (a preview shows nobody's name).
    route(operations.identity, async (req) =>
      seat.heldByOther(kioskPage(req))
        ? { identity: null, cardOnReader: false }
        : { identity: identity.view(), cardOnReader: identity.cardOnReader() },
    );

    /**
     * The kiosk ends the session when the citizen is done or idle: the host forgets the card. The
     * answer says whether the card still lies on the reader, so the kiosk asks the citizen to take it.
     * Only the kiosk page may end it: a second page's idle timeout must not end the real kiosk's visit.
     */
    route(operations.endIdentity, async (req) => {
      if (seat.heldByOther(kioskPage(req)))
        throw new HostError('kiosk_seat_taken', '本机自助终端正在另一个页面使用，此页面不能结束办理');
      identity.end();
      return { cardOnReader: identity.cardOnReader() };
    });
  };
}
