import Database from 'better-sqlite3';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';

export type Db = Database.Database;

export interface OpenOptions {
  /** Folder of `NNN-name.sql` files applied in order, tracked by `PRAGMA user_version`. */
  migrationsDir: string;
  /**
   * FULL fsyncs the WAL on every commit: a ticket or case that the citizen saw
   * confirmed survives a power cut. NORMAL is for stores that can be rebuilt.
   */
  synchronous?: 'FULL' | 'NORMAL';
}

export class MigrationError extends Error {
  override readonly name = 'MigrationError';
}

const PAGE_CACHE_KIB = 8 * 1024;

/** Opens (creating if needed) a SQLite file with the project's pragmas and migrations. */
export function openDatabase(file: string, options: OpenOptions): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
  db.pragma('foreign_keys = ON');
  // Deleted and overwritten content is zeroed in the page instead of left in free space: a
  // purged ID number must not be readable from a copy of the file (issue 18). Costs a write of
  // the freed bytes, which the purge and the outbox's small rows barely notice.
  db.pragma('secure_delete = ON');
  db.pragma('busy_timeout = 5000');
  // An 8 MiB page cache (the build's default is 16): a hall's working set (today's queue, open
  // cases, the outbox) is a few MiB and the rest of the file is history, so a larger cache only
  // grows the host's RSS as the file grows (the 100,000-operation soak: +9% RSS at 16 MiB).
  db.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
  const before = db.pragma('user_version', { simple: true }) as number;
  const latest = migrate(db, options.migrationsDir);
  // A migration may drop data that must not stay readable (016 drops unkeyed ID hashes): the
  // file zeroes it (secure_delete), and the WAL is emptied of the pages as they were before.
  if (latest > before && file !== ':memory:') checkpointWal(db);
  return db;
}

/**
 * Copies every page of the WAL into the database file and truncates the WAL to zero bytes. Run
 * after a purge: until then the WAL still holds the pages as they were before it (the purged
 * personal data among them), and a copy of the folder would carry them. True when the whole log
 * was copied (no reader held it back).
 */
export function checkpointWal(db: Db): boolean {
  const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
  return result?.busy === 0;
}

interface Migration {
  version: number;
  name: string;
  sql: string;
}

function readMigrations(dir: string): Migration[] {
  const migrations = readdirSync(dir)
    .filter((f) => /^\d{3}-[\w-]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.slice(0, 3)), name: f, sql: readFileSync(`${dir}/${f}`, 'utf8') }));
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new MigrationError(`migration ${m.name} is out of sequence (expected ${i + 1})`);
  });
  return migrations;
}

/** The version the migrations in `dir` bring a database to: a file of a newer one is refused. */
export function buildVersion(dir: string): number {
  return readMigrations(dir).length;
}

/** Applies each pending migration in its own transaction, bumping user_version with it. */
export function migrate(db: Db, dir: string): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  const migrations = readMigrations(dir);
  if (current > migrations.length) {
    throw new MigrationError(`database is at version ${current}, newer than this build (${migrations.length})`);
  }
  for (const m of migrations.slice(current)) {
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  return migrations.length;
}
