import type { CreateEvaluationRequest, EvaluationLevel } from '../../contracts/central-api';
import { EvaluationRecord, isBadEvaluation } from '../../contracts/central-api';
import type { Sql } from '../db/sql';
import { insertEvaluation, listEvaluations, type EvaluationRow } from '../store/evaluations';
import { idempotentWrite, type IdempotentOutcome } from './idempotent-write';

/** The central id of an evaluation, as halls and operators see it. */
export const evaluationIdOf = (id: number): string => `EV${String(id).padStart(8, '0')}`;

function toRecord(row: EvaluationRow): EvaluationRecord {
  return {
    evaluationId: evaluationIdOf(row.id),
    hallId: row.hallId,
    terminalId: row.terminalId,
    subject: row.subject,
    level: row.level,
    ...(row.reason === null ? {} : { reason: row.reason }),
    ...(row.comment === null ? {} : { comment: row.comment }),
    callbackRequired: row.callbackRequired,
    evaluatedAt: row.evaluatedAt.toISOString(),
    receivedAt: row.receivedAt.toISOString(),
  };
}

/**
 * A complaint is a case: a card holder's 好差评 of their complaint's case, once it is closed, is
 * the enterprise's evaluation of the handling (platform/services/complaint-action-service.ts).
 */
export interface ComplaintEvaluations {
  evaluateAtKiosk(
    caseNumber: string,
    hallId: string,
    evaluation: { level: EvaluationLevel; reason: string | null; comment: string | null },
  ): Promise<unknown>;
}

/** 好差评 records. A rating below `basic` is flagged for a call back (差评回访). */
export class EvaluationService {
  constructor(
    private readonly sql: Sql,
    private readonly now: () => Date,
    private readonly complaints?: ComplaintEvaluations,
  ) {}

  async create(key: string, request: CreateEvaluationRequest): Promise<IdempotentOutcome<EvaluationRecord>> {
    const outcome = await this.record(key, request);
    // On a replay too: a hall that lost the first answer retries, and the complaint's evaluation
    // may not have been made then. Made once, it refuses another (the complaint is evaluated);
    // a case that is no complaint, or one not closed yet, keeps only its 好差评.
    if (outcome.kind !== 'conflict' && request.subject.kind === 'case' && this.complaints !== undefined) {
      await this.complaints.evaluateAtKiosk(request.subject.caseNumber, request.hallId, {
        level: request.level,
        reason: request.reason ?? null,
        comment: request.comment ?? null,
      });
    }
    return outcome;
  }

  private record(key: string, request: CreateEvaluationRequest): Promise<IdempotentOutcome<EvaluationRecord>> {
    const now = this.now();
    return idempotentWrite(this.sql, {
      scope: 'evaluations',
      key,
      body: request,
      at: now,
      answer: EvaluationRecord,
      write: async (tx) => toRecord(await insertEvaluation(tx, key, request, isBadEvaluation(request.level), now)),
    });
  }

  async list(flagged: boolean | undefined, limit: number): Promise<EvaluationRecord[]> {
    return (await listEvaluations(this.sql, flagged, limit)).map(toRecord);
  }
}
