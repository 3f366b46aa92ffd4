import { existsSync, statSync } from 'node:fs';
import type { DatabaseFacts } from '../../contracts/diagnostics';
import type { Db } from '../open';
import { prepared } from '../statement-cache';
import { listAudit, type AuditRow } from './audit';

/**
 * Read-only facts for the technician's diagnostics bundle: the database's health and size and
 * how many rows each table holds (counts only, never a row's content).
 */
export function databaseFacts(db: Db): DatabaseFacts {
  const pragma = (name: string) => db.pragma(name, { simple: true }) as number | string;
  const tables = prepared(
    db,
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
  ).all() as { name: string }[];
  const rowCounts = Object.fromEntries(
    tables.map(({ name }) => {
      // Table names come from sqlite_master, quoted as identifiers.
      const row = db.prepare(`SELECT count(*) AS n FROM "${name.replaceAll('"', '""')}"`).get() as { n: number };
      return [name, row.n] as const;
    }),
  );
  const quickCheck = (db.pragma('quick_check') as { quick_check: string }[]).map((r) => r.quick_check);
  const wal = `${db.name}-wal`;
  return {
    quickCheck,
    pageCount: Number(pragma('page_count')),
    pageSize: Number(pragma('page_size')),
    freelistCount: Number(pragma('freelist_count')),
    userVersion: Number(pragma('user_version')),
    journalMode: String(pragma('journal_mode')),
    walBytes: db.memory || !existsSync(wal) ? 0 : statSync(wal).size,
    rowCounts,
  };
}

/** The newest `limit` audit rows, oldest first. */
export function latestAudit(db: Db, limit: number): AuditRow[] {
  const oldest = prepared(db, 'SELECT id FROM audit_log ORDER BY id DESC LIMIT 1 OFFSET ?').get(limit - 1) as
    { id: number } | undefined;
  return listAudit(db, { sinceId: oldest ? oldest.id - 1 : 0, limit });
}
