import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openPglite } from '../../../platform/db/pglite';
import { pgliteTemplate } from '../support/pglite-template';

/** Every migration the template applied: the reopened folder still holds them all. */
const MIGRATIONS = readdirSync(join(process.cwd(), 'platform/db/migrations')).filter((f) => f.endsWith('.sql')).length;
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const dataDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'platform-pglite-lock-'));
  dirs.push(dir);
  return join(dir, 'data');
};

/** One process per PGlite data folder (platform/db/data-dir-lock.ts): two would corrupt its files. */
describe('platform/db: a PGlite data folder', () => {
  it('is refused to a second opener while open, and free again once closed', async () => {
    const dir = dataDir();
    const first = await openPglite({ dataDir: dir, loadDataDir: await pgliteTemplate() });
    try {
      expect(readFileSync(join(dir, 'platform.lock'), 'utf8')).toBe(String(process.pid));
      await expect(openPglite({ dataDir: dir })).rejects.toThrow(/in use by another platform \(pid \d+\)/);
    } finally {
      await first.close();
    }
    expect(existsSync(join(dir, 'platform.lock'))).toBe(false);
    const again = await openPglite({ dataDir: dir });
    expect(await again.query('SELECT count(*) AS n FROM schema_migrations')).toEqual([{ n: MIGRATIONS }]);
    await again.close();
  });

  it('is taken over from a process that died holding it (kill -9)', async () => {
    const dir = dataDir();
    const first = await openPglite({ dataDir: dir, loadDataDir: await pgliteTemplate() });
    await first.close();
    // A pid no process has: Linux pids stay below 2^22.
    writeFileSync(join(dir, 'platform.lock'), '4194305');
    const next = await openPglite({ dataDir: dir });
    expect(readFileSync(join(dir, 'platform.lock'), 'utf8')).toBe(String(process.pid));
    await next.close();
  });
});
