import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { access, constants, copyFile, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { BACKUP_NAME_PATTERN, type BackupEntry, type BackupFailureCode } from '../../contracts/backups';
import { zonedInstant } from '../queue/schedule';
import { type BackupManifest, parseManifest } from './backup-manifest';
import { manifestNameOf, partialNameOf } from './backup-names';

/**
 * The backup folder (a USB disk, a network share), touched with asynchronous calls only: a share
 * that stops answering holds a thread of libuv's pool, never the host's event loop (SQLite's own file
 * I/O is synchronous, so SQLite never opens a file there: backups are made and checked in the data
 * folder and copied over, see backup-service.ts).
 */

/** Why the folder cannot take a backup now, or null when it can. */
export async function folderProblem(folder: string): Promise<{ code: BackupFailureCode; message: string } | null> {
  try {
    if (!(await stat(folder)).isDirectory()) return { code: 'folder-missing', message: `${folder} is not a folder` };
  } catch (error) {
    return { code: 'folder-missing', message: `${folder}: ${codeOf(error)}` };
  }
  try {
    await access(folder, constants.W_OK);
  } catch (error) {
    return { code: 'folder-unwritable', message: `${folder}: ${codeOf(error)}` };
  }
  return null;
}

/** The error's system code (ENOENT, EACCES, ENOSPC…) or its message: what the console and the log show. */
export function codeOf(error: unknown): string {
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') return error.code;
  return error instanceof Error ? error.message : String(error);
}

/** A backup found in the folder, with its manifest when it has a readable one. */
export interface ListedBackup extends BackupEntry {
  manifest: BackupManifest | null;
}

/** The instant a backup's name gives (its hall-local date-time). */
function instantOfName(name: string, timeZone: string): Date | null {
  const match = BACKUP_NAME_PATTERN.exec(name);
  const date = match?.[2];
  const time = match?.[3];
  if (date === undefined || time === undefined) return null;
  const iso = `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}`;
  const minutes = Number(time.slice(0, 2)) * 60 + Number(time.slice(2, 4));
  return new Date(zonedInstant(iso, minutes, timeZone).getTime() + Number(time.slice(4, 6)) * 1000);
}

/**
 * This hall's backups in the folder, newest first: files named as backups with this hall's id. A
 * file's manifest says whether this host made it (`madeBy`); one without a manifest (a backup cut
 * short before its check) is listed with no check and is never deleted by retention.
 */
export async function listBackups(o: {
  folder: string;
  hallId: string;
  madeBy: string;
  timeZone: string;
}): Promise<ListedBackup[]> {
  const names = (await readdir(o.folder)).filter((name) => BACKUP_NAME_PATTERN.exec(name)?.[1] === o.hallId);
  const listed = await Promise.all(
    names.map(async (name): Promise<ListedBackup | null> => {
      const info = await stat(join(o.folder, name)).catch(() => null);
      if (info === null || !info.isFile()) return null;
      const manifestText = await readFile(join(o.folder, manifestNameOf(name)), 'utf8').catch(() => null);
      const manifest = manifestText === null ? null : parseManifest(manifestText);
      const mine = manifest !== null && manifest.name === name && manifest.hallId === o.hallId;
      const createdAt = (mine ? manifest.createdAt : null) ?? (instantOfName(name, o.timeZone) ?? info.mtime).toISOString();
      return {
        name,
        createdAt,
        size: info.size,
        check: mine ? manifest.check : null,
        madeHere: mine && manifest.madeBy === o.madeBy,
        manifest: mine ? manifest : null,
      };
    }),
  );
  return listed
    .filter((b): b is ListedBackup => b !== null)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.name.localeCompare(a.name));
}

/**
 * The backups retention deletes: made by this host (its manifest says so) and older than
 * `keepDays`, never `keep` (the one just made). Files of other hosts and files without a manifest
 * are never touched.
 */
export function expiredBackups(backups: readonly ListedBackup[], now: Date, keepDays: number, keep: string): string[] {
  const cutoff = now.getTime() - keepDays * 86_400_000;
  return backups.filter((b) => b.madeHere && b.name !== keep && Date.parse(b.createdAt) < cutoff).map((b) => b.name);
}

/** Deletes a backup and its manifest. */
export async function removeBackup(folder: string, name: string): Promise<void> {
  await rm(join(folder, name), { force: true });
  await rm(join(folder, manifestNameOf(name)), { force: true });
}

/** Flushes a file (or a folder's entries) to the disk; folders cannot be opened so on Windows. */
async function flush(path: string): Promise<void> {
  const handle = await open(path, 'r').catch(() => null);
  if (handle === null) return;
  try {
    await handle.sync().catch(() => undefined);
  } finally {
    await handle.close();
  }
}

/**
 * Copies `source` into the folder as `name`: written under a temporary name, flushed, renamed when
 * complete, so a name the folder lists is always a whole file.
 */
export async function copyInto(source: string, folder: string, name: string): Promise<void> {
  const partial = join(folder, partialNameOf(name));
  try {
    await copyFile(source, partial);
    await flush(partial);
    await rename(partial, join(folder, name));
    await flush(folder);
  } catch (error) {
    await rm(partial, { force: true }).catch(() => undefined);
    throw error;
  }
}

/** Writes a small text file whole: a temporary name, flushed, then renamed over. */
export async function writeWhole(file: string, text: string): Promise<void> {
  const partial = `${file}.partial`;
  const handle = await open(partial, 'w');
  try {
    await handle.writeFile(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(partial, file);
}

/** sha256 (hex) of a file, read as a stream. */
export function sha256Of(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}
