import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignInResponse, StaffList, StaffResponse } from '../../../contracts/auth';
import { ApiError } from '../../../contracts/errors';
import { signIn, testStaffSeeds, TEST_PIN } from '../../support/staff';
import { startTestHost, type TestHost } from '../../support/test-host';

/** Staff accounts as the console's hall settings edit them: usual window, generated PINs shown once. */
describe('staff accounts from the technician console', () => {
  let host: TestHost;
  let tech: { authorization: string };
  beforeAll(async () => {
    host = await startTestHost({ config: { staff: await testStaffSeeds(), devices: [] } });
    tech = await signIn(host.app, '8001');
  });
  afterAll(async () => {
    await host.dispose();
  });

  const signInWith = (staffNo: string, pin: string) =>
    host.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { staffNo, pin } });

  it('creates an account with a generated PIN shown once, and a usual window', async () => {
    const res = await host.app.inject({
      method: 'POST',
      url: '/api/v1/staff',
      headers: tech,
      payload: { staffNo: '2001', name: '赵六', role: 'staff', windowNumber: 3 },
    });
    expect(res.statusCode).toBe(201);
    const { staff, oneTimePin } = StaffResponse.parse(res.json());
    expect(staff).toMatchObject({ staffNo: '2001', windowNumber: 3, active: true });
    expect(oneTimePin).toMatch(/^\d{6}$/);
    expect(SignInResponse.parse((await signInWith('2001', oneTimePin ?? '')).json()).staff.staffNo).toBe('2001');
    // The list never shows it again.
    const list = await host.app.inject({ url: '/api/v1/staff', headers: tech });
    expect(list.body).not.toContain(oneTimePin);
    expect(StaffList.parse(list.json()).staff.find((s) => s.staffNo === '2001')?.windowNumber).toBe(3);
  });

  it('refuses a usual window the hall does not have', async () => {
    const res = await host.app.inject({
      method: 'POST',
      url: '/api/v1/staff',
      headers: tech,
      payload: { staffNo: '2002', name: '孙七', role: 'staff', windowNumber: 77 },
    });
    expect(ApiError.parse(res.json()).error.code).toBe('window_unknown');
  });

  it('resets a PIN: the new one works and is shown only in that answer; the old one stops working', async () => {
    const created = StaffResponse.parse(
      (
        await host.app.inject({
          method: 'POST',
          url: '/api/v1/staff',
          headers: tech,
          payload: { staffNo: '2003', name: '周八', role: 'staff', pin: '135790' },
        })
      ).json(),
    );
    expect(created.oneTimePin).toBeUndefined();
    const reset = await host.app.inject({ method: 'POST', url: `/api/v1/staff/${created.staff.id}/reset-pin`, headers: tech });
    const { oneTimePin } = StaffResponse.parse(reset.json());
    expect(oneTimePin).toMatch(/^\d{6}$/);
    expect((await signInWith('2003', '135790')).statusCode).toBe(401);
    expect((await signInWith('2003', oneTimePin ?? '')).statusCode).toBe(200);
    const audit = host.db.prepare("SELECT details FROM audit_log WHERE action = 'staff.reset_pin'").all() as {
      details: string;
    }[];
    expect(audit.map((a) => JSON.parse(a.details))).toEqual([{ targetStaffId: created.staff.id }]);
  });

  it('changes a usual window and disables an account; a clerk may not', async () => {
    const list = StaffList.parse((await host.app.inject({ url: '/api/v1/staff', headers: tech })).json()).staff;
    const clerk = list.find((s) => s.staffNo === '1001');
    if (!clerk) throw new Error('1001 missing');
    const asClerk = await host.app.inject({
      method: 'POST',
      url: `/api/v1/staff/${clerk.id}/reset-pin`,
      headers: await signIn(host.app, '1001'),
    });
    expect(asClerk.statusCode).toBe(403);
    const patched = await host.app.inject({
      method: 'PATCH',
      url: `/api/v1/staff/${clerk.id}`,
      headers: tech,
      payload: { windowNumber: 2, active: false },
    });
    expect(StaffResponse.parse(patched.json()).staff).toMatchObject({ windowNumber: 2, active: false });
    // Disabled: the PIN no longer signs in.
    expect(
      (await host.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { staffNo: '1001', pin: TEST_PIN } }))
        .statusCode,
    ).toBe(401);
  });
});
