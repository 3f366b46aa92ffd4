import type { Sql } from '../db/sql';

/**
 * The console inbox (`notice_inbox`, migration 006): each person's notices, newest first. Every
 * read and change names the person: an item is found only by its recipient, so another person's
 * item id reads as no item at all.
 */

export interface InboxRow {
  id: number;
  personId: string;
  noticeKey: string;
  complaintNumber: string;
  kind: string;
  stage: string;
  dueAt: Date;
  subject: string;
  body: string;
  createdAt: Date;
  readAt: Date | null;
}

export type NewInboxItem = Omit<InboxRow, 'id' | 'readAt'>;

const COLUMNS = `id, person_id AS "personId", notice_key AS "noticeKey", complaint_number AS "complaintNumber", kind, stage,
  due_at AS "dueAt", subject, body, created_at AS "createdAt", read_at AS "readAt"`;

/** Puts a notice in its recipient's inbox; a notice already there stays as it is (a retried delivery). */
export async function insertInboxItem(sql: Sql, item: NewInboxItem): Promise<void> {
  await sql.query(
    `INSERT INTO notice_inbox (person_id, notice_key, complaint_number, kind, stage, due_at, subject, body, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (person_id, notice_key) DO NOTHING`,
    [
      item.personId,
      item.noticeKey,
      item.complaintNumber,
      item.kind,
      item.stage,
      item.dueAt.toISOString(),
      item.subject,
      item.body,
      item.createdAt.toISOString(),
    ],
  );
}

/** Up to `limit` items of a person, newest first, below `beforeId` if given, unread ones only if asked. */
export function inboxItems(
  sql: Sql,
  personId: string,
  options: { unreadOnly: boolean; beforeId: number | undefined; limit: number },
): Promise<InboxRow[]> {
  const params: unknown[] = [personId];
  let where = 'person_id = $1';
  if (options.unreadOnly) where += ' AND read_at IS NULL';
  if (options.beforeId !== undefined) {
    params.push(options.beforeId);
    where += ` AND id < $${params.length}`;
  }
  params.push(options.limit);
  return sql.query<InboxRow>(
    `SELECT ${COLUMNS} FROM notice_inbox WHERE ${where} ORDER BY id DESC LIMIT $${params.length}`,
    params,
  );
}

export async function unreadCount(sql: Sql, personId: string): Promise<number> {
  const [row] = await sql.query<{ unread: number }>(
    `SELECT count(*)::int AS unread FROM notice_inbox WHERE person_id = $1 AND read_at IS NULL`,
    [personId],
  );
  return row?.unread ?? 0;
}

/** Marks one of the person's items read (first reading kept); undefined when the person has no such item. */
export async function markInboxItemRead(sql: Sql, personId: string, id: number, now: Date): Promise<InboxRow | undefined> {
  const [row] = await sql.query<InboxRow>(
    `UPDATE notice_inbox SET read_at = coalesce(read_at, $3) WHERE person_id = $1 AND id = $2 RETURNING ${COLUMNS}`,
    [personId, id, now.toISOString()],
  );
  return row;
}

/** Marks every unread item of the person read; how many were. */
export async function markAllInboxItemsRead(sql: Sql, personId: string, now: Date): Promise<number> {
  const rows = await sql.query<{ id: number }>(
    `UPDATE notice_inbox SET read_at = $2 WHERE person_id = $1 AND read_at IS NULL RETURNING id`,
    [personId, now.toISOString()],
  );
  return rows.length;
}
