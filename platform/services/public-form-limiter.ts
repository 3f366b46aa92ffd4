import { createHash } from 'node:crypto';
import type { Sql } from '../db/sql';
import { countAttempt } from '../store/public-form-attempts';

export interface FormLimit {
  /** Submissions a client address may make in one window… */
  perWindow: number;
  /** …of this length, aligned to the clock (a new window every hour, by default). */
  windowMs: number;
}

export const DEFAULT_WEB_FORM_LIMIT: FormLimit = { perWindow: 5, windowMs: 3_600_000 };

export type LimitOutcome = { kind: 'allowed' } | { kind: 'limited'; retryAfterSeconds: number };

/**
 * The public web form's limit per client address: every submission is counted before it is
 * checked, in the database (every instance shares the count), under the address's sha256 (the
 * address itself is not kept). A form with no account is otherwise a way to flood the 营商局's
 * queue with complaints.
 */
export class PublicFormLimiter {
  constructor(
    private readonly sql: Sql,
    private readonly now: () => Date,
    private readonly limit: FormLimit = DEFAULT_WEB_FORM_LIMIT,
    /** What is counted: the web form's submissions, or another public form's tries (its own count). */
    private readonly scope: string = 'web-form',
  ) {}

  async count(clientAddress: string): Promise<LimitOutcome> {
    const now = this.now().getTime();
    const windowStart = now - (now % this.limit.windowMs);
    const clientHash = createHash('sha256').update(`${this.scope}:${clientAddress}`).digest('hex');
    const attempts = await countAttempt(this.sql, clientHash, new Date(windowStart));
    if (attempts <= this.limit.perWindow) return { kind: 'allowed' };
    return { kind: 'limited', retryAfterSeconds: Math.max(1, Math.ceil((windowStart + this.limit.windowMs - now) / 1000)) };
  }
}
