import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { operations } from '../../contracts/api';
import type { HallIdentity } from '../../contracts/hall-link';
import type { StaffAuth } from '../auth/staff-auth';
import { TERMINAL_COOKIE } from '../lan/lan-guard';
import type { Pairing } from '../lan/pairing';
import { staffOf } from './auth-guard';
import { router } from './route';

/** Pairing LAN terminals: technicians create codes and revoke terminals; a new terminal claims a code. */
export function pairingRoutes(deps: {
  pairing: Pairing;
  auth: StaffAuth;
  /** What a host terminal learns of the hall it joins (its queue keyer among it). */
  hallIdentity: () => HallIdentity;
  /** The hall CA's fingerprint (null with the LAN off): the claimant checks its connection against it. */
  caFingerprint: () => string | null;
}): FastifyPluginAsyncZod {
  const { pairing } = deps;
  return async (app) => {
    const route = router(app, { auth: deps.auth });

    route(operations.createPairingCode, async (req, reply) => reply.code(201).send(pairing.createCode(staffOf(req).id)));

    route(operations.claimPairing, async (req, reply) => {
      const claimed = { ...pairing.claim(req.body), caFingerprint: deps.caFingerprint() };
      if (req.body.kind === 'browser') {
        // HttpOnly: page scripts never see it; it rides along on every request and WebSocket.
        // Secure over the LAN's https: the browser never sends it in clear.
        const secure = req.protocol === 'https' ? '; Secure' : '';
        reply.header(
          'set-cookie',
          `${TERMINAL_COOKIE}=${encodeURIComponent(claimed.token)}; Path=/; HttpOnly; SameSite=Strict; Max-Age=31536000${secure}`,
        );
      }
      // A secondary kiosk keys cards as the hall does, so one card holds one ticket hall-wide.
      return reply.code(201).send(req.body.kind === 'host' ? { ...claimed, hall: deps.hallIdentity() } : claimed);
    });

    route(operations.pairingTerminals, async (req) => pairing.page(req.query));

    route(operations.revokeTerminal, async (req) => pairing.revoke(req.params.terminalId, staffOf(req).id));
  };
}
