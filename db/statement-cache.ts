import type Database from 'better-sqlite3';
import type { Db } from './open';

const caches = new WeakMap<Db, Map<string, Database.Statement>>();

/**
 * A prepared statement for `text`, compiled once per connection. Preparing is
 * the dominant cost of a small query in better-sqlite3 (the queue bench showed
 * it above the fsync), so repositories prepare through here.
 *
 * Compiled once is not always planned once: this SQLite build (STAT4) marks a bound parameter
 * that the planner looked at (an ORDER BY/LIMIT query, a join filtered by a parameter, a
 * LIMIT ?), and then every new bind silently re-prepares the statement: 20–100 µs, more than
 * the query itself. The queue's hot reads therefore avoid those shapes: names come from
 * correlated subqueries instead of joins, and parameters are bound in a one-row table the
 * query joins first (`WITH arg(day) AS (VALUES (?)) … FROM arg CROSS JOIN tickets … WHERE
 * business_day = arg.day`), which the planner cannot look into. Measured with the queue bench: a
 * ticket read 100 → 10 µs, a queue head 54 → 12 µs; issue and call-next CPU 1.1/1.9 ms → 0.3/0.4 ms.
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
