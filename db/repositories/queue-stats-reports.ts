import type { Db } from '../open';
import { prepared } from '../statement-cache';

/** Business days before `today` that have tickets and whose figures were not put in the outbox yet. */
export function unreportedDays(db: Db, today: string): string[] {
  const rows = prepared(
    db,
    `SELECT DISTINCT business_day AS day FROM tickets
      WHERE business_day < ? AND business_day NOT IN (SELECT business_day FROM queue_stats_reports)
      ORDER BY business_day`,
  ).all(today) as { day: string }[];
  return rows.map((r) => r.day);
}

export function markReported(db: Db, day: string, at: string): void {
  prepared(db, 'INSERT INTO queue_stats_reports (business_day, enqueued_at) VALUES (?, ?)').run(day, at);
}
