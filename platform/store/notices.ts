import type { Sql } from '../db/sql';

export interface NoticeRow {
  id: number;
  hallId: string | null;
  /** Some halls (hall_id is then NULL); null with hallId null: every hall. */
  hallIds: string[] | null;
  title: string;
  body: string;
  publishedAt: Date;
  startsAt: Date;
  endsAt: Date | null;
  withdrawnAt: Date | null;
  publishedBy: string | null;
}

const COLUMNS = `id, hall_id AS "hallId", hall_ids AS "hallIds", title, body, published_at AS "publishedAt",
  starts_at AS "startsAt", ends_at AS "endsAt", withdrawn_at AS "withdrawnAt", published_by AS "publishedBy"`;

export type NewNotice = Omit<NoticeRow, 'id' | 'withdrawnAt'>;

export async function insertNotice(sql: Sql, notice: NewNotice): Promise<NoticeRow> {
  const [row] = await sql.query<NoticeRow>(
    `INSERT INTO notices (hall_id, hall_ids, title, body, published_at, starts_at, ends_at, published_by)
     VALUES ($1, $2::jsonb, $3, $4, $5, $6, $7, $8)
     RETURNING ${COLUMNS}`,
    [
      notice.hallId,
      notice.hallIds === null ? null : JSON.stringify(notice.hallIds),
      notice.title,
      notice.body,
      notice.publishedAt.toISOString(),
      notice.startsAt.toISOString(),
      notice.endsAt?.toISOString() ?? null,
      notice.publishedBy,
    ],
  );
  if (row === undefined) throw new Error('the notice insert returned nothing');
  return row;
}

/**
 * A hall's notices: its own, those to some halls that name it, and those for every hall, never a
 * withdrawn one; newest publication first: all of them, or with `currentAt` only those started
 * and not yet ended at that instant.
 */
export function noticesForHall(sql: Sql, hallId: string, currentAt: Date | undefined): Promise<NoticeRow[]> {
  const hall = `withdrawn_at IS NULL AND (hall_id = $1 OR (hall_id IS NULL AND (hall_ids IS NULL OR hall_ids @> jsonb_build_array($1::text))))`;
  return currentAt === undefined
    ? sql.query<NoticeRow>(`SELECT ${COLUMNS} FROM notices WHERE ${hall} ORDER BY published_at DESC, id DESC`, [hallId])
    : sql.query<NoticeRow>(
        `SELECT ${COLUMNS} FROM notices WHERE ${hall} AND starts_at <= $2 AND (ends_at IS NULL OR ends_at > $2)
         ORDER BY published_at DESC, id DESC`,
        [hallId, currentAt.toISOString()],
      );
}

/** Every notice, withdrawn ones too, newest first (by id: the order they were published in), after `afterId`. */
export function allNotices(sql: Sql, afterId: number | undefined, limit: number): Promise<NoticeRow[]> {
  return afterId === undefined
    ? sql.query<NoticeRow>(`SELECT ${COLUMNS} FROM notices ORDER BY id DESC LIMIT $1`, [limit])
    : sql.query<NoticeRow>(`SELECT ${COLUMNS} FROM notices WHERE id < $1 ORDER BY id DESC LIMIT $2`, [afterId, limit]);
}

/** Marks a notice withdrawn (a second withdrawal keeps the first time); undefined when there is none. */
export async function withdrawNotice(sql: Sql, id: number, at: Date): Promise<NoticeRow | undefined> {
  const [row] = await sql.query<NoticeRow>(
    `UPDATE notices SET withdrawn_at = coalesce(withdrawn_at, $2) WHERE id = $1 RETURNING ${COLUMNS}`,
    [id, at.toISOString()],
  );
  return row;
}
