import { ReviewOutOfOrder, type ReviewFollowup } from '../../../contracts/reviews';
import { ApiClientError } from '../../api/client';
import { MANAGER_KEYS } from '../session';

/** The section's query keys, all under the console's, so signing out drops them. */
export const REVIEW_KEYS = {
  all: [...MANAGER_KEYS.all, 'reviews'] as const,
  list: (filters: object) => [...MANAGER_KEYS.all, 'reviews', 'list', filters] as const,
  detail: (evaluationId: string) => [...MANAGER_KEYS.all, 'reviews', 'detail', evaluationId] as const,
  rates: (from: string, to: string) => [...MANAGER_KEYS.all, 'reviews', 'rates', from, to] as const,
  summary: [...MANAGER_KEYS.all, 'reviews', 'summary'] as const,
};

export type Tone = 'ok' | 'warn' | 'bad' | 'off';

/** How a deadline reads: a `mgrReviews.deadline.*` key, its count, and how loud it is. */
export interface DeadlineText {
  key: string;
  count?: number;
  tone: Tone;
}

/** "剩 N 个工作日 / 今天到期 / 已超期 N 个工作日", or how the rectification went. The host counted the days. */
export function deadlineOf(
  r: Pick<ReviewFollowup, 'status' | 'rectification' | 'overdue' | 'workingDaysLeft' | 'workingDaysOverdue'>,
): DeadlineText {
  if (r.status === 'overturned') return { key: 'mgrReviews.deadline.overturned', tone: 'off' };
  if (r.rectification) {
    return r.rectification.onTime
      ? { key: 'mgrReviews.deadline.rectifiedOnTime', tone: 'ok' }
      : { key: 'mgrReviews.deadline.rectifiedLate', tone: 'warn' };
  }
  if (r.overdue) return { key: 'mgrReviews.deadline.overdue', count: r.workingDaysOverdue ?? 1, tone: 'bad' };
  if (r.workingDaysLeft === 0) return { key: 'mgrReviews.deadline.dueToday', tone: 'warn' };
  return { key: 'mgrReviews.deadline.left', count: r.workingDaysLeft ?? 0, tone: r.workingDaysLeft === 1 ? 'warn' : 'ok' };
}

/** The first day of `today`'s month to `today` (YYYY-MM-DD): the rates' default range. */
export function monthSoFar(today: string): { from: string; to: string } {
  return { from: `${today.slice(0, 8)}01`, to: today };
}

const REVIEW_CODES = [
  'review_unknown',
  'review_handler_unknown',
  'review_step_done',
  'review_closed',
  'review_overturned',
  'review_own_appeal',
] as const;

/**
 * The section's own message key for a refusal of the loop (a step out of order says what it
 * needs), or null for any other failure (the console's general messages).
 */
export function refusalKey(error: unknown): string | null {
  if (!(error instanceof ApiClientError)) return null;
  if (error.code === 'review_out_of_order') {
    const details = ReviewOutOfOrder.safeParse(error.details);
    return details.success ? `mgrReviews.errors.needs.${details.data.needs}` : null;
  }
  if (error.code === 'invalid_request' && isField(error.details, 'calledAt')) return 'mgrReviews.errors.calledAt';
  const code = REVIEW_CODES.find((c) => c === error.code);
  return code === undefined ? null : `mgrReviews.errors.${code}`;
}

function isField(details: unknown, field: string): boolean {
  return typeof details === 'object' && details !== null && 'field' in details && details.field === field;
}
