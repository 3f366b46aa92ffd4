import { createHash, randomBytes } from 'node:crypto';
import type { DistrictRole, DistrictStaff } from '../../contracts/platform-console';
import type { Sql } from '../db/sql';
import {
  clearFailures,
  deleteExpiredSessions,
  deleteSession,
  failuresOf,
  insertSession,
  insertStaff,
  recordFailure,
  staffByUsername,
  touchSession,
} from '../store/district-staff';
import { hashPassword, NOBODY_HASH, verifyPassword } from './password';

/** How sessions and lockouts are timed; the defaults are the district's rules. */
export interface SessionRules {
  /** A session unused this long ends (each use moves it on). */
  idleMs: number;
  /** A session ends this long after sign-in however much it is used. */
  absoluteMs: number;
  /** This many failed sign-ins of one name within `failureWindowMs` lock the name… */
  failureLimit: number;
  failureWindowMs: number;
  /** …for this long. */
  lockoutMs: number;
}

export const DEFAULT_SESSION_RULES: SessionRules = {
  idleMs: 30 * 60_000,
  absoluteMs: 12 * 3_600_000,
  failureLimit: 5,
  failureWindowMs: 15 * 60_000,
  lockoutMs: 15 * 60_000,
};

export type SignInOutcome =
  | { kind: 'ok'; token: string; staff: DistrictStaff; expiresAt: Date }
  | { kind: 'bad_credentials' }
  | { kind: 'locked_out'; retryAfterSeconds: number };

export interface SignedInStaff extends DistrictStaff {
  expiresAt: Date;
  /** The complaint person the account acts as (营商诉求), or null. */
  personId: string | null;
}

/** Only the sha256 of a token is stored or looked up. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * District staff accounts and their sessions, in PostgreSQL so every platform instance shares
 * them. Sign-in counts every attempt against the name typed BEFORE the password is checked (in
 * its own committed transaction), so parallel guesses cannot slip past the limit; a success
 * clears the count. A name without an account costs the same scrypt work and gets the same
 * answers, lockout included, so neither timing nor lockout tells which names exist.
 */
export class DistrictStaffService {
  constructor(
    private readonly sql: Sql,
    private readonly now: () => Date,
    private readonly rules: SessionRules = DEFAULT_SESSION_RULES,
  ) {}

  /** Adds an account (false: the username is taken). For the demo seed, scripts and tests. */
  async addAccount(account: {
    username: string;
    name: string;
    role: DistrictRole;
    password: string;
    personId?: string;
  }): Promise<boolean> {
    return insertStaff(this.sql, {
      username: account.username,
      name: account.name,
      role: account.role,
      passwordHash: await hashPassword(account.password),
      createdAt: this.now(),
      personId: account.personId ?? null,
    });
  }

  async signIn(username: string, password: string): Promise<SignInOutcome> {
    const now = this.now();
    const counted = await this.sql.transaction(async (tx) => {
      const before = await failuresOf(tx, username);
      if (before?.lockedUntil && before.lockedUntil > now) return { locked: before.lockedUntil };
      const windowStart = new Date(now.getTime() - this.rules.failureWindowMs);
      const lockUntil = new Date(now.getTime() + this.rules.lockoutMs);
      await recordFailure(tx, username, now, windowStart, this.rules.failureLimit, lockUntil);
      return { locked: null };
    });
    if (counted.locked !== null) {
      return { kind: 'locked_out', retryAfterSeconds: Math.max(1, Math.ceil((counted.locked.getTime() - now.getTime()) / 1000)) };
    }

    const account = await staffByUsername(this.sql, username);
    const matches = await verifyPassword(password, account?.passwordHash ?? NOBODY_HASH);
    if (!account || account.disabled || !matches) return { kind: 'bad_credentials' };

    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + this.rules.idleMs);
    await this.sql.transaction(async (tx) => {
      await clearFailures(tx, username);
      await deleteExpiredSessions(tx, now);
      await insertSession(tx, {
        tokenHash: tokenHash(token),
        staffId: account.id,
        createdAt: now,
        expiresAt,
        absoluteExpiresAt: new Date(now.getTime() + this.rules.absoluteMs),
      });
    });
    return { kind: 'ok', token, staff: { username: account.username, name: account.name, role: account.role }, expiresAt };
  }

  /** The staff a bearer token signs in, its session moved on; undefined for an unknown, ended or disabled one. */
  async authenticate(token: string): Promise<SignedInStaff | undefined> {
    const now = this.now();
    const row = await touchSession(this.sql, tokenHash(token), now, new Date(now.getTime() + this.rules.idleMs));
    return row && { username: row.username, name: row.name, role: row.role, expiresAt: row.expiresAt, personId: row.personId };
  }

  async signOut(token: string): Promise<void> {
    await deleteSession(this.sql, tokenHash(token));
  }
}
