import type { Db } from '../../db/open';
import { raiseCounterAbove } from '../../db/repositories/tickets';
import type { HighWaterEntry } from './number-high-water';

/**
 * At every open of the database (and so after a restore): each day's counters are raised to the
 * numbers the guard's file says were printed, so the first ticket after a restore to an older copy
 * follows the highest number issued, not the copy's. One transaction; a no-op when the database is
 * up to date. A prefix no service holds any more is left alone (the guard still checks it at issue).
 */
export function raiseNumbering(db: Db, entries: readonly HighWaterEntry[]): void {
  db.transaction(() => {
    for (const e of entries) raiseCounterAbove(db, e.businessDay, e.prefix, e.number);
  })();
}
