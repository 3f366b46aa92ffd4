import type { EvaluationLevel } from '../../contracts/central-api';
import type { Db } from '../open';
import { prepared } from '../statement-cache';

/**
 * Read-only queries behind the manager's live floor (host/manager/floor.ts), each one statement
 * whatever the number of windows: the floor is read again at every call in a hall of 200 windows.
 * The day's tickets come from db/repositories/stats.ts (`dayTickets`), as the statistics read them.
 */

export interface FloorWindowRow {
  id: number;
  number: number;
  name: string;
  paused: boolean;
  /** ISO instant the pause began (the `-floor.sql` migration); null when not paused. */
  pausedAt: string | null;
  staffNo: string | null;
  staffName: string | null;
  /** Service codes in the order the window serves them. */
  services: string[];
  /** The ticket called at the window now, if any. */
  servingNumber: string | null;
  servingService: string | null;
  servingCalledAt: string | null;
  held: number;
}

type RawFloorWindow = Omit<FloorWindowRow, 'paused' | 'services'> & { paused: number; servicesJson: string };

/**
 * Every window of the hall with its staff member, its services, the ticket it serves and its held
 * count, by number. One statement: the subqueries seek `tickets_by_window` per window, within the
 * one scan of the windows table. No bound parameter, so no re-planning at each run
 * (db/statement-cache.ts).
 */
const FLOOR_WINDOWS_SQL = `
  SELECT w.id, w.number, w.name, w.paused, w.paused_at AS pausedAt,
         s.staff_no AS staffNo, s.name AS staffName,
         (SELECT json_group_array(service_code ORDER BY priority) FROM window_services WHERE window_id = w.id) AS servicesJson,
         c.number AS servingNumber, c.service_code AS servingService, c.called_at AS servingCalledAt,
         (SELECT count(*) FROM tickets WHERE window_id IS NOT NULL AND window_id = w.id AND status = 'held') AS held
  FROM windows w
  LEFT JOIN staff s ON s.id = w.staff_id
  LEFT JOIN tickets c ON c.id =
    (SELECT max(id) FROM tickets WHERE window_id IS NOT NULL AND window_id = w.id AND status = 'called')
  WHERE w.retired = 0
  ORDER BY w.number`;

export function floorWindows(db: Db): FloorWindowRow[] {
  return (prepared(db, FLOOR_WINDOWS_SQL).all() as RawFloorWindow[]).map(({ servicesJson, paused, ...w }) => ({
    ...w,
    paused: paused === 1,
    services: JSON.parse(servicesJson) as string[],
  }));
}

/** The floor lists this many unseen 差评 at most: a day with more has a problem the list will not solve. */
export const UNSEEN_REVIEWS_MAX = 50;

export interface UnseenBadReviewRow {
  id: string;
  level: EvaluationLevel;
  evaluatedAt: string;
  ticketNumber: string | null;
  windowNumber: string | null;
  staffNumber: string | null;
  caseNumber: string | null;
}

/**
 * 差评 (ratings that need a callback) given at or after `since` that nobody has seen: no
 * supervisor marked them seen on the floor, and their follow-up (review_followups)
 * has no handler yet. Oldest first, at most UNSEEN_REVIEWS_MAX. Never the reason or comment: the citizen's
 * words may hold personal data, and the floor only needs to say that a rating came.
 */
export function unseenBadReviews(db: Db, since: string): UnseenBadReviewRow[] {
  return prepared(
    db,
    `WITH arg(since) AS (VALUES (?))
     SELECT e.id, e.level, e.evaluated_at AS evaluatedAt, e.ticket_number AS ticketNumber,
            e.window_number AS windowNumber, e.staff_number AS staffNumber, e.case_number AS caseNumber
     FROM arg CROSS JOIN evaluations e
     WHERE e.callback_required = 1 AND e.evaluated_at >= arg.since
       AND NOT EXISTS (SELECT 1 FROM review_alerts_seen r WHERE r.evaluation_id = e.id)
       AND NOT EXISTS (SELECT 1 FROM review_followups f WHERE f.evaluation_id = e.id AND f.assigned_at IS NOT NULL)
     ORDER BY e.evaluated_at, e.id
     LIMIT ${UNSEEN_REVIEWS_MAX}`,
  ).all(since) as UnseenBadReviewRow[];
}

/** Whether an evaluation exists and is a 差评 (callback_required); undefined when unknown. */
export function isBadReview(db: Db, evaluationId: string): boolean | undefined {
  const row = prepared(db, 'SELECT callback_required AS bad FROM evaluations WHERE id = ?').get(evaluationId) as
    { bad: number } | undefined;
  return row === undefined ? undefined : row.bad === 1;
}

/** Records that a supervisor saw a 差评's alert; the first sighting stands. True when newly recorded. */
export function markReviewAlertSeen(db: Db, evaluationId: string, at: string, staffId: number): boolean {
  return (
    prepared(
      db,
      'INSERT INTO review_alerts_seen (evaluation_id, seen_at, seen_by) VALUES (?, ?, ?) ON CONFLICT (evaluation_id) DO NOTHING',
    ).run(evaluationId, at, staffId).changes === 1
  );
}
