import type { Sql } from '../db/sql';
import { insertInboxItem } from '../store/notice-inbox';
import type { Delivery, NoticeChannel, Reach } from './notice';

/**
 * The console inbox as a channel: every person on the desk has one, so it always reaches them.
 * Delivering writes the item (once per person and notice: a retried delivery finds it there).
 */
export class InboxChannel implements NoticeChannel {
  readonly name = 'inbox';

  constructor(
    private readonly sql: Sql,
    private readonly now: () => Date,
  ) {}

  reach(): Reach {
    return { reachable: true, address: null };
  }

  async deliver(delivery: Delivery): Promise<void> {
    await insertInboxItem(this.sql, {
      personId: delivery.personId,
      noticeKey: delivery.noticeKey,
      complaintNumber: delivery.complaintNumber,
      kind: delivery.kind,
      stage: delivery.stage,
      dueAt: delivery.dueAt,
      subject: delivery.subject,
      body: delivery.body,
      createdAt: this.now(),
    });
  }
}
