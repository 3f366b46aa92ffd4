import type {
  CreateCaseBatchRequest,
  CaseChange,
  CaseStatus,
  CaseStatusRecord,
  CreateCaseRequest,
  StatusHistoryEntry,
} from '../../contracts/central-api';
import type { CreateCaseResponse } from '../../contracts/central-api';
import type { Sql } from '../db/sql';
import { caseByNumber, updateCaseStatus, type CaseRow } from '../store/cases';
import { appendChange, hallChangesSince, historyOf } from '../store/change-feed';
import { complaintExists } from '../store/complaints';
import { CaseIntake, type CaseIntakeOutcome, type ComplaintCaseIntake } from './case-intake';
import { addWorkingDays, shanghaiDate } from './case-number';
import type { IdempotentOutcome } from './idempotent-write';
import { allowedTransitions, canTransition } from './transitions';

export type TransitionOutcome =
  | { kind: 'ok'; record: CaseStatusRecord }
  | { kind: 'not_found' }
  | { kind: 'invalid'; from: CaseStatus; allowed: readonly CaseStatus[] }
  /** A 营商诉求's case: it moves only through the complaint's actions, which keep its status. */
  | { kind: 'complaint' };

export interface CaseServiceOptions {
  now: () => Date;
  /** Working days from acceptance (受理) to the promised completion date. */
  promisedWorkingDays: number;
  /** 营商诉求 cases become complaints at intake (services/complaint-registration.ts). */
  complaints?: ComplaintCaseIntake;
}

/** Cases: intake (idempotent), numbering, the lifecycle an operator drives, and the changes feed. */
export class CaseService {
  private readonly intake: CaseIntake;

  constructor(
    private readonly sql: Sql,
    private readonly options: CaseServiceOptions,
  ) {
    this.intake = new CaseIntake(sql, options.now, options.complaints);
  }

  /**
   * Creates a case, or answers with the one this Idempotency-Key already created (its current
   * status), or a conflict when the key came with another body (see CaseIntake).
   */
  async createCase(key: string, request: CreateCaseRequest): Promise<IdempotentOutcome<CreateCaseResponse>> {
    const [result] = (await this.intake.create(request.hallId, [{ idempotencyKey: key, case: request }])).body.results;
    if (result === undefined) throw new Error('the intake answered no result for one case');
    return result.outcome === 'conflict' ? { kind: 'conflict' } : { kind: result.outcome, result: result.case };
  }

  /** Up to CASE_BATCH_MAX cases of one hall, each as `createCase` would take it under its key. */
  createCases(batch: CreateCaseBatchRequest): Promise<CaseIntakeOutcome> {
    return this.intake.create(batch.hallId, batch.cases);
  }

  /** A case the hall submitted; another hall's reads as unknown, so case numbers cannot be probed. */
  async getCase(hallId: string, caseNumber: string): Promise<CaseStatusRecord | undefined> {
    const row = await caseByNumber(this.sql, caseNumber);
    return row?.hallId === hallId ? this.statusRecord(this.sql, row) : undefined;
  }

  /**
   * Moves a case along the lifecycle: the row is locked, checked, changed and its change appended
   * in one transaction. A complaint's case is refused: its status is the complaint's public
   * steps' (complaint-action-service.ts), and a status set here would show the enterprise a
   * step the complaint never took and leave its deadlines and figures behind. `alongside` runs in that transaction after the change (the console's
   * audit row): it commits with the change or not at all.
   */
  setStatus(
    caseNumber: string,
    status: CaseStatus,
    note: string | undefined,
    alongside?: (tx: Sql, record: CaseStatusRecord) => Promise<void>,
  ): Promise<TransitionOutcome> {
    return this.sql.transaction(async (tx): Promise<TransitionOutcome> => {
      const row = await caseByNumber(tx, caseNumber, true);
      if (!row) return { kind: 'not_found' };
      if (await complaintExists(tx, caseNumber)) return { kind: 'complaint' };
      if (!canTransition(row.status, status))
        return { kind: 'invalid', from: row.status, allowed: allowedTransitions[row.status] };
      const now = this.options.now();
      // The promise date is fixed when the case is first accepted (受理), as the hall prints it.
      const expected =
        status === 'accepted' && row.expectedCompletion === null
          ? addWorkingDays(shanghaiDate(now), this.options.promisedWorkingDays)
          : null;
      const updated = await updateCaseStatus(tx, caseNumber, status, expected);
      await appendChange(tx, row.hallId, { caseNumber, status, note: note ?? null, at: now });
      const record = await this.statusRecord(tx, updated);
      // After appendChange, whose hall lock is held to the commit anyway: one more short insert.
      if (alongside) await alongside(tx, record);
      return { kind: 'ok', record };
    });
  }

  /** Status changes of the hall's cases after `since`, oldest first. */
  async changesSince(hallId: string, since: number, limit: number): Promise<CaseChange[]> {
    const rows = await hallChangesSince(this.sql, hallId, since, limit);
    return rows.map((row) => ({
      cursor: String(row.cursor),
      caseNumber: row.caseNumber,
      status: row.status,
      at: row.at.toISOString(),
      ...(row.note === null ? {} : { note: row.note }),
    }));
  }

  private async statusRecord(sql: Sql, row: CaseRow): Promise<CaseStatusRecord> {
    const history = await historyOf(sql, row.caseNumber);
    return {
      caseNumber: row.caseNumber,
      itemCode: row.itemCode,
      itemName: row.itemName,
      status: row.status,
      statusHistory: history.map((h): StatusHistoryEntry => ({
        status: h.status,
        at: h.at.toISOString(),
        ...(h.note === null ? {} : { note: h.note }),
      })),
      ...(row.expectedCompletion === null ? {} : { expectedCompletion: row.expectedCompletion }),
    };
  }
}
