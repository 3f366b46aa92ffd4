import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { operations } from '../../contracts/api';
import type { HallIdentity } from '../../contracts/hall-link';
import { isBrowserKind, TOKEN_MAX_AGE_DAYS } from '../../contracts/pairing';
import type { StaffAuth } from '../auth/staff-auth';
import { HostError } from '../errors/host-error';
import { callerOf, TERMINAL_COOKIE, tokenFromCookie } from '../lan/caller';
import type { Pairing } from '../lan/pairing';
import { staffOf } from './auth-guard';
import { router } from './route';

/**
 * A browser's token as an HttpOnly cookie: page scripts never see it; it rides along on every
 * request and WebSocket. It lives no longer than the token may; over the LAN's https it is
 * `Secure`, so the browser never sends it in clear.
 */
function setTerminalCookie(reply: FastifyReply, token: string, overHttps: boolean): void {
  const secure = overHttps ? '; Secure' : '';
  reply.header(
    'set-cookie',
    `${TERMINAL_COOKIE}=${encodeURIComponent(token)}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${TOKEN_MAX_AGE_DAYS * 86_400}${secure}`,
  );
}

/** Pairing LAN terminals: technicians create codes and revoke terminals; a new terminal claims a code; a terminal rotates its token. */
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
      const claimed = { ...pairing.claim(req.body, req.ip), caFingerprint: deps.caFingerprint() };
      if (isBrowserKind(req.body.kind)) setTerminalCookie(reply, claimed.token, req.protocol === 'https');
      // A secondary kiosk keys cards as the hall does, so one card holds one ticket hall-wide.
      return reply.code(201).send(req.body.kind === 'host' ? { ...claimed, hall: deps.hallIdentity() } : claimed);
    });

    route(operations.rotateTerminalToken, async (req, reply) => {
      const caller = callerOf(req);
      if (!('terminalId' in caller)) throw new HostError('terminal_unpaired', '此终端尚未与大厅配对');
      const rotated = pairing.rotate(caller.terminalId);
      if (tokenFromCookie(req)) setTerminalCookie(reply, rotated.token, req.protocol === 'https');
      return rotated;
    });

    route(operations.pairingTerminals, async (req) => pairing.page(req.query));

    route(operations.revokeTerminal, async (req) => pairing.revoke(req.params.terminalId, staffOf(req).id));
  };
}
