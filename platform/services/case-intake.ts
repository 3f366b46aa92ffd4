import type { CaseBatchItem, CaseBatchResult, CreateCaseBatchResponse, CreateCaseResponse } from '../../contracts/central-api';
import type { Sql } from '../db/sql';
import { casesByKeys, insertSubmittedCases, reserveCaseNumbers, type KeyedCase, type NewCase } from '../store/cases';
import { insertComplaints, type NewComplaintRow } from '../store/complaints';
import { canonicalHash } from './canonical';
import { caseNumberDay, formatCaseNumber } from './case-number';

/**
 * The complaint platform's part of intake: the complaint rows of the 营商诉求 cases among new
 * cases (services/complaint-registration.ts), none when there is none.
 */
export interface ComplaintCaseIntake {
  kioskComplaintRows(cases: readonly NewCase[]): Promise<NewComplaintRow[]>;
}

/** What an intake did: `created` when it wrote at least one case (the fault hooks act on writes). */
export interface CaseIntakeOutcome {
  kind: 'created' | 'replayed';
  body: CreateCaseBatchResponse;
}

/**
 * Case intake, for `POST /v1/cases` (one case) and `POST /v1/cases/batch` (up to 100 of a hall)
 * alike: each case under its Idempotency-Key, created once however often and however
 * concurrently it is sent. A case is its key's claim (`cases.idempotency_key` is unique, and the
 * row keeps its request's hash). Two statements for fresh cases, whatever their number, each a
 * transaction of its own, none holding a lock while this process works:
 *
 * 1. the keys looked up, and numbers reserved for those not found (store/cases.ts
 *    `reserveCaseNumbers`, the day's counter locked for that statement only);
 * 2. the new cases and their first status changes written, all or none (a case and its change
 *    always together), the hall's feed lock held to the commit (store/change-feed.ts);
 *
 * and a third when keys were found: their cases read, to answer as replays (or conflicts, under
 * another body). A batch holding 营商诉求 cases writes their complaints in statement 2's
 * transaction, one statement more (the complaint rows are prepared before it, from settings an
 * instance reads at most once a minute); a batch without any pays nothing for them. A key another request inserted between 1 and 2 is skipped by 2 and read with
 * them; its reserved number stays a gap. A crash between statements loses nothing a hall was
 * told of: the hall was answered after 2, or it retries.
 */
export class CaseIntake {
  constructor(
    private readonly sql: Sql,
    private readonly now: () => Date,
    private readonly complaints?: ComplaintCaseIntake,
  ) {}

  async create(hallId: string, items: readonly CaseBatchItem[]): Promise<CaseIntakeOutcome> {
    const hashes = items.map((item) => canonicalHash(item.case));
    const now = this.now();
    const day = caseNumberDay(now);
    const { foundKeys, first } = await reserveCaseNumbers(
      this.sql,
      day,
      items.map((item) => item.idempotencyKey),
    );
    const known = new Set(foundKeys);
    const cases: NewCase[] = items
      .flatMap((item, index) => (known.has(item.idempotencyKey) ? [] : [{ item, hash: hashes[index] ?? '' }]))
      .map(({ item, hash }, index) => ({
        caseNumber: formatCaseNumber(day, first + index),
        key: item.idempotencyKey,
        requestHash: hash,
        request: item.case,
        receivedAt: now,
      }));

    const created = new Map<string, NewCase>();
    if (cases.length > 0) {
      const inserted = await this.insert(hallId, cases);
      for (const c of cases) {
        if (inserted.has(c.key)) created.set(c.key, c);
        else known.add(c.key);
      }
    }
    // Replays (and keys raced meanwhile) answer with their case as it stands now.
    const found = new Map(known.size === 0 ? [] : (await casesByKeys(this.sql, [...known])).map((c) => [c.key, c]));

    const results = items.map((item, index) =>
      answer(item.idempotencyKey, hashes[index], created.get(item.idempotencyKey), found.get(item.idempotencyKey)),
    );
    return { kind: created.size > 0 ? 'created' : 'replayed', body: { results } };
  }

  /** The cases, and with them the complaints of the 营商诉求 ones, all or none. */
  private async insert(hallId: string, cases: readonly NewCase[]): Promise<Set<string>> {
    const complaintRows = this.complaints === undefined ? [] : await this.complaints.kioskComplaintRows(cases);
    if (complaintRows.length === 0) return insertSubmittedCases(this.sql, hallId, cases);
    return this.sql.transaction(async (tx) => {
      const inserted = await insertSubmittedCases(tx, hallId, cases);
      // A key raced by another request was skipped with its case: so is its complaint.
      const numbers = new Set(cases.filter((c) => inserted.has(c.key)).map((c) => c.caseNumber));
      await insertComplaints(
        tx,
        complaintRows.filter((row) => numbers.has(row.complaint.number)),
      );
      return inserted;
    });
  }
}

/**
 * A case's result: created now, or the one its key created before (as it stands now, so a hall
 * retrying late learns its current status too), or a conflict when that key came with another body.
 */
function answer(
  key: string,
  hash: string | undefined,
  created: NewCase | undefined,
  found: KeyedCase | undefined,
): CaseBatchResult {
  if (created !== undefined) {
    return { idempotencyKey: key, outcome: 'created', case: response(created.caseNumber, 'submitted', created.receivedAt) };
  }
  if (found === undefined) throw new Error(`the case of key ${key} was neither created nor found`);
  if (found.requestHash !== hash) return { idempotencyKey: key, outcome: 'conflict' };
  return { idempotencyKey: key, outcome: 'replayed', case: response(found.caseNumber, found.status, found.receivedAt) };
}

function response(caseNumber: string, status: CreateCaseResponse['status'], receivedAt: Date): CreateCaseResponse {
  return { caseNumber, status, receivedAt: receivedAt.toISOString() };
}
