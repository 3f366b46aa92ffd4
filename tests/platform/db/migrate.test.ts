import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { migrate, readMigrations } from '../../../platform/db/migrate';
import { openPgServer } from '../../../platform/db/pg-server';
import type { Sql } from '../../../platform/db/sql';
import { DATABASE_KINDS, openTestDatabase, serverSkipReason } from '../support/each-database';
import { DATABASE_LABEL, type TestDatabase } from '../support/test-database';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A migrations folder with these files. */
function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'platform-migrations-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const tables = async (sql: Sql) =>
  (await sql.query<{ name: string }>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`)).map(
    (t) => t.name,
  );

describe('platform/db: reading the migrations folder', () => {
  it('reads NNN-name.sql in order and refuses a gap or a bad name', () => {
    expect(readMigrations(folder({ '002-b.sql': 'SELECT 2;', '001-a.sql': 'SELECT 1;' })).map((m) => m.name)).toEqual([
      '001-a.sql',
      '002-b.sql',
    ]);
    expect(() => readMigrations(folder({ '001-a.sql': '', '003-c.sql': '' }))).toThrow(/expected number 002/);
    expect(() => readMigrations(folder({ '001-A b.sql': '' }))).toThrow(/NNN-lowercase-name/);
  });

  it("holds the platform's own migrations, numbered from 001", () => {
    expect(readMigrations()[0]?.name).toBe('001-init.sql');
  });
});

for (const kind of DATABASE_KINDS) {
  const skip = kind === 'postgres' ? serverSkipReason() : null;
  describe.skipIf(skip !== null)(
    `platform/db: migrate [${DATABASE_LABEL[kind]}]${skip === null ? '' : ` — skipped: ${skip}`}`,
    () => {
      let db: TestDatabase | undefined;
      const empty = async () => (db = await openTestDatabase(kind, { empty: true }));
      afterEach(async () => {
        await db?.close();
        db = undefined;
      });

      it('applies every migration to an empty database once, and records each', async () => {
        const { sql } = await empty();
        const first = await migrate(sql);
        expect(first.applied).toEqual(readMigrations().map((m) => m.name));
        expect(await tables(sql)).toEqual(expect.arrayContaining(['cases', 'case_status_changes', 'schema_migrations']));
        expect(await migrate(sql)).toEqual({ applied: [], version: first.version });
        expect(await sql.query('SELECT version, name FROM schema_migrations ORDER BY version')).toEqual(
          readMigrations().map((m) => ({ version: m.version, name: m.name })),
        );
      });

      it('applies only the new ones, and leaves the schema as it was when one fails', async () => {
        const { sql } = await empty();
        const one = { '001-a.sql': 'CREATE TABLE a (x integer);' };
        await migrate(sql, readMigrations(folder(one)));
        const broken = { ...one, '002-b.sql': 'CREATE TABLE b (x integer);', '003-c.sql': 'CREATE TABLE c (x no_such_type);' };
        await expect(migrate(sql, readMigrations(folder(broken)))).rejects.toThrow(/no_such_type/);
        expect(await tables(sql)).toEqual(['a', 'schema_migrations']);
        const fixed = { ...broken, '003-c.sql': 'CREATE TABLE c (x integer);' };
        expect((await migrate(sql, readMigrations(folder(fixed)))).applied).toEqual(['002-b.sql', '003-c.sql']);
      });

      it('refuses a database with a migration this code does not know, or an applied one edited since', async () => {
        const { sql } = await empty();
        await migrate(sql, readMigrations(folder({ '001-a.sql': 'CREATE TABLE a (x integer);', '002-b.sql': 'SELECT 1;' })));
        await expect(migrate(sql, readMigrations(folder({ '001-a.sql': 'CREATE TABLE a (x integer);' })))).rejects.toThrow(
          /does not know/,
        );
        const edited = { '001-a.sql': 'CREATE TABLE a (x bigint);', '002-b.sql': 'SELECT 1;' };
        await expect(migrate(sql, readMigrations(folder(edited)))).rejects.toThrow(/edited after it was applied/);
      });

      it('lets two instances migrate at once: one applies, the other waits and finds nothing to do', async () => {
        const target = await empty();
        // On the server the second instance is a pool of its own; PGlite has one connection, which queues them.
        const second = kind === 'postgres' ? await openPgServer({ url: await serverUrlOf(target), max: 2 }) : target.sql;
        try {
          const results = await Promise.all([migrate(target.sql), migrate(second)]);
          expect(results.map((r) => r.applied.length).sort()).toEqual([0, readMigrations().length]);
        } finally {
          if (second !== target.sql) await second.close();
        }
      });
    },
  );
}

/** The URL of a server test database, read back from the server itself. */
async function serverUrlOf(db: TestDatabase): Promise<string> {
  const [row] = await db.sql.query<{ name: string }>('SELECT current_database() AS name');
  const server = (await import('../support/postgres-test-database')).postgresTestServer();
  if (server.reason !== undefined || row === undefined) throw new Error('no server');
  const url = new URL(server.adminUrl);
  url.pathname = `/${row.name}`;
  return url.toString();
}
