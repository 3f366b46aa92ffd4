import type { QueueStatsRequest } from '../../contracts/central-api';
import type { Sql } from '../db/sql';

export interface QueueStatsRow {
  hallId: string;
  businessDay: string;
  figuresJson: string;
  revision: number;
  receivedAt: Date;
}

/** Stores a (hall, day)'s figures: revision 1, or the next revision replacing the previous figures. */
export async function upsertQueueStats(tx: Sql, request: QueueStatsRequest, receivedAt: Date): Promise<QueueStatsRow> {
  const [row] = await tx.query<QueueStatsRow>(
    `INSERT INTO queue_stats (hall_id, business_day, figures_json, revision, received_at)
     VALUES ($1, $2, $3, 1, $4)
     ON CONFLICT (hall_id, business_day) DO UPDATE SET
       figures_json = excluded.figures_json, revision = queue_stats.revision + 1, received_at = excluded.received_at
     RETURNING hall_id AS "hallId", business_day AS "businessDay", figures_json AS "figuresJson", revision,
       received_at AS "receivedAt"`,
    [request.hallId, request.businessDay, JSON.stringify(request.figures), receivedAt.toISOString()],
  );
  if (row === undefined) throw new Error('the queue stats upsert returned nothing');
  return row;
}
