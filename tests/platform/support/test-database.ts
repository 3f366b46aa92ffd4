import type { Sql } from '../../../platform/db/sql';

export type DatabaseKind = 'pglite' | 'postgres';

/** What a test names each database by, in its title. */
export const DATABASE_LABEL: Readonly<Record<DatabaseKind, string>> = {
  pglite: 'PGlite',
  postgres: 'PostgreSQL server',
};

/** The platform's tables, for counting from outside. */
export type PlatformTable =
  | 'cases'
  | 'case_status_changes'
  | 'evaluations'
  | 'review_outcomes'
  | 'queue_stats'
  | 'idempotent_requests'
  | 'appointments'
  | 'notices'
  | 'catalog';

export interface TestDatabaseOptions {
  /** Start without the platform's schema (the migrations' own tests). */
  empty?: boolean;
  /**
   * PGlite: keep the data in a folder, so `reopen` finds it again (a restart). Without it the
   * database lives in memory, which is faster. The server keeps its data either way.
   */
  persistent?: boolean;
}

/** A database of one test file, on one of the two engines. */
export interface TestDatabase {
  readonly kind: DatabaseKind;
  /** The open handle the platform under test gets (a new one after `reopen`). */
  readonly sql: Sql;
  /** Closes the handle and opens the same data again, as a restarted process would. */
  reopen(): Promise<Sql>;
  /**
   * A query from outside the platform: on the server through a connection of its own, as
   * another observer would; on PGlite (one connection per database) through the same one.
   */
  observe<R>(text: string, params?: readonly unknown[]): Promise<R[]>;
  count(table: PlatformTable): Promise<number>;
  /** Empties every table of the platform: the next platform started on it is a fresh one. */
  reset(): Promise<void>;
  /** Closes everything and deletes the database. */
  close(): Promise<void>;
}

/** Every table but the migrations' record, emptied, with their id sequences restarted. */
export async function emptyTables(sql: Sql): Promise<void> {
  const tables = await sql.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_migrations'`,
  );
  if (tables.length === 0) return;
  await sql.query(`TRUNCATE ${tables.map((t) => t.name).join(', ')} RESTART IDENTITY CASCADE`);
}

export async function countRows(observe: TestDatabase['observe'], table: PlatformTable): Promise<number> {
  const [row] = await observe<{ n: number }>(`SELECT count(*) AS n FROM ${table}`);
  return row?.n ?? 0;
}
