import { existsSync, renameSync, rmSync } from 'node:fs';
import type { RestoreRecord } from '../../contracts/backups';
import { checkpointWal, openDatabase } from '../../db/open';
import { carryInto, readUndeliveredFile } from '../../db/repositories/carry-over';
import { keptPathOf, readMarker, restoreFilesOf, writeJsonDurably, syncFolderOf, type RestoreMarker } from './restore-files';

/** What happens to a database file's companions (`-wal`, `-shm`) when it moves. */
const COMPANIONS = ['-wal', '-shm', '-journal'];

function moveWithCompanions(from: string, to: string): void {
  renameSync(from, to);
  for (const suffix of COMPANIONS) if (existsSync(`${from}${suffix}`)) renameSync(`${from}${suffix}`, `${to}${suffix}`);
}

const noneCarried = { entries: 0, cases: 0, evaluations: 0 };

/**
 * Finishes a restore asked for before this start (restore-files.ts), before the host opens its
 * database. Runs while nothing else has the database open, so nothing written after the dry run
 * can slip past the carry-over. Every step can be interrupted and repeated: the marker goes last.
 *
 * 1. Carry-over: the current database's undelivered outbox entries, with their cases and ratings,
 *    are copied into the staged backup (migrated to this build first). If the current database
 *    cannot be read and the technician did not accept that, the restore is abandoned: the staged
 *    copy is deleted and the host starts on the current database as it is.
 * 2. The current database (with its -wal/-shm) is renamed to `…-before-restore-<time>`; the staged
 *    copy takes its name; the folder is flushed.
 * 3. The marker is removed and the record of what was done is written.
 *
 * Returns that record, or null when no restore was pending.
 */
export function finishPendingRestore(o: { dbFile: string; migrationsDir: string; now: Date }): RestoreRecord | null {
  const marker = readMarker(o.dbFile);
  if (marker === null) return null;
  const files = restoreFilesOf(o.dbFile);
  const kept = keptPathOf(o.dbFile, marker);
  let carried = noneCarried;
  if (existsSync(files.staged)) {
    if (existsSync(o.dbFile)) {
      const owed = readUndeliveredFile(o.dbFile);
      if (owed === null && !marker.acceptUnreadableCurrent) return abandon(o, marker);
      const staged = openDatabase(files.staged, { migrationsDir: o.migrationsDir, synchronous: 'FULL' });
      try {
        if (owed !== null) carried = carryInto(staged, owed);
        checkpointWal(staged);
      } finally {
        staged.close();
      }
      moveWithCompanions(o.dbFile, kept);
    }
    moveWithCompanions(files.staged, o.dbFile);
    syncFolderOf(o.dbFile);
  }
  const record: RestoreRecord = {
    at: o.now.toISOString(),
    backupName: marker.backupName,
    result: 'restored',
    keptAs: existsSync(kept) ? marker.keptAs : null,
    carriedOver: carried,
    staffNo: marker.staffNo,
  };
  writeJsonDurably(files.record, record);
  rmSync(files.marker, { force: true });
  syncFolderOf(o.dbFile);
  return record;
}

function abandon(o: { dbFile: string; now: Date }, marker: RestoreMarker): RestoreRecord {
  const files = restoreFilesOf(o.dbFile);
  const record: RestoreRecord = {
    at: o.now.toISOString(),
    backupName: marker.backupName,
    result: 'aborted',
    keptAs: null,
    carriedOver: noneCarried,
    staffNo: marker.staffNo,
  };
  writeJsonDurably(files.record, record);
  rmSync(files.staged, { force: true });
  rmSync(files.marker, { force: true });
  syncFolderOf(o.dbFile);
  return record;
}
