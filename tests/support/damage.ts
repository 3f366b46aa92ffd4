import Database from 'better-sqlite3';
import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';

/**
 * Overwrites every page of the named tables and their indexes with garbage (a damaged disk): any
 * read of them fails with SQLITE_CORRUPT. The database must be closed (its WAL checkpointed).
 */
export function corruptTables(file: string, tables: readonly string[]): void {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const marks = tables.map(() => '?').join(', ');
  const pages = (
    db
      .prepare(
        `SELECT pageno FROM dbstat WHERE name IN (${marks}) OR name IN (SELECT name FROM sqlite_master WHERE tbl_name IN (${marks}))`,
      )
      .all(...tables, ...tables) as { pageno: number }[]
  ).map((p) => p.pageno);
  db.close();
  const fd = openSync(file, 'r+');
  try {
    for (const page of new Set(pages)) writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (page - 1) * pageSize);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
