import type { QueueStatsRequest } from '../../contracts/central-api';
import { QueueStatsResponse } from '../../contracts/central-api';
import type { Sql } from '../db/sql';
import { upsertQueueStats } from '../store/queue-stats';
import { idempotentWrite, type IdempotentOutcome } from './idempotent-write';

/**
 * A hall's end-of-day figures, one row per (hall, business day). A later upload with a new key
 * replaces the figures (a corrected count) and bumps the revision; a retry replays.
 */
export class QueueStatsService {
  constructor(
    private readonly sql: Sql,
    private readonly now: () => Date,
  ) {}

  /** `created` means this key wrote; whether the (hall, day) row was new shows in `revision`. */
  put(key: string, request: QueueStatsRequest): Promise<IdempotentOutcome<QueueStatsResponse>> {
    const now = this.now();
    return idempotentWrite(this.sql, {
      scope: 'queue-stats',
      key,
      body: request,
      at: now,
      answer: QueueStatsResponse,
      write: async (tx) => {
        const row = await upsertQueueStats(tx, request, now);
        return QueueStatsResponse.parse({
          hallId: row.hallId,
          businessDay: row.businessDay,
          figures: JSON.parse(row.figuresJson),
          revision: row.revision,
          receivedAt: row.receivedAt.toISOString(),
        });
      },
    });
  }
}
