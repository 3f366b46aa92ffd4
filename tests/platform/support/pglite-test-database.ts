import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPglite, type PgliteSql } from '../../../platform/db/pglite';
import { pgliteTemplate } from './pglite-template';
import { countRows, emptyTables, type TestDatabase, type TestDatabaseOptions } from './test-database';

/** A PGlite database from the migrated dump (or the empty one): in memory, or in a temp folder when `persistent`. */
export async function openPgliteTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const template = await pgliteTemplate(options.empty === true ? 'empty' : 'migrated');
  const dir = options.persistent === true ? mkdtempSync(join(tmpdir(), 'platform-pglite-')) : undefined;
  const dataDir = dir === undefined ? undefined : join(dir, 'data');
  let sql: PgliteSql = await openPglite({ loadDataDir: template, ...(dataDir === undefined ? {} : { dataDir }) });
  const observe = <R>(text: string, params?: readonly unknown[]) => sql.query<R>(text, params);
  return {
    kind: 'pglite',
    get sql() {
      return sql;
    },
    async reopen() {
      if (dataDir === undefined) throw new Error('an in-memory PGlite cannot be reopened: open it with { persistent: true }');
      await sql.close();
      sql = await openPglite({ dataDir });
      return sql;
    },
    observe,
    count: (table) => countRows(observe, table),
    reset: () => emptyTables(sql),
    async close() {
      await sql.close();
      if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
    },
  };
}
