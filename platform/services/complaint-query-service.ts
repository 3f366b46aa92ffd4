import { complaintStageOf, type Complaint } from '../../contracts/complaints';
import type {
  ComplaintListQuery,
  ComplaintListResponse,
  ComplaintPage,
  StoredComplaint,
} from '../../contracts/platform-complaints';
import type { Sql } from '../db/sql';
import { searchComplaints } from '../store/complaint-search';
import { openComplaintRows } from '../store/complaints';
import { suggestDispatch } from './complaint-dispatch';
import { stageDeadlines, supervisionOrders } from './complaint-deadlines';
import type { ComplaintDirectoryService } from './complaint-directory-service';
import { duplicatesOf } from './complaint-duplicate-lookup';
import { complaintsOf, loadComplaint } from './complaint-records';
import type { ComplaintSettings } from './complaint-settings';

/** What the console reads of complaints, and what the notifier sweeps. */
export class ComplaintQueryService {
  constructor(
    private readonly sql: Sql,
    private readonly directory: ComplaintDirectoryService,
    private readonly settings: ComplaintSettings,
    private readonly now: () => Date,
  ) {}

  /** The work list, newest first, in keyset pages. */
  async list(query: ComplaintListQuery): Promise<ComplaintListResponse> {
    const now = this.now();
    const rows = await searchComplaints(
      this.sql,
      {
        state: query.state,
        unit: query.unit,
        channel: query.channel,
        overdueAt: query.overdue === true ? now : undefined,
        text: query.text,
        after: query.after,
      },
      query.limit + 1,
    );
    const page = rows.slice(0, query.limit);
    return {
      complaints: page.map((row) => ({
        number: row.number,
        channel: row.channel,
        enterpriseName: row.enterpriseName,
        topic: row.topic,
        area: row.area,
        state: row.state,
        stage: complaintStageOf(row.state),
        leadUnit: row.leadUnit,
        registeredAt: row.registeredAt.toISOString(),
        closeDueAt: row.closeDueAt.toISOString(),
        stageDueAt: row.stageDueAt?.toISOString() ?? null,
        overdue: row.stageDueAt !== null && row.stageDueAt < now,
      })),
      next: rows.length > query.limit ? (page.at(-1)?.number ?? null) : null,
    };
  }

  /** A complaint's page: history, deadlines, open 督办单, duplicates and dispatch suggestions. */
  async page(number: string): Promise<ComplaintPage | undefined> {
    const loaded = await loadComplaint(this.sql, number);
    if (loaded === undefined) return undefined;
    const { complaint } = loaded;
    const { deadlines, dispatchRules } = await this.settings.current();
    return {
      complaint,
      deadlines: stageDeadlines(complaint, deadlines),
      openSupervisionOrders: supervisionOrders(complaint, deadlines, this.now().toISOString()).filter(
        (order) => order.resolvedAt === null,
      ),
      duplicates: await duplicatesOf(this.sql, complaint),
      suggestions: suggestDispatch(complaint, dispatchRules, await this.directory.units()),
    };
  }

  /** Every complaint not in a final state, whole (the notifier's deadline sweep). */
  async openComplaints(): Promise<Complaint[]> {
    const stored: StoredComplaint[] = await complaintsOf(this.sql, await openComplaintRows(this.sql));
    return stored;
  }
}
