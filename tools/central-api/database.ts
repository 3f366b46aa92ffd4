import { fileURLToPath } from 'node:url';
import { openDatabase } from '../../db/open';
import type { Db } from '../../db/open';

/**
 * Resolved against this module: in the source tree that is tools/central-api/migrations/,
 * and in the build main.ts (which imports this) is bundled to dist/tools/central-api/main.js
 * with migrations/ copied next to it, so the same relative URL still points at them.
 */
const migrationsDir = fileURLToPath(new URL('./migrations/', import.meta.url)).replace(/[\\/]$/, '');

/** Opens the central API's SQLite file. FULL sync: a case we answered 201 for must survive a power cut. */
export function openCentralDatabase(file: string): Db {
  return openDatabase(file, { migrationsDir, synchronous: 'FULL' });
}
