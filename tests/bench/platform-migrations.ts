import { cpSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The platform finds its migrations next to its own module (platform/db/migrate.ts); a bench
 * bundled into .cache/bench has that module inside itself, so the folder must be there too.
 * scripts/bench.mjs recreates .cache/bench on every run, so the copy is never stale. Call it
 * before the first createPlatform; `import.meta.url` is the bundle's, wherever this file is.
 */
export function copyMigrationsBesideBundle(): void {
  cpSync(join(process.cwd(), 'platform/db/migrations'), join(dirname(fileURLToPath(import.meta.url)), 'migrations'), {
    recursive: true,
  });
}
