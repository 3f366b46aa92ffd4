import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FaultConfig } from '../../../contracts/central-api';
import { openDatabase } from '../../../db/open';
import type { Db } from '../../../db/open';
import type { CentralApi } from '../../../tools/central-api/server';
import { migrationsDir } from '../../support/test-host';
import { startApi, TERMINAL_TOKEN } from '../../tools/central-api/helpers';

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
  api: CentralApi;
  baseUrl: string;
  dbFile: string;
}

/** The reference central API, really listening on a loopback port. */
export async function listenCentral(dbFile: string, faults?: FaultConfig): Promise<ListeningApi> {
  const api = await startApi(dbFile, faults === undefined ? {} : { faults });
  await api.app.listen({ host: '127.0.0.1', port: 0 });
  const address = api.app.server.address();
  if (address === null || typeof address === 'string') throw new Error('expected a TCP address');
  return { api, baseUrl: `http://127.0.0.1:${address.port}`, dbFile };
}

export const token = TERMINAL_TOKEN;
