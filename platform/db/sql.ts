/**
 * The one door to the platform's database. Stores take an `Sql` and never know which
 * PostgreSQL is behind it: PGlite in-process (`pglite.ts`: `npm start`, most tests) or a
 * PostgreSQL server through a connection pool (`pg-server.ts`: CI, production, several
 * platform instances sharing one database).
 *
 * Both adapters hand back the same JavaScript values for the same SQL (`value-parsers.ts`).
 * Parameters are strings, numbers, booleans or null: JSON goes in as a string cast with
 * `::jsonb`, instants as ISO strings, so neither driver's own conversions are ever relied on.
 *
 * A transaction's callback gets its own `Sql`, and everything inside must go through it: on
 * PGlite, which has a single connection, a query on the outer handle from inside a transaction
 * would wait for that transaction to end, for ever.
 */
export interface Sql {
  /** One statement with `$1, $2, …` parameters; its rows (none for a statement without RETURNING). */
  query<R>(text: string, params?: readonly unknown[]): Promise<R[]>;
  /**
   * Runs `fn` in a transaction (READ COMMITTED): committed when it resolves, rolled back when it
   * throws. Inside a transaction, `transaction` opens a savepoint.
   */
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
  /** Several statements without parameters, as one script (migrations). */
  script(text: string): Promise<void>;
  /** Closes the database or the pool; safe to call twice. A transaction's handle cannot be closed. */
  close(): Promise<void>;
  /** Which database this is, for logs: `pglite` (embedded) or `postgres` (a server). */
  readonly engine: SqlEngine;
}

export type SqlEngine = 'pglite' | 'postgres';

type QueryFn = <R>(text: string, params?: readonly unknown[]) => Promise<R[]>;

/**
 * The handle of one open transaction: statements go to `run`, a nested transaction is a
 * savepoint (released on success, rolled back to on failure, so a nested unit can fail alone).
 */
export function transactionSql(engine: SqlEngine, run: QueryFn, runScript: (text: string) => Promise<void>, depth = 0): Sql {
  return {
    engine,
    query: run,
    script: runScript,
    async transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T> {
      const savepoint = `sp_${depth + 1}`;
      await run(`SAVEPOINT ${savepoint}`);
      try {
        const result = await fn(transactionSql(engine, run, runScript, depth + 1));
        await run(`RELEASE SAVEPOINT ${savepoint}`);
        return result;
      } catch (error) {
        await run(`ROLLBACK TO SAVEPOINT ${savepoint}`);
        throw error;
      }
    },
    close: () => Promise.reject(new Error('a transaction is not closed: it ends when its callback does')),
  };
}

/** The SQLSTATE of a database error (`23505` unique violation, …), if it is one. */
export function sqlState(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}
