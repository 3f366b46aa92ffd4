import type { AuditSearchQuery, AuditSearchResult } from '../../contracts/audit-search';
import { pageOf } from '../../contracts/page';
import type { Db } from '../../db/open';
import { searchAudit } from '../../db/repositories/audit';
import { addDays, zonedInstant } from '../queue/schedule';

/**
 * The manager console's search of the audit log, newest first: hall-local days from–to
 * (inclusive: from the first day's local midnight to the midnight after the last, each with its
 * own offset), who acted (staff number), which action or kind of action, on what (a ticket
 * number, or one of the entry's facts exactly), paged. The filters' shapes are checked by the
 * contract (a typed 400 before this runs).
 */
export class AuditSearch {
  constructor(private readonly o: { db: Db; timeZone: string }) {}

  search(query: AuditSearchQuery): AuditSearchResult {
    const rows = searchAudit(this.o.db, {
      fromAt: query.from === undefined ? null : zonedInstant(query.from, 0, this.o.timeZone).toISOString(),
      toAt: query.to === undefined ? null : zonedInstant(addDays(query.to, 1), 0, this.o.timeZone).toISOString(),
      staffNo: query.staffNo ?? null,
      action: query.action ?? null,
      target: query.target ?? null,
      limit: query.limit + 1,
      offset: query.offset,
    });
    const { rows: entries, next } = pageOf(rows, query);
    return { entries, next };
  }
}
