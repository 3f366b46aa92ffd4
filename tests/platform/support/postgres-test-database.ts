import pg from 'pg';
import { inject } from 'vitest';
import { openPgServer } from '../../../platform/db/pg-server';
import type { Sql } from '../../../platform/db/sql';
import { databaseUrl, dropTestDatabase, TEST_DATABASE_PREFIX, type PostgresTestServer } from './postgres-template';
import { countRows, emptyTables, type TestDatabase, type TestDatabaseOptions } from './test-database';

/** The server prepared by the global setup (tests/platform/support/global-setup.ts), or why there is none. */
export function postgresTestServer(): PostgresTestServer {
  return inject('postgresTestServer');
}

let opened = 0;

async function admin<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * A database of its own on the PostgreSQL test server, copied from the migrated template (or
 * empty), named after this process so a killed run's leftovers are dropped by the next one.
 */
export async function openPostgresTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const server = postgresTestServer();
  if (server.reason !== undefined) throw new Error(`no PostgreSQL test server: ${server.reason}`);
  opened += 1;
  const name = `${TEST_DATABASE_PREFIX}${process.pid}_${opened}`;
  await admin(server.adminUrl, async (client) => {
    await dropTestDatabase(client, name);
    await client.query(`CREATE DATABASE ${name} TEMPLATE ${options.empty === true ? 'template0' : server.template}`);
  });
  const url = databaseUrl(server.adminUrl, name);
  let sql: Sql = await openPgServer({ url, max: 5 });
  let observer: Sql | undefined;
  const observe = async <R>(text: string, params?: readonly unknown[]) => {
    observer ??= await openPgServer({ url, max: 1 });
    return observer.query<R>(text, params);
  };
  return {
    kind: 'postgres',
    get sql() {
      return sql;
    },
    async reopen() {
      await sql.close();
      sql = await openPgServer({ url, max: 5 });
      return sql;
    },
    observe,
    count: (table) => countRows(observe, table),
    reset: () => emptyTables(sql),
    async close() {
      await sql.close();
      await observer?.close();
      await admin(server.adminUrl, (client) => dropTestDatabase(client, name));
    },
  };
}
