import {
  LIVE_STALE_AFTER_SECONDS,
  type LiveHall,
  type LiveHallsResponse,
  type LiveSnapshot,
  type LiveSnapshotAck,
  type NearbyHall,
  type NearbyResponse,
} from '../../contracts/central-api';
import type { Sql } from '../db/sql';
import { liveHallRows, nearbyRows, putLiveSnapshot } from '../store/live';
import { compareNearby } from './nearby-order';

/**
 * A snapshot taken further ahead of the platform's clock than this is refused: stored, it would
 * shut out the hall's correct snapshots until its clock caught up with the wrong one.
 */
export const LIVE_FUTURE_TOLERANCE_MS = 5 * 60_000;

/**
 * Halls not heard from for this long are left out of a kiosk's nearby halls: a hall switched
 * off overnight says nothing about this morning. The console still lists them, marked stale.
 */
export const NEARBY_HORIZON_MS = 60 * 60_000;

/** A snapshot from too far in the future (the hall's clock is wrong): refused, never stored. */
export class FutureSnapshotError extends Error {
  override readonly name = 'FutureSnapshotError';
}

const ageSeconds = (receivedAt: Date, now: Date): number =>
  Math.max(0, Math.floor((now.getTime() - receivedAt.getTime()) / 1000));

/**
 * The live district: each hall's latest snapshot, the nearby halls a kiosk may send a citizen to,
 * and every hall for the console. Nothing is kept in memory (several instances share the
 * database); ages are the platform's clock against when a snapshot arrived, so a hall whose clock
 * is off still ages right.
 */
export class LiveService {
  constructor(
    private readonly sql: Sql,
    private readonly now: () => Date,
  ) {}

  /** Stores `snapshot` as `hallId`'s latest unless a later one is stored; one transaction. */
  async put(hallId: string, snapshot: LiveSnapshot): Promise<LiveSnapshotAck> {
    const now = this.now();
    if (Date.parse(snapshot.takenAt) > now.getTime() + LIVE_FUTURE_TOLERANCE_MS) {
      throw new FutureSnapshotError(
        `takenAt is more than ${LIVE_FUTURE_TOLERANCE_MS / 60_000} minutes ahead of the platform's clock`,
      );
    }
    const row = await this.sql.transaction((tx) => putLiveSnapshot(tx, { ...snapshot, hallId }, now));
    return {
      hallId,
      applied: row.applied,
      storedTakenAt: row.takenAt.toISOString(),
      receivedAt: row.receivedAt.toISOString(),
    };
  }

  /** The other halls' waiting for `serviceCode`, best first (nearby-order.ts), at most `limit`. */
  async nearby(hallId: string, serviceCode: string, limit: number): Promise<NearbyResponse> {
    const now = this.now();
    const rows = await nearbyRows(this.sql, serviceCode, hallId, new Date(now.getTime() - NEARBY_HORIZON_MS));
    const halls = rows.map((row): NearbyHall => {
      const age = ageSeconds(row.receivedAt, now);
      return {
        hallId: row.hallId,
        name: row.name,
        address: row.address,
        level: row.level,
        open: row.open,
        waiting: row.waiting,
        estimatedWaitMinutes: row.estimatedWaitMinutes,
        ageSeconds: age,
        stale: age > LIVE_STALE_AFTER_SECONDS,
      };
    });
    return { service: serviceCode, halls: halls.sort(compareNearby).slice(0, limit) };
  }

  /** Every registered hall, as the console shows them: its latest snapshot, or none yet (stale). */
  async halls(): Promise<LiveHallsResponse> {
    const now = this.now();
    const halls = (await liveHallRows(this.sql)).map((row): LiveHall => {
      const age = row.receivedAt === null ? null : ageSeconds(row.receivedAt, now);
      return {
        hallId: row.hallId,
        name: row.name,
        address: row.address,
        level: row.level,
        // Validated before it was stored; the route's reply schema checks the whole answer again.
        snapshot: row.snapshot,
        receivedAt: row.receivedAt === null ? null : row.receivedAt.toISOString(),
        ageSeconds: age,
        stale: age === null || age > LIVE_STALE_AFTER_SECONDS,
      };
    });
    return { at: now.toISOString(), staleAfterSeconds: LIVE_STALE_AFTER_SECONDS, halls };
  }
}
