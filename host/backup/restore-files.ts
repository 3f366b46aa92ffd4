import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import { BackupName, RestoreRecord } from '../../contracts/backups';

/**
 * The files of a restore, all beside the database in the data folder (`hall.sqlite`):
 * - `hall.sqlite.restoring`: the backup copied in and checked, waiting for the restart;
 * - `hall.sqlite.restore-pending.json`: the restore asked for (written last, durably: from then on
 *   every start of the host finishes the restore, whatever interrupts it);
 * - `hall.sqlite.last-restore.json`: what the last restore did, for the console (outside the
 *   database, which the restore replaces).
 */
export function restoreFilesOf(dbFile: string) {
  return {
    staged: `${dbFile}.restoring`,
    marker: `${dbFile}.restore-pending.json`,
    record: `${dbFile}.last-restore.json`,
  };
}

export const RestoreMarker = z.object({
  format: z.literal(1),
  backupName: BackupName,
  /** The name the current database is kept under (`hall.sqlite-before-restore-<time>`), in the data folder. */
  keptAs: z.string().regex(/^[\w.-]+$/),
  acceptUnreadableCurrent: z.boolean(),
  staffId: z.number().int().nullable(),
  staffNo: z.string().nullable(),
  requestedAt: z.iso.datetime(),
});
export type RestoreMarker = z.infer<typeof RestoreMarker>;

/** Flushes a folder's entries (renames) to disk; folders cannot be opened so on Windows. */
export function syncFolderOf(file: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dirname(file), 'r');
    fsyncSync(fd);
  } catch {
    // Not supported on this platform: the rename is as durable as it makes it.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Writes a small JSON file whole and durably: temporary name, fsync, rename, folder fsync. */
export function writeJsonDurably(file: string, value: unknown): void {
  const partial = `${file}.partial`;
  writeFileSync(partial, `${JSON.stringify(value, null, 2)}\n`);
  const fd = openSync(partial, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(partial, file);
  syncFolderOf(file);
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return undefined;
    throw error;
  }
}

/** The pending restore, if one was asked for. A marker that is not one is an error: never guess at a restore. */
export function readMarker(dbFile: string): RestoreMarker | null {
  const value = readJson(restoreFilesOf(dbFile).marker);
  return value === undefined ? null : RestoreMarker.parse(value);
}

/** The last restore's record, or null (none yet, or a file this version cannot read). */
export function readRestoreRecord(dbFile: string): RestoreRecord | null {
  try {
    const parsed = RestoreRecord.safeParse(readJson(restoreFilesOf(dbFile).record));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The kept file's full path (the marker holds its name only, so it never points outside the data folder). */
export const keptPathOf = (dbFile: string, marker: RestoreMarker) => join(dirname(dbFile), basename(marker.keptAs));
