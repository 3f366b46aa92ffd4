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

/**
 * What a paired terminal is, chosen at pairing: a secondary kiosk's `host`, or a LAN browser that
 * is a window's `counter` PC, a hall TV's `display` or a window's rating pad (`evaluator`). The
 * kind decides which operations it may call (contracts/api `access`): a TV reads the board only.
 */
export const TerminalKind = z.enum(['host', 'counter', 'display', 'evaluator']);
export type TerminalKind = z.infer<typeof TerminalKind>;

/** The kinds a LAN browser pairs as (the /pair page's choice); they get their token as a cookie. */
export const BrowserTerminalKind = z.enum(['counter', 'display', 'evaluator']);
export type BrowserTerminalKind = z.infer<typeof BrowserTerminalKind>;
export const isBrowserKind = (kind: TerminalKind): kind is BrowserTerminalKind => kind !== 'host';

/**
 * A terminal token's life (host/lan/pairing.ts): it dies 30 days after its last use (a PC taken
 * out of the hall, a copied token nobody uses) or 90 days after it was issued (a copied token used
 * beside the real one). Terminals exchange it for a new one long before: a secondary host when
 * it is a week old, a browser at each start of its page and daily after.
 */
export const TOKEN_IDLE_DAYS = 30;
export const TOKEN_MAX_AGE_DAYS = 90;
/** A secondary host rotates its token once it is this old. */
export const TOKEN_ROTATE_AFTER_DAYS = 7;
/** The console marks a terminal whose token dies within this many days. */
export const TOKEN_EXPIRY_WARNING_DAYS = 7;

/** A window by the number the hall gives it (窗口号). */
export const WindowNumber = z.number().int().positive().max(9999);

export const ClaimPairingRequest = z
  .object({
    code: z.string().regex(/^\d{6}$/, 'expected the six-digit code'),
    name: z.string().trim().min(1).max(64),
    kind: TerminalKind,
    /**
     * A rating pad's window (required for `evaluator`, refused for any other kind): the rating
     * requests of that window, and their tokens, reach it and no other pad.
     */
    windowNumber: WindowNumber.optional(),
  })
  .refine((v) => (v.kind === 'evaluator') === (v.windowNumber !== undefined), {
    message: 'a window evaluator names its window number; no other kind of terminal does',
    path: ['windowNumber'],
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
  /** When its current token was issued (at pairing, then at each rotation). */
  tokenIssuedAt: z.iso.datetime(),
  /** When its current token dies unless used or rotated first (see TOKEN_IDLE_DAYS). */
  expiresAt: z.iso.datetime(),
  /** A rating pad's window by number (null: not bound yet, or another kind of terminal). */
  windowNumber: WindowNumber.nullable(),
});
export type Terminal = z.infer<typeof Terminal>;

/** A technician moves a rating pad to another window (the pad itself stays paired). */
export const BindTerminalWindowRequest = z.object({ windowNumber: WindowNumber });
export type BindTerminalWindowRequest = z.infer<typeof BindTerminalWindowRequest>;

/** One page of the paired terminals, newest first (contracts/page.ts). */
export const TerminalList = z.object({ terminals: z.array(Terminal), next: NextPage });
export type TerminalList = z.infer<typeof TerminalList>;

/** A terminal's new token, given for its old one (which dies at once). A browser also gets it as its cookie. */
export const RotatedToken = z.object({
  token: z.string(),
  expiresAt: z.iso.datetime(),
});
export type RotatedToken = z.infer<typeof RotatedToken>;
export const TerminalIdParams = z.object({ terminalId: z.uuid() });
