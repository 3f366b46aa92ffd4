import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { lockDataDir, type DataDirLock } from './data-dir-lock';
import type { Sql } from './sql';
import { transactionSql } from './sql';
import { VALUE_PARSERS } from './value-parsers';

export interface PgliteOptions {
  /**
   * A folder for the data (created when missing; one process at a time, see data-dir-lock.ts);
   * without one the database lives in memory.
   */
  dataDir?: string;
  /**
   * A dump (`dumpDataDir`) to start from when the folder is empty or there is none: an initdb
   * costs ~2 s here, loading a dump ~0.4 s (test databases start from a migrated one).
   */
  loadDataDir?: Blob;
}

/** An embedded database, with a dump of itself for the next fast start. */
export interface PgliteSql extends Sql {
  /** The whole data folder as a tar (gzip-compressed with `gzip`), for `loadDataDir`. */
  dump(compression?: 'none' | 'gzip'): Promise<Blob>;
}

/**
 * PostgreSQL in this process (PGlite, WebAssembly): one connection, whose queries and
 * transactions PGlite runs one at a time. Good for one platform process (`npm start`) and for
 * tests; several instances sharing data need the server (`pg-server.ts`).
 */
export async function openPglite(options: PgliteOptions = {}): Promise<PgliteSql> {
  let lock: DataDirLock | undefined;
  if (options.dataDir !== undefined) {
    mkdirSync(options.dataDir, { recursive: true });
    lock = lockDataDir(options.dataDir);
  }
  let db: PGlite;
  try {
    db = await PGlite.create({
      ...(options.dataDir === undefined ? {} : { dataDir: options.dataDir }),
      ...(options.loadDataDir === undefined ? {} : { loadDataDir: options.loadDataDir }),
      parsers: VALUE_PARSERS,
    });
  } catch (error) {
    lock?.release();
    throw error;
  }
  const run = async <R>(text: string, params?: readonly unknown[]): Promise<R[]> =>
    (await db.query<R>(text, params === undefined ? undefined : [...params])).rows;
  let closed: Promise<void> | undefined;
  return {
    engine: 'pglite',
    query: run,
    script: async (text) => {
      await db.exec(text);
    },
    transaction: (fn) =>
      db.transaction((tx) =>
        fn(
          transactionSql(
            'pglite',
            async <R>(text: string, params?: readonly unknown[]) =>
              (await tx.query<R>(text, params === undefined ? undefined : [...params])).rows,
            async (text) => {
              await tx.exec(text);
            },
          ),
        ),
      ),
    close: () => (closed ??= db.close().finally(() => lock?.release())),
    dump: async (compression = 'none') => db.dumpDataDir(compression),
  };
}
