import type { Db } from '../open';
import { prepared } from '../statement-cache';

/** The stored JSON of a settings document, or undefined when it was never written. */
export function readSetting(db: Db, key: string): unknown {
  const row = prepared(db, 'SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  return row === undefined ? undefined : (JSON.parse(row.value) as unknown);
}

/** Writes a settings document whole (callers validate it first and run this in their transaction). */
export function writeSetting(db: Db, key: string, value: unknown, now: string): void {
  prepared(
    db,
    'INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
  ).run(key, JSON.stringify(value), now);
}
