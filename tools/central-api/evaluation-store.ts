import type { Db } from '../../db/open';
import type { CreateEvaluationRequest, EvaluationLevel, EvaluationRecord, EvaluationSubject } from '../../contracts/central-api';
import { isBadEvaluation } from '../../contracts/central-api';
import type { IdempotencyStore, IdempotentOutcome } from './idempotency';

interface EvaluationRow {
  id: number;
  hall_id: string;
  terminal_id: string;
  subject_json: string;
  level: EvaluationLevel;
  reason: string | null;
  comment: string | null;
  callback_required: 0 | 1;
  evaluated_at: string;
  received_at: string;
}

function toRecord(row: EvaluationRow): EvaluationRecord {
  return {
    evaluationId: `EV${String(row.id).padStart(8, '0')}`,
    hallId: row.hall_id,
    terminalId: row.terminal_id,
    subject: JSON.parse(row.subject_json) as EvaluationSubject,
    level: row.level,
    ...(row.reason === null ? {} : { reason: row.reason }),
    ...(row.comment === null ? {} : { comment: row.comment }),
    callbackRequired: row.callback_required === 1,
    evaluatedAt: row.evaluated_at,
    receivedAt: row.received_at,
  };
}

/** 好差评 records. A rating below `basic` is flagged for a call back (差评回访). */
export class EvaluationStore {
  private readonly insert;
  private readonly byId;
  private readonly all;
  private readonly flagged;

  constructor(
    db: Db,
    private readonly idempotency: IdempotencyStore,
    private readonly now: () => Date,
  ) {
    this.insert = db.prepare(
      `INSERT INTO evaluations (hall_id, terminal_id, subject_json, level, reason, comment, callback_required,
         evaluated_at, received_at)
       VALUES (@hallId, @terminalId, @subject, @level, @reason, @comment, @callback, @evaluatedAt, @receivedAt)`,
    );
    this.byId = db.prepare('SELECT * FROM evaluations WHERE id = ?');
    this.all = db.prepare('SELECT * FROM evaluations ORDER BY id DESC LIMIT ?');
    this.flagged = db.prepare('SELECT * FROM evaluations WHERE callback_required = ? ORDER BY id DESC LIMIT ?');
  }

  create(key: string, request: CreateEvaluationRequest): IdempotentOutcome<EvaluationRecord> {
    const now = this.now();
    return this.idempotency.run('evaluations', key, request, now, () => {
      const { lastInsertRowid } = this.insert.run({
        hallId: request.hallId,
        terminalId: request.terminalId,
        subject: JSON.stringify(request.subject),
        level: request.level,
        reason: request.reason ?? null,
        comment: request.comment ?? null,
        callback: isBadEvaluation(request.level) ? 1 : 0,
        evaluatedAt: request.evaluatedAt,
        receivedAt: now.toISOString(),
      });
      return toRecord(this.byId.get(lastInsertRowid) as EvaluationRow);
    });
  }

  /** Newest first; `flagged` narrows to those that do (true) or do not (false) need a call back. */
  list(flagged: boolean | undefined, limit: number): EvaluationRecord[] {
    const rows = (flagged === undefined ? this.all.all(limit) : this.flagged.all(flagged ? 1 : 0, limit)) as EvaluationRow[];
    return rows.map(toRecord);
  }
}
