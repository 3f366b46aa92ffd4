import type { Sql } from '../db/sql';

export interface NoticeRow {
  id: number;
  hallId: string | null;
  title: string;
  body: string;
  publishedAt: Date;
  startsAt: Date;
  endsAt: Date | null;
}

const COLUMNS = `id, hall_id AS "hallId", title, body, published_at AS "publishedAt", starts_at AS "startsAt",
  ends_at AS "endsAt"`;

export async function insertNotice(sql: Sql, notice: Omit<NoticeRow, 'id'>): Promise<NoticeRow> {
  const [row] = await sql.query<NoticeRow>(
    `INSERT INTO notices (hall_id, title, body, published_at, starts_at, ends_at)
     VALUES ($1, $2, $3, $4, $5, $6)
     RETURNING ${COLUMNS}`,
    [
      notice.hallId,
      notice.title,
      notice.body,
      notice.publishedAt.toISOString(),
      notice.startsAt.toISOString(),
      notice.endsAt?.toISOString() ?? null,
    ],
  );
  if (row === undefined) throw new Error('the notice insert returned nothing');
  return row;
}

/**
 * A hall's notices and those for every hall, newest publication first: all of them, or with
 * `currentAt` only those started and not yet ended at that instant.
 */
export function noticesForHall(sql: Sql, hallId: string, currentAt: Date | undefined): Promise<NoticeRow[]> {
  const hall = '(hall_id IS NULL OR hall_id = $1)';
  return currentAt === undefined
    ? sql.query<NoticeRow>(`SELECT ${COLUMNS} FROM notices WHERE ${hall} ORDER BY published_at DESC, id DESC`, [hallId])
    : sql.query<NoticeRow>(
        `SELECT ${COLUMNS} FROM notices WHERE ${hall} AND starts_at <= $2 AND (ends_at IS NULL OR ends_at > $2)
         ORDER BY published_at DESC, id DESC`,
        [hallId, currentAt.toISOString()],
      );
}
