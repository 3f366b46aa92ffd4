import type { CaseStatus } from '../../contracts/central-api';
import type { CaseDetail, CaseSearchQuery, CaseSearchResponse, CaseSummary } from '../../contracts/platform-console';
import type { Sql } from '../db/sql';
import { caseForConsole, searchCases, type CaseFilter, type CaseListRow } from '../store/case-search';
import { insertAudit } from '../store/district-audit';
import { historyOf } from '../store/change-feed';
import { complaintExists } from '../store/complaints';
import type { CaseService, TransitionOutcome } from './case-service';
import { allowedTransitions } from './transitions';

/** The start of an Asia/Shanghai day (`YYYY-MM-DD`): the district has one zone, UTC+8 all year. */
export function shanghaiDayStart(day: string): Date {
  return new Date(`${day}T00:00:00+08:00`);
}

/** The start of the day after. */
export function shanghaiDayEnd(day: string): Date {
  return new Date(shanghaiDayStart(day).getTime() + 86_400_000);
}

/** The surname and a star per other character: who the case is, without naming them. */
export function maskApplicantName(name: string): string {
  const chars = [...name.trim()];
  return chars.length === 0 ? '*' : `${chars[0] ?? ''}${'*'.repeat(Math.max(1, chars.length - 1))}`;
}

function summaryOf(row: CaseListRow): CaseSummary {
  return {
    caseNumber: row.caseNumber,
    hallId: row.hallId,
    itemCode: row.itemCode,
    itemName: row.itemName,
    status: row.status,
    receivedAt: row.receivedAt.toISOString(),
    ...(row.expectedCompletion === null ? {} : { expectedCompletion: row.expectedCompletion }),
  };
}

export type ConsoleTransition = { kind: 'ok'; detail: CaseDetail } | Exclude<TransitionOutcome, { kind: 'ok' }>;

/**
 * The console's view of every hall's cases: search (keyset pages, newest first), one case with
 * its history, and status changes through the case service's one lifecycle and transaction
 * (the same rules and change feed the admin route and the halls see).
 */
export class ConsoleCaseService {
  constructor(
    private readonly sql: Sql,
    private readonly cases: CaseService,
    private readonly now: () => Date,
  ) {}

  async search(query: CaseSearchQuery): Promise<CaseSearchResponse> {
    const filter: CaseFilter = {
      ...(query.caseNumber === undefined ? {} : { caseNumberPrefix: query.caseNumber }),
      ...(query.itemCode === undefined ? {} : { itemCode: query.itemCode }),
      ...(query.hallId === undefined ? {} : { hallId: query.hallId }),
      ...(query.status === undefined ? {} : { status: query.status }),
      ...(query.from === undefined ? {} : { receivedFrom: shanghaiDayStart(query.from) }),
      ...(query.to === undefined ? {} : { receivedBefore: shanghaiDayEnd(query.to) }),
      ...(query.after === undefined ? {} : { after: query.after }),
    };
    // One row more than the page: whether there is a next page, without counting the matches.
    const rows = await searchCases(this.sql, filter, query.limit + 1);
    const page = rows.slice(0, query.limit);
    return { cases: page.map(summaryOf), next: rows.length > query.limit ? (page.at(-1)?.caseNumber ?? null) : null };
  }

  async detail(caseNumber: string): Promise<CaseDetail | undefined> {
    const row = await caseForConsole(this.sql, caseNumber);
    if (row === undefined) return undefined;
    const history = await historyOf(this.sql, caseNumber);
    // A complaint's case moves through its complaint's actions only (CaseService.setStatus).
    const complaint = await complaintExists(this.sql, caseNumber);
    return {
      ...summaryOf(row),
      terminalId: row.terminalId,
      applicantMasked: maskApplicantName(row.applicantName),
      statusHistory: history.map((h) => ({
        status: h.status,
        at: h.at.toISOString(),
        ...(h.note === null ? {} : { note: h.note }),
      })),
      nextStatuses: complaint ? [] : [...allowedTransitions[row.status]],
      complaint,
    };
  }

  /** The change and its audit row (who, from what, to what, the note) in one transaction. */
  async setStatus(caseNumber: string, status: CaseStatus, note: string | undefined, actor: string): Promise<ConsoleTransition> {
    const now = this.now();
    const outcome = await this.cases.setStatus(caseNumber, status, note, (tx, record) =>
      insertAudit(tx, {
        at: now,
        actor,
        action: 'case.status',
        subject: caseNumber,
        detail: { from: record.statusHistory.at(-2)?.status ?? null, to: status, note: note ?? null },
      }),
    );
    if (outcome.kind !== 'ok') return outcome;
    const detail = await this.detail(caseNumber);
    if (detail === undefined) throw new Error(`case ${caseNumber} vanished after its status change`);
    return { kind: 'ok', detail };
  }
}
