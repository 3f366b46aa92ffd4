import {
  AppealReviewRequest,
  AssignReviewRequest,
  CallbackReviewRequest,
  DecideAppealRequest,
  RectifyReviewRequest,
  ReviewFollowup,
  ReviewList,
  ReviewListQuery,
  ReviewParams,
  ReviewRates,
  ReviewRatesQuery,
  ReviewSummary,
  VerifyReviewRequest,
} from '../reviews';
import { access, defineOperations, errorReplies } from './operation';

/**
 * 差评整改回访 (contracts/reviews.ts) in the manager console. Supervisors' business, reads
 * included: a 差评 names a clerk and carries what the citizen wrote, and following it up is the
 * supervisors' duty; technicians keep the machines and see the counts only (`reviewSummary`).
 * Served by each host for the ratings it holds: a secondary kiosk keeps the ratings given at it
 * (docs/architecture.md), so their follow-ups are answered there, not relayed to the hall.
 */
const supervisors = access.staff(['supervisor']);
const reviews = { tags: ['reviews'] } as const;
/** A step of the loop: 404 for an unknown 差评 (or handler), 409 for a step out of order. */
const stepReplies = { 200: ReviewFollowup, ...errorReplies(400, 404, 409) };
const step = { ...reviews, method: 'POST', access: supervisors, params: ReviewParams, responses: stepReplies } as const;

export const reviewOperations = defineOperations({
  reviews: {
    ...reviews,
    method: 'GET',
    path: '/reviews',
    access: supervisors,
    query: ReviewListQuery,
    responses: { 200: ReviewList, ...errorReplies(400) },
  },
  reviewSummary: {
    ...reviews,
    method: 'GET',
    path: '/reviews/summary',
    access: access.staff(['supervisor', 'technician']),
    responses: { 200: ReviewSummary },
  },
  reviewRates: {
    ...reviews,
    method: 'GET',
    path: '/reviews/rates',
    access: supervisors,
    query: ReviewRatesQuery,
    responses: { 200: ReviewRates, ...errorReplies(400) },
  },
  review: {
    ...reviews,
    method: 'GET',
    path: '/reviews/:evaluationId',
    access: supervisors,
    params: ReviewParams,
    responses: { 200: ReviewFollowup, ...errorReplies(400, 404) },
  },
  assignReview: { ...step, path: '/reviews/:evaluationId/assign', body: AssignReviewRequest },
  verifyReview: { ...step, path: '/reviews/:evaluationId/verify', body: VerifyReviewRequest },
  rectifyReview: { ...step, path: '/reviews/:evaluationId/rectify', body: RectifyReviewRequest },
  callbackReview: { ...step, path: '/reviews/:evaluationId/callback', body: CallbackReviewRequest },
  appealReview: { ...step, path: '/reviews/:evaluationId/appeal', body: AppealReviewRequest },
  decideReviewAppeal: { ...step, path: '/reviews/:evaluationId/appeal/decision', body: DecideAppealRequest },
  closeReview: { ...step, path: '/reviews/:evaluationId/close' },
});
