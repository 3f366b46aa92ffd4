import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ALLOWED, sqlFindings, sqlOutsideDb } from './sql-outside-db';
import { scratchTrees } from '../support/scratch-tree';

/**
 * "Only db/ holds SQL" (tests/tooling/sql-outside-db.ts): host/ and electron/ hold no SQL, and the
 * district platform holds its own in platform/db/ and platform/store/ only. The cases below lay out small trees to show the
 * scan fails on each forbidden shape, naming the file, and leaves ordinary code alone.
 */
const repoRoot = join(import.meta.dirname, '../..');
const { tree, cleanup } = scratchTrees('sql-outside-db-');
afterAll(cleanup);

const none = new Map<string, string>();

describe('only db/ holds SQL', () => {
  it('finds no SQL in host/, electron/ or platform/ outside the allowed folders', () => {
    expect(sqlOutsideDb(repoRoot)).toEqual([]);
  });

  it("allows SQL in the platform's db/ and store/ folders only, not in its services or routes", () => {
    expect([...ALLOWED.keys()]).toEqual(['platform/db/', 'platform/store/']);
    const root = tree({
      'platform/store/cases.ts': "export const s = 'SELECT * FROM cases';\n",
      'platform/db/migrate.ts': "export const s = 'CREATE TABLE IF NOT EXISTS schema_migrations (v integer)';\n",
      'platform/services/cases.ts': "export const s = 'UPDATE cases SET status = $1';\n",
    });
    expect(sqlOutsideDb(root, ['platform'])).toEqual(['platform/services/cases.ts:1: UPDATE … SET in a string']);
    expect(sqlOutsideDb(tree({ 'platform/server.ts': 'export {};\n' }), ['platform'])).toEqual([
      'platform/db/ is allowed SQL but is gone',
      'platform/store/ is allowed SQL but is gone',
    ]);
  });

  it('fails on a query in a string, naming the file and line', () => {
    const root = tree({
      'host/queue/raw.ts':
        "import type { Db } from '../../db/open';\nexport const q = (db: Db) =>\n  db.prepare('SELECT id FROM tickets').all();\n",
    });
    expect(sqlOutsideDb(root, ['host'], none)).toEqual([
      'host/queue/raw.ts:3: db.prepare() on a database',
      'host/queue/raw.ts:3: SELECT … FROM in a string',
    ]);
  });

  it('fails on each statement shape, in plain strings and templates', () => {
    const cases: Record<string, string> = {
      'INSERT INTO': "const s = 'INSERT INTO audit_log (at) VALUES (?)';",
      'INSERT OR IGNORE INTO': "const s = 'INSERT OR IGNORE INTO t (a) VALUES (1)';",
      'UPDATE … SET': 'const s = `UPDATE tickets SET status = ? WHERE id = ${1}`;',
      'DELETE FROM': 'const s = "DELETE FROM storage_probe";',
      'CREATE TABLE': "const s = 'CREATE TABLE IF NOT EXISTS storage_probe (id INTEGER PRIMARY KEY)';",
      'CREATE INDEX': "const s = 'CREATE UNIQUE INDEX a ON t (b)';",
      'SELECT over lines, columns from an expression': 'const cols = "a";\nconst s = `SELECT ${cols}\n  FROM t WHERE x = ?`;',
      PRAGMA: "const s = 'PRAGMA user_version';",
    };
    for (const [shape, text] of Object.entries(cases)) expect(sqlFindings('x.ts', text), shape).toHaveLength(1);
  });

  it('fails on .prepare(), .exec() and .pragma() on a database, whatever the string', () => {
    const text = [
      "this.o.db.exec('create table x (a)');",
      'deps.hallDb.prepare(sql);',
      "database.pragma('journal_mode = WAL');",
    ].join('\n');
    expect(sqlFindings('x.ts', text)).toEqual([
      '1: db.exec() on a database',
      '2: hallDb.prepare() on a database',
      '3: database.pragma() on a database',
    ]);
  });

  it('leaves ordinary code alone: a RegExp exec, prose, a transaction', () => {
    const text = [
      'const m = /^Bearer\\s+(\\S+)$/i.exec(header);',
      'const n = pattern.exec(text);',
      "const hint = 'select a window from the list, then update the settings';",
      "const label = '请选择窗口';",
      'db.transaction(() => save())();',
    ].join('\n');
    expect(sqlFindings('x.ts', text)).toEqual([]);
  });

  it('scans electron/ and platform/ too, and .mjs/.cjs files', () => {
    const root = tree({
      'electron/store.cjs': "module.exports = (db) => db.exec('DELETE FROM t');\n",
      'platform/api/other.mjs': "export const s = 'SELECT a FROM b';\n",
    });
    expect(sqlOutsideDb(root, ['host', 'electron', 'platform'], none)).toEqual([
      'electron/store.cjs:1: db.exec() on a database',
      'electron/store.cjs:1: DELETE FROM in a string',
      'platform/api/other.mjs:1: SELECT … FROM in a string',
    ]);
  });

  it('lets an allowed file hold SQL, and fails when an allowed file is gone', () => {
    const root = tree({ 'host/legacy/case-store.ts': "export const s = 'SELECT * FROM cases';\n" });
    const allowed = new Map([
      ['host/legacy/case-store.ts', 'its own store'],
      ['host/legacy/gone-store.ts', 'its own store'],
    ]);
    expect(sqlOutsideDb(root, ['host'], allowed)).toEqual(['host/legacy/gone-store.ts is allowed SQL but is gone']);
  });
});
