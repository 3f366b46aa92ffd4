import type { Db } from '../open';
import { prepared } from '../statement-cache';

/** A row of `notices` with its targets. Times are ISO-8601 UTC instants (toISOString). */
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
  audience: 'all' | 'chosen';
  /** The chosen screens ('hall' or terminal ids), sorted; empty for audience 'all'. */
  targets: string[];
  editedAt: string | null;
  editedBy: string | null;
}

export type CentralNoticeRow = Pick<StoredNotice, 'id' | 'title' | 'body' | 'publishedAt' | 'startsAt' | 'endsAt'>;
/** A hall notice as written: its screens are `targets` when given, everywhere when left out. */
export type LocalNoticeRow = CentralNoticeRow & { createdBy: string; targets?: readonly string[] | null };

/** What an edit of a hall notice replaces (targets null: everywhere). */
export interface NoticeEdit {
  title: string;
  body: string;
  startsAt: string;
  endsAt: string | null;
  targets: readonly string[] | null;
  editedAt: string;
  editedBy: string;
}

// The table name, not an alias, qualifies the id: the targets' subquery is correlated on it.
const COLUMNS = `notices.id AS id, source, title, body, published_at AS publishedAt, starts_at AS startsAt,
  ends_at AS endsAt, withdrawn_at AS withdrawnAt, created_by AS createdBy, audience, edited_at AS editedAt,
  edited_by AS editedBy,
  (SELECT json_group_array(target) FROM notice_targets WHERE notice_id = notices.id) AS targets`;

type RawNotice = Omit<StoredNotice, 'targets'> & { targets: string };

function toStored(raw: RawNotice): StoredNotice {
  return { ...raw, targets: (JSON.parse(raw.targets) as string[]).sort() };
}
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

/** A hall notice and its screens; call inside the transaction that audits it. */
export function insertLocalNotice(db: Db, notice: LocalNoticeRow): void {
  const targets = notice.targets ?? null;
  prepared(
    db,
    `INSERT INTO notices (id, source, title, body, published_at, starts_at, ends_at, created_by, audience)
     VALUES (@id, 'local', @title, @body, @publishedAt, @startsAt, @endsAt, @createdBy, @audience)`,
  ).run({
    id: notice.id,
    title: notice.title,
    body: notice.body,
    publishedAt: notice.publishedAt,
    startsAt: notice.startsAt,
    endsAt: notice.endsAt,
    createdBy: notice.createdBy,
    audience: targets === null ? 'all' : 'chosen',
  });
  writeTargets(db, notice.id, targets ?? []);
}

/**
 * Replaces a hall notice's text, time window and screens; false when it is not a hall notice
 * still showing or to show (withdrawn ones are history). Call inside the transaction that audits it.
 */
export function editLocalNotice(db: Db, id: string, edit: NoticeEdit): boolean {
  const changed = prepared(
    db,
    `UPDATE notices SET title = @title, body = @body, starts_at = @startsAt, ends_at = @endsAt, audience = @audience,
       edited_at = @editedAt, edited_by = @editedBy
     WHERE id = @id AND source = 'local' AND withdrawn_at IS NULL`,
  ).run({
    id,
    title: edit.title,
    body: edit.body,
    startsAt: edit.startsAt,
    endsAt: edit.endsAt,
    audience: edit.targets === null ? 'all' : 'chosen',
    editedAt: edit.editedAt,
    editedBy: edit.editedBy,
  }).changes;
  if (changed !== 1) return false;
  prepared(db, 'DELETE FROM notice_targets WHERE notice_id = ?').run(id);
  writeTargets(db, id, edit.targets ?? []);
  return true;
}

function writeTargets(db: Db, id: string, targets: readonly string[]): void {
  const insert = prepared(db, 'INSERT OR IGNORE INTO notice_targets (notice_id, target) VALUES (?, ?)');
  for (const target of targets) insert.run(id, target);
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
  const raw = prepared(db, `SELECT ${COLUMNS} FROM notices WHERE id = ?`).get(id) as RawNotice | undefined;
  return raw && toStored(raw);
}

const SHOWING = 'withdrawn_at IS NULL AND starts_at <= @now AND (ends_at IS NULL OR ends_at > @now)';

/**
 * The notices showing at `now` on any screen: started (inclusive), not ended (exclusive), not
 * withdrawn; newest first.
 */
export function currentNotices(db: Db, now: string): StoredNotice[] {
  return (prepared(db, `SELECT ${COLUMNS} FROM notices WHERE ${SHOWING} ${NEWEST_FIRST}`).all({ now }) as RawNotice[]).map(
    toStored,
  );
}

/**
 * The notices showing at `now` on one screen: those for every screen, and those that chose
 * `target` ('hall' or a terminal id; null: a screen no notice can choose, e.g. a counter PC).
 */
export function currentNoticesFor(db: Db, now: string, target: string | null): StoredNotice[] {
  return (
    prepared(
      db,
      `SELECT ${COLUMNS} FROM notices
        WHERE ${SHOWING}
          AND (audience = 'all' OR EXISTS (SELECT 1 FROM notice_targets t WHERE t.notice_id = notices.id AND t.target = @target))
        ${NEWEST_FIRST}`,
    ).all({ now, target }) as RawNotice[]
  ).map(toStored);
}

/** Every notice, past, future and withdrawn ones too, for supervisors; newest first. */
export function allNotices(db: Db): StoredNotice[] {
  return (prepared(db, `SELECT ${COLUMNS} FROM notices ${NEWEST_FIRST}`).all() as RawNotice[]).map(toStored);
}

/** `limit` notices of every kind, newest first, from `offset`: a page of the supervisors' list. */
export function allNoticesPage(db: Db, page: { limit: number; offset: number }): StoredNotice[] {
  return (
    prepared(db, `SELECT ${COLUMNS} FROM notices ${NEWEST_FIRST} LIMIT ? OFFSET ?`).all(page.limit, page.offset) as RawNotice[]
  ).map(toStored);
}

/** A paired terminal a notice may show on (a hall TV or a secondary kiosk). */
export interface NoticeTerminalRow {
  id: string;
  name: string;
  kind: 'display' | 'host';
  revoked: boolean;
}

type RawNoticeTerminal = Omit<NoticeTerminalRow, 'revoked'> & { revoked: number };
const toTerminal = ({ revoked, ...row }: RawNoticeTerminal): NoticeTerminalRow => ({ ...row, revoked: revoked === 1 });
const TERMINAL_COLUMNS = 'id, name, kind, revoked_at IS NOT NULL AS revoked';

/** The live hall TVs and secondary kiosks, by name: a page of what a notice may choose. */
export function noticeTerminalsPage(db: Db, page: { limit: number; offset: number }): NoticeTerminalRow[] {
  return (
    prepared(
      db,
      `SELECT ${TERMINAL_COLUMNS} FROM terminals WHERE kind IN ('display', 'host') AND revoked_at IS NULL
        ORDER BY name, id LIMIT ? OFFSET ?`,
    ).all(page.limit, page.offset) as RawNoticeTerminal[]
  ).map(toTerminal);
}

/** The terminals of these ids that a notice may name (hall TVs and secondary kiosks, revoked ones too). */
export function noticeTerminalsByIds(db: Db, ids: readonly string[]): NoticeTerminalRow[] {
  if (ids.length === 0) return [];
  return (
    prepared(
      db,
      `SELECT ${TERMINAL_COLUMNS} FROM terminals WHERE kind IN ('display', 'host') AND id IN (SELECT value FROM json_each(?))
        ORDER BY name, id`,
    ).all(JSON.stringify(ids)) as RawNoticeTerminal[]
  ).map(toTerminal);
}
