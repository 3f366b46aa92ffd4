import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Sql } from './sql';

/**
 * Resolved against this module: platform/db/migrations/ in the source tree. The build bundles
 * platform/main.ts (which imports this) to dist/platform/main.js and copies the folder to
 * dist/platform/migrations/, so the same relative URL finds it there too.
 */
export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

export interface Migration {
  version: number;
  name: string;
  text: string;
  /** sha256 of the file: an applied migration is never edited, and this tells when one was. */
  checksum: string;
}

/**
 * Two platform instances starting together against one server both try to migrate; this
 * lock (an arbitrary constant, the same in every instance) lets one do it while the other
 * waits and then finds nothing left to do.
 */
export const MIGRATION_LOCK = 7_310_020_001;

const FILE = /^(\d{3})-[a-z0-9-]+\.sql$/;

/** `NNN-name.sql` files in order; numbers start at 001 and leave no gap. */
export function readMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.sql'))
    .sort();
  return files.map((name, index) => {
    const match = FILE.exec(name);
    if (!match) throw new Error(`migration ${name}: expected NNN-lowercase-name.sql`);
    const version = Number(match[1]);
    if (version !== index + 1) throw new Error(`migration ${name}: expected number ${String(index + 1).padStart(3, '0')}`);
    const text = readFileSync(join(dir, name), 'utf8');
    return { version, name, text, checksum: createHash('sha256').update(text).digest('hex') };
  });
}

interface AppliedRow {
  version: number;
  name: string;
  checksum: string;
}

export interface MigrationResult {
  /** The migrations this call applied (empty when the database was up to date). */
  applied: string[];
  version: number;
}

/**
 * Brings the database to the newest migration: each pending file runs in order, recorded in
 * `schema_migrations`, all in one transaction under a transaction-level advisory lock, so a
 * failure leaves the schema as it was and a second instance waits instead of racing. Refuses a
 * database that has a migration this code does not know (a newer platform wrote it) or whose
 * applied migration was edited since.
 */
export async function migrate(sql: Sql, migrations: readonly Migration[] = readMigrations()): Promise<MigrationResult> {
  return sql.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.query(
      `CREATE TABLE IF NOT EXISTS schema_migrations (
         version     integer PRIMARY KEY,
         name        text NOT NULL,
         checksum    text NOT NULL,
         applied_at  timestamptz NOT NULL DEFAULT now()
       )`,
    );
    const done = await tx.query<AppliedRow>('SELECT version, name, checksum FROM schema_migrations ORDER BY version');
    const known = new Map(migrations.map((m) => [m.version, m]));
    for (const row of done) {
      const migration = known.get(row.version);
      if (migration === undefined) {
        throw new Error(
          `the database has migration ${row.name}, which this platform does not know: is it older than the database?`,
        );
      }
      if (migration.checksum !== row.checksum) {
        throw new Error(`migration ${row.name} was edited after it was applied: add a new migration instead`);
      }
    }
    const applied: string[] = [];
    for (const migration of migrations.filter((m) => !done.some((row) => row.version === m.version))) {
      await tx.script(migration.text);
      await tx.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [
        migration.version,
        migration.name,
        migration.checksum,
      ]);
      applied.push(migration.name);
    }
    return { applied, version: migrations.at(-1)?.version ?? 0 };
  });
}
