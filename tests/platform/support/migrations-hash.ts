import { createHash } from 'node:crypto';
import { readMigrations } from '../../../platform/db/migrate';

/**
 * A short digest of the platform's migrations (names and text): the name of the migrated
 * templates the tests copy, so a changed or added migration never starts from a stale one.
 */
export function migrationsHash(): string {
  const hash = createHash('sha256');
  for (const migration of readMigrations()) hash.update(`${migration.name}\n${migration.checksum}\n`);
  return hash.digest('hex').slice(0, 12);
}
