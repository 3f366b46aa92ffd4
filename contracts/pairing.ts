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

/** SHA-256 of a certificate's DER in colon hex (AB:CD:…, 32 pairs), as browsers show it. */
export const CertificateFingerprint = z.string().regex(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/, 'SHA-256 fingerprint, colon hex');

/**
 * The hall's LAN TLS as any terminal may see it: the fingerprint of the hall's CA (what a
 * technician compares on both screens at pairing), or null while the LAN listener is off.
 */
export const LanTlsInfo = z.object({ caFingerprint: CertificateFingerprint.nullable() });
export type LanTlsInfo = z.infer<typeof LanTlsInfo>;

export const ClaimPairingResponse = z.object({
  terminalId: z.uuid(),
  /** For a host: send as `X-Terminal-Token`. A browser also gets it as an HttpOnly cookie. */
  token: z.string(),
  /** For a host: the hall it joined (its queue keyer among it). */
  hall: HallIdentity.optional(),
  /**
   * The hall's CA fingerprint (null: the hall serves no LAN TLS). A secondary host checks it
   * against the certificate its connection was shown, then trusts that CA and no other.
   */
  caFingerprint: CertificateFingerprint.nullable(),
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
