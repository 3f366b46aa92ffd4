import {
  CreateCaseResponse,
  type CaseStatus,
  type CaseBatchResult,
  type CreateCaseBatchRequest,
  type CreateCaseBatchResponse,
} from '../../contracts/central-api';
import type { Sql } from '../db/sql';
import { caseStatuses, insertCases, reserveCaseSequences, type NewCase } from '../store/cases';
import { appendChanges } from '../store/change-feed';
import { claimedKeys, claimKeysAnswered, type ClaimedKey } from '../store/idempotency';
import { canonicalHash } from './canonical';
import { caseNumberDay, formatCaseNumber } from './case-number';

/** The idempotency scope of cases: a key claimed by `POST /v1/cases` or by a batch is one claim. */
const SCOPE = 'cases';

/**
 * A key of the batch was claimed by a concurrent request between this transaction's look and its
 * claim: the transaction is rolled back and run again, when the other request's claim is visible
 * and this key is a replay.
 */
class ClaimRace extends Error {
  override readonly name = 'ClaimRace';
}

/** Numbers of a day reserved for a batch's new cases, one each, from `first` on. */
interface ReservedNumbers {
  day: string;
  first: number;
}

/** Runs of the transaction before a batch racing other requests for its keys gives up. */
const MAX_RUNS = 5;

/** What a batch did: `created` when it wrote at least one case (the fault hooks act on writes). */
export interface CaseBatchOutcome {
  kind: 'created' | 'replayed';
  body: CreateCaseBatchResponse;
}

/**
 * `POST /v1/cases/batch`: each case exactly as `CaseService.createCase` would take it under its
 * key (same claims, rows and first change), in one transaction and a handful of statements for
 * the whole batch rather than several per case: keys looked up at once, claims (with their
 * answers), cases and changes inserted with one statement each, the change feed's counter last.
 *
 * The new cases' numbers are reserved at once in a short transaction of their own, committed
 * before the batch's: the day's counter row is then locked for that one statement, not for the
 * whole batch, so halls' batches write side by side and queue only on the change feed's counter
 * (which must be held to the commit: api cursors become visible in order). Numbers stay unique
 * and increasing by arrival; a batch rolled back (a raced key, a crash) leaves its numbers unused,
 * a gap in the day's sequence as a database sequence would leave, never a number twice.
 */
export class CaseBatchIntake {
  constructor(
    private readonly sql: Sql,
    private readonly now: () => Date,
  ) {}

  async create(batch: CreateCaseBatchRequest): Promise<CaseBatchOutcome> {
    const keys = batch.cases.map((item) => item.idempotencyKey);
    const hashes = batch.cases.map((item) => canonicalHash(item.case));
    for (let run = 1; ; run++) {
      const now = this.now();
      // The keys claimed (and committed) now: replays. The others get a number each; one claimed
      // by another request before this batch's claims is caught there (ClaimRace), and the next
      // run looks again.
      const claimed = await claimedKeys(this.sql, SCOPE, keys);
      const numbers = await this.reserve(caseNumberDay(now), keys.filter((key) => !claimed.has(key)).length);
      try {
        return await this.sql.transaction((tx) => this.write(tx, batch, hashes, claimed, now, numbers));
      } catch (error) {
        if (!(error instanceof ClaimRace) || run >= MAX_RUNS) throw error;
      }
    }
  }

  /** `count` numbers of `day`, in a transaction of their own (committed at once). */
  private async reserve(day: string, count: number): Promise<ReservedNumbers> {
    if (count === 0) return { day, first: 1 };
    return { day, first: await this.sql.transaction((tx) => reserveCaseSequences(tx, day, count)) };
  }

  private async write(
    tx: Sql,
    batch: CreateCaseBatchRequest,
    hashes: readonly string[],
    claimed: ReadonlyMap<string, ClaimedKey>,
    now: Date,
    numbers: ReservedNumbers,
  ): Promise<CaseBatchOutcome> {
    // Replays answer with the case as it stands now, as a single POST's replay does.
    const replayed = new Map<string, CreateCaseResponse>();
    for (const [key, claim] of claimed) {
      if (claim.responseJson !== null) replayed.set(key, CreateCaseResponse.parse(JSON.parse(claim.responseJson)));
    }
    const statuses =
      replayed.size === 0
        ? new Map<string, CaseStatus>()
        : await caseStatuses(
            tx,
            [...replayed.values()].map((answer) => answer.caseNumber),
          );

    const fresh = batch.cases.flatMap((item, index) =>
      claimed.has(item.idempotencyKey) ? [] : [{ item, hash: hashes[index] ?? '' }],
    );
    const created = new Map<string, CreateCaseResponse>();
    if (fresh.length > 0) {
      const cases: NewCase[] = fresh.map(({ item, hash }, index) => ({
        caseNumber: formatCaseNumber(numbers.day, numbers.first + index),
        key: item.idempotencyKey,
        requestHash: hash,
        request: item.case,
        receivedAt: now,
      }));
      for (const c of cases) {
        created.set(c.key, { caseNumber: c.caseNumber, status: 'submitted', receivedAt: now.toISOString() });
      }
      const won = await claimKeysAnswered(
        tx,
        SCOPE,
        cases.map((c) => ({ key: c.key, requestHash: c.requestHash, responseJson: JSON.stringify(created.get(c.key)) })),
        now,
      );
      if (won.size !== cases.length) throw new ClaimRace('a key of the batch was claimed meanwhile');
      await insertCases(tx, cases);
      await appendChanges(
        tx,
        cases.map((c) => ({ caseNumber: c.caseNumber, hallId: c.request.hallId, status: 'submitted', note: null, at: now })),
      );
    }

    const results = batch.cases.map((item, index): CaseBatchResult => {
      const key = item.idempotencyKey;
      const answer = created.get(key);
      if (answer !== undefined) return { idempotencyKey: key, outcome: 'created', case: answer };
      const claim = claimed.get(key);
      const stored = replayed.get(key);
      if (claim === undefined || stored === undefined) throw new Error(`idempotency key ${SCOPE}/${key} has no stored answer`);
      if (claim.requestHash !== hashes[index]) return { idempotencyKey: key, outcome: 'conflict' };
      return {
        idempotencyKey: key,
        outcome: 'replayed',
        case: { ...stored, status: statuses.get(stored.caseNumber) ?? stored.status },
      };
    });
    return { kind: created.size > 0 ? 'created' : 'replayed', body: { results } };
  }
}
