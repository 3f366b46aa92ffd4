import pg from 'pg';
import type { Sql } from './sql';
import { transactionSql } from './sql';
import { VALUE_PARSERS } from './value-parsers';

export interface PgServerOptions {
  /** `postgres://user:password@host:port/database` */
  url: string;
  /** Connections in the pool (default 10). */
  max?: number;
  /**
   * Told of a connection that failed while idle in the pool (the server restarted, a network
   * cut). The pool drops it and opens another on the next query; without a listener the error
   * would end the process.
   */
  onIdleError?: (error: Error) => void;
}

const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    VALUE_PARSERS[oid] ?? pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/**
 * A PostgreSQL server through a node-postgres pool: what production and CI run, and what
 * several platform instances share. Opening checks the server answers, so a wrong URL fails at
 * start rather than at the first citizen's case.
 */
export async function openPgServer(options: PgServerOptions): Promise<Sql> {
  const pool = new pg.Pool({ connectionString: options.url, max: options.max ?? 10, types });
  pool.on('error', (error) => options.onIdleError?.(error));
  try {
    await pool.query('SELECT 1');
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }
  let closed: Promise<void> | undefined;
  return {
    engine: 'postgres',
    query: async <R>(text: string, params?: readonly unknown[]) =>
      (await pool.query(text, params === undefined ? undefined : [...params])).rows as R[],
    script: async (text) => {
      // Without parameters node-postgres uses the simple protocol, which takes several statements.
      await pool.query(text);
    },
    async transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      let broken = false;
      try {
        await client.query('BEGIN');
        const result = await fn(
          transactionSql(
            'postgres',
            async <R>(text: string, params?: readonly unknown[]) =>
              (await client.query(text, params === undefined ? undefined : [...params])).rows as R[],
            async (text) => {
              await client.query(text);
            },
          ),
        );
        await client.query('COMMIT');
        return result;
      } catch (error) {
        // A connection that cannot even roll back is not given back to the pool.
        await client.query('ROLLBACK').catch(() => {
          broken = true;
        });
        throw error;
      } finally {
        client.release(broken);
      }
    },
    close: () => (closed ??= pool.end()),
  };
}
