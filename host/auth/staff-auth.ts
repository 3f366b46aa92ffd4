import type { StaffPrincipal } from '../../contracts/auth';
import type { Db } from '../../db/open';
import {
  assignWindow,
  deleteExpiredSessions,
  deleteSession,
  deleteSessionsOfStaff,
  detachStaffSessionsFromOtherWindows,
  detachWindowFromOtherSessions,
  findSession,
  findStaffById,
  findStaffByNo,
  incrementFailedAttempts,
  insertSession,
  releaseStaffWindows,
  releaseWindowIfUnused,
  setLockout,
  windowStaffId,
  type SessionRow,
  type StaffRow,
} from '../../db/repositories/staff';
import { audit } from '../audit/audit';
import type { Clock } from '../clock/clock';
import { HostError } from '../errors/host-error';
import { dummyPinHash } from './dummy-hash';
import { verifyPin } from './pin-hash';
import { hashSessionToken, looksLikeSessionToken, newSessionToken } from './session-token';

export type { StaffPrincipal };

export interface LockoutPolicy {
  /** Consecutive wrong PINs that lock the account. */
  maxAttempts: number;
  lockMinutes: number;
}

export interface StaffAuthOptions {
  db: Db;
  clock: Clock;
  lockout?: LockoutPolicy;
  /** How long a session lasts: one working day plus evening service. */
  sessionHours?: number;
}

export interface SignInResult {
  /** The only time the token exists outside the client: the database keeps its hash. */
  token: string;
  staff: StaffPrincipal;
  expiresAt: string;
}

const DEFAULT_LOCKOUT: LockoutPolicy = { maxAttempts: 5, lockMinutes: 15 };

/** One message for unknown staff number, wrong PIN and deactivated account: no account enumeration. */
const BAD_CREDENTIALS = '工号或 PIN 不正确';

/**
 * Staff sign-in with number + PIN, lockout, bearer sessions and the window a
 * staff member works at. Every outcome is audited; no PIN reaches the audit
 * log or any other log.
 */
export class StaffAuth {
  private readonly db: Db;
  private readonly clock: Clock;
  private readonly lockout: LockoutPolicy;
  private sessionMs: number;

  constructor(options: StaffAuthOptions) {
    this.db = options.db;
    this.clock = options.clock;
    this.lockout = options.lockout ?? DEFAULT_LOCKOUT;
    this.sessionMs = (options.sessionHours ?? 12) * 3_600_000;
    // Warm the decoy hash now so the first unknown staff number is not slower than a known one.
    dummyPinHash().catch(() => undefined);
  }

  /** The hall settings changed the session length: sign-ins from now on last this long (running ones keep theirs). */
  setSessionHours(hours: number): void {
    this.sessionMs = hours * 3_600_000;
  }

  async signIn(staffNo: string, pin: string, windowId?: number): Promise<SignInResult> {
    this.purgeExpired();
    if (windowId !== undefined && windowStaffId(this.db, windowId) === undefined) {
      throw new HostError('window_unknown', `没有这个窗口: ${windowId}`);
    }
    const window = windowId ?? null;
    const staff = findStaffByNo(this.db, staffNo);
    if (!staff || !staff.active) {
      // Spend the same scrypt work as a real check so the reply time does not reveal the account.
      await verifyPin(pin, await dummyPinHash());
      this.audit('auth.sign_in_failed', {
        staffId: staff?.id ?? null,
        windowId: window,
        details: { reason: staff ? 'inactive' : 'unknown_staff' },
      });
      throw new HostError('unauthorized', BAD_CREDENTIALS);
    }

    const attempt = this.reserveAttempt(staff, window);
    const ok = await verifyPin(pin, staff.pinHash);
    if (!ok) {
      this.recordFailure(staff, attempt, window);
      throw new HostError('unauthorized', BAD_CREDENTIALS);
    }
    if (staff.role === 'technician' && windowId !== undefined) {
      setLockout(this.db, staff.id, 0, null);
      throw new HostError('forbidden', '技术人员账号不在窗口签到');
    }
    // Re-read the account: a supervisor may have deactivated it while the PIN was being checked.
    const session = this.db.transaction(() => {
      const current = findStaffById(this.db, staff.id);
      return current?.active ? this.openSession(current, window) : null;
    })();
    if (!session) throw new HostError('unauthorized', BAD_CREDENTIALS);
    return session;
  }

  /** The principal behind a bearer token, or null when it is unknown, expired or its account is deactivated. */
  verify(token: string): StaffPrincipal | null {
    if (!looksLikeSessionToken(token)) return null;
    const tokenHash = hashSessionToken(token);
    const session = findSession(this.db, tokenHash);
    if (!session) return null;
    if (session.expiresAt <= this.clock.now().toISOString()) {
      this.db.transaction(() => {
        if (deleteSession(this.db, tokenHash)) this.endSession(session, 'auth.session_expired');
      })();
      return null;
    }
    const staff = findStaffById(this.db, session.staffId);
    if (!staff?.active) return null;
    return principal(staff, session.windowId);
  }

  /** Ends the session (idempotent) and frees its window. */
  signOut(token: string): void {
    if (!looksLikeSessionToken(token)) return;
    const tokenHash = hashSessionToken(token);
    this.db.transaction(() => {
      const session = findSession(this.db, tokenHash);
      if (session && deleteSession(this.db, tokenHash)) this.endSession(session, 'auth.sign_out');
    })();
  }

  /** Ends every session of an account (deactivation) and frees its windows; call inside the caller's transaction. */
  endAllSessions(staffId: number): void {
    for (const session of deleteSessionsOfStaff(this.db, staffId))
      this.endSession(session, 'auth.sign_out', { reason: 'account_changed' });
    releaseStaffWindows(this.db, staffId);
  }

  /** Deletes expired sessions and frees the windows they held. */
  purgeExpired(): number {
    return this.db.transaction(() => {
      const expired = deleteExpiredSessions(this.db, this.clock.now().toISOString());
      for (const session of expired) this.endSession(session, 'auth.session_expired');
      return expired.length;
    })();
  }

  /**
   * Counts this attempt before the (slow, async) PIN check, so parallel
   * guesses cannot all slip in while the first ones are still hashing: at most
   * `maxAttempts` PINs are ever checked per lock period.
   */
  private reserveAttempt(staff: StaffRow, windowId: number | null): number {
    // The transaction returns the refusal instead of throwing it: a throw would roll back its audit entry.
    const outcome = this.db.transaction((): { attempt: number } | { lockedUntil: string } => {
      const now = this.clock.now();
      const lockedUntil = findStaffById(this.db, staff.id)?.lockedUntil ?? null;
      if (lockedUntil !== null && lockedUntil > now.toISOString()) {
        this.audit('auth.sign_in_failed', { staffId: staff.id, windowId, details: { reason: 'locked' } });
        return { lockedUntil };
      }
      // A lock that has run out gives a fresh set of attempts.
      if (lockedUntil !== null) setLockout(this.db, staff.id, 0, null);
      const attempt = incrementFailedAttempts(this.db, staff.id);
      if (attempt > this.lockout.maxAttempts) {
        // Only reachable by attempts racing the one that locks: lock without checking the PIN.
        const until = this.lockUntil(now);
        setLockout(this.db, staff.id, attempt, until);
        this.audit('auth.sign_in_failed', { staffId: staff.id, windowId, details: { reason: 'locked' } });
        return { lockedUntil: until };
      }
      return { attempt };
    })();
    if ('lockedUntil' in outcome) throw lockedOut(outcome.lockedUntil);
    return outcome.attempt;
  }

  private recordFailure(staff: StaffRow, attempt: number, windowId: number | null): void {
    const lockedUntil = this.db.transaction(() => {
      this.audit('auth.sign_in_failed', { staffId: staff.id, windowId, details: { reason: 'wrong_pin', attempt } });
      if (attempt < this.lockout.maxAttempts) return null;
      const until = this.lockUntil(this.clock.now());
      setLockout(this.db, staff.id, attempt, until);
      this.audit('auth.locked', { staffId: staff.id, windowId, details: { until, attempts: attempt } });
      return until;
    })();
    if (lockedUntil !== null) throw lockedOut(lockedUntil);
  }

  private openSession(staff: StaffRow, windowId: number | null): SignInResult {
    const now = this.clock.now();
    setLockout(this.db, staff.id, 0, null);
    if (windowId !== null) this.takeWindow(staff.id, windowId);
    const token = newSessionToken();
    const expiresAt = new Date(now.getTime() + this.sessionMs).toISOString();
    insertSession(this.db, {
      tokenHash: hashSessionToken(token),
      staffId: staff.id,
      windowId,
      createdAt: now.toISOString(),
      expiresAt,
    });
    this.audit('auth.sign_in', { staffId: staff.id, windowId });
    return { token, staff: principal(staff, windowId), expiresAt };
  }

  /** A window holds one staff member and a staff member one window; a newcomer replaces whoever was there. */
  private takeWindow(staffId: number, windowId: number): void {
    const previous = windowStaffId(this.db, windowId) ?? null;
    if (previous !== null && previous !== staffId) {
      detachWindowFromOtherSessions(this.db, windowId, staffId);
      this.audit('auth.window_replaced', { staffId, windowId, details: { replacedStaffId: previous } });
    }
    releaseStaffWindows(this.db, staffId, windowId);
    detachStaffSessionsFromOtherWindows(this.db, staffId, windowId);
    assignWindow(this.db, windowId, staffId);
  }

  private endSession(
    session: SessionRow,
    action: 'auth.sign_out' | 'auth.session_expired',
    details?: Record<string, unknown>,
  ): void {
    if (session.windowId !== null) releaseWindowIfUnused(this.db, session.windowId, session.staffId);
    this.audit(action, { staffId: session.staffId, windowId: session.windowId, ...(details ? { details } : {}) });
  }

  private lockUntil(now: Date): string {
    return new Date(now.getTime() + this.lockout.lockMinutes * 60_000).toISOString();
  }

  private audit(action: string, facts: Parameters<typeof audit>[3]): void {
    audit(this.db, this.clock, action, facts);
  }
}

function principal(staff: StaffRow, windowId: number | null): StaffPrincipal {
  return { id: staff.id, staffNo: staff.staffNo, name: staff.name, role: staff.role, windowId };
}

function lockedOut(until: string): HostError {
  return new HostError('locked_out', 'PIN 错误次数过多，账号已暂时锁定', { lockedUntil: until });
}
