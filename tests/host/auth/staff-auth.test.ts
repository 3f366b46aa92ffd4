import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findStaffById, insertStaff } from '../../../db/repositories/staff';
import { hashPin } from '../../../host/auth/pin-hash';
import { StaffAuth } from '../../../host/auth/staff-auth';
import { HostError } from '../../../host/errors/host-error';
import { auditActions, auditText, FakeClock, openTestDb, windowStaff, testPepper, type TestDb } from './support';

const PIN = '482913';

async function failure(p: Promise<unknown>): Promise<HostError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof HostError)) throw new Error(`expected a HostError, got ${String(err)}`);
  return err;
}

describe('StaffAuth', () => {
  let t: TestDb;
  let clock: FakeClock;
  let auth: StaffAuth;
  let aliceId: number;
  let bobId: number;
  const win = (n: number) => t.windows.get(n) ?? 0;

  beforeEach(async () => {
    t = openTestDb();
    clock = new FakeClock();
    auth = new StaffAuth({ db: t.db, clock, pepper: testPepper });
    const pinHash = await hashPin(PIN);
    aliceId = insertStaff(t.db, { staffNo: 'A001', name: '张三', role: 'staff', pinHash }).id;
    bobId = insertStaff(t.db, { staffNo: 'A002', name: '李四', role: 'staff', pinHash }).id;
  });
  afterEach(() => t.dispose());

  it('signs in with number + PIN, verifies the token and signs out', async () => {
    const result = await auth.signIn('A001', PIN);
    expect(result.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(result.staff).toEqual({ id: aliceId, staffNo: 'A001', name: '张三', role: 'staff', windowId: null });
    expect(result.expiresAt).toBe('2025-03-03T13:00:00.000Z');
    expect(auth.verify(result.token)).toEqual(result.staff);

    // Only the token's hash is stored.
    const stored = t.db.prepare('SELECT token_hash AS h FROM staff_sessions').all() as { h: string }[];
    expect(stored).toHaveLength(1);
    expect(stored[0]?.h).not.toContain(result.token);

    auth.signOut(result.token);
    expect(auth.verify(result.token)).toBeNull();
    auth.signOut(result.token); // idempotent
    expect(auditActions(t.db)).toEqual(['auth.sign_in', 'auth.sign_out']);
  });

  it('rejects unknown, malformed and foreign tokens', async () => {
    await auth.signIn('A001', PIN);
    expect(auth.verify('')).toBeNull();
    expect(auth.verify('x'.repeat(43))).toBeNull();
    expect(auth.verify('not a token')).toBeNull();
  });

  it('ends a session after sessionHours (fake clock) and frees its window', async () => {
    const { token } = await auth.signIn('A001', PIN, win(1));
    clock.advanceMinutes(12 * 60 - 1);
    expect(auth.verify(token)?.windowId).toBe(win(1));
    clock.advanceMinutes(1);
    expect(auth.verify(token)).toBeNull();
    expect(windowStaff(t.db, win(1))).toBeNull();
    expect(auditActions(t.db)).toContain('auth.session_expired');
  });

  it('gives an unknown staff number and a wrong PIN the same error', async () => {
    const unknown = await failure(auth.signIn('Z999', PIN));
    const wrong = await failure(auth.signIn('A001', '000000'));
    expect(unknown.code).toBe('unauthorized');
    expect({ code: wrong.code, message: wrong.message, details: wrong.details }).toEqual({
      code: unknown.code,
      message: unknown.message,
      details: unknown.details,
    });
  });

  it('treats a deactivated account like an unknown one and ignores its old sessions', async () => {
    const { token } = await auth.signIn('A001', PIN);
    t.db.prepare('UPDATE staff SET active = 0 WHERE id = ?').run(aliceId);
    expect(auth.verify(token)).toBeNull();
    expect((await failure(auth.signIn('A001', PIN))).code).toBe('unauthorized');
  });

  it('locks after 5 wrong PINs for 15 minutes, even against the right PIN, then lets the staff member in', async () => {
    for (let i = 1; i <= 4; i += 1) expect((await failure(auth.signIn('A001', '111111'))).code).toBe('unauthorized');
    const fifth = await failure(auth.signIn('A001', '111111'));
    expect(fifth.code).toBe('locked_out');
    expect(fifth.details).toEqual({ lockedUntil: '2025-03-03T01:15:00.000Z' });
    expect(fifth.httpStatus).toBe(429);

    expect((await failure(auth.signIn('A001', PIN))).code).toBe('locked_out');
    clock.advanceMinutes(14);
    expect((await failure(auth.signIn('A001', PIN))).code).toBe('locked_out');
    // Another account is unaffected.
    await expect(auth.signIn('A002', PIN)).resolves.toMatchObject({ staff: { id: bobId } });

    clock.advanceMinutes(1);
    await expect(auth.signIn('A001', PIN)).resolves.toMatchObject({ staff: { id: aliceId } });
    expect(findStaffById(t.db, aliceId)).toMatchObject({ failedAttempts: 0, lockedUntil: null });
    expect(auditActions(t.db).filter((a) => a === 'auth.locked')).toHaveLength(1);
  });

  it('gives a fresh set of attempts once a lock has run out, and a success resets the count', async () => {
    for (let i = 0; i < 4; i += 1) await failure(auth.signIn('A001', '111111'));
    await auth.signIn('A001', PIN);
    for (let i = 0; i < 4; i += 1) expect((await failure(auth.signIn('A001', '111111'))).code).toBe('unauthorized');
    expect((await failure(auth.signIn('A001', '111111'))).code).toBe('locked_out');
    clock.advanceMinutes(15);
    expect((await failure(auth.signIn('A001', '111111'))).code).toBe('unauthorized');
  });

  it('checks at most maxAttempts PINs even when guesses arrive in parallel', async () => {
    const guesses = Array.from({ length: 12 }, (_, i) => String(100000 + i));
    const results = await Promise.all(guesses.map((pin) => failure(auth.signIn('A001', pin))));
    expect(results.filter((e) => e.code === 'unauthorized')).toHaveLength(4);
    expect(results.filter((e) => e.code === 'locked_out')).toHaveLength(8);
    const wrongPinChecks = auditText(t.db).match(/wrong_pin/g) ?? [];
    expect(wrongPinChecks).toHaveLength(5);
  });

  it('audits failures without the PIN, and without the typed number for unknown accounts', async () => {
    await failure(auth.signIn('Z999', '902318'));
    await failure(auth.signIn('A001', '902318'));
    await auth.signIn('A001', PIN);
    const text = auditText(t.db);
    expect(text).not.toContain('902318');
    expect(text).not.toContain(PIN);
    expect(text).not.toContain('Z999');
    expect(text).not.toContain('张三');
    expect(auditActions(t.db)).toEqual(['auth.sign_in_failed', 'auth.sign_in_failed', 'auth.sign_in']);
  });

  it('records the window a staff member signs in at; a newcomer replaces the holder (audited)', async () => {
    const alice = await auth.signIn('A001', PIN, win(1));
    expect(alice.staff.windowId).toBe(win(1));
    expect(windowStaff(t.db, win(1))).toBe(aliceId);

    const bob = await auth.signIn('A002', PIN, win(1));
    expect(windowStaff(t.db, win(1))).toBe(bobId);
    expect(auth.verify(alice.token)?.windowId).toBeNull(); // still signed in, no longer at the window
    expect(auth.verify(bob.token)?.windowId).toBe(win(1));
    const replaced = t.db
      .prepare("SELECT staff_id AS s, window_id AS w, details FROM audit_log WHERE action = 'auth.window_replaced'")
      .get();
    expect(replaced).toEqual({ s: bobId, w: win(1), details: JSON.stringify({ replacedStaffId: aliceId }) });

    // Alice's sign-out does not free Bob's window; Bob's does.
    auth.signOut(alice.token);
    expect(windowStaff(t.db, win(1))).toBe(bobId);
    auth.signOut(bob.token);
    expect(windowStaff(t.db, win(1))).toBeNull();
  });

  it('moves a staff member who signs in at another window (one window each)', async () => {
    const first = await auth.signIn('A001', PIN, win(1));
    await auth.signIn('A001', PIN, win(2));
    expect(windowStaff(t.db, win(1))).toBeNull();
    expect(windowStaff(t.db, win(2))).toBe(aliceId);
    expect(auth.verify(first.token)?.windowId).toBeNull();
  });

  it('refuses an unknown window and a technician at a window', async () => {
    expect((await failure(auth.signIn('A001', PIN, 999))).code).toBe('window_unknown');
    insertStaff(t.db, { staffNo: 'T001', name: '王五', role: 'technician', pinHash: await hashPin(PIN) });
    expect((await failure(auth.signIn('T001', PIN, win(3)))).code).toBe('forbidden');
    expect(windowStaff(t.db, win(3))).toBeNull();
    await expect(auth.signIn('T001', PIN)).resolves.toMatchObject({ staff: { role: 'technician', windowId: null } });
  });
});
