import { afterAll, beforeAll, beforeEach, describe } from 'vitest';
import { openPgliteTestDatabase } from './pglite-test-database';
import { openPostgresTestDatabase, postgresTestServer } from './postgres-test-database';
import { DATABASE_LABEL, type DatabaseKind, type TestDatabase, type TestDatabaseOptions } from './test-database';

export const DATABASE_KINDS: readonly DatabaseKind[] = ['pglite', 'postgres'];

/** Opens a test database of either kind. */
export function openTestDatabase(kind: DatabaseKind, options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  return kind === 'pglite' ? openPgliteTestDatabase(options) : openPostgresTestDatabase(options);
}

/** Why the server-side variants skip, or null when they run. */
export function serverSkipReason(): string | null {
  return postgresTestServer().reason ?? null;
}

let warned = false;

/**
 * `body` once per database: PGlite, and the PostgreSQL server (a visible skip naming why, when
 * there is none). Each variant has one database for the file, emptied before every test, so each
 * test starts on a fresh platform. `database()` is that database, inside hooks and tests.
 */
export function describeEachDatabase(
  name: string,
  body: (database: () => TestDatabase, kind: DatabaseKind) => void,
  options: TestDatabaseOptions = {},
): void {
  for (const kind of DATABASE_KINDS) {
    const skip = kind === 'postgres' ? serverSkipReason() : null;
    if (skip !== null && !warned) {
      warned = true;
      console.warn(`SKIPPED the PostgreSQL server variants of this file: ${skip}`);
    }
    describe.skipIf(skip !== null)(`${name} [${DATABASE_LABEL[kind]}]${skip === null ? '' : ` — skipped: ${skip}`}`, () => {
      let db: TestDatabase | undefined;
      beforeAll(async () => {
        db = await openTestDatabase(kind, options);
      });
      beforeEach(async () => {
        await db?.reset();
      });
      afterAll(async () => {
        await db?.close();
      });
      body(() => {
        if (db === undefined) throw new Error('the test database is opened in beforeAll');
        return db;
      }, kind);
    });
  }
}
