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
  insertSession,
  listStaff,
  releaseStaffWindows,
  releaseWindowIfUnused,
  updateStaff,
  windowStaffId,
  type SessionRow,
  type StaffRow,
} from '../../db/repositories/staff';
import { audit } from '../audit/audit';
import type { Clock } from '../clock/clock';
import { HostError } from '../errors/host-error';
import { dummyPinHash } from './dummy-hash';
import type { PinPepper } from './pin-pepper';
import { hashSessionToken, looksLikeSessionToken, newSessionToken } from './session-token';
import { SignInThrottle, type Attempt, type ThrottlePolicy } from './sign-in-throttle';

export type { StaffPrincipal };

export interface StaffAuthOptions {
  db: Db;
  clock: Clock;
  /** The install's PIN pepper: every hash this host stores or checks goes through it. */
  pepper: PinPepper;
  /** Failed sign-ins admitted per client and staff number, per client and overall (sign-in-throttle.ts). */
  throttle?: ThrottlePolicy;
  /** How long a session lasts: one working day plus evening service. */
  sessionHours?: number;
}

export interface SignInResult {
  /** The only time the token exists outside the client: the database keeps its hash. */
  token: string;
  staff: StaffPrincipal;
  expiresAt: string;
}

/** One message for unknown staff number, wrong PIN and deactivated account: no account enumeration. */
const BAD_CREDENTIALS = '工号或 PIN 不正确';

/** A client that gave no address (a caller inside this process, a test). */
const LOCAL_CLIENT = 'local';

/**
 * Staff sign-in with number + PIN, throttling, bearer sessions and the window a
 * staff member works at. Every outcome is audited; no PIN reaches the audit
 * log or any other log.
 */
export class StaffAuth {
  private readonly db: Db;
  private readonly clock: Clock;
  private readonly throttle: SignInThrottle;
  private readonly pepper: PinPepper;
  private sessionMs: number;

  constructor(options: StaffAuthOptions) {
    this.db = options.db;
    this.clock = options.clock;
    this.throttle = new SignInThrottle(options.clock, options.throttle);
    this.pepper = options.pepper;
    this.sealStoredHashes();
    this.sessionMs = (options.sessionHours ?? 12) * 3_600_000;
    // Warm the decoy hash now so the first unknown staff number is not slower than a known one.
    dummyPinHash().catch(() => undefined);
  }

  /** The hall settings changed the session length: sign-ins from now on last this long (running ones keep theirs). */
  setSessionHours(hours: number): void {
    this.sessionMs = hours * 3_600_000;
  }

  /**
   * `client` is the caller's address: failures are counted per client and staff number, per
   * client and overall, so a clerk at their own counter is never locked out by someone guessing
   * elsewhere. An unknown or disabled staff number is counted, checked against the decoy hash and
   * answered exactly as a real one.
   */
  async signIn(staffNo: string, pin: string, windowId?: number, client: string = LOCAL_CLIENT): Promise<SignInResult> {
    this.purgeExpired();
    if (windowId !== undefined && windowStaffId(this.db, windowId) === undefined) {
      throw new HostError('window_unknown', `没有这个窗口: ${windowId}`);
    }
    const window = windowId ?? null;
    const staff = findStaffByNo(this.db, staffNo);
    // Counted before the (slow) PIN check, so parallel guesses cannot slip past a limit.
    const reservation = this.throttle.reserve(client, staffNo);
    if ('refused' in reservation) {
      this.audit('auth.sign_in_failed', {
        staffId: staff?.id ?? null,
        windowId: window,
        details: { reason: 'throttled', limit: reservation.refused },
      });
      throw lockedOut(reservation.retryAt.toISOString());
    }
    const { attempt } = reservation;
    const usable = staff?.active ? staff : undefined;
    // An unknown or disabled number costs the same scrypt work as a real check: the reply time says nothing.
    const ok = await this.pepper.verify(pin, usable?.pinHash ?? (await dummyPinHash()));
    if (!usable || !ok) throw this.recordFailure(attempt, staff, window);
    this.throttle.succeeded(attempt);
    if (usable.role === 'technician' && windowId !== undefined) {
      throw new HostError('forbidden', '技术人员账号不在窗口签到');
    }
    // Re-read the account: a supervisor may have deactivated it, or set a new PIN, while the PIN was being checked.
    const session = this.db.transaction(() => {
      const current = findStaffById(this.db, usable.id);
      if (!current?.active || current.pinHash !== usable.pinHash) return null;
      // A plain hash stored since the host started (by hand, by another tool) is sealed at its first use.
      if (!this.pepper.isSealed(current.pinHash))
        updateStaff(this.db, current.id, { pinHash: this.pepper.seal(current.pinHash) });
      return this.openSession(current, window);
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

  /** A peppered hash of a new PIN, to store (account management hashes through here). */
  hashPin(pin: string): Promise<string> {
    return this.pepper.hash(pin);
  }

  /** A new PIN was set for this staff number: failures counted against it are forgotten. */
  forgetFailures(staffNo: string): void {
    this.throttle.forget(staffNo);
  }

  /**
   * Seals every plain hash in the database with the pepper, in one transaction: those an older
   * host stored, and any written there by hand. Sealing needs no PIN, so nobody is locked out.
   */
  private sealStoredHashes(): void {
    this.db.transaction(() => {
      for (const staff of listStaff(this.db))
        if (!this.pepper.isSealed(staff.pinHash)) updateStaff(this.db, staff.id, { pinHash: this.pepper.seal(staff.pinHash) });
    })();
  }

  /** Deletes expired sessions and frees the windows they held. */
  purgeExpired(): number {
    return this.db.transaction(() => {
      const expired = deleteExpiredSessions(this.db, this.clock.now().toISOString());
      for (const session of expired) this.endSession(session, 'auth.session_expired');
      return expired.length;
    })();
  }

  /** Audits a wrong PIN (or unknown, disabled number); the answer to throw: 401, or 429 when it filled the limit. */
  private recordFailure(attempt: Attempt, staff: StaffRow | undefined, windowId: number | null): HostError {
    const filled = this.throttle.failed(attempt);
    this.db.transaction(() => {
      const reason = !staff ? 'unknown_staff' : !staff.active ? 'inactive' : 'wrong_pin';
      this.audit('auth.sign_in_failed', { staffId: staff?.id ?? null, windowId, details: { reason } });
      if (filled) this.audit('auth.locked', { staffId: staff?.id ?? null, windowId, details: { until: filled.toISOString() } });
    })();
    return filled ? lockedOut(filled.toISOString()) : new HostError('unauthorized', BAD_CREDENTIALS);
  }

  private openSession(staff: StaffRow, windowId: number | null): SignInResult {
    const now = this.clock.now();
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

  private audit(action: string, facts: Parameters<typeof audit>[3]): void {
    audit(this.db, this.clock, action, facts);
  }
}

function principal(staff: StaffRow, windowId: number | null): StaffPrincipal {
  return { id: staff.id, staffNo: staff.staffNo, name: staff.name, role: staff.role, windowId };
}

function lockedOut(until: string): HostError {
  return new HostError('locked_out', '尝试次数过多，请稍后再试', { lockedUntil: until });
}
