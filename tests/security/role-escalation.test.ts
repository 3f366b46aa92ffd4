import type { InjectOptions } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StaffList, StaffResponse } from '../../contracts/auth';
import { ConfigExport, ImportResult } from '../../contracts/config-transfer';
import type { TestHost } from '../support/test-host';
import { bearer, startSecurityHall, trySignIn } from './support';

/**
 * Issue 18, "roles escalate": a technician or a supervisor made accounts of any role and reset
 * any PIN, and a PIN change left the target's sessions running.
 */
describe('staff roles cannot be escalated', () => {
  let host: TestHost;
  const inject = (options: InjectOptions) => host.app.inject(options);
  const idOf = async (headers: { authorization: string }, staffNo: string): Promise<number> => {
    const list = StaffList.parse((await inject({ method: 'GET', url: '/api/v1/staff', headers })).json());
    const account = list.staff.find((s) => s.staffNo === staffNo);
    if (!account) throw new Error(`no account ${staffNo}`);
    return account.id;
  };

  beforeEach(async () => {
    host = await startSecurityHall();
  });
  afterEach(async () => {
    await host.dispose();
  });

  it('a technician cannot create a supervisor account', async () => {
    const tech = await bearer(host.app, '8001');
    const res = await inject({
      method: 'POST',
      url: '/api/v1/staff',
      headers: tech,
      payload: { staffNo: '7777', name: '冒名主任', role: 'supervisor', pin: '135790' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ error: { code: 'forbidden' } });
    expect((await trySignIn(host.app, { staffNo: '7777', pin: '135790' })).statusCode).toBe(401);
  });

  it('a supervisor-made supervisor signs in only after a second supervisor confirms the grant', async () => {
    const first = await bearer(host.app, '9001');
    const created = await inject({
      method: 'POST',
      url: '/api/v1/staff',
      headers: first,
      payload: { staffNo: '9100', name: '新主任', role: 'supervisor', pin: '135790' },
    });
    expect(created.statusCode).toBe(201);
    const { staff, pendingGrant } = StaffResponse.parse(created.json());
    expect(staff.active).toBe(false);
    expect(pendingGrant).toMatchObject({ role: 'supervisor', targetStaffId: staff.id });
    expect((await trySignIn(host.app, { staffNo: '9100', pin: '135790' })).statusCode).toBe(401);

    // The requester cannot confirm their own grant.
    const grantUrl = `/api/v1/staff/grants/${pendingGrant?.id ?? 0}/confirm`;
    const self = await inject({ method: 'POST', url: grantUrl, headers: first });
    expect(self.statusCode).toBe(403);
    expect((await trySignIn(host.app, { staffNo: '9100', pin: '135790' })).statusCode).toBe(401);

    const second = await bearer(host.app, '9002');
    const confirmed = await inject({ method: 'POST', url: grantUrl, headers: second });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect((await trySignIn(host.app, { staffNo: '9100', pin: '135790' })).statusCode).toBe(200);
  });

  it('promoting a clerk to technician waits for a second supervisor', async () => {
    const supervisor = await bearer(host.app, '9001');
    const clerk = await idOf(supervisor, '1001');
    const res = await inject({
      method: 'PATCH',
      url: `/api/v1/staff/${clerk}`,
      headers: supervisor,
      payload: { role: 'technician' },
    });
    expect(res.statusCode).toBe(200);
    expect(StaffResponse.parse(res.json()).staff.role).toBe('staff');
    const me = await inject({ method: 'GET', url: '/api/v1/auth/me', headers: await bearer(host.app, '1001') });
    expect(me.json()).toMatchObject({ staff: { role: 'staff' } });
  });

  it('nobody resets the PIN of an account of their own rank or above', async () => {
    const supervisor = await bearer(host.app, '9001');
    const otherSupervisor = await idOf(supervisor, '9002');
    const bySupervisor = await inject({ method: 'POST', url: `/api/v1/staff/${otherSupervisor}/reset-pin`, headers: supervisor });
    expect(bySupervisor.statusCode).toBe(403);
    const byTechnician = await inject({
      method: 'POST',
      url: `/api/v1/staff/${otherSupervisor}/reset-pin`,
      headers: await bearer(host.app, '8001'),
    });
    expect(byTechnician.statusCode).toBe(403);
    // Their PIN still works: nothing was changed.
    expect((await trySignIn(host.app, { staffNo: '9002' })).statusCode).toBe(200);
  });

  it('a PIN reset ends every session of that account at once', async () => {
    const clerk = await bearer(host.app, '1001');
    const supervisor = await bearer(host.app, '9001');
    const reset = await inject({
      method: 'POST',
      url: `/api/v1/staff/${await idOf(supervisor, '1001')}/reset-pin`,
      headers: supervisor,
    });
    expect(reset.statusCode).toBe(200);
    expect((await inject({ method: 'GET', url: '/api/v1/auth/me', headers: clerk })).statusCode).toBe(401);
  });

  it('a PIN change ends every session of that account at once', async () => {
    const clerk = await bearer(host.app, '1001');
    const supervisor = await bearer(host.app, '9001');
    const changed = await inject({
      method: 'PATCH',
      url: `/api/v1/staff/${await idOf(supervisor, '1001')}`,
      headers: supervisor,
      payload: { pin: '975310' },
    });
    expect(changed.statusCode).toBe(200);
    expect((await inject({ method: 'GET', url: '/api/v1/auth/me', headers: clerk })).statusCode).toBe(401);
  });

  it('a technician’s configuration import cannot make a supervisor either', async () => {
    const tech = await bearer(host.app, '8001');
    const file = ConfigExport.parse((await inject({ url: '/api/v1/config/export', headers: tech })).json());
    const planted = { staffNo: '7001', name: '导入的主任', role: 'supervisor' as const, windowNumber: null, enabled: true };
    const res = await inject({
      method: 'POST',
      url: '/api/v1/config/import?dryRun=false',
      headers: tech,
      payload: { ...file, staff: [...file.staff, planted] },
    });
    expect(res.statusCode, res.body).toBe(200);
    const pin = ImportResult.parse(res.json()).oneTimePins.find((p) => p.staffNo === '7001')?.pin;
    expect(pin).toBeDefined();
    expect((await trySignIn(host.app, { staffNo: '7001', pin: pin ?? '' })).statusCode).toBe(401);
  });
});
