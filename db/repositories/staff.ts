import type { StaffRole } from '../../contracts/auth';
import type { Db } from '../open';
import { prepared } from '../statement-cache';

export interface StaffRow {
  id: number;
  staffNo: string;
  name: string;
  role: StaffRole;
  /** scrypt$N$r$p$salt$hash; never leaves the host. */
  pinHash: string;
  failedAttempts: number;
  lockedUntil: string | null;
  active: boolean;
  /** Set for a service steward (首席服务管家): the work phone citizens see. */
  stewardPhone: string | null;
  /** The window this person usually works at (informational; sign-in picks the window). */
  windowNumber: number | null;
}

export interface NewStaff {
  staffNo: string;
  name: string;
  role: StaffRole;
  pinHash: string;
  active?: boolean;
  stewardPhone?: string | null;
  windowNumber?: number | null;
}

export interface StaffPatch {
  name?: string;
  role?: StaffRole;
  pinHash?: string;
  active?: boolean;
  stewardPhone?: string | null;
  windowNumber?: number | null;
}

const STAFF_COLUMNS = `id, staff_no AS staffNo, name, role, pin_hash AS pinHash,
  failed_attempts AS failedAttempts, locked_until AS lockedUntil, active, steward_phone AS stewardPhone,
  window_number AS windowNumber`;

type RawStaff = Omit<StaffRow, 'active'> & { active: number };

const toStaff = (row: RawStaff): StaffRow => ({ ...row, active: row.active === 1 });

export function insertStaff(db: Db, staff: NewStaff): StaffRow {
  const row = db
    .prepare(
      `INSERT INTO staff (staff_no, name, role, pin_hash, active, steward_phone, window_number)
       VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING ${STAFF_COLUMNS}`,
    )
    .get(
      staff.staffNo,
      staff.name,
      staff.role,
      staff.pinHash,
      staff.active === false ? 0 : 1,
      staff.stewardPhone ?? null,
      staff.windowNumber ?? null,
    ) as RawStaff;
  return toStaff(row);
}

/** Applies the fields present in `patch`; a new PIN hash also clears any lockout. */
export function updateStaff(db: Db, id: number, patch: StaffPatch): StaffRow | undefined {
  const sets: string[] = [];
  const values: (string | number | null)[] = [];
  const set = (column: string, value: string | number | null) => {
    sets.push(`${column} = ?`);
    values.push(value);
  };
  if (patch.name !== undefined) set('name', patch.name);
  if (patch.role !== undefined) set('role', patch.role);
  if (patch.active !== undefined) set('active', patch.active ? 1 : 0);
  if (patch.stewardPhone !== undefined) set('steward_phone', patch.stewardPhone);
  if (patch.windowNumber !== undefined) set('window_number', patch.windowNumber);
  if (patch.pinHash !== undefined) {
    set('pin_hash', patch.pinHash);
    sets.push('failed_attempts = 0', 'locked_until = NULL');
  }
  if (sets.length === 0) return findStaffById(db, id);
  const row = db.prepare(`UPDATE staff SET ${sets.join(', ')} WHERE id = ? RETURNING ${STAFF_COLUMNS}`).get(...values, id) as
    RawStaff | undefined;
  return row && toStaff(row);
}

/** Forgets usual windows that are no longer among the hall's window numbers. */
export function clearStaleWindowNumbers(db: Db, windowNumbers: readonly number[]): void {
  db.prepare(
    `UPDATE staff SET window_number = NULL WHERE window_number IS NOT NULL
       AND window_number NOT IN (SELECT value FROM json_each(?))`,
  ).run(JSON.stringify(windowNumbers));
}

export function listStaff(db: Db): StaffRow[] {
  return (db.prepare(`SELECT ${STAFF_COLUMNS} FROM staff ORDER BY staff_no`).all() as RawStaff[]).map(toStaff);
}

/** `limit` accounts by staff number from `offset` (a page of the list route reads one more, to know there is a next). */
export function listStaffPage(db: Db, page: { limit: number; offset: number }): StaffRow[] {
  return (
    prepared(db, `SELECT ${STAFF_COLUMNS} FROM staff ORDER BY staff_no LIMIT ? OFFSET ?`).all(
      page.limit,
      page.offset,
    ) as RawStaff[]
  ).map(toStaff);
}

export function findStaffById(db: Db, id: number): StaffRow | undefined {
  const row = db.prepare(`SELECT ${STAFF_COLUMNS} FROM staff WHERE id = ?`).get(id) as RawStaff | undefined;
  return row && toStaff(row);
}

export function findStaffByNo(db: Db, staffNo: string): StaffRow | undefined {
  const row = db.prepare(`SELECT ${STAFF_COLUMNS} FROM staff WHERE staff_no = ?`).get(staffNo) as RawStaff | undefined;
  return row && toStaff(row);
}

// --- lockout -----------------------------------------------------------------

/**
 * The old per-account lock columns. Since issue 18 the host throttles sign-in per client in memory
 * (host/auth/sign-in-throttle.ts) and sets no lock here; a new PIN still clears what a row holds.
 */
export function setLockout(db: Db, id: number, failedAttempts: number, lockedUntil: string | null): void {
  db.prepare('UPDATE staff SET failed_attempts = ?, locked_until = ? WHERE id = ?').run(failedAttempts, lockedUntil, id);
}

// --- sessions ----------------------------------------------------------------

export interface SessionRow {
  tokenHash: string;
  staffId: number;
  windowId: number | null;
  createdAt: string;
  expiresAt: string;
}

const SESSION_COLUMNS =
  'token_hash AS tokenHash, staff_id AS staffId, window_id AS windowId, created_at AS createdAt, expires_at AS expiresAt';

export function insertSession(db: Db, session: SessionRow): void {
  db.prepare('INSERT INTO staff_sessions (token_hash, staff_id, window_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?)').run(
    session.tokenHash,
    session.staffId,
    session.windowId,
    session.createdAt,
    session.expiresAt,
  );
}

export function findSession(db: Db, tokenHash: string): SessionRow | undefined {
  return db.prepare(`SELECT ${SESSION_COLUMNS} FROM staff_sessions WHERE token_hash = ?`).get(tokenHash) as
    SessionRow | undefined;
}

export function deleteSession(db: Db, tokenHash: string): boolean {
  return db.prepare('DELETE FROM staff_sessions WHERE token_hash = ?').run(tokenHash).changes > 0;
}

/** Removes sessions whose expiry (ISO instant) is at or before `now` and returns them. */
export function deleteExpiredSessions(db: Db, now: string): SessionRow[] {
  return db.prepare(`DELETE FROM staff_sessions WHERE expires_at <= ? RETURNING ${SESSION_COLUMNS}`).all(now) as SessionRow[];
}

export function deleteSessionsOfStaff(db: Db, staffId: number): SessionRow[] {
  return db.prepare(`DELETE FROM staff_sessions WHERE staff_id = ? RETURNING ${SESSION_COLUMNS}`).all(staffId) as SessionRow[];
}

/** Detaches a window from every session except `exceptStaffId`'s (the window now belongs to that staff member). */
export function detachWindowFromOtherSessions(db: Db, windowId: number, exceptStaffId: number): void {
  db.prepare('UPDATE staff_sessions SET window_id = NULL WHERE window_id = ? AND staff_id <> ?').run(windowId, exceptStaffId);
}

/** Detaches a staff member's sessions from every window but `keepWindowId` (one staff member, one window). */
export function detachStaffSessionsFromOtherWindows(db: Db, staffId: number, keepWindowId: number): void {
  db.prepare('UPDATE staff_sessions SET window_id = NULL WHERE staff_id = ? AND window_id <> ?').run(staffId, keepWindowId);
}

// --- windows.staff_id ----------------------------------------------------------

/** The staff member at a window: a staff id, null when nobody is, undefined when there is no such window (or it is retired). */
export function windowStaffId(db: Db, windowId: number): number | null | undefined {
  const row = db.prepare('SELECT staff_id AS staffId FROM windows WHERE id = ? AND retired = 0').get(windowId) as
    { staffId: number | null } | undefined;
  return row?.staffId;
}

export function assignWindow(db: Db, windowId: number, staffId: number): void {
  db.prepare('UPDATE windows SET staff_id = ? WHERE id = ?').run(staffId, windowId);
}

/** Frees every window a staff member holds except `keepWindowId`. */
export function releaseStaffWindows(db: Db, staffId: number, keepWindowId: number | null = null): void {
  db.prepare('UPDATE windows SET staff_id = NULL WHERE staff_id = ? AND id IS NOT ?').run(staffId, keepWindowId);
}

/**
 * Frees a window held by `staffId` unless another live session of theirs still
 * sits at it (the same person signed in at the counter PC and a tablet).
 */
export function releaseWindowIfUnused(db: Db, windowId: number, staffId: number): boolean {
  return (
    db
      .prepare(
        `UPDATE windows SET staff_id = NULL WHERE id = ? AND staff_id = ?
         AND NOT EXISTS (SELECT 1 FROM staff_sessions WHERE staff_id = ? AND window_id = ?)`,
      )
      .run(windowId, staffId, staffId, windowId).changes > 0
  );
}
