import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StaffPrincipal } from '../../../contracts/auth';
import { HostError } from '../../../host/errors/host-error';
import { hashPin } from '../../../host/auth/pin-hash';
import { seedStaff } from '../../../host/auth/seed-staff';
import { StaffAccounts } from '../../../host/auth/staff-accounts';
import { StaffAuth } from '../../../host/auth/staff-auth';
import { auditActions, auditText, FakeClock, openTestDb, testPepper, type TestDb } from './support';

const SUPERVISOR_PIN = '735102';
const STAFF_PIN = '204867';

/** The account rules, held by the service whatever calls it (the route is only one caller). */
describe('StaffAccounts', () => {
  let t: TestDb;
  let clock: FakeClock;
  let auth: StaffAuth;
  let accounts: StaffAccounts;
  let supervisor: StaffPrincipal;

  beforeEach(async () => {
    t = openTestDb();
    clock = new FakeClock();
    seedStaff(
      t.db,
      [
        { staffNo: 'S001', name: '赵主任', role: 'supervisor', pinHash: await hashPin(SUPERVISOR_PIN) },
        { staffNo: 'A001', name: '张三', role: 'staff', pinHash: await hashPin(STAFF_PIN) },
      ],
      clock,
      testPepper,
    );
    auth = new StaffAuth({ db: t.db, clock, pepper: testPepper });
    accounts = new StaffAccounts({ db: t.db, clock, auth });
    supervisor = (await auth.signIn('S001', SUPERVISOR_PIN)).staff;
  });
  afterEach(() => t.dispose());

  const idOf = (staffNo: string) => accounts.list().find((a) => a.staffNo === staffNo)?.id ?? 0;
  const codeOf = async (work: Promise<unknown>) => {
    const error = await work.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(HostError);
    return (error as HostError).code;
  };

  it('refuses to let anyone demote or deactivate themselves, and writes nothing for it', async () => {
    const before = auditActions(t.db);
    expect(await codeOf(accounts.update(supervisor.id, { role: 'staff' }, supervisor))).toBe('forbidden');
    expect(await codeOf(accounts.update(supervisor.id, { active: false }, supervisor))).toBe('forbidden');
    expect(accounts.list().find((a) => a.id === supervisor.id)).toMatchObject({ role: 'supervisor', active: true });
    expect(auditActions(t.db)).toEqual(before);
    // Their own name, or their role restated, is no demotion.
    const renamed = await accounts.update(supervisor.id, { name: '赵处长', role: 'supervisor' }, supervisor);
    expect(renamed.staff).toMatchObject({ name: '赵处长', role: 'supervisor' });
  });

  it('creates an account with its audit row in one transaction; a taken staff number writes neither', async () => {
    const created = await accounts.create({ staffNo: 'A002', name: '李四', role: 'staff', windowNumber: 2 }, supervisor);
    expect(created.staff).toMatchObject({ staffNo: 'A002', role: 'staff', active: true, windowNumber: 2 });
    // No PIN given: the host made one up, shown this once.
    expect(created.oneTimePin).toMatch(/^\d{6,12}$/);
    expect((await auth.signIn('A002', created.oneTimePin ?? '')).staff.staffNo).toBe('A002');
    expect(await codeOf(accounts.create({ staffNo: 'A002', name: '王五', role: 'staff', pin: '135790' }, supervisor))).toBe(
      'staff_exists',
    );
    // A PIN given: nothing made up, nothing to show.
    const withPin = await accounts.create({ staffNo: 'A004', name: '孙八', role: 'staff', pin: '135790' }, supervisor);
    expect(withPin.oneTimePin).toBeUndefined();
    const count = auditActions(t.db).filter((a) => a === 'staff.create').length;
    expect(count).toBe(2);
    expect(accounts.list().find((a) => a.staffNo === 'A002')?.name).toBe('李四');
    expect(auditText(t.db)).not.toContain(created.oneTimePin);
  });

  it('refuses a usual window that is not one of the hall’s', async () => {
    expect(await codeOf(accounts.create({ staffNo: 'A003', name: '钱七', role: 'staff', windowNumber: 9 }, supervisor))).toBe(
      'window_unknown',
    );
    expect(await codeOf(accounts.update(idOf('A001'), { windowNumber: 9 }, supervisor))).toBe('window_unknown');
    expect(accounts.list().some((a) => a.staffNo === 'A003')).toBe(false);
  });

  it('deactivating an account ends its sessions in the same transaction as the change and its audit row', async () => {
    const clerk = await auth.signIn('A001', STAFF_PIN, t.windows.get(1));
    expect(auth.verify(clerk.token)).not.toBeNull();
    const updated = await accounts.update(clerk.staff.id, { active: false }, supervisor);
    expect(updated.staff.active).toBe(false);
    expect(auth.verify(clerk.token)).toBeNull();
    expect(auditActions(t.db).slice(-2)).toEqual(['staff.update', 'auth.sign_out']);
    expect(await codeOf(accounts.update(999, { name: '无名' }, supervisor))).toBe('not_found');
  });

  it('resets a PIN: a new one-time PIN that signs in, audited without it', async () => {
    const { staff, oneTimePin } = await accounts.resetPin(idOf('A001'), supervisor);
    expect(staff.staffNo).toBe('A001');
    expect((await auth.signIn('A001', oneTimePin)).staff.staffNo).toBe('A001');
    expect(auditActions(t.db)).toContain('staff.reset_pin');
    expect(auditText(t.db)).not.toContain(oneTimePin);
    expect(await codeOf(accounts.resetPin(999, supervisor))).toBe('not_found');
  });
});

/** Grants of supervisor or technician: asked by one, confirmed by a second supervisor (role-rules.ts). */
describe('StaffAccounts grants', () => {
  let t: TestDb;
  let clock: FakeClock;
  let accounts: StaffAccounts;
  const actor = (id: number, role: StaffPrincipal['role']) => ({ id, role, windowId: null });

  beforeEach(async () => {
    t = openTestDb();
    clock = new FakeClock();
    const pinHash = await hashPin(SUPERVISOR_PIN);
    seedStaff(
      t.db,
      [
        { staffNo: 'S001', name: '赵主任', role: 'supervisor', pinHash },
        { staffNo: 'S002', name: '钱主任', role: 'supervisor', pinHash },
        { staffNo: 'T001', name: '王工', role: 'technician', pinHash },
        { staffNo: 'A001', name: '张三', role: 'staff', pinHash },
      ],
      clock,
      testPepper,
    );
    accounts = new StaffAccounts({ db: t.db, clock, auth: new StaffAuth({ db: t.db, clock, pepper: testPepper }) });
  });
  afterEach(() => t.dispose());

  const idOf = (staffNo: string) => accounts.list().find((a) => a.staffNo === staffNo)?.id ?? 0;

  it('a technician asks for a technician; a supervisor confirms it, audited; the requester could not', async () => {
    const tech = actor(idOf('T001'), 'technician');
    const made = await accounts.create({ staffNo: 'T002', name: '李工', role: 'technician', pin: '135790' }, tech);
    expect(made.staff.active).toBe(false);
    expect(accounts.grants()).toHaveLength(1);
    expect(() => accounts.confirmGrant(made.pendingGrant?.id ?? 0, tech)).toThrow(HostError);
    const confirmed = accounts.confirmGrant(made.pendingGrant?.id ?? 0, actor(idOf('S001'), 'supervisor'));
    expect(confirmed.staff).toMatchObject({ role: 'technician', active: true });
    expect(accounts.grants()).toEqual([]);
    expect(auditActions(t.db)).toEqual(expect.arrayContaining(['staff.grant_request', 'staff.grant_confirm']));
  });

  it('a refused grant changes nothing; the grant cannot be confirmed afterwards', async () => {
    const first = actor(idOf('S001'), 'supervisor');
    const asked = await accounts.update(idOf('A001'), { role: 'supervisor' }, first);
    expect(asked.staff.role).toBe('staff');
    const grantId = asked.pendingGrant?.id ?? 0;
    expect(accounts.refuseGrant(grantId, first)).toEqual([]);
    expect(() => accounts.confirmGrant(grantId, actor(idOf('S002'), 'supervisor'))).toThrow(HostError);
    expect(accounts.list().find((a) => a.staffNo === 'A001')?.role).toBe('staff');
  });

  it('a technician withdraws only its own grant; a supervisor refuses any', async () => {
    const tech = actor(idOf('T001'), 'technician');
    const first = actor(idOf('S001'), 'supervisor');
    const asked = await accounts.update(idOf('A001'), { role: 'supervisor' }, first);
    const grantId = asked.pendingGrant?.id ?? 0;
    expect(() => accounts.refuseGrant(grantId, tech)).toThrow(expect.objectContaining({ code: 'forbidden' }));
    expect(accounts.grants()).toHaveLength(1);
    const own = await accounts.create({ staffNo: 'T002', name: '李工', role: 'technician', pin: '135790' }, tech);
    expect(accounts.refuseGrant(own.pendingGrant?.id ?? 0, tech)).toHaveLength(1);
    expect(accounts.refuseGrant(grantId, first)).toEqual([]);
  });

  it('nobody manages an account of their own rank or above, and a technician never asks for a supervisor', async () => {
    const tech = actor(idOf('T001'), 'technician');
    const first = actor(idOf('S001'), 'supervisor');
    await expect(accounts.update(idOf('S002'), { pin: '975310' }, first)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(accounts.update(idOf('A001'), { role: 'supervisor' }, tech)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(accounts.resetPin(idOf('T001'), first)).rejects.toMatchObject({ code: 'forbidden' });
    // Deactivating a supervisor who left is allowed: it takes a power away, it gives none.
    expect((await accounts.update(idOf('S002'), { active: false }, first)).staff.active).toBe(false);
    // Enabling them again is a grant, and waits for a second supervisor.
    const back = await accounts.update(idOf('S002'), { active: true }, first);
    expect(back.staff.active).toBe(false);
    expect(back.pendingGrant).toMatchObject({ role: 'supervisor', activates: true });
  });
});
