import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkpointWal, MigrationError, openDatabase } from '../../db/open';
import { migrationsDir } from '../support/test-host';

const dirs: string[] = [];
const temp = () => {
  const d = mkdtempSync(join(tmpdir(), 'db-open-'));
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('openDatabase', () => {
  it('applies the migrations with WAL, full sync, foreign keys on and a bounded page cache', () => {
    const db = openDatabase(join(temp(), 'a.sqlite'), { migrationsDir });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('cache_size', { simple: true })).toBe(-8192); // KiB: RSS stays flat as the file grows
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('secure_delete', { simple: true })).toBe(1); // deleted content zeroed
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(1);
    db.close();
  });

  it('checkpoints the WAL into the file and truncates it to nothing', () => {
    const file = join(temp(), 'w.sqlite');
    const db = openDatabase(file, { migrationsDir });
    db.exec("INSERT INTO sync_cursor (name, cursor, updated_at) VALUES ('x', '1', '2026-11-27T00:00:00Z')");
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(0);
    expect(checkpointWal(db)).toBe(true);
    expect(statSync(`${file}-wal`).size).toBe(0);
    expect(db.prepare("SELECT cursor FROM sync_cursor WHERE name = 'x'").get()).toEqual({ cursor: '1' });
    db.close();
  });

  it('refuses a database written by a newer build', () => {
    const file = join(temp(), 'b.sqlite');
    const db = openDatabase(file, { migrationsDir });
    db.pragma('user_version = 999');
    db.close();
    expect(() => openDatabase(file, { migrationsDir })).toThrow(MigrationError);
  });

  it('rolls back a failing migration whole, leaving the version where it was', () => {
    const dir = temp();
    const migrations = join(dir, 'migrations');
    mkdirSync(migrations);
    writeFileSync(join(migrations, '001-a.sql'), 'CREATE TABLE a (x INTEGER);');
    writeFileSync(join(migrations, '002-b.sql'), 'CREATE TABLE b (x INTEGER); INSERT INTO nowhere VALUES (1);');
    const file = join(dir, 'c.sqlite');
    expect(() => openDatabase(file, { migrationsDir: migrations })).toThrow();
    writeFileSync(join(migrations, '002-b.sql'), 'CREATE TABLE b (x INTEGER);');
    const db = openDatabase(file, { migrationsDir: migrations });
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    db.close();
  });

  it('rejects a gap in the migration numbers', () => {
    const dir = temp();
    writeFileSync(join(dir, '001-a.sql'), 'SELECT 1;');
    writeFileSync(join(dir, '003-c.sql'), 'SELECT 1;');
    expect(() => openDatabase(':memory:', { migrationsDir: dir })).toThrow(MigrationError);
  });
});
