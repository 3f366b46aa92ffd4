import type Database from 'better-sqlite3';
import type { Db } from './open';

const caches = new WeakMap<Db, Map<string, Database.Statement>>();

/**
 * A prepared statement for `text`, compiled once per connection. Preparing is
 * the dominant cost of a small query in better-sqlite3 (the queue bench showed
 * it above the fsync), so repositories prepare through here.
 */
export function prepared(db: Db, text: string): Database.Statement {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let statement = cache.get(text);
  if (!statement) {
    statement = db.prepare(text);
    cache.set(text, statement);
  }
  return statement;
}
