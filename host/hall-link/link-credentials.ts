import { z } from 'zod';
import { HallIdentity } from '../../contracts/hall-link';
import { TOKEN_ROTATE_AFTER_DAYS } from '../../contracts/pairing';
import type { Db } from '../../db/open';
import { readSetting, writeSetting } from '../../db/repositories/settings';

const KEY = 'hall-link';

/**
 * What pairing with a hall left on this secondary host: the hall it belongs to, its terminal
 * id, its token, and the hall's CA. The token is kept as is (it must be sent); the hall keeps only its hash.
 */
export const LinkCredentials = z.object({
  hallUrl: z.string(),
  terminalId: z.uuid(),
  token: z.string().min(20),
  hall: HallIdentity,
  pairedAt: z.iso.datetime(),
  /**
   * The hall's CA (PEM) pinned at pairing: every later connection must chain to it and no other.
   * Null for a hall on this machine reached over loopback http.
   */
  caCertificate: z.string().nullable().default(null),
  /** When the hall issued `token` (at pairing, then at each rotation); absent on links paired before rotation: `pairedAt`. */
  tokenIssuedAt: z.iso.datetime().optional(),
});
export type LinkCredentials = z.infer<typeof LinkCredentials>;

export function readLinkCredentials(db: Db): LinkCredentials | null {
  const parsed = LinkCredentials.safeParse(readSetting(db, KEY));
  return parsed.success ? parsed.data : null;
}

/** Whether the link's token is old enough to exchange (TOKEN_ROTATE_AFTER_DAYS, well before it could expire). */
export function tokenDue(credentials: LinkCredentials, now: Date): boolean {
  const issued = Date.parse(credentials.tokenIssuedAt ?? credentials.pairedAt);
  return now.getTime() - issued >= TOKEN_ROTATE_AFTER_DAYS * 86_400_000;
}

export function writeLinkCredentials(db: Db, credentials: LinkCredentials | null, now: string): void {
  writeSetting(db, KEY, credentials, now);
}
