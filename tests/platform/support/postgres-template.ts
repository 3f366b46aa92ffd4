import pg from 'pg';
import { ensurePostgresTestServer } from '../../../scripts/postgres-test-server.mjs';
import { migrate } from '../../../platform/db/migrate';
import { openPgServer } from '../../../platform/db/pg-server';
import { migrationsHash } from './migrations-hash';

/** The PostgreSQL server of the tests and its migrated template, or why there is none. */
export type PostgresTestServer = { adminUrl: string; template: string; reason?: undefined } | { reason: string };

/** Test databases are named `hk_t_<pid>_<n>`: the process that made them, so leftovers can be told. */
export const TEST_DATABASE_PREFIX = 'hk_t_';

// Template builders of concurrent test runs take turns (an arbitrary constant).
const TEMPLATE_LOCK = 7_310_020_002;

/** The URL of database `name` on the server of `adminUrl`. */
export function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * Starts the server if needed (scripts/postgres-test-server.mjs), then makes sure a database
 * migrated to the current migrations exists to copy test databases from
 * (`CREATE DATABASE … TEMPLATE`): `hk_tpl_<digest>`, built under another name and renamed when
 * complete, so a failed build is never used. Also drops the test databases of processes that
 * are gone (a run that was killed).
 */
export async function preparePostgresTemplate(): Promise<PostgresTestServer> {
  const server = ensurePostgresTestServer();
  if (server.url === undefined) return { reason: server.reason };
  const template = `hk_tpl_${migrationsHash()}`;
  const admin = new pg.Client({ connectionString: server.url });
  try {
    await admin.connect();
  } catch (error) {
    return { reason: `cannot connect to the PostgreSQL test server: ${error instanceof Error ? error.message : String(error)}` };
  }
  try {
    await admin.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK]);
    await dropLeftovers(admin);
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [template]);
    if (exists.rowCount === 0) {
      const building = `${template}_building`;
      await admin.query(`DROP DATABASE IF EXISTS ${building}`);
      await admin.query(`CREATE DATABASE ${building}`);
      const sql = await openPgServer({ url: databaseUrl(server.url, building), max: 1 });
      try {
        await migrate(sql);
      } finally {
        await sql.close();
      }
      await admin.query(`ALTER DATABASE ${building} RENAME TO ${template}`);
    }
    return { adminUrl: server.url, template };
  } finally {
    await admin.query('SELECT pg_advisory_unlock($1)', [TEMPLATE_LOCK]).catch(() => undefined);
    await admin.end();
  }
}

/**
 * Drops a test database whose connections are closed. Without FORCE: the server then stops an
 * autovacuum worker still busy on the database itself (and waits a few seconds for closing
 * backends), where FORCE refuses to, as that worker is not the test role's to end.
 */
export async function dropTestDatabase(admin: pg.Client, name: string): Promise<void> {
  await admin.query(`DROP DATABASE IF EXISTS ${name}`);
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, it is someone else's.
    return error instanceof Error && 'code' in error && error.code === 'EPERM';
  }
}

async function dropLeftovers(admin: pg.Client): Promise<void> {
  const rows = await admin.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [
    `${TEST_DATABASE_PREFIX}%`,
  ]);
  for (const { datname } of rows.rows) {
    const pid = Number(/^hk_t_(\d+)_/.exec(datname)?.[1]);
    if (Number.isInteger(pid) && !processAlive(pid)) await dropTestDatabase(admin, datname);
  }
}
