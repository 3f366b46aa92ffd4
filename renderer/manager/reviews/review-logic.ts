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

const wallFormatters = new Map<string, Intl.DateTimeFormat>();

function wallParts(instant: number, timeZone: string): Record<string, number> {
  let fmt = wallFormatters.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    wallFormatters.set(timeZone, fmt);
  }
  const parts: Record<string, number> = {};
  for (const p of fmt.formatToParts(new Date(instant))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return parts;
}

/** The zone's offset from UTC at an instant, in milliseconds. */
function offsetAt(instant: number, timeZone: string): number {
  const p = wallParts(instant, timeZone);
  const asUtc = Date.UTC(p.year ?? 1970, (p.month ?? 1) - 1, p.day ?? 1, p.hour ?? 0, p.minute ?? 0, p.second ?? 0);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

const pad = (n: number | undefined) => String(n ?? 0).padStart(2, '0');

/** An instant as the hall's wall clock, for a `datetime-local` field: `2026-12-03T09:30`. */
export function hallWallTime(instant: Date, timeZone: string): string {
  const p = wallParts(instant.getTime(), timeZone);
  return `${p.year ?? 1970}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}

/**
 * A wall time of the hall (`2026-12-03T09:30`, as a `datetime-local` field gives it) as an ISO
 * instant, with the zone's offset of that moment; null for a value that is no wall time.
 */
export function hallWallToIso(wall: string, timeZone: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(wall);
  if (!m) return null;
  const naive = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  // Twice: the offset at the guess may differ from the offset at the answer near a change.
  const guess = naive - offsetAt(naive, timeZone);
  return new Date(naive - offsetAt(guess, timeZone)).toISOString();
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
