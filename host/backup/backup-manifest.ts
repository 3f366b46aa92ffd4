import { z } from 'zod';
import { BackupCheck, BackupName } from '../../contracts/backups';

/**
 * The manifest written beside each backup (`<backup>.json`). It lives in the backup folder, not in
 * the database: a restore replaces the database, and the record of which backups exist, how big
 * they are and whether they passed their check must outlive exactly that. `madeBy` (a tag of this
 * install's secret) is how retention knows a file is this host's to delete.
 */
export const BackupManifest = z.object({
  format: z.literal(1),
  name: BackupName,
  hallId: z.string(),
  madeBy: z.string().min(8).max(64),
  createdAt: z.iso.datetime(),
  size: z.number().int().nonnegative(),
  /** sha256 (hex) of the file as checked: the copy in the folder is compared with it, and so is a restore's. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  check: BackupCheck,
  /** The program that made it (for support). */
  version: z.string().max(40),
});
export type BackupManifest = z.infer<typeof BackupManifest>;

/** A manifest's text, or null when it is not one (a truncated write, someone's edit). */
export function parseManifest(text: string): BackupManifest | null {
  try {
    const parsed = BackupManifest.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
