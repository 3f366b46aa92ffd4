import type { EvaluationLevel } from '../../contracts/central-api';
import type { AppealDecision, CallbackRating, ReviewFilter } from '../../contracts/reviews';
import type { Db } from '../open';
import { prepared } from '../statement-cache';

/**
 * 差评整改回访 (table `review_followups`, migrations 019 and 020): one row per 差评, joined here
 * with its evaluation (which carries no personal data). The states, overdue and the rates are
 * defined in the migrations' comments; the SQL below is their one implementation in this host.
 * Times are ISO instants; `*Date` columns are hall-local dates the host computed.
 */

export interface FollowupRow {
  evaluationId: string;
  level: EvaluationLevel;
  reason: string | null;
  comment: string | null;
  evaluatedAt: string;
  subjectKind: 'ticket' | 'case';
  ticketId: number | null;
  ticketNumber: string | null;
  windowNumber: string | null;
  staffNumber: string | null;
  caseNumber: string | null;
  openedAt: string;
  ratedDate: string;
  dueDate: string;
  handlerStaffNumber: string | null;
  assignedAt: string | null;
  assignedBy: string | null;
  verifiedAt: string | null;
  verifiedBy: string | null;
  verification: string | null;
  rectifiedAt: string | null;
  rectifiedBy: string | null;
  rectification: string | null;
  rectifiedDate: string | null;
  callbackAt: string | null;
  callbackBy: string | null;
  callbackResult: string | null;
  callbackRating: CallbackRating | null;
  appealAt: string | null;
  appealBy: string | null;
  appealReason: string | null;
  appealDecision: AppealDecision | null;
  appealDecidedAt: string | null;
  appealDecidedBy: string | null;
  closedAt: string | null;
  closedBy: string | null;
  overdueAt: string | null;
}

const COLUMNS = `f.evaluation_id AS evaluationId, e.level, e.reason, e.comment, e.evaluated_at AS evaluatedAt,
  e.subject_kind AS subjectKind, e.ticket_id AS ticketId, e.ticket_number AS ticketNumber,
  e.window_number AS windowNumber, e.staff_number AS staffNumber, e.case_number AS caseNumber,
  f.opened_at AS openedAt, f.rated_date AS ratedDate, f.due_date AS dueDate,
  f.handler_staff_number AS handlerStaffNumber, f.assigned_at AS assignedAt, f.assigned_by AS assignedBy,
  f.verified_at AS verifiedAt, f.verified_by AS verifiedBy, f.verification,
  f.rectified_at AS rectifiedAt, f.rectified_by AS rectifiedBy, f.rectification, f.rectified_date AS rectifiedDate,
  f.callback_at AS callbackAt, f.callback_by AS callbackBy, f.callback_result AS callbackResult,
  f.callback_rating AS callbackRating, f.appeal_at AS appealAt, f.appeal_by AS appealBy, f.appeal_reason AS appealReason,
  f.appeal_decision AS appealDecision, f.appeal_decided_at AS appealDecidedAt, f.appeal_decided_by AS appealDecidedBy,
  f.closed_at AS closedAt, f.closed_by AS closedBy, f.overdue_at AS overdueAt`;

const FROM = 'FROM review_followups f JOIN evaluations e ON e.id = f.evaluation_id';

/** Not closed and not overturned: the loop still runs. */
const LOOP_RUNS = `f.closed_at IS NULL AND f.appeal_decision IS NOT 'overturned'`;
/** Open, not rectified, and its due date (hall-local) before `today`. */
const OVERDUE = `${LOOP_RUNS} AND f.rectified_at IS NULL AND f.due_date < @today`;

/** Each filter of the list as a fixed condition (never text from a request). */
const FILTERS: Record<ReviewFilter, string> = {
  all: '1',
  open: LOOP_RUNS,
  overdue: OVERDUE,
  closed: 'f.closed_at IS NOT NULL',
  appealed: 'f.appeal_at IS NOT NULL',
  overturned: `f.appeal_decision = 'overturned'`,
};

export interface NewFollowup {
  evaluationId: string;
  openedAt: string;
  ratedDate: string;
  dueDate: string;
}

/** Opens the follow-up of a 差评; call it inside the transaction that writes the rating. */
export function insertFollowup(db: Db, f: NewFollowup): void {
  prepared(db, 'INSERT INTO review_followups (evaluation_id, opened_at, rated_date, due_date) VALUES (?, ?, ?, ?)').run(
    f.evaluationId,
    f.openedAt,
    f.ratedDate,
    f.dueDate,
  );
}

/** 差评 (callback_required) without a follow-up row, oldest first: what the start-up sweep opens. */
export function badEvaluationsWithoutFollowup(db: Db, limit: number): { id: string; evaluatedAt: string }[] {
  return prepared(
    db,
    `SELECT e.id, e.evaluated_at AS evaluatedAt FROM evaluations e
     WHERE e.callback_required = 1 AND NOT EXISTS (SELECT 1 FROM review_followups f WHERE f.evaluation_id = e.id)
     ORDER BY e.evaluated_at, e.id LIMIT ?`,
  ).all(limit) as { id: string; evaluatedAt: string }[];
}

export function followupById(db: Db, evaluationId: string): FollowupRow | undefined {
  return prepared(db, `SELECT ${COLUMNS} ${FROM} WHERE f.evaluation_id = ?`).get(evaluationId) as FollowupRow | undefined;
}

export interface FollowupQuery {
  filter: ReviewFilter;
  /** Hall-local date overdue is judged against. */
  today: string;
  window: string | null;
  staff: string | null;
  /** Ratings' hall-local dates, both ends included. */
  from: string | null;
  to: string | null;
  limit: number;
  offset: number;
}

/**
 * A page of follow-ups (`limit + 1` rows read: see contracts/page.ts): the running ones first,
 * soonest due first, then the finished ones, newest rating first.
 */
export function listFollowups(db: Db, q: FollowupQuery): FollowupRow[] {
  return prepared(
    db,
    `SELECT ${COLUMNS} ${FROM}
     WHERE ${FILTERS[q.filter]}
       AND (@window IS NULL OR e.window_number = @window)
       AND (@staff IS NULL OR e.staff_number = @staff)
       AND (@from IS NULL OR f.rated_date >= @from)
       AND (@to IS NULL OR f.rated_date <= @to)
     ORDER BY (${LOOP_RUNS}) DESC,
       CASE WHEN ${LOOP_RUNS} THEN f.due_date END,
       e.evaluated_at DESC, f.evaluation_id
     LIMIT @limit OFFSET @offset`,
  ).all({
    today: q.today,
    window: q.window,
    staff: q.staff,
    from: q.from,
    to: q.to,
    limit: q.limit + 1,
    offset: q.offset,
  }) as FollowupRow[];
}

/** Each step's write. Every one applies to one row and says whether it did. */
function update(db: Db, sql: string, values: Record<string, string | null>): boolean {
  return prepared(db, `UPDATE review_followups SET ${sql} WHERE evaluation_id = @id`).run(values).changes === 1;
}

export function assignHandler(db: Db, id: string, s: { handler: string; at: string; by: string }): boolean {
  return update(db, 'handler_staff_number = @handler, assigned_at = @at, assigned_by = @by', { id, ...s });
}

export function recordVerification(db: Db, id: string, s: { text: string; at: string; by: string }): boolean {
  return update(db, 'verification = @text, verified_at = @at, verified_by = @by', { id, ...s });
}

export function recordRectification(db: Db, id: string, s: { text: string; at: string; by: string; date: string }): boolean {
  return update(db, 'rectification = @text, rectified_at = @at, rectified_by = @by, rectified_date = @date', { id, ...s });
}

export function recordCallback(
  db: Db,
  id: string,
  s: { result: string; rating: CallbackRating; at: string; by: string },
): boolean {
  return update(db, 'callback_result = @result, callback_rating = @rating, callback_at = @at, callback_by = @by', {
    id,
    ...s,
  });
}

export function recordAppeal(db: Db, id: string, s: { reason: string; at: string; by: string }): boolean {
  return update(db, 'appeal_reason = @reason, appeal_at = @at, appeal_by = @by', { id, ...s });
}

export function recordAppealDecision(db: Db, id: string, s: { decision: AppealDecision; at: string; by: string }): boolean {
  return update(db, 'appeal_decision = @decision, appeal_decided_at = @at, appeal_decided_by = @by', { id, ...s });
}

export function closeFollowup(db: Db, id: string, s: { at: string; by: string }): boolean {
  return update(db, 'closed_at = @at, closed_by = @by', { id, ...s });
}

/** Follow-ups overdue as of `today` and not announced yet, oldest due first. */
export function newlyOverdue(db: Db, today: string): string[] {
  const rows = prepared(
    db,
    `SELECT f.evaluation_id AS id FROM review_followups f
     WHERE ${OVERDUE} AND f.overdue_at IS NULL ORDER BY f.due_date, f.evaluation_id`,
  ).all({ today }) as { id: string }[];
  return rows.map((r) => r.id);
}

export function markOverdue(db: Db, id: string, at: string): boolean {
  return (
    prepared(db, 'UPDATE review_followups SET overdue_at = ? WHERE evaluation_id = ? AND overdue_at IS NULL').run(at, id)
      .changes === 1
  );
}

export interface FollowupCounts {
  /** The loop still runs (appealed ones included). */
  open: number;
  overdue: number;
  /** An appeal waits for its review. */
  appealPending: number;
}

/** The hall's follow-ups as of `today`, whatever their rating date. */
export function followupCounts(db: Db, today: string): FollowupCounts {
  const row = prepared(
    db,
    `SELECT coalesce(sum(${LOOP_RUNS}), 0) AS open,
            coalesce(sum(${OVERDUE}), 0) AS overdue,
            coalesce(sum(${LOOP_RUNS} AND f.appeal_at IS NOT NULL AND f.appeal_decision IS NULL), 0) AS appealPending
     FROM review_followups f`,
  ).get({ today }) as FollowupCounts;
  return row;
}

export interface RateCounts {
  badReviews: number;
  overturned: number;
  open: number;
  overdue: number;
  closed: number;
  dueOrRectified: number;
  rectifiedOnTime: number;
  calledBack: number;
  satisfied: number;
  basicallySatisfied: number;
  dissatisfied: number;
}

/**
 * The counts behind the rates of the 差评 rated in [from, to] (hall-local dates), as of `today`;
 * overturned ones are counted apart and in nothing else (definitions: migration 020's comment).
 */
export function rateCounts(db: Db, range: { from: string; to: string; today: string }): RateCounts {
  const counted = `f.appeal_decision IS NOT 'overturned'`;
  const n = (condition: string) => `coalesce(sum(${counted} AND (${condition})), 0)`;
  return prepared(
    db,
    `SELECT ${n('1')} AS badReviews,
            coalesce(sum(f.appeal_decision IS 'overturned'), 0) AS overturned,
            ${n('f.closed_at IS NULL')} AS open,
            ${n('f.closed_at IS NULL AND f.rectified_at IS NULL AND f.due_date < @today')} AS overdue,
            ${n('f.closed_at IS NOT NULL')} AS closed,
            ${n('f.rectified_at IS NOT NULL OR f.due_date < @today')} AS dueOrRectified,
            ${n('f.rectified_date IS NOT NULL AND f.rectified_date <= f.due_date')} AS rectifiedOnTime,
            ${n('f.callback_at IS NOT NULL')} AS calledBack,
            ${n(`f.callback_rating = 'satisfied'`)} AS satisfied,
            ${n(`f.callback_rating = 'basically_satisfied'`)} AS basicallySatisfied,
            ${n(`f.callback_rating = 'dissatisfied'`)} AS dissatisfied
     FROM review_followups f WHERE f.rated_date BETWEEN @from AND @to`,
  ).get(range) as RateCounts;
}
