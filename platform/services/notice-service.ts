import type { CreateNoticeRequest, Notice } from '../../contracts/central-api';
import type { ConsoleNotice, ConsoleNoticesResponse, CreateConsoleNoticeRequest } from '../../contracts/platform-console';
import type { Sql } from '../db/sql';
import { insertAudit } from '../store/district-audit';
import { hallById, unregisteredHalls } from '../store/halls';
import { allNotices, insertNotice, noticesForHall, withdrawNotice, type NoticeRow } from '../store/notices';

/** A notice as a hall reads it; one to some halls names the hall reading it. */
function toNotice(row: NoticeRow, readingHall: string | undefined): Notice {
  const hallId = row.hallId ?? (row.hallIds === null ? undefined : readingHall);
  return {
    id: String(row.id),
    ...(hallId === undefined ? {} : { hallId }),
    title: row.title,
    body: row.body,
    publishedAt: row.publishedAt.toISOString(),
    startsAt: row.startsAt.toISOString(),
    ...(row.endsAt === null ? {} : { endsAt: row.endsAt.toISOString() }),
  };
}

function toConsoleNotice(row: NoticeRow): ConsoleNotice {
  return {
    id: String(row.id),
    hallIds: row.hallId === null ? row.hallIds : [row.hallId],
    title: row.title,
    body: row.body,
    publishedAt: row.publishedAt.toISOString(),
    startsAt: row.startsAt.toISOString(),
    ...(row.endsAt === null ? {} : { endsAt: row.endsAt.toISOString() }),
    ...(row.withdrawnAt === null ? {} : { withdrawnAt: row.withdrawnAt.toISOString() }),
    ...(row.publishedBy === null ? {} : { publishedBy: row.publishedBy }),
  };
}

export type PublishResult = { kind: 'published'; notice: ConsoleNotice } | { kind: 'unknown_halls'; hallIds: string[] };

/**
 * Notices (通知公告) for one hall, some halls or every hall; current while `startsAt <= now <
 * endsAt` and not withdrawn. A withdrawn notice leaves the halls at their next pull: the hosts
 * replace their cached central set with what the platform serves.
 */
export class NoticeService {
  constructor(
    private readonly sql: Sql,
    private readonly now: () => Date,
  ) {}

  /** The operator route's notice, to a registered hall or to every hall; `undefined` when the hall named is not registered. */
  async create(request: CreateNoticeRequest): Promise<Notice | undefined> {
    if (request.hallId !== undefined && (await hallById(this.sql, request.hallId)) === undefined) return undefined;
    const row = await insertNotice(this.sql, {
      hallId: request.hallId ?? null,
      hallIds: null,
      title: request.title,
      body: request.body,
      publishedAt: this.now(),
      startsAt: new Date(request.startsAt),
      endsAt: request.endsAt === undefined ? null : new Date(request.endsAt),
      publishedBy: 'admin-token',
    });
    return toNotice(row, undefined);
  }

  /** Current notices (started, not yet ended), or every notice of the hall with `all`; never a withdrawn one. */
  async list(hallId: string, all: boolean): Promise<Notice[]> {
    return (await noticesForHall(this.sql, hallId, all ? undefined : this.now())).map((row) => toNotice(row, hallId));
  }

  /**
   * The console's notice, to every hall or to the halls named (each once); published to none when
   * a hall named is not registered (a mistyped id would otherwise reach nobody, unnoticed).
   */
  async publish(request: CreateConsoleNoticeRequest, publishedBy: string): Promise<PublishResult> {
    const now = this.now();
    const hallIds = request.hallIds === undefined ? null : [...new Set(request.hallIds)];
    const unknown = hallIds === null ? [] : await unregisteredHalls(this.sql, hallIds);
    if (unknown.length > 0) return { kind: 'unknown_halls', hallIds: unknown };
    return this.sql.transaction(async (tx) => {
      const row = await insertNotice(tx, {
        hallId: null,
        hallIds,
        title: request.title,
        body: request.body,
        publishedAt: now,
        startsAt: new Date(request.startsAt),
        endsAt: request.endsAt === undefined ? null : new Date(request.endsAt),
        publishedBy,
      });
      await insertAudit(tx, {
        at: now,
        actor: publishedBy,
        action: 'notice.publish',
        subject: `notice:${row.id}`,
        detail: { title: row.title, hallIds },
      });
      return { kind: 'published', notice: toConsoleNotice(row) };
    });
  }

  async page(afterId: number | undefined, limit: number): Promise<ConsoleNoticesResponse> {
    const rows = await allNotices(this.sql, afterId, limit + 1);
    const page = rows.slice(0, limit);
    return { notices: page.map(toConsoleNotice), next: rows.length > limit ? String(page.at(-1)?.id ?? '') : null };
  }

  async withdraw(id: number, actor: string): Promise<ConsoleNotice | undefined> {
    const now = this.now();
    return this.sql.transaction(async (tx) => {
      const row = await withdrawNotice(tx, id, now);
      if (row === undefined) return undefined;
      await insertAudit(tx, { at: now, actor, action: 'notice.withdraw', subject: `notice:${id}`, detail: { title: row.title } });
      return toConsoleNotice(row);
    });
  }
}
