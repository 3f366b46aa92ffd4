import type { StaffPrincipal } from '../../contracts/auth';
import type {
  AppealReviewRequest,
  AssignReviewRequest,
  CallbackReviewRequest,
  DecideAppealRequest,
  RectifyReviewRequest,
  ReviewFollowup,
  ReviewList,
  ReviewListQuery,
  ReviewRates,
  ReviewRatesQuery,
  ReviewStep,
  ReviewSummary,
  VerifyReviewRequest,
} from '../../contracts/reviews';
import type { WorkCalendar } from '../../contracts/workdays';
import type { Db } from '../../db/open';
import {
  assignHandler,
  badEvaluationsWithoutFollowup,
  closeFollowup,
  followupById,
  followupCounts,
  insertFollowup,
  listFollowups,
  markOverdue,
  newlyOverdue,
  rateCounts,
  recordAppeal,
  recordAppealDecision,
  recordCallback,
  recordRectification,
  recordVerification,
  type FollowupRow,
} from '../../db/repositories/review-followups';
import { findStaffByNo } from '../../db/repositories/staff';
import { pageOf } from '../../contracts/page';
import { audit } from '../audit/audit';
import { localDate, type Clock } from '../clock/clock';
import { HostError } from '../errors/host-error';
import type { EventBus } from '../events/event-bus';
import { maskText } from '../log/mask-text';
import { rectificationDue } from './review-deadlines';
import { enqueueOutcome, type OutcomeStage } from './review-outcome';
import { stepRefusal } from './review-steps';
import { followupView, type ReviewDay } from './review-view';

export interface ReviewServiceOptions {
  db: Db;
  clock: Clock;
  bus: EventBus;
  hallId: string;
  timeZone: string;
  /** Read at each use: the technician console edits holidays and 调休 days. */
  calendar: () => WorkCalendar;
  /** Hall settings `reviews.rectifyWorkingDays`, read at each 差评. */
  rectifyWorkingDays: () => number;
}

/** The most 差评 the start-up sweep opens in one transaction. */
const SWEEP_BATCH = 500;

/** Percent to one decimal; null without a denominator. */
const pct = (part: number, whole: number): number | null => (whole === 0 ? null : Math.round((part / whole) * 1000) / 10);

/**
 * 差评整改回访 (contracts/reviews.ts): every 差评 gets its follow-up with a deadline in the
 * rating's own transaction (`open`, called by the evaluation service); supervisors take it through
 * the loop (assign → verify → rectify → callback → close, an appeal and its review beside), each
 * step one transaction with its audit row, its event published after the commit, and a step out of
 * order refused with a typed 409. The decided appeal and the closed loop go to the central API
 * through the outbox. Housekeeping finds the follow-ups that became overdue and announces each once.
 */
export class ReviewService {
  constructor(private readonly o: ReviewServiceOptions) {}

  /**
   * Opens the follow-up of a 差评 rated at `ratedAt`. Call it INSIDE the transaction that writes
   * the rating, so that no 差评 is ever without its deadline.
   */
  open(evaluationId: string, ratedAt: Date, openedAt: Date = ratedAt): { dueDate: string } {
    const ratedDate = localDate(ratedAt, this.o.timeZone);
    const dueDate = rectificationDue(ratedDate, this.o.rectifyWorkingDays(), this.o.calendar());
    insertFollowup(this.o.db, { evaluationId, openedAt: openedAt.toISOString(), ratedDate, dueDate });
    return { dueDate };
  }

  /**
   * At start-up: opens the follow-ups of 差评 rated before this host made them (or on a database
   * restored from before), each due as if opened with its rating. One already past its due date
   * is marked overdue at once, unannounced: it did not become late now, and a hall upgraded with
   * years of 差评 must not flood every screen with an event each. Returns how many it opened.
   */
  sweep(): number {
    let opened = 0;
    for (;;) {
      const batch = badEvaluationsWithoutFollowup(this.o.db, SWEEP_BATCH);
      if (batch.length === 0) return opened;
      const now = this.o.clock.now();
      const today = this.today(now);
      this.o.db.transaction(() => {
        let late = 0;
        for (const e of batch) {
          const { dueDate } = this.open(e.id, new Date(e.evaluatedAt), now);
          if (dueDate < today && markOverdue(this.o.db, e.id, now.toISOString())) late += 1;
        }
        audit(this.o.db, this.o.clock, 'review.sweep', { details: { opened: batch.length, alreadyOverdue: late } });
      })();
      opened += batch.length;
    }
  }

  /**
   * Housekeeping: the follow-ups not rectified by their due date that were not announced yet are
   * marked (with an audit row) and announced once each, after the commit (`review.overdue`).
   */
  tick(): void {
    const now = this.o.clock.now();
    const today = this.today(now);
    const found = newlyOverdue(this.o.db, today);
    if (found.length === 0) return;
    const marked: FollowupRow[] = [];
    this.o.db.transaction(() => {
      for (const id of found) {
        if (!markOverdue(this.o.db, id, now.toISOString())) continue;
        audit(this.o.db, this.o.clock, 'review.overdue', { details: { evaluationId: id } });
        marked.push(this.rowOf(id));
      }
    })();
    const { overdue } = followupCounts(this.o.db, today);
    for (const row of marked) {
      this.o.bus.publish({ type: 'review.overdue', evaluationId: row.evaluationId, dueDate: row.dueDate, overdue });
    }
  }

  list(query: ReviewListQuery): ReviewList {
    const day = this.day();
    const rows = listFollowups(this.o.db, {
      filter: query.filter,
      today: day.today,
      window: query.window ?? null,
      staff: query.staff ?? null,
      from: query.from ?? null,
      to: query.to ?? null,
      limit: query.limit,
      offset: query.offset,
    });
    const page = pageOf(rows, query);
    return { reviews: page.rows.map((row) => followupView(row, day)), next: page.next, today: day.today };
  }

  detail(evaluationId: string): ReviewFollowup {
    return followupView(this.rowOf(evaluationId), this.day());
  }

  /** How many run, are overdue and wait for an appeal's review, today: for the floor and the nav. */
  summary(): ReviewSummary {
    const today = this.today(this.o.clock.now());
    return { today, ...followupCounts(this.o.db, today) };
  }

  /** The rates of the 差评 rated in a range (definitions: contracts/reviews.ts `ReviewRates`). */
  rates(query: ReviewRatesQuery): ReviewRates {
    const today = this.today(this.o.clock.now());
    const c = rateCounts(this.o.db, { from: query.from, to: query.to, today });
    const rated = c.satisfied + c.basicallySatisfied + c.dissatisfied;
    return {
      from: query.from,
      to: query.to,
      today,
      badReviews: c.badReviews,
      overturned: c.overturned,
      open: c.open,
      overdue: c.overdue,
      closed: c.closed,
      dueOrRectified: c.dueOrRectified,
      rectifiedOnTime: c.rectifiedOnTime,
      onTimePct: pct(c.rectifiedOnTime, c.dueOrRectified),
      calledBack: c.calledBack,
      callbackPct: pct(c.calledBack, c.badReviews),
      callbackRatings: { satisfied: c.satisfied, basically_satisfied: c.basicallySatisfied, dissatisfied: c.dissatisfied },
      satisfactionPct: pct(c.satisfied + c.basicallySatisfied, rated),
    };
  }

  /** 指派: a handler who is an active staff member of the hall. */
  assign(evaluationId: string, request: AssignReviewRequest, by: StaffPrincipal): ReviewFollowup {
    const handler = findStaffByNo(this.o.db, request.handlerStaffNumber);
    if (!handler?.active) {
      throw new HostError('review_handler_unknown', '没有这个在岗工作人员', { handlerStaffNumber: request.handlerStaffNumber });
    }
    return this.step(evaluationId, 'assign', by, (at) => {
      assignHandler(this.o.db, evaluationId, { handler: handler.staffNo, at, by: by.staffNo });
      return { handlerStaffNumber: handler.staffNo };
    });
  }

  /** 核实. */
  verify(evaluationId: string, request: VerifyReviewRequest, by: StaffPrincipal): ReviewFollowup {
    return this.step(evaluationId, 'verify', by, (at) => {
      recordVerification(this.o.db, evaluationId, { text: maskText(request.verification), at, by: by.staffNo });
      return {};
    });
  }

  /** 整改反馈: on time when its hall-local date is no later than the due date. */
  rectify(evaluationId: string, request: RectifyReviewRequest, by: StaffPrincipal): ReviewFollowup {
    return this.step(evaluationId, 'rectify', by, (at, row) => {
      const date = localDate(new Date(at), this.o.timeZone);
      recordRectification(this.o.db, evaluationId, { text: maskText(request.rectification), at, by: by.staffNo, date });
      return { onTime: date <= row.dueDate };
    });
  }

  /** 回访: when (not in the future, not before the rating), what was said, and the citizen's rating of the rectification. */
  callback(evaluationId: string, request: CallbackReviewRequest, by: StaffPrincipal): ReviewFollowup {
    return this.step(evaluationId, 'callback', by, (now, row) => {
      const at = request.calledAt === undefined ? now : new Date(request.calledAt).toISOString();
      if (at > now) throw new HostError('invalid_request', '回访时间不能晚于现在', { field: 'calledAt' });
      // A time typed on a wall clock has minutes only: the minute of the rating itself is not "before" it.
      if (at < row.evaluatedAt.slice(0, 16))
        throw new HostError('invalid_request', '回访时间不能早于评价时间', { field: 'calledAt' });
      recordCallback(this.o.db, evaluationId, { result: maskText(request.result), rating: request.rating, at, by: by.staffNo });
      return { rating: request.rating };
    });
  }

  /** 申诉: filed by a supervisor for the handler's side, after the verification. */
  appeal(evaluationId: string, request: AppealReviewRequest, by: StaffPrincipal): ReviewFollowup {
    return this.step(evaluationId, 'appeal', by, (at) => {
      recordAppeal(this.o.db, evaluationId, { reason: maskText(request.reason), at, by: by.staffNo });
      return {};
    });
  }

  /** 复核: by a supervisor other than the one who filed the appeal. The decision goes to the central API. */
  decide(evaluationId: string, request: DecideAppealRequest, by: StaffPrincipal): ReviewFollowup {
    return this.step(
      evaluationId,
      'decide',
      by,
      (at, row) => {
        if (row.appealBy === by.staffNo) throw new HostError('review_own_appeal', '申诉须由另一位值班长复核');
        recordAppealDecision(this.o.db, evaluationId, { decision: request.decision, at, by: by.staffNo });
        return { decision: request.decision };
      },
      'appeal_decided',
    );
  }

  /** 办结: after the callback, with no appeal waiting. The outcome goes to the central API. */
  close(evaluationId: string, by: StaffPrincipal): ReviewFollowup {
    return this.step(
      evaluationId,
      'close',
      by,
      (at) => {
        closeFollowup(this.o.db, evaluationId, { at, by: by.staffNo });
        return {};
      },
      'closed',
    );
  }

  /**
   * One step: in one transaction the follow-up is read, the loop's order checked, the step
   * written with its audit row (facts only, never the texts) and, for a stage the central API
   * hears of, its outbox entry; `review.updated` is published after the commit.
   */
  private step(
    evaluationId: string,
    step: ReviewStep,
    by: StaffPrincipal,
    write: (at: string, row: FollowupRow) => Record<string, unknown>,
    outcome?: OutcomeStage,
  ): ReviewFollowup {
    const now = this.o.clock.now();
    this.o.db.transaction(() => {
      const row = this.rowOf(evaluationId);
      const refused = stepRefusal(row, step);
      if (refused) throw refused;
      const facts = write(now.toISOString(), row);
      audit(this.o.db, this.o.clock, `review.${step}`, {
        staffId: by.id,
        windowId: by.windowId,
        details: { evaluationId, ...facts },
      });
      if (outcome) enqueueOutcome(this.o.db, this.rowOf(evaluationId), outcome, this.o.hallId, now);
    })();
    this.o.bus.publish({ type: 'review.updated', evaluationId, step });
    return this.detail(evaluationId);
  }

  private rowOf(evaluationId: string): FollowupRow {
    const row = followupById(this.o.db, evaluationId);
    if (!row) throw new HostError('review_unknown', '没有这条差评', { evaluationId });
    return row;
  }

  private today(now: Date): string {
    return localDate(now, this.o.timeZone);
  }

  private day(): ReviewDay {
    return { today: this.today(this.o.clock.now()), calendar: this.o.calendar() };
  }
}
