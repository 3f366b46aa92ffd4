import type { TestProject } from 'vitest/node';
import { pgliteTemplate } from './pglite-template';
import { preparePostgresTemplate, type PostgresTestServer } from './postgres-template';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The PostgreSQL server of this run and its migrated template, or why there is none. */
    postgresTestServer: PostgresTestServer;
  }
}

/**
 * Before any worker starts: the migrated PGlite dump is built if the migrations changed, and
 * the PostgreSQL test server is started and its template migrated. Workers then only copy.
 */
export default async function setup(project: TestProject): Promise<void> {
  const [, , server] = await Promise.all([pgliteTemplate('migrated'), pgliteTemplate('empty'), preparePostgresTemplate()]);
  if (server.reason !== undefined) console.warn(`PostgreSQL server tests will be SKIPPED: ${server.reason}`);
  project.provide('postgresTestServer', server);
}
