import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { migrate } from '../../../platform/db/migrate';
import { openPglite } from '../../../platform/db/pglite';
import { migrationsHash } from './migrations-hash';

// From the working directory, the repository's root for vitest, the benches and the screenshot
// tour alike (the last two run bundled from .cache/, where this module's own folder is not).
const CACHE_DIR = join(process.cwd(), '.cache/platform-pglite');

const cached = new Map<TemplateKind, Promise<Blob>>();

/** `migrated`: the platform's schema, what almost every test starts from; `empty`: initdb only, for the migrations' own tests. */
export type TemplateKind = 'migrated' | 'empty';

/**
 * A dump of a freshly migrated PGlite database. A new PGlite runs initdb (~2 s here); one loaded
 * from this dump starts in ~0.4 s. Kept in .cache/ under the migrations' digest, so it is built
 * once per change of the migrations (by the tests' global setup, before the workers start), and
 * written by rename so a reader never sees half a file.
 */
export function pgliteTemplate(kind: TemplateKind = 'migrated'): Promise<Blob> {
  let template = cached.get(kind);
  if (template === undefined) {
    template = loadOrBuild(kind);
    cached.set(kind, template);
  }
  return template;
}

async function loadOrBuild(kind: TemplateKind): Promise<Blob> {
  const file = join(CACHE_DIR, kind === 'migrated' ? `${migrationsHash()}.tar` : 'empty.tar');
  if (existsSync(file)) return new Blob([readFileSync(file)]);
  const db = await openPglite();
  try {
    if (kind === 'migrated') await migrate(db);
    const dump = await db.dump();
    mkdirSync(CACHE_DIR, { recursive: true });
    const partial = `${file}.${process.pid}.partial`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, file);
    return dump;
  } finally {
    await db.close();
  }
}
