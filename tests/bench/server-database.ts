import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import pg from 'pg';
import { openPgServer } from '../../platform/db/pg-server';
import type { Sql } from '../../platform/db/sql';

/**
 * The prefix of the tests' databases (tests/platform/support/postgres-template.ts
 * `TEST_DATABASE_PREFIX`), whose leftovers the next test run drops. Not imported: that module
 * imports scripts/postgres-test-server.mjs, whose "run as a script" check, bundled into a bench,
 * sees the bench as itself (below).
 */
const TEST_DATABASE_PREFIX = 'hk_t_';

/** A database of one bench on the PostgreSQL test server; `close` drops it. */
export interface ServerDatabase {
  sql: Sql;
  close(): Promise<void>;
}

/**
 * The admin URL of the tests' PostgreSQL server (Debian's cluster, started if it is down), or
 * why there is none. Asked of scripts/postgres-test-server.mjs in a process of its own: bundled
 * into a bench, that module's "run as a script" check would see the bench as itself, print the
 * URL and exit when there is no server, before the bench could say it skips.
 */
function testServerUrl(): { url: string } | { reason: string } {
  const run = spawnSync(process.execPath, [join(process.cwd(), 'scripts/postgres-test-server.mjs')], { encoding: 'utf8' });
  const url = run.stdout.trim();
  if (run.status === 0 && url !== '') return { url };
  return { reason: run.stderr.trim() || `scripts/postgres-test-server.mjs exited with ${String(run.status)}` };
}

/**
 * A fresh, empty database for the bench `label` on the test server (the platform migrates it
 * when it starts), opened through the platform's own pool (`max` connections, else the pool's
 * default as production opens it); or the reason there is no server, for the bench to print as
 * it skips. Named like the tests' databases (`hk_t_<pid>_…`), so the next test run drops it if
 * this bench was killed before it could.
 */
export async function openServerDatabase(label: string, max?: number): Promise<ServerDatabase | { skipped: string }> {
  // The label becomes part of an SQL identifier written into the statements below.
  if (!/^[a-z_]{1,30}$/.test(label)) throw new Error(`a bench database label is lowercase letters and _: ${label}`);
  const server = testServerUrl();
  if ('reason' in server) return { skipped: server.reason };
  const name = `${TEST_DATABASE_PREFIX}${process.pid}_${label}`;
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const dropDatabase = async (): Promise<void> => {
    try {
      // Without FORCE: the server then stops an autovacuum worker busy on the bench's rows
      // itself, where FORCE would refuse to, as that worker is not the bench role's to end.
      await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    } finally {
      await admin.end();
    }
  };
  let sql: Sql;
  try {
    const url = new URL(server.url);
    url.pathname = `/${name}`;
    sql = await openPgServer({ url: url.toString(), ...(max === undefined ? {} : { max }) });
  } catch (error) {
    await dropDatabase();
    throw error;
  }
  return {
    sql,
    async close() {
      await sql.close();
      await dropDatabase();
    },
  };
}
