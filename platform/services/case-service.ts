import type {
  CaseChange,
  CaseStatus,
  CaseStatusRecord,
  CreateCaseRequest,
  StatusHistoryEntry,
} from '../../contracts/central-api';
import { CreateCaseResponse } from '../../contracts/central-api';
import type { Sql } from '../db/sql';
import { caseByNumber, insertCase, nextCaseSequence, updateCaseStatus, type CaseRow } from '../store/cases';
import { appendChange, hallChangesSince, historyOf } from '../store/change-feed';
import { canonicalHash } from './canonical';
import { addWorkingDays, caseNumberDay, formatCaseNumber, shanghaiDate } from './case-number';
import { idempotentWrite, type IdempotentOutcome } from './idempotent-write';
import { allowedTransitions, canTransition } from './transitions';

export type TransitionOutcome =
  | { kind: 'ok'; record: CaseStatusRecord }
  | { kind: 'not_found' }
  | { kind: 'invalid'; from: CaseStatus; allowed: readonly CaseStatus[] };

export interface CaseServiceOptions {
  now: () => Date;
  /** Working days from acceptance (受理) to the promised completion date. */
  promisedWorkingDays: number;
}

/** Cases: intake (idempotent), numbering, the lifecycle an operator drives, and the changes feed. */
export class CaseService {
  constructor(
    private readonly sql: Sql,
    private readonly options: CaseServiceOptions,
  ) {}

  /**
   * Creates a case, or answers with the one this Idempotency-Key already created (its current
   * status). One transaction: the key's claim, the day's next number, the case and its first
   * status change (whose cursor is taken last, see appendChange). A crash leaves all or none.
   */
  createCase(key: string, request: CreateCaseRequest): Promise<IdempotentOutcome<CreateCaseResponse>> {
    const now = this.options.now();
    return idempotentWrite(this.sql, {
      scope: 'cases',
      key,
      body: request,
      at: now,
      answer: CreateCaseResponse,
      write: async (tx) => {
        const day = caseNumberDay(now);
        const caseNumber = formatCaseNumber(day, await nextCaseSequence(tx, day));
        await insertCase(tx, { caseNumber, key, requestHash: canonicalHash(request), request, receivedAt: now });
        await appendChange(tx, { caseNumber, hallId: request.hallId, status: 'submitted', note: null, at: now });
        return { caseNumber, status: 'submitted', receivedAt: now.toISOString() };
      },
      // The original case as it stands now: a hall retrying late learns its current status too.
      replay: async (tx, stored) => {
        const row = await caseByNumber(tx, stored.caseNumber);
        return row === undefined ? stored : { ...stored, status: row.status };
      },
    });
  }

  /** A case the hall submitted; another hall's reads as unknown, so case numbers cannot be probed. */
  async getCase(hallId: string, caseNumber: string): Promise<CaseStatusRecord | undefined> {
    const row = await caseByNumber(this.sql, caseNumber);
    return row?.hallId === hallId ? this.statusRecord(this.sql, row) : undefined;
  }

  /**
   * Moves a case along the lifecycle: the row is locked, checked, changed and its change appended
   * in one transaction. `alongside` runs in that transaction after the change (the console's
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
      if (!canTransition(row.status, status))
        return { kind: 'invalid', from: row.status, allowed: allowedTransitions[row.status] };
      const now = this.options.now();
      // The promise date is fixed when the case is first accepted (受理), as the hall prints it.
      const expected =
        status === 'accepted' && row.expectedCompletion === null
          ? addWorkingDays(shanghaiDate(now), this.options.promisedWorkingDays)
          : null;
      const updated = await updateCaseStatus(tx, caseNumber, status, expected);
      await appendChange(tx, { caseNumber, hallId: row.hallId, status, note: note ?? null, at: now });
      const record = await this.statusRecord(tx, updated);
      // After appendChange, whose counter lock is held to the commit anyway: one more short insert.
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
