import type { Db } from '../open';
import { prepared } from '../statement-cache';

/** A row of `notices`. Times are ISO-8601 UTC instants (toISOString). */
export interface StoredNotice {
  id: string;
  source: 'central' | 'local';
  title: string;
  body: string;
  publishedAt: string;
  startsAt: string;
  endsAt: string | null;
  withdrawnAt: string | null;
  createdBy: string | null;
}

export type CentralNoticeRow = Pick<StoredNotice, 'id' | 'title' | 'body' | 'publishedAt' | 'startsAt' | 'endsAt'>;
export type LocalNoticeRow = CentralNoticeRow & { createdBy: string };

const COLUMNS = `id, source, title, body, published_at AS publishedAt, starts_at AS startsAt, ends_at AS endsAt,
  withdrawn_at AS withdrawnAt, created_by AS createdBy`;
// rowid breaks ties of the same instant by insertion order, so the newest still comes first.
const NEWEST_FIRST = 'ORDER BY published_at DESC, rowid DESC';

/**
 * Makes the cached central set exactly `notices` (the latest pull): central notices missing from
 * it are gone (the central API withdrew them), local ones are untouched. One transaction, so a
 * screen never reads half a replacement.
 */
export function replaceCentralNotices(db: Db, notices: readonly CentralNoticeRow[], fetchedAt: string): void {
  db.transaction(() => {
    prepared(db, `DELETE FROM notices WHERE source = 'central' AND id NOT IN (SELECT value FROM json_each(?))`).run(
      JSON.stringify(notices.map((n) => n.id)),
    );
    // The WHERE keeps a local notice that happens to share a central id from being overwritten.
    const upsert = prepared(
      db,
      `INSERT INTO notices (id, source, title, body, published_at, starts_at, ends_at)
       VALUES (@id, 'central', @title, @body, @publishedAt, @startsAt, @endsAt)
       ON CONFLICT (id) DO UPDATE SET title = excluded.title, body = excluded.body, published_at = excluded.published_at,
         starts_at = excluded.starts_at, ends_at = excluded.ends_at
       WHERE notices.source = 'central'`,
    );
    for (const n of notices) {
      upsert.run({ id: n.id, title: n.title, body: n.body, publishedAt: n.publishedAt, startsAt: n.startsAt, endsAt: n.endsAt });
    }
    prepared(
      db,
      'INSERT INTO notice_pulls (id, fetched_at) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET fetched_at = excluded.fetched_at',
    ).run(fetchedAt);
  })();
}

/** When the central set was last fetched, or null if it never was. */
export function lastNoticePull(db: Db): string | null {
  const row = prepared(db, 'SELECT fetched_at AS fetchedAt FROM notice_pulls WHERE id = 1').get() as
    { fetchedAt: string } | undefined;
  return row?.fetchedAt ?? null;
}

export function insertLocalNotice(db: Db, notice: LocalNoticeRow): void {
  prepared(
    db,
    `INSERT INTO notices (id, source, title, body, published_at, starts_at, ends_at, created_by)
     VALUES (@id, 'local', @title, @body, @publishedAt, @startsAt, @endsAt, @createdBy)`,
  ).run(notice);
}

/** Marks a local notice withdrawn; false when it is not a local notice or already withdrawn. */
export function withdrawLocalNotice(db: Db, id: string, at: string): boolean {
  const result = prepared(
    db,
    `UPDATE notices SET withdrawn_at = ? WHERE id = ? AND source = 'local' AND withdrawn_at IS NULL`,
  ).run(at, id);
  return result.changes === 1;
}

export function noticeById(db: Db, id: string): StoredNotice | undefined {
  return prepared(db, `SELECT ${COLUMNS} FROM notices WHERE id = ?`).get(id) as StoredNotice | undefined;
}

/** The notices showing at `now`: started (inclusive), not ended (exclusive), not withdrawn; newest first. */
export function currentNotices(db: Db, now: string): StoredNotice[] {
  return prepared(
    db,
    `SELECT ${COLUMNS} FROM notices
      WHERE withdrawn_at IS NULL AND starts_at <= @now AND (ends_at IS NULL OR ends_at > @now)
      ${NEWEST_FIRST}`,
  ).all({ now }) as StoredNotice[];
}

/** Every notice, past, future and withdrawn ones too, for supervisors; newest first. */
export function allNotices(db: Db): StoredNotice[] {
  return prepared(db, `SELECT ${COLUMNS} FROM notices ${NEWEST_FIRST}`).all() as StoredNotice[];
}

/** `limit` notices of every kind, newest first, from `offset`: a page of the supervisors' list. */
export function allNoticesPage(db: Db, page: { limit: number; offset: number }): StoredNotice[] {
  return prepared(db, `SELECT ${COLUMNS} FROM notices ${NEWEST_FIRST} LIMIT ? OFFSET ?`).all(
    page.limit,
    page.offset,
  ) as StoredNotice[];
}
