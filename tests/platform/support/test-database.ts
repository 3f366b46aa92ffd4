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
  | 'catalog'
  | 'halls'
  | 'hall_credentials'
  | 'live_snapshots'
  | 'live_service_waits';

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

/**
 * Every table but the migrations' record emptied, referencing tables before the ones they
 * reference, and every id sequence restarted; all in one transaction. DELETE rather than
 * TRUNCATE: on the server a TRUNCATE makes new files for every table and index and syncs them
 * (~200 ms a reset), a DELETE of a test's few rows takes a few milliseconds.
 */
export async function emptyTables(sql: Sql): Promise<void> {
  const tables = (
    await sql.query<{ name: string }>(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_migrations'`,
    )
  ).map((t) => t.name);
  const references = await sql.query<{ child: string; parent: string }>(
    `SELECT conrelid::regclass::text AS child, confrelid::regclass::text AS parent FROM pg_constraint
     WHERE contype = 'f' AND conrelid <> confrelid`,
  );
  const sequences = await sql.query<{ name: string }>(
    `SELECT sequencename AS name FROM pg_sequences WHERE schemaname = 'public'`,
  );
  const order: string[] = [];
  const visit = (table: string): void => {
    if (order.includes(table)) return;
    // Whoever references this table is emptied first.
    for (const r of references) if (r.parent === table && r.child !== table) visit(r.child);
    order.push(table);
  };
  tables.forEach(visit);
  await sql.transaction(async (tx) => {
    for (const table of order) await tx.query(`DELETE FROM ${table}`);
    for (const { name } of sequences) await tx.query('SELECT setval($1, 1, false)', [name]);
  });
}

export async function countRows(observe: TestDatabase['observe'], table: PlatformTable): Promise<number> {
  const [row] = await observe<{ n: number }>(`SELECT count(*) AS n FROM ${table}`);
  return row?.n ?? 0;
}
