import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ApiError } from '../../contracts/errors';
import {
  ClaimPairingRequest,
  ClaimPairingResponse,
  PairingCode,
  Terminal,
  TerminalIdParams,
  TerminalList,
} from '../../contracts/pairing';
import type { HallIdentity } from '../../contracts/hall-link';
import type { StaffAuth } from '../auth/staff-auth';
import { TERMINAL_COOKIE } from '../lan/lan-guard';
import type { Pairing } from '../lan/pairing';
import { requireStaff, staffOf } from './auth-guard';

const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError, 429: ApiError };

/** Pairing LAN terminals: technicians create codes and revoke terminals; a new terminal claims a code. */
export function pairingRoutes(deps: {
  pairing: Pairing;
  auth: StaffAuth;
  /** What a host terminal learns of the hall it joins (its queue keyer among it). */
  hallIdentity: () => HallIdentity;
}): FastifyPluginAsyncZod {
  const { pairing } = deps;
  const technician = requireStaff(deps.auth, ['technician']);
  return async (app) => {
    app.post(
      '/pairing/codes',
      { preHandler: technician, schema: { tags: ['pairing'], response: { 201: PairingCode, ...errors } } },
      async (req, reply) => reply.code(201).send(pairing.createCode(staffOf(req).id)),
    );

    app.post(
      '/pairing/claim',
      { schema: { tags: ['pairing'], body: ClaimPairingRequest, response: { 201: ClaimPairingResponse, ...errors } } },
      async (req, reply) => {
        const claimed = pairing.claim(req.body);
        if (req.body.kind === 'browser') {
          // HttpOnly: page scripts never see it; it rides along on every request and WebSocket.
          reply.header(
            'set-cookie',
            `${TERMINAL_COOKIE}=${encodeURIComponent(claimed.token)}; Path=/; HttpOnly; SameSite=Strict; Max-Age=31536000`,
          );
        }
        // A secondary kiosk keys cards as the hall does, so one card holds one ticket hall-wide.
        return reply.code(201).send(req.body.kind === 'host' ? { ...claimed, hall: deps.hallIdentity() } : claimed);
      },
    );

    app.get(
      '/pairing/terminals',
      { preHandler: technician, schema: { tags: ['pairing'], response: { 200: TerminalList, ...errors } } },
      async () => ({ terminals: pairing.list() }),
    );

    app.delete(
      '/pairing/terminals/:terminalId',
      { preHandler: technician, schema: { tags: ['pairing'], params: TerminalIdParams, response: { 200: Terminal, ...errors } } },
      async (req) => pairing.revoke(req.params.terminalId, staffOf(req).id),
    );
  };
}
