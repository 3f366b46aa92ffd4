import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findStaffByNo, setLockout } from '../../../db/repositories/staff';
import { hashPin } from '../../../host/auth/pin-hash';
import { seedStaff } from '../../../host/auth/seed-staff';
import { auditText, FakeClock, openTestDb, testPepper, type TestDb } from './support';

describe('seedStaff', () => {
  let t: TestDb;
  beforeEach(() => {
    t = openTestDb();
  });
  afterEach(() => t.dispose());

  it('creates, then leaves an unchanged seed alone (lockout included), then applies changes', async () => {
    const clock = new FakeClock();
    const pinHash = await hashPin('120034');
    const seed = { staffNo: 'A001', name: '张三', role: 'staff' as const, pinHash };
    expect(seedStaff(t.db, [seed], clock, testPepper)).toEqual({ created: 1, updated: 0, unchanged: 0 });

    const id = findStaffByNo(t.db, 'A001')?.id ?? 0;
    setLockout(t.db, id, 5, '2025-03-03T01:15:00.000Z');
    expect(seedStaff(t.db, [seed], clock, testPepper)).toEqual({ created: 0, updated: 0, unchanged: 1 });
    expect(findStaffByNo(t.db, 'A001')).toMatchObject({
      pinHash: testPepper.seal(pinHash),
      failedAttempts: 5,
      lockedUntil: '2025-03-03T01:15:00.000Z',
    });

    const newHash = await hashPin('560078');
    expect(seedStaff(t.db, [{ ...seed, role: 'supervisor', pinHash: newHash }], clock, testPepper)).toEqual({
      created: 0,
      updated: 1,
      unchanged: 0,
    });
    expect(findStaffByNo(t.db, 'A001')).toMatchObject({
      role: 'supervisor',
      // Stored sealed with the install's pepper, never as the config file wrote it.
      pinHash: testPepper.seal(newHash),
      failedAttempts: 0,
      lockedUntil: null,
    });

    const text = auditText(t.db);
    expect(text).not.toContain(pinHash);
    expect(text).not.toContain(newHash);
    expect(text).not.toContain(testPepper.seal(newHash));
    expect(text).not.toContain('张三');
  });
});
