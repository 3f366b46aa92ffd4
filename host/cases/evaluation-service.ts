import { randomUUID } from 'node:crypto';
import { CreateEvaluationRequest, EvaluationRecord, isBadEvaluation } from '../../contracts/central-api';
import type { EvaluationSubject } from '../../contracts/central-api';
import type { SubmitEvaluationRequest, SubmitEvaluationResponse } from '../../contracts/cases';
import type { Db } from '../../db/open';
import {
  alreadyEvaluated,
  evaluationsNeedingCallback,
  insertEvaluation,
  markEvaluationDelivered,
  ticketSubject,
} from '../../db/repositories/evaluations';
import type { EvaluationRow } from '../../db/repositories/evaluations';
import type { OutboxEntry } from '../../db/repositories/outbox';
import { enqueue } from '../../db/repositories/outbox';
import type { Clock } from '../clock/clock';
import { HostError } from '../errors/host-error';

export interface EvaluationServiceOptions {
  db: Db;
  clock: Clock;
  hallId: string;
  terminalId: string;
  newId?: () => string;
}

/**
 * 好差评 at the kiosk or the window keypad: five levels; below 'basic' needs a reason and is
 * flagged for a call back here at once, not only when the central API has it. Saved with
 * its outbox entry in one transaction and delivered once under the entry's Idempotency-Key.
 */
export class EvaluationService {
  private readonly newId: () => string;

  constructor(private readonly o: EvaluationServiceOptions) {
    this.newId = o.newId ?? randomUUID;
  }

  submit(request: SubmitEvaluationRequest): SubmitEvaluationResponse {
    const bad = isBadEvaluation(request.level);
    if (bad && request.reason === undefined) throw new HostError('reason_required', '请选择或填写不满意的原因');
    const subject = this.subjectOf(request);
    // One rating per service received (a second would count the same window twice).
    const rated = request.ticketId !== undefined ? { ticketId: request.ticketId } : { caseNumber: request.caseNumber ?? '' };
    if (alreadyEvaluated(this.o.db, rated)) throw new HostError('already_evaluated', '您已评价过这次服务，感谢参与');
    const now = this.o.clock.now();
    const evaluatedAt = now.toISOString();
    const id = this.newId();
    const central = CreateEvaluationRequest.parse({
      hallId: this.o.hallId,
      terminalId: this.o.terminalId,
      subject,
      level: request.level,
      ...(request.reason === undefined ? {} : { reason: request.reason }),
      ...(request.comment === undefined ? {} : { comment: request.comment }),
      evaluatedAt,
    });
    this.o.db.transaction(() => {
      insertEvaluation(this.o.db, {
        id,
        level: request.level,
        reason: request.reason ?? null,
        comment: request.comment ?? null,
        subject:
          subject.kind === 'case'
            ? subject
            : {
                kind: 'ticket',
                ticketId: request.ticketId ?? null,
                ticketNumber: subject.ticketNumber,
                windowNumber: subject.windowId,
                staffNumber: subject.staffNumber,
              },
        callbackRequired: bad,
        evaluatedAt,
      });
      enqueue(this.o.db, {
        kind: 'evaluation',
        recordId: id,
        orderingKey: `evaluation:${id}`,
        idempotencyKey: id,
        payload: central,
        now,
      });
    })();
    return { id, level: request.level, callbackRequired: bad, evaluatedAt };
  }

  /** For SyncEngine `onDelivered`: records the central id of a delivered evaluation. */
  onDelivered(entry: OutboxEntry, response: unknown): void {
    if (entry.kind !== 'evaluation') return;
    const record = EvaluationRecord.parse(response);
    markEvaluationDelivered(this.o.db, entry.recordId, record.evaluationId, this.o.clock.now().toISOString());
  }

  /** Bad ratings to call back (差评回访), newest first. */
  callbacks(limit = 100): EvaluationRow[] {
    return evaluationsNeedingCallback(this.o.db, limit);
  }

  private subjectOf(request: SubmitEvaluationRequest): EvaluationSubject {
    if (request.caseNumber !== undefined) return { kind: 'case', caseNumber: request.caseNumber };
    if (request.ticketId === undefined) throw new HostError('invalid_request', '请选择要评价的号码或办件');
    const ticket = ticketSubject(this.o.db, request.ticketId);
    if (!ticket) throw new HostError('ticket_unknown', '没有这个号码');
    // The queue knows who served the ticket; a keypad may say it when the ticket does not.
    const windowNumber = ticket.windowNumber ?? request.windowNumber;
    const staffNumber = ticket.staffNumber ?? request.staffNo;
    if (windowNumber === undefined || staffNumber === undefined) {
      throw new HostError('invalid_state', '该号码尚未办理，不能评价');
    }
    return { kind: 'ticket', ticketNumber: ticket.ticketNumber, windowId: String(windowNumber), staffNumber };
  }
}
