import type { CreateNoticeRequest, Notice } from '../../contracts/central-api';
import type { Sql } from '../db/sql';
import { hallById } from '../store/halls';
import { insertNotice, noticesForHall, type NoticeRow } from '../store/notices';

function toNotice(row: NoticeRow): Notice {
  return {
    id: String(row.id),
    ...(row.hallId === null ? {} : { hallId: row.hallId }),
    title: row.title,
    body: row.body,
    publishedAt: row.publishedAt.toISOString(),
    startsAt: row.startsAt.toISOString(),
    ...(row.endsAt === null ? {} : { endsAt: row.endsAt.toISOString() }),
  };
}

/** Notices (通知公告) for one hall or (no hall) for every hall; current while `startsAt <= now < endsAt`. */
export class NoticeService {
  constructor(
    private readonly sql: Sql,
    private readonly now: () => Date,
  ) {}

  /** Publishes to a registered hall or to every hall; `undefined` when the hall named is not registered. */
  async create(request: CreateNoticeRequest): Promise<Notice | undefined> {
    if (request.hallId !== undefined && (await hallById(this.sql, request.hallId)) === undefined) return undefined;
    const row = await insertNotice(this.sql, {
      hallId: request.hallId ?? null,
      title: request.title,
      body: request.body,
      publishedAt: this.now(),
      startsAt: new Date(request.startsAt),
      endsAt: request.endsAt === undefined ? null : new Date(request.endsAt),
    });
    return toNotice(row);
  }

  /** Current notices (started, not yet ended), or every notice of the hall with `all`. */
  async list(hallId: string, all: boolean): Promise<Notice[]> {
    return (await noticesForHall(this.sql, hallId, all ? undefined : this.now())).map(toNotice);
  }
}
