import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FaultConfig } from '../../../contracts/central-api';
import { openDatabase } from '../../../db/open';
import type { Db } from '../../../db/open';
import type { Platform, PlatformOptions } from '../../../platform/server';
import { openPgliteTestDatabase } from '../../platform/support/pglite-test-database';
import { startApi, TERMINAL_TOKEN } from '../../platform/support/platform';
import type { TestDatabase } from '../../platform/support/test-database';
import { migrationsDir } from '../../support/test-host';

/** A clock that moves only when told: backoff and breaker waits pass without real time. */
export class ManualClock {
  constructor(private ms = Date.parse('2026-11-27T02:00:00Z')) {}
  now(): Date {
    return new Date(this.ms);
  }
  advance(ms: number): void {
    this.ms += ms;
  }
}

export interface TempDir {
  dir: string;
  cleanup(): void;
}

export function tempDir(prefix: string): TempDir {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The hall's database. NORMAL sync keeps the tests quick; durability is not under test here. */
export function openHallDb(file: string): Db {
  return openDatabase(file, { migrationsDir, synchronous: 'NORMAL' });
}

export interface ListeningApi {
  api: Platform;
  baseUrl: string;
  /** The platform's database: count or read it from outside, or listen again on it (a restart). */
  database: TestDatabase;
  /** Closes the platform, and gives its database back for the next one; safe to call twice. */
  close(): Promise<void>;
}

export interface ListenOptions {
  /** The database of an earlier platform (a restart); default: a fresh one. */
  database?: TestDatabase;
  faults?: FaultConfig;
  /** More of the platform's options (the console page's `rendererDir`, the demo admin). */
  platform?: Partial<Omit<PlatformOptions, 'sql'>>;
}

/**
 * Databases of closed platforms, emptied and handed to the next one. A new PGlite costs ~0.5-2 s
 * (loading the migrated dump), emptying one ~30 ms. Only under vitest, where every test file runs
 * in a process of its own that ends with the file: an open PGlite keeps a process alive, so the
 * screenshot tour (a plain script) closes each database instead.
 */
const idle: TestDatabase[] = [];
const reuseDatabases = process.env.VITEST !== undefined;

async function freshDatabase(): Promise<TestDatabase> {
  const reused = idle.pop();
  if (reused === undefined) return openPgliteTestDatabase();
  await reused.reset();
  return reused;
}

/**
 * The district platform (platform/) on PGlite, really listening on a loopback port, with the
 * test tokens and the fixed clock of tests/platform/support/platform.ts.
 */
export async function listenCentral(options: ListenOptions = {}): Promise<ListeningApi> {
  const database = options.database ?? (await freshDatabase());
  const api = await startApi(database, {
    ...options.platform,
    ...(options.faults === undefined ? {} : { faults: options.faults }),
  });
  await api.app.listen({ host: '127.0.0.1', port: 0 });
  const address = api.app.server.address();
  if (address === null || typeof address === 'string') throw new Error('expected a TCP address');
  let closed: Promise<void> | undefined;
  return {
    api,
    baseUrl: `http://127.0.0.1:${address.port}`,
    database,
    close: () =>
      (closed ??= api.close().then(async () => {
        if (!reuseDatabases) await database.close();
        else if (!idle.includes(database)) idle.push(database);
      })),
  };
}

export const token = TERMINAL_TOKEN;
