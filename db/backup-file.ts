import Database from 'better-sqlite3';
import type { Db } from './open';

/**
 * An online copy of the open database into `destination` through SQLite's backup API
 * (better-sqlite3 `db.backup`): pages are copied a step at a time between the event loop's turns, so
 * the host keeps issuing tickets meanwhile. Writes made through the same connection during the copy
 * are carried into it by SQLite itself, so the copy is the database as of the moment it completed,
 * never a mix. The copy is then switched from WAL to a rollback journal: a single self-contained
 * file that opens read-only on a USB disk or a share without a `-wal` or `-shm` beside it.
 */
export async function backupDatabase(db: Db, destination: string): Promise<void> {
  await db.backup(destination);
  const copy = new Database(destination, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}

/** What a database file says about itself when opened read-only. */
export interface DatabaseFileCheck {
  /** `ok`: `PRAGMA integrity_check` answered ok; `corrupt`: it listed faults; `unreadable`: SQLite could not open or read it. */
  result: 'ok' | 'corrupt' | 'unreadable';
  /** Its migration version (`PRAGMA user_version`), when readable. */
  schemaVersion: number | null;
  /** The first faults integrity_check listed, or the error that stopped the check (for the log). */
  problems: string[];
}

/**
 * Opens `file` read-only and checks it page by page (`PRAGMA integrity_check`: every b-tree, index
 * entry and free page), and reads its migration version. Never throws for a bad file.
 */
export function checkDatabaseFile(file: string): DatabaseFileCheck {
  let db: Db | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const schemaVersion = db.pragma('user_version', { simple: true }) as number;
    const rows = db.pragma('integrity_check(20)') as { integrity_check: string }[];
    const problems = rows.map((r) => r.integrity_check).filter((text) => text !== 'ok');
    return { result: problems.length === 0 ? 'ok' : 'corrupt', schemaVersion, problems };
  } catch (error) {
    return { result: 'unreadable', schemaVersion: null, problems: [error instanceof Error ? error.message : String(error)] };
  } finally {
    db?.close();
  }
}

/** Opens a database file read-only for reading figures (the dry run of a restore); the caller closes it. */
export function openReadOnly(file: string): Db {
  return new Database(file, { readonly: true, fileMustExist: true });
}
