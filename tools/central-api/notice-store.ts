import type { Db } from '../../db/open';
import type { CreateNoticeRequest, Notice } from '../../contracts/central-api';

interface NoticeRow {
  id: number;
  hall_id: string | null;
  title: string;
  body: string;
  published_at: string;
  starts_at: string;
  ends_at: string | null;
}

function toNotice(row: NoticeRow): Notice {
  return {
    id: String(row.id),
    ...(row.hall_id === null ? {} : { hallId: row.hall_id }),
    title: row.title,
    body: row.body,
    publishedAt: row.published_at,
    startsAt: row.starts_at,
    ...(row.ends_at === null ? {} : { endsAt: row.ends_at }),
  };
}

/** Normalised to UTC `...Z` so that SQL string comparison orders instants correctly. */
const utc = (iso: string): string => new Date(iso).toISOString();

/** Notices (通知公告) for one hall or (hall_id NULL) for every hall. */
export class NoticeStore {
  private readonly insert;
  private readonly forHall;
  private readonly currentForHall;

  constructor(
    db: Db,
    private readonly now: () => Date,
  ) {
    this.insert = db.prepare(
      `INSERT INTO notices (hall_id, title, body, published_at, starts_at, ends_at)
       VALUES (@hallId, @title, @body, @publishedAt, @startsAt, @endsAt) RETURNING *`,
    );
    const hall = '(hall_id IS NULL OR hall_id = @hall)';
    this.forHall = db.prepare(`SELECT * FROM notices WHERE ${hall} ORDER BY published_at DESC, id DESC`);
    this.currentForHall = db.prepare(
      `SELECT * FROM notices WHERE ${hall} AND starts_at <= @now AND (ends_at IS NULL OR ends_at > @now)
       ORDER BY published_at DESC, id DESC`,
    );
  }

  create(request: CreateNoticeRequest): Notice {
    const row = this.insert.get({
      hallId: request.hallId ?? null,
      title: request.title,
      body: request.body,
      publishedAt: this.now().toISOString(),
      startsAt: utc(request.startsAt),
      endsAt: request.endsAt === undefined ? null : utc(request.endsAt),
    }) as NoticeRow;
    return toNotice(row);
  }

  /** Current notices (started, not yet ended), or every notice of the hall with `all`. */
  list(hallId: string, all: boolean): Notice[] {
    const rows = all
      ? this.forHall.all({ hall: hallId })
      : this.currentForHall.all({ hall: hallId, now: this.now().toISOString() });
    return (rows as NoticeRow[]).map(toNotice);
  }
}
