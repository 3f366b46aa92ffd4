/**
 * The hall's LAN: terminals (browsers of counters and screens, secondary hosts) are
 * paired with a one-time code a technician shows on the hall; afterwards they present a token.
 */
import { z } from 'zod';
import { HallIdentity } from './hall-link';
import { NextPage } from './page';

export const PairingCode = z.object({
  /** Six digits, typed on the new terminal. Single use. */
  code: z.string().regex(/^\d{6}$/),
  expiresAt: z.iso.datetime(),
});
export type PairingCode = z.infer<typeof PairingCode>;

export const TerminalKind = z.enum(['browser', 'host']);
export type TerminalKind = z.infer<typeof TerminalKind>;

export const ClaimPairingRequest = z.object({
  code: z.string().regex(/^\d{6}$/, 'expected the six-digit code'),
  name: z.string().trim().min(1).max(64),
  kind: TerminalKind,
});
export type ClaimPairingRequest = z.infer<typeof ClaimPairingRequest>;

export const ClaimPairingResponse = z.object({
  terminalId: z.uuid(),
  /** For a host: send as `X-Terminal-Token`. A browser also gets it as an HttpOnly cookie. */
  token: z.string(),
  /** For a host: the hall it joined (its queue keyer among it). */
  hall: HallIdentity.optional(),
});
export type ClaimPairingResponse = z.infer<typeof ClaimPairingResponse>;

export const Terminal = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: TerminalKind,
  pairedAt: z.iso.datetime(),
  lastSeenAt: z.iso.datetime().nullable(),
  revokedAt: z.iso.datetime().nullable(),
});
export type Terminal = z.infer<typeof Terminal>;

/** One page of the paired terminals, newest first (contracts/page.ts). */
export const TerminalList = z.object({ terminals: z.array(Terminal), next: NextPage });
export type TerminalList = z.infer<typeof TerminalList>;
export const TerminalIdParams = z.object({ terminalId: z.uuid() });
