import type { Db } from '../../db/open';
import type {
  CaseChange,
  CaseStatus,
  CaseStatusRecord,
  CreateCaseRequest,
  CreateCaseResponse,
  StatusHistoryEntry,
} from '../../contracts/central-api';
import { canonicalHash } from './canonical';
import { addWorkingDays, caseNumberDay, formatCaseNumber, shanghaiDate } from './case-number';
import { allowedTransitions, canTransition } from './transitions';

export type CreateCaseOutcome =
  | { kind: 'created'; result: CreateCaseResponse }
  /** The key was seen before with the same body: the original case, not a new one. */
  | { kind: 'replayed'; result: CreateCaseResponse }
  | { kind: 'conflict' };

export type TransitionOutcome =
  | { kind: 'ok'; record: CaseStatusRecord }
  | { kind: 'not_found' }
  | { kind: 'invalid'; from: CaseStatus; allowed: readonly CaseStatus[] };

export interface CaseStoreOptions {
  now: () => Date;
  /** Working days from acceptance (受理) to the promised completion date. */
  promisedWorkingDays: number;
}

interface CaseRow {
  case_number: string;
  request_hash: string;
  item_code: string;
  item_name: string;
  status: CaseStatus;
  received_at: string;
  expected_completion: string | null;
}

interface ChangeRow {
  cursor: number;
  case_number: string;
  status: CaseStatus;
  note: string | null;
  at: string;
}

function prepareStatements(db: Db) {
  return {
    caseByKey: db.prepare('SELECT * FROM cases WHERE idempotency_key = ?'),
    caseByNumber: db.prepare('SELECT * FROM cases WHERE case_number = ?'),
    nextSequence: db.prepare(
      `INSERT INTO case_number_sequences (day, last_value) VALUES (?, 1)
       ON CONFLICT (day) DO UPDATE SET last_value = last_value + 1
       RETURNING last_value`,
    ),
    insertCase: db.prepare(
      `INSERT INTO cases (case_number, idempotency_key, request_hash, hall_id, terminal_id, item_code,
         item_name, applicant_name, applicant_id_number, applicant_phone, form_json, materials_json,
         submitted_at, received_at, status)
       VALUES (@caseNumber, @key, @hash, @hallId, @terminalId, @itemCode, @itemName, @applicantName,
         @applicantIdNumber, @applicantPhone, @formJson, @materialsJson, @submittedAt, @receivedAt, 'submitted')`,
    ),
    updateStatus: db.prepare(
      'UPDATE cases SET status = ?, expected_completion = coalesce(?, expected_completion) WHERE case_number = ?',
    ),
    insertChange: db.prepare('INSERT INTO case_status_changes (case_number, status, note, at) VALUES (?, ?, ?, ?)'),
    historyOf: db.prepare('SELECT * FROM case_status_changes WHERE case_number = ? ORDER BY cursor'),
    changesSince: db.prepare('SELECT * FROM case_status_changes WHERE cursor > ? ORDER BY cursor LIMIT ?'),
  };
}

type Statements = ReturnType<typeof prepareStatements>;

/** Cases, their status history and numbering, kept in one SQLite file. Synchronous by design. */
export class CaseStore {
  private readonly statements: Statements;

  constructor(
    private readonly db: Db,
    private readonly options: CaseStoreOptions,
  ) {
    this.statements = prepareStatements(db);
  }

  /**
   * Creates a case, or finds the one this Idempotency-Key already created. Everything (the
   * lookup, numbering, the case and its first status change) happens in one IMMEDIATE
   * transaction: a crash leaves either all of it or none, so a retry never duplicates.
   */
  createCase(key: string, request: CreateCaseRequest): CreateCaseOutcome {
    const hash = requestHash(request);
    const run = this.db.transaction((): CreateCaseOutcome => {
      const existing = this.statements.caseByKey.get(key) as CaseRow | undefined;
      if (existing) {
        if (existing.request_hash !== hash) return { kind: 'conflict' };
        return { kind: 'replayed', result: toCreateResponse(existing) };
      }
      const now = this.options.now();
      const receivedAt = now.toISOString();
      const day = caseNumberDay(now);
      const { last_value: sequence } = this.statements.nextSequence.get(day) as { last_value: number };
      const caseNumber = formatCaseNumber(day, sequence);
      this.statements.insertCase.run({
        caseNumber,
        key,
        hash,
        hallId: request.hallId,
        terminalId: request.terminalId,
        itemCode: request.itemCode,
        itemName: request.itemName,
        applicantName: request.applicant.name,
        applicantIdNumber: request.applicant.idNumber,
        applicantPhone: request.applicant.phone ?? null,
        formJson: JSON.stringify(request.form),
        materialsJson: JSON.stringify(request.materials),
        submittedAt: request.submittedAt,
        receivedAt,
      });
      this.statements.insertChange.run(caseNumber, 'submitted', null, receivedAt);
      return { kind: 'created', result: { caseNumber, status: 'submitted', receivedAt } };
    });
    return run.immediate();
  }

  getCase(caseNumber: string): CaseStatusRecord | undefined {
    const row = this.statements.caseByNumber.get(caseNumber) as CaseRow | undefined;
    return row && this.toStatusRecord(row);
  }

  /** Moves a case along the lifecycle; the check and the write share one transaction. */
  setStatus(caseNumber: string, status: CaseStatus, note: string | undefined): TransitionOutcome {
    const run = this.db.transaction((): TransitionOutcome => {
      const row = this.statements.caseByNumber.get(caseNumber) as CaseRow | undefined;
      if (!row) return { kind: 'not_found' };
      if (!canTransition(row.status, status)) {
        return { kind: 'invalid', from: row.status, allowed: allowedTransitions[row.status] };
      }
      const now = this.options.now();
      // The promise date is fixed when the case is first accepted (受理), as the hall prints it.
      const expected =
        status === 'accepted' && row.expected_completion === null
          ? addWorkingDays(shanghaiDate(now), this.options.promisedWorkingDays)
          : null;
      this.statements.updateStatus.run(status, expected, caseNumber);
      this.statements.insertChange.run(caseNumber, status, note ?? null, now.toISOString());
      const updated = this.statements.caseByNumber.get(caseNumber) as CaseRow;
      return { kind: 'ok', record: this.toStatusRecord(updated) };
    });
    return run.immediate();
  }

  /** Status changes after `since`, oldest first. */
  changesSince(since: number, limit: number): CaseChange[] {
    const rows = this.statements.changesSince.all(since, limit) as ChangeRow[];
    return rows.map((row) => ({
      cursor: String(row.cursor),
      caseNumber: row.case_number,
      status: row.status,
      at: row.at,
      ...(row.note === null ? {} : { note: row.note }),
    }));
  }

  private toStatusRecord(row: CaseRow): CaseStatusRecord {
    const history = this.statements.historyOf.all(row.case_number) as ChangeRow[];
    return {
      caseNumber: row.case_number,
      itemCode: row.item_code,
      itemName: row.item_name,
      status: row.status,
      statusHistory: history.map((h): StatusHistoryEntry => ({
        status: h.status,
        at: h.at,
        ...(h.note === null ? {} : { note: h.note }),
      })),
      ...(row.expected_completion === null ? {} : { expectedCompletion: row.expected_completion }),
    };
  }
}

function toCreateResponse(row: CaseRow): CreateCaseResponse {
  return { caseNumber: row.case_number, status: row.status, receivedAt: row.received_at };
}

/**
 * sha256 of the request with object keys sorted, so the same submission serialised in a
 * different key order is still "the same body". Computed on the parsed (validated) body.
 */
export function requestHash(request: CreateCaseRequest): string {
  return canonicalHash(request);
}
