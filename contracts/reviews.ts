/**
 * 差评整改回访: the hall's follow-up of every 差评 (a rating of the two lowest of five levels).
 * Each 差评 gets a deadline (N working days of the hall calendar after the rating's hall-local
 * date), a handler, a verification (核实), a rectification and answer (整改反馈), a callback (回访)
 * with the citizen's rating of the rectification, and is closed; a mistaken one may be appealed
 * (申诉) and reviewed (复核) by another supervisor. Stored in `review_followups`
 * (db/migrations/019-review-followups.sql, 020-review-followup-dates.sql), whose comments hold the
 * same definitions as this file: states, overdue and the rates.
 */
import { z } from 'zod';
import { StaffNo } from './auth';
import { CaseNumber, EvaluationLevel, RectificationRating, ReviewAppealDecision } from './central-api';
import { NextPage, PageQuery } from './page';

/** The citizen's rating of the rectification at the callback: 满意 / 基本满意 / 不满意. */
export const CallbackRating = RectificationRating;
export type CallbackRating = z.infer<typeof CallbackRating>;

/** 复核: the 差评 stands (upheld) or was mistaken (overturned: no step follows, and it counts in no rate). */
export const AppealDecision = ReviewAppealDecision;
export type AppealDecision = z.infer<typeof AppealDecision>;

/**
 * Where a follow-up stands. `appealed`: an appeal waits for its review (the deadline still runs);
 * `overturned`: the review found the 差评 mistaken (final, closed_at stays empty); `closed`: the
 * loop is done (only after a callback). Everything else is `open`.
 */
export const ReviewStatus = z.enum(['open', 'appealed', 'closed', 'overturned']);
export type ReviewStatus = z.infer<typeof ReviewStatus>;

/** The steps of the loop, each done once (a handler may be assigned again until the rectification). */
export const ReviewStep = z.enum(['assign', 'verify', 'rectify', 'callback', 'appeal', 'decide', 'close']);
export type ReviewStep = z.infer<typeof ReviewStep>;

/**
 * What a step out of order lacks (`details` of `review_out_of_order`): a handler, the
 * verification, the rectification, the callback, or the review of a pending appeal.
 */
export const ReviewPrerequisite = z.enum(['assigned', 'verified', 'rectified', 'called_back', 'appeal_decided', 'appealed']);
export type ReviewPrerequisite = z.infer<typeof ReviewPrerequisite>;

export const ReviewOutOfOrder = z.object({ step: ReviewStep, needs: ReviewPrerequisite });
export type ReviewOutOfOrder = z.infer<typeof ReviewOutOfOrder>;

/** The list's filters. `overdue`: open (or appealed), not rectified, due date passed. */
export const ReviewFilter = z.enum(['all', 'open', 'overdue', 'closed', 'appealed', 'overturned']);
export type ReviewFilter = z.infer<typeof ReviewFilter>;

const localDate = z.iso.date();

export const ReviewListQuery = PageQuery.extend({
  filter: ReviewFilter.default('all'),
  /** The window that served the rated ticket. */
  window: z.string().trim().min(1).max(16).optional(),
  /** The staff member who was rated (not the handler). */
  staff: StaffNo.optional(),
  /** A range of the ratings' hall-local dates, both ends included. */
  from: localDate.optional(),
  to: localDate.optional(),
}).refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, {
  message: 'from must not be after to',
  path: ['from'],
});
export type ReviewListQuery = z.infer<typeof ReviewListQuery>;
export type ReviewListQueryInput = z.input<typeof ReviewListQuery>;

export const ReviewParams = z.object({ evaluationId: z.uuid() });
export type ReviewParams = z.infer<typeof ReviewParams>;

/** What was rated: a ticket served at a window by a staff member, or a case. No personal data. */
export const ReviewSubject = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('ticket'),
    ticketId: z.number().int().positive().nullable(),
    ticketNumber: z.string(),
    windowNumber: z.string(),
    staffNumber: z.string(),
  }),
  z.object({ kind: z.literal('case'), caseNumber: CaseNumber }),
]);
export type ReviewSubject = z.infer<typeof ReviewSubject>;

const instant = z.iso.datetime();
/** A supervisor's text: ID and mobile numbers in it are masked when it is stored. */
const StepText = z.string().trim().min(1).max(1000);

/** One 差评 and its follow-up, as the manager console shows it. */
export const ReviewFollowup = z.object({
  evaluationId: z.uuid(),
  level: EvaluationLevel,
  /** The citizen's reason and comment, ID and mobile numbers masked. */
  reason: z.string().nullable(),
  comment: z.string().nullable(),
  ratedAt: instant,
  ratedDate: localDate,
  subject: ReviewSubject,
  openedAt: instant,
  /** The last hall-local day the rectification is due on. */
  dueDate: localDate,
  status: ReviewStatus,
  /** Open, not rectified and its due date passed. */
  overdue: z.boolean(),
  /** Working days from today to the due date (0: due today); null once rectified, closed or overturned, or overdue. */
  workingDaysLeft: z.number().int().nonnegative().nullable(),
  /** Working days past the due date (at least 1 once overdue); null when not overdue. */
  workingDaysOverdue: z.number().int().positive().nullable(),
  handler: z.object({ staffNumber: z.string(), at: instant, by: z.string() }).nullable(),
  verification: z.object({ text: z.string(), at: instant, by: z.string() }).nullable(),
  rectification: z.object({ text: z.string(), at: instant, by: z.string(), onTime: z.boolean() }).nullable(),
  callback: z.object({ result: z.string(), rating: CallbackRating, at: instant, by: z.string() }).nullable(),
  appeal: z
    .object({
      reason: z.string(),
      at: instant,
      by: z.string(),
      decision: AppealDecision.nullable(),
      decidedAt: instant.nullable(),
      decidedBy: z.string().nullable(),
    })
    .nullable(),
  closed: z.object({ at: instant, by: z.string().nullable() }).nullable(),
  /** The steps the loop admits now, in order (the console shows one form each). */
  next: z.array(ReviewStep),
});
export type ReviewFollowup = z.infer<typeof ReviewFollowup>;

export const ReviewList = z.object({
  reviews: z.array(ReviewFollowup),
  next: NextPage,
  /** Today's hall-local date, which `overdue` and the working days are counted against. */
  today: localDate,
});
export type ReviewList = z.infer<typeof ReviewList>;

export const AssignReviewRequest = z.object({ handlerStaffNumber: StaffNo });
export type AssignReviewRequest = z.infer<typeof AssignReviewRequest>;

export const VerifyReviewRequest = z.object({ verification: StepText });
export type VerifyReviewRequest = z.infer<typeof VerifyReviewRequest>;

export const RectifyReviewRequest = z.object({ rectification: StepText });
export type RectifyReviewRequest = z.infer<typeof RectifyReviewRequest>;

/** The callback (回访): when it took place (default: now; not in the future, not before the rectification). */
export const CallbackReviewRequest = z.object({
  calledAt: z.iso.datetime({ offset: true }).optional(),
  result: StepText,
  rating: CallbackRating,
});
export type CallbackReviewRequest = z.infer<typeof CallbackReviewRequest>;

export const AppealReviewRequest = z.object({ reason: StepText });
export type AppealReviewRequest = z.infer<typeof AppealReviewRequest>;

export const DecideAppealRequest = z.object({ decision: AppealDecision });
export type DecideAppealRequest = z.infer<typeof DecideAppealRequest>;

export const ReviewRatesQuery = z
  .object({ from: localDate, to: localDate })
  .refine((q) => q.from <= q.to, { message: 'from must not be after to', path: ['from'] });
export type ReviewRatesQuery = z.infer<typeof ReviewRatesQuery>;

/**
 * The rates of the 差评 rated in [from, to] (hall-local dates), as of `today`. Overturned ones
 * count in none of them (they are counted apart). Percentages to one decimal, null without a
 * denominator. The same definitions as db/migrations/020-review-followup-dates.sql:
 * - `badReviews`: 差评 of the range;
 * - `onTimePct`: rectified on time (rectified_date <= due_date) / `dueOrRectified` (rectified,
 *   or due_date before today);
 * - `callbackPct`: called back / `badReviews`;
 * - `satisfactionPct`: rated satisfied or basically satisfied at the callback / rated callbacks.
 */
export const ReviewRates = z.object({
  from: localDate,
  to: localDate,
  today: localDate,
  badReviews: z.number().int().nonnegative(),
  overturned: z.number().int().nonnegative(),
  open: z.number().int().nonnegative(),
  overdue: z.number().int().nonnegative(),
  closed: z.number().int().nonnegative(),
  dueOrRectified: z.number().int().nonnegative(),
  rectifiedOnTime: z.number().int().nonnegative(),
  onTimePct: z.number().min(0).max(100).nullable(),
  calledBack: z.number().int().nonnegative(),
  callbackPct: z.number().min(0).max(100).nullable(),
  callbackRatings: z.object({
    satisfied: z.number().int().nonnegative(),
    basically_satisfied: z.number().int().nonnegative(),
    dissatisfied: z.number().int().nonnegative(),
  }),
  satisfactionPct: z.number().min(0).max(100).nullable(),
});
export type ReviewRates = z.infer<typeof ReviewRates>;

/** The hall's follow-ups today, whatever their rating date: what the floor and the console's nav show. */
export const ReviewSummary = z.object({
  today: localDate,
  /** Not closed and not overturned (appealed ones included). */
  open: z.number().int().nonnegative(),
  overdue: z.number().int().nonnegative(),
  /** An appeal waits for its review (复核). */
  appealPending: z.number().int().nonnegative(),
});
export type ReviewSummary = z.infer<typeof ReviewSummary>;

/** The hall's rule for 差评: the working days to rectify and answer one (5 or 7 are common). */
export const ReviewSettings = z.object({
  rectifyWorkingDays: z.number().int().min(1).max(15).default(5),
});
export type ReviewSettings = z.infer<typeof ReviewSettings>;
