import type { HallLevel, LiveSnapshot } from '../../contracts/central-api';
import type { Sql } from '../db/sql';

/** What `putLiveSnapshot` did: stored it, or kept a snapshot taken at or after it. */
export interface LivePutRow {
  applied: boolean;
  /** `taken_at` of the snapshot stored now. */
  takenAt: Date;
  receivedAt: Date;
}

/**
 * How the platform names a hall: the registry's name, address and level (`halls`), the
 * snapshot's own name standing in for a hall not registered (a snapshot is always its sender's:
 * the calling hall is its credential's).
 */
const HALL_PROFILE = `coalesce(h.name, s.hall_name, s.hall_id) AS name, h.address, h.level`;

export interface LiveHallProfileRow {
  hallId: string;
  name: string;
  address: string | null;
  level: HallLevel | null;
}

/**
 * Stores `snapshot` as its hall's latest, unless the stored one was taken at or after it. The
 * guard is in the upsert itself: a concurrent PUT of the same hall (another instance) waits on
 * the row and is then judged against what that one wrote, so the latest `takenAt` wins however
 * requests race. The service rows are replaced in the same transaction (call inside one).
 */
export async function putLiveSnapshot(tx: Sql, snapshot: LiveSnapshot, receivedAt: Date): Promise<LivePutRow> {
  const json = JSON.stringify(snapshot);
  const [stored] = await tx.query<{ takenAt: Date; receivedAt: Date }>(
    `INSERT INTO live_snapshots (hall_id, hall_name, taken_at, received_at, snapshot)
     VALUES ($1, $2, $3, $4, $5::jsonb)
     ON CONFLICT (hall_id) DO UPDATE SET
       hall_name = excluded.hall_name, taken_at = excluded.taken_at, received_at = excluded.received_at,
       snapshot = excluded.snapshot
     WHERE live_snapshots.taken_at < excluded.taken_at
     RETURNING taken_at AS "takenAt", received_at AS "receivedAt"`,
    [snapshot.hallId, snapshot.hallName ?? null, snapshot.takenAt, receivedAt.toISOString(), json],
  );
  if (stored === undefined) {
    const [kept] = await tx.query<{ takenAt: Date; receivedAt: Date }>(
      `SELECT taken_at AS "takenAt", received_at AS "receivedAt" FROM live_snapshots WHERE hall_id = $1`,
      [snapshot.hallId],
    );
    if (kept === undefined) throw new Error('a live snapshot was neither stored nor found');
    return { applied: false, ...kept };
  }
  await tx.query('DELETE FROM live_service_waits WHERE hall_id = $1', [snapshot.hallId]);
  await tx.query(
    `INSERT INTO live_service_waits (hall_id, service_code, is_open, waiting, estimated_wait_minutes)
     SELECT $1, e->>'code', (e->>'open')::boolean, (e->>'waiting')::integer, (e->>'estimatedWaitMinutes')::integer
     FROM jsonb_array_elements($2::jsonb -> 'services') AS e`,
    [snapshot.hallId, json],
  );
  return { applied: true, ...stored };
}

export interface NearbyRow extends LiveHallProfileRow {
  open: boolean;
  waiting: number;
  estimatedWaitMinutes: number;
  receivedAt: Date;
}

/** The halls but `exceptHall` whose latest snapshot, received at or after `since`, lists `serviceCode`. */
export function nearbyRows(sql: Sql, serviceCode: string, exceptHall: string, since: Date): Promise<NearbyRow[]> {
  return sql.query<NearbyRow>(
    `SELECT s.hall_id AS "hallId", ${HALL_PROFILE}, w.is_open AS open, w.waiting,
            w.estimated_wait_minutes AS "estimatedWaitMinutes", s.received_at AS "receivedAt"
     FROM live_service_waits w JOIN live_snapshots s ON s.hall_id = w.hall_id
     LEFT JOIN halls h ON h.hall_id = s.hall_id
     WHERE w.service_code = $1 AND w.hall_id <> $2 AND s.received_at >= $3`,
    [serviceCode, exceptHall, since.toISOString()],
  );
}

export interface LiveHallRow extends LiveHallProfileRow {
  /**
   * The body as stored: validated against the contract before it was (routes/live.ts), parsed from
   * jsonb by the adapters; null for a hall that has sent none.
   */
  snapshot: LiveSnapshot | null;
  receivedAt: Date | null;
}

/**
 * Every active hall of the registry, district centre first, then by id, each with its latest
 * snapshot if it sent one; a deactivated hall only while its last snapshot is kept.
 */
export function liveHallRows(sql: Sql): Promise<LiveHallRow[]> {
  return sql.query<LiveHallRow>(
    `SELECT h.hall_id AS "hallId", h.name, h.address, h.level, s.snapshot, s.received_at AS "receivedAt"
     FROM halls h LEFT JOIN live_snapshots s ON s.hall_id = h.hall_id
     WHERE h.active OR s.hall_id IS NOT NULL
     ORDER BY CASE h.level WHEN 'district-centre' THEN 0 ELSE 1 END, h.hall_id`,
  );
}
