import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open';
import { migrationsDir } from '../support/test-host';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The unkeyed hash migration 008 stored: sha256 of `hall-01:110105198503150019`. */
const OLD_HASH = 'c3b7d1f0a6f44d1e4c0b8e6f2f5a1e9d3c7b2a1f0e9d8c7b6a5f4e3d2c1b0a99';

describe('migration 016: keyed appointment tags', () => {
  it('drops the unkeyed hashes and masked numbers, keeping bookings and their check-ins', () => {
    dir = mkdtempSync(join(tmpdir(), 'db-016-'));
    const before = join(dir, 'migrations-015');
    mkdirSync(before);
    for (const f of readdirSync(migrationsDir).filter((f) => f < '016')) cpSync(join(migrationsDir, f), join(before, f));
    const file = join(dir, 'hall.sqlite');

    const old = openDatabase(file, { migrationsDir: before });
    old
      .prepare(
        `INSERT INTO appointments (id, business_date, service_code, slot_start, slot_end, applicant_masked, id_hash, id_masked, code, fetched_at)
         VALUES ('a1', '2026-11-27', 'livelihood', '2026-11-27T02:00:00.000Z', '2026-11-27T02:30:00.000Z', '张*', ?,
                 '110105********0019', 'CODE222222', '2026-11-27T01:00:00.000Z')`,
      )
      .run(OLD_HASH);
    old.close();

    const db = openDatabase(file, { migrationsDir });
    const columns = (db.prepare('PRAGMA table_info(appointments)').all() as { name: string }[]).map((c) => c.name);
    expect(columns).toContain('id_tag');
    expect(columns).not.toContain('id_hash');
    expect(columns).not.toContain('id_masked');
    // The booking stays (its code still checks in); its tag waits for the next pull.
    expect(db.prepare('SELECT id, code, id_tag AS idTag FROM appointments').all()).toEqual([
      { id: 'a1', code: 'CODE222222', idTag: '' },
    ]);
    // Neither the hash nor the masked number is left in the file or its WAL.
    for (const f of [file, `${file}-wal`].filter((f) => existsSync(f))) {
      const bytes = readFileSync(f);
      expect(bytes.includes(Buffer.from(OLD_HASH))).toBe(false);
      expect(bytes.includes(Buffer.from('110105********0019'))).toBe(false);
    }
    db.close();
  });
});
