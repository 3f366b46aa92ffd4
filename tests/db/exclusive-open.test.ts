import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatabaseInUseError, openDatabase } from '../../db/open';
import { migrationsDir } from '../support/test-host';

/** `exclusive`: the demo's history generator must never write beside a running host. */
describe('opening a database alone', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'db-exclusive-'));
    file = join(dir, 'hall.sqlite');
    openDatabase(file, { migrationsDir }).close();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is refused at once while another connection has the file open, even an idle one', () => {
    const host = openDatabase(file, { migrationsDir });
    try {
      expect(() => openDatabase(file, { migrationsDir, exclusive: true })).toThrow(DatabaseInUseError);
    } finally {
      host.close();
    }
  });

  it('holds the file until closed: another program cannot read it meanwhile, and can once it is closed', () => {
    const alone = openDatabase(file, { migrationsDir, exclusive: true });
    // Without the host's five-second busy wait: the refusal itself is what matters.
    const other = new Database(file, { timeout: 0 });
    expect(() => other.prepare('SELECT count(*) FROM tickets').get()).toThrow(/locked/i);
    other.close();
    alone.close();
    const after = openDatabase(file, { migrationsDir });
    expect(after.prepare('SELECT count(*) AS n FROM tickets').get()).toEqual({ n: 0 });
    after.close();
  });
});
