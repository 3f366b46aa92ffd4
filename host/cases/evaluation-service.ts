import { randomUUID, timingSafeEqual } from 'node:crypto';
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
import type { EventBus } from '../events/event-bus';

export interface EvaluationServiceOptions {
  db: Db;
  clock: Clock;
  /** `evaluation.submitted` after the commit: the window's counter shows that its citizen rated. */
  bus: Pick<EventBus, 'publish'>;
  hallId: string;
  terminalId: string;
  /** The key a ticket's QR carries (the `k` of its progress link): proof of holding the paper. */
  ticketKey: (ticketId: number) => string;
  /** The token the window evaluator received with `evaluation.requested`: proof of the service ended. */
  serviceToken: (ticketId: number) => string;
  /** The case numbers of the card on the reader, or null with no card: proof of having filed the case. */
  cardCaseNumbers: () => readonly string[] | null;
  /**
   * Opens a 差评's follow-up with its deadline (host/reviews `ReviewService.open`), called inside
   * the rating's transaction: no 差评 is ever without it.
   */
  followups: { open(evaluationId: string, ratedAt: Date): unknown };
  newId?: () => string;
}

/** Compares two keys in constant time (a different length is simply "no"). */
function sameKey(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * 好差评 at the kiosk: five levels; below 'basic' needs a reason, is flagged for a call back and
 * gets its follow-up (差评整改回访, host/reviews) here at once, not only when the central API has it. Only for a service received (issue 18): a
 * finished ticket with the key of its paper or the token its window's evaluator received, or a
 * case of the card on the reader; staff and window come from the ticket's record. Once per ticket
 * or case. Saved with its outbox entry in one transaction and delivered once under the entry's
 * Idempotency-Key.
 */
export class EvaluationService {
  private readonly newId: () => string;

  constructor(private readonly o: EvaluationServiceOptions) {
    this.newId = o.newId ?? randomUUID;
  }

  /**
   * `from.atReader`: the caller is the kiosk page the card on the reader belongs to. Only there
   * does the card prove a case; a rating pad (or another page) proves a service by the ticket's key
   * or by the evaluation token the pad received.
   */
  submit(request: SubmitEvaluationRequest, from: { atReader: boolean }): SubmitEvaluationResponse {
    const bad = isBadEvaluation(request.level);
    if (bad && request.reason === undefined) throw new HostError('reason_required', '请选择或填写不满意的原因');
    const subject = this.subjectOf(request, from.atReader);
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
      if (bad) this.o.followups.open(id, now);
      enqueue(this.o.db, {
        kind: 'evaluation',
        recordId: id,
        orderingKey: `evaluation:${id}`,
        idempotencyKey: id,
        payload: central,
        now,
      });
    })();
    if (subject.kind === 'ticket' && request.ticketId !== undefined) {
      this.o.bus.publish({
        type: 'evaluation.submitted',
        ticketId: request.ticketId,
        ticketNumber: subject.ticketNumber,
        windowNumber: Number(subject.windowId),
      });
    }
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

  /** The paper's key, or the token the window evaluator received, for exactly this ticket. */
  private provesService(request: SubmitEvaluationRequest, ticketId: number): boolean {
    if (request.serviceToken !== undefined) return sameKey(request.serviceToken, this.o.serviceToken(ticketId));
    return request.ticketKey !== undefined && sameKey(request.ticketKey, this.o.ticketKey(ticketId));
  }

  private subjectOf(request: SubmitEvaluationRequest, atReader: boolean): EvaluationSubject {
    if (request.caseNumber !== undefined) {
      const mine = atReader ? this.o.cardCaseNumbers() : null;
      if (mine === null) throw new HostError('no_identity', '请先刷身份证，再评价您办理的事项');
      if (!mine.includes(request.caseNumber)) throw new HostError('evaluation_refused', '只能评价本人办理的事项');
      return { kind: 'case', caseNumber: request.caseNumber };
    }
    if (request.ticketId === undefined) throw new HostError('invalid_request', '请选择要评价的号码或办件');
    // The proof first: without the paper or the evaluator's token, not even whether the ticket
    // exists is told.
    if (!this.provesService(request, request.ticketId))
      throw new HostError('evaluation_refused', '请扫描排队小票上的二维码后评价');
    const ticket = ticketSubject(this.o.db, request.ticketId);
    if (!ticket) throw new HostError('ticket_unknown', '没有这个号码');
    // Only a service that ended: the window and the staff member who served it are on the record.
    if (ticket.status !== 'finished' || ticket.windowNumber === null || ticket.staffNumber === null) {
      throw new HostError('invalid_state', '该号码尚未办结，不能评价');
    }
    return {
      kind: 'ticket',
      ticketNumber: ticket.ticketNumber,
      windowId: String(ticket.windowNumber),
      staffNumber: ticket.staffNumber,
    };
  }
}
