import { DeadlineStage, NoticeKind } from '../../contracts/complaint-deadlines';
import { InboxQuery, type InboxItem, type InboxResponse } from '../../contracts/platform-inbox';
import type { Sql } from '../db/sql';
import { inboxItems, markAllInboxItemsRead, markInboxItemRead, unreadCount, type InboxRow } from '../store/notice-inbox';

/**
 * A person's console inbox: their notices newest first, the unread count, marking read. Every
 * operation takes the person whose inbox it is, and the store finds items by person and id
 * together, so nobody reads or marks another's item.
 */
export class NoticeInboxService {
  constructor(
    private readonly sql: Sql,
    private readonly now: () => Date,
  ) {}

  async list(personId: string, query: InboxQuery = InboxQuery.parse({})): Promise<InboxResponse> {
    const { unread, limit, after } = query;
    const rows = await inboxItems(this.sql, personId, {
      unreadOnly: unread,
      beforeId: after === undefined ? undefined : Number(after),
      limit: limit + 1,
    });
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      items: page.map(itemOf),
      next: rows.length > limit && last !== undefined ? String(last.id) : null,
      unread: await unreadCount(this.sql, personId),
    };
  }

  unread(personId: string): Promise<number> {
    return unreadCount(this.sql, personId);
  }

  /** The item, read; undefined when the person has no item of that id. */
  async markRead(personId: string, itemId: string): Promise<InboxItem | undefined> {
    const row = await markInboxItemRead(this.sql, personId, Number(itemId), this.now());
    return row === undefined ? undefined : itemOf(row);
  }

  markAllRead(personId: string): Promise<number> {
    return markAllInboxItemsRead(this.sql, personId, this.now());
  }
}

function itemOf(row: InboxRow): InboxItem {
  return {
    id: String(row.id),
    complaintNumber: row.complaintNumber,
    kind: NoticeKind.parse(row.kind),
    stage: DeadlineStage.parse(row.stage),
    dueAt: row.dueAt.toISOString(),
    subject: row.subject,
    body: row.body,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  };
}
