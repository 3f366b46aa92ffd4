import { z } from 'zod';
import { HallIdentity } from '../../contracts/hall-link';
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
});
export type LinkCredentials = z.infer<typeof LinkCredentials>;

export function readLinkCredentials(db: Db): LinkCredentials | null {
  const parsed = LinkCredentials.safeParse(readSetting(db, KEY));
  return parsed.success ? parsed.data : null;
}

export function writeLinkCredentials(db: Db, credentials: LinkCredentials | null, now: string): void {
  writeSetting(db, KEY, credentials, now);
}
