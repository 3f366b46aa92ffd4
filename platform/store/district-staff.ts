import type { DistrictRole } from '../../contracts/platform-console';
import type { Sql } from '../db/sql';

export interface StaffRow {
  id: number;
  username: string;
  name: string;
  role: DistrictRole;
  passwordHash: string;
  disabled: boolean;
}

const STAFF_COLUMNS = `s.id, s.username, s.name, s.role, s.password_hash AS "passwordHash", s.disabled`;

export async function staffByUsername(sql: Sql, username: string): Promise<StaffRow | undefined> {
  const [row] = await sql.query<StaffRow>(`SELECT ${STAFF_COLUMNS} FROM district_staff s WHERE s.username = $1`, [username]);
  return row;
}

export interface NewStaff {
  username: string;
  name: string;
  role: DistrictRole;
  passwordHash: string;
  createdAt: Date;
  /** The complaint person the account acts as (migration 006), if any. */
  personId?: string | null;
}

/** Inserts an account; an existing username is left as it is (false). */
export async function insertStaff(sql: Sql, staff: NewStaff): Promise<boolean> {
  const rows = await sql.query(
    `INSERT INTO district_staff (username, name, role, password_hash, created_at, person_id) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (username) DO NOTHING
     RETURNING id`,
    [staff.username, staff.name, staff.role, staff.passwordHash, staff.createdAt.toISOString(), staff.personId ?? null],
  );
  return rows.length > 0;
}

/** The complaint people who have a console account. */
export async function personIdsWithAccounts(sql: Sql): Promise<string[]> {
  const rows = await sql.query<{ personId: string }>(
    `SELECT person_id AS "personId" FROM district_staff WHERE person_id IS NOT NULL ORDER BY person_id`,
  );
  return rows.map((row) => row.personId);
}

// ── sessions ────────────────────────────────────────────────────────────

export interface NewSession {
  tokenHash: string;
  staffId: number;
  createdAt: Date;
  expiresAt: Date;
  absoluteExpiresAt: Date;
}

export async function insertSession(sql: Sql, session: NewSession): Promise<void> {
  await sql.query(
    `INSERT INTO district_sessions (token_hash, staff_id, created_at, expires_at, absolute_expires_at)
     VALUES ($1, $2, $3, $4, $5)`,
    [
      session.tokenHash,
      session.staffId,
      session.createdAt.toISOString(),
      session.expiresAt.toISOString(),
      session.absoluteExpiresAt.toISOString(),
    ],
  );
}

export interface SessionStaff {
  username: string;
  name: string;
  role: DistrictRole;
  expiresAt: Date;
  /** The complaint person the account acts as; null for an account that is no one's. */
  personId: string | null;
}

/**
 * The staff of a live session (not expired at `now`, account not disabled), its idle expiry
 * moved to `extendTo` (never past the absolute one) in the same statement: one round trip per
 * request, on whichever instance it lands.
 */
export async function touchSession(sql: Sql, tokenHash: string, now: Date, extendTo: Date): Promise<SessionStaff | undefined> {
  const [row] = await sql.query<SessionStaff>(
    `UPDATE district_sessions ds SET expires_at = least($3::timestamptz, ds.absolute_expires_at)
     FROM district_staff s
     WHERE ds.token_hash = $1 AND ds.staff_id = s.id AND ds.expires_at > $2 AND NOT s.disabled
     RETURNING s.username, s.name, s.role, ds.expires_at AS "expiresAt", s.person_id AS "personId"`,
    [tokenHash, now.toISOString(), extendTo.toISOString()],
  );
  return row;
}

export async function deleteSession(sql: Sql, tokenHash: string): Promise<void> {
  await sql.query('DELETE FROM district_sessions WHERE token_hash = $1', [tokenHash]);
}

/** Drops sessions that ended before `now` (housekeeping at sign-in: the table stays small). */
export async function deleteExpiredSessions(sql: Sql, now: Date): Promise<void> {
  await sql.query('DELETE FROM district_sessions WHERE expires_at <= $1', [now.toISOString()]);
}

// ── failed sign-ins ─────────────────────────────────────────────────────

export interface FailureRow {
  failures: number;
  lockedUntil: Date | null;
}

/**
 * The first key of the sign-in advisory locks (`pg_advisory_xact_lock(int, int)`, the second is
 * the name's hash): "SI".
 */
const SIGN_IN_LOCK = 0x5349;

/**
 * The failures of a name, the name locked until the transaction ends: parallel guesses count one
 * by one. The lock is an advisory lock on the name, not the row's: before a name's first failure
 * there is no row to lock, and parallel first guesses would all read "no failures".
 */
export async function failuresOf(tx: Sql, username: string): Promise<FailureRow | undefined> {
  await tx.query(`SELECT pg_advisory_xact_lock(${SIGN_IN_LOCK}, hashtext($1))`, [username]);
  const [row] = await tx.query<FailureRow>(
    `SELECT failures, locked_until AS "lockedUntil" FROM district_sign_in_failures WHERE username = $1 FOR UPDATE`,
    [username],
  );
  return row;
}

/**
 * Counts one more failure of `username` (a row made at the first), or restarts the count when the
 * last failure is older than `windowStart`; locks the name until `lockUntil` once the count
 * reaches `limit`. Returns the new count and lock.
 */
export async function recordFailure(
  tx: Sql,
  username: string,
  at: Date,
  windowStart: Date,
  limit: number,
  lockUntil: Date,
): Promise<FailureRow> {
  const [row] = await tx.query<FailureRow>(
    `INSERT INTO district_sign_in_failures AS f (username, failures, last_failure_at, locked_until)
     VALUES ($1, 1, $2, CASE WHEN $4::integer <= 1 THEN $5::timestamptz END)
     ON CONFLICT (username) DO UPDATE SET
       failures = CASE WHEN f.last_failure_at < $3 THEN 1 ELSE f.failures + 1 END,
       last_failure_at = excluded.last_failure_at,
       locked_until = CASE
         WHEN (CASE WHEN f.last_failure_at < $3 THEN 1 ELSE f.failures + 1 END) >= $4 THEN $5::timestamptz
         ELSE NULL END
     RETURNING failures, locked_until AS "lockedUntil"`,
    [username, at.toISOString(), windowStart.toISOString(), limit, lockUntil.toISOString()],
  );
  if (row === undefined) throw new Error('the failure upsert returned nothing');
  return row;
}

export async function clearFailures(tx: Sql, username: string): Promise<void> {
  await tx.query('DELETE FROM district_sign_in_failures WHERE username = $1', [username]);
}
