import type { Db } from '../../db/open';
import type { QueueStatsRequest, QueueStatsResponse } from '../../contracts/central-api';
import type { IdempotencyStore, IdempotentOutcome } from './idempotency';

interface StatsRow {
  hall_id: string;
  business_day: string;
  figures_json: string;
  revision: number;
  received_at: string;
}

/**
 * A hall's end-of-day figures, one row per (hall, business day). A later upload with a new key
 * replaces the figures (a corrected count) and bumps the revision; a retry replays.
 */
export class QueueStatsStore {
  private readonly upsert;

  constructor(
    db: Db,
    private readonly idempotency: IdempotencyStore,
    private readonly now: () => Date,
  ) {
    this.upsert = db.prepare(
      `INSERT INTO queue_stats (hall_id, business_day, figures_json, revision, received_at)
       VALUES (@hallId, @businessDay, @figures, 1, @receivedAt)
       ON CONFLICT (hall_id, business_day) DO UPDATE SET
         figures_json = excluded.figures_json, revision = revision + 1, received_at = excluded.received_at
       RETURNING *`,
    );
  }

  /** `created` means this key wrote; whether the (hall, day) row was new shows in `revision`. */
  put(key: string, request: QueueStatsRequest): IdempotentOutcome<QueueStatsResponse> {
    const now = this.now();
    return this.idempotency.run('queue-stats', key, request, now, () => {
      const row = this.upsert.get({
        hallId: request.hallId,
        businessDay: request.businessDay,
        figures: JSON.stringify(request.figures),
        receivedAt: now.toISOString(),
      }) as StatsRow;
      return {
        hallId: row.hall_id,
        businessDay: row.business_day,
        figures: JSON.parse(row.figures_json) as Record<string, number>,
        revision: row.revision,
        receivedAt: row.received_at,
      };
    });
  }
}
