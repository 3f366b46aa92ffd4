import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, openDatabase } from '../../db/open';
import { probeWrite } from '../../db/repositories/storage-probe';
import { migrationsDir } from '../support/test-host';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const tables = (db: ReturnType<typeof openDatabase>) =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name);

/** The storage monitor's scratch table, a migration since 015 (the monitor used to create it at start). */
describe('015-storage-probe', () => {
  it('gives a new database the scratch table, and a probe leaves it empty', () => {
    const db = openDatabase(':memory:', { migrationsDir });
    expect(tables(db)).toContain('storage_probe');
    probeWrite(db, '2026-11-27T02:00:00.000Z', 8192);
    expect(db.prepare('SELECT count(*) AS n FROM storage_probe').get()).toEqual({ n: 0 });
    db.close();
  });

  it('migrates a hall database whose monitor had already made the table', () => {
    const before = mkdtempSync(join(tmpdir(), 'migrations-014-'));
    dirs.push(before);
    for (const file of readdirSync(migrationsDir).filter((f) => /^\d{3}-/.test(f) && f < '015'))
      copyFileSync(join(migrationsDir, file), join(before, file));
    const dir = mkdtempSync(join(tmpdir(), 'hall-db-'));
    dirs.push(dir);
    const file = join(dir, 'hall.sqlite');
    const old = openDatabase(file, { migrationsDir: before });
    expect(old.pragma('user_version', { simple: true })).toBe(14);
    // As the monitor of a build before 015 did at every start.
    old.exec('CREATE TABLE IF NOT EXISTS storage_probe (id INTEGER PRIMARY KEY, at TEXT NOT NULL, pad BLOB NOT NULL)');
    expect(migrate(old, migrationsDir)).toBeGreaterThanOrEqual(15);
    expect(old.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(15);
    expect(tables(old).filter((t) => t === 'storage_probe')).toHaveLength(1);
    old.close();
  });
});
