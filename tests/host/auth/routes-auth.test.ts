import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuditList, SignInResponse, StaffList, StaffResponse } from '../../../contracts/auth';
import { ApiError } from '../../../contracts/errors';
import { installStaffRequest, requireStaff, roleAllows, staffOf } from '../../../host/api/auth-guard';
import { installErrorHandling } from '../../../host/api/errors';
import { authRoutes } from '../../../host/api/routes-auth';
import { AuditLog } from '../../../host/audit/audit-log';
import { hashPin } from '../../../host/auth/pin-hash';
import { seedStaff } from '../../../host/auth/seed-staff';
import { StaffAccounts } from '../../../host/auth/staff-accounts';
import { StaffAuth } from '../../../host/auth/staff-auth';
import { FakeClock, openTestDb, testPepper, type TestDb } from './support';

const SUPERVISOR_PIN = '735102';
const STAFF_PIN = '204867';
const TECH_PIN = '918273';

describe('auth routes', () => {
  let t: TestDb;
  let app: FastifyInstance;

  beforeEach(async () => {
    t = openTestDb();
    const clock = new FakeClock();
    seedStaff(
      t.db,
      [
        { staffNo: 'S001', name: '赵主任', role: 'supervisor', pinHash: await hashPin(SUPERVISOR_PIN) },
        { staffNo: 'A001', name: '张三', role: 'staff', pinHash: await hashPin(STAFF_PIN) },
        { staffNo: 'T001', name: '王工', role: 'technician', pinHash: await hashPin(TECH_PIN) },
      ],
      clock,
      testPepper,
    );
    const auth = new StaffAuth({ db: t.db, clock, pepper: testPepper });
    const server = Fastify({ logger: false }).withTypeProvider<ZodTypeProvider>();
    server.setValidatorCompiler(validatorCompiler);
    server.setSerializerCompiler(serializerCompiler);
    installErrorHandling(server);
    installStaffRequest(server);
    const accounts = new StaffAccounts({ db: t.db, clock, auth });
    await server.register(authRoutes({ auth, accounts, auditLog: new AuditLog(t.db) }), { prefix: '/api/v1' });
    // A counter route guarded like the queue's, to prove the role rule end to end.
    await server.register(
      async (api) => {
        api.get('/counter-only', { preHandler: requireStaff(auth, ['staff']) }, async (req) => ({ id: staffOf(req).id }));
      },
      { prefix: '/api/v1' },
    );
    app = server;
  });
  afterEach(async () => {
    await app.close();
    t.dispose();
  });

  const signIn = async (staffNo: string, pin: string, windowId?: number) => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { staffNo, pin, windowId } });
    expect(res.statusCode).toBe(200);
    return SignInResponse.parse(res.json());
  };
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const errorCode = (body: unknown) => ApiError.parse(body).error.code;

  it('answers 401 without a token or with a bad one', async () => {
    for (const headers of [{}, bearer('nope'), { authorization: 'Basic abc' }]) {
      const res = await app.inject({ url: '/api/v1/auth/me', headers });
      expect(res.statusCode).toBe(401);
      expect(errorCode(res.json())).toBe('unauthorized');
    }
    const staff = await app.inject({ url: '/api/v1/staff' });
    expect(staff.statusCode).toBe(401);
  });

  it('signs in, says who is calling, and signs out', async () => {
    const { token, staff } = await signIn('A001', STAFF_PIN, t.windows.get(2));
    expect(staff).toMatchObject({ staffNo: 'A001', role: 'staff', windowId: t.windows.get(2) });
    const me = await app.inject({ url: '/api/v1/auth/me', headers: bearer(token) });
    expect(me.json()).toEqual({ staff });
    const out = await app.inject({ method: 'POST', url: '/api/v1/auth/sign-out', headers: bearer(token) });
    expect(out.json()).toEqual({ ok: true });
    expect((await app.inject({ url: '/api/v1/auth/me', headers: bearer(token) })).statusCode).toBe(401);
  });

  it('maps a wrong PIN to 401, a lockout to 429 and a malformed body to 400', async () => {
    const wrong = await app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { staffNo: 'A001', pin: '000000' } });
    expect(wrong.statusCode).toBe(401);
    for (let i = 0; i < 3; i += 1)
      await app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { staffNo: 'A001', pin: '000000' } });
    const locked = await app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { staffNo: 'A001', pin: '000000' } });
    expect(locked.statusCode).toBe(429);
    expect(ApiError.parse(locked.json()).error).toMatchObject({
      code: 'locked_out',
      details: { lockedUntil: expect.any(String) },
    });
    const bad = await app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { staffNo: 'A001', pin: '12ab' } });
    expect(bad.statusCode).toBe(400);
  });

  it('answers 403 to a role the route does not admit', async () => {
    const staff = await signIn('A001', STAFF_PIN);
    const tech = await signIn('T001', TECH_PIN);
    const supervisor = await signIn('S001', SUPERVISOR_PIN);
    for (const token of [staff.token]) {
      expect((await app.inject({ url: '/api/v1/staff', headers: bearer(token) })).statusCode).toBe(403);
      expect((await app.inject({ url: '/api/v1/audit', headers: bearer(token) })).statusCode).toBe(403);
    }
    // Technicians manage accounts too (the console's hall settings), as supervisors do.
    expect((await app.inject({ url: '/api/v1/staff', headers: bearer(tech.token) })).statusCode).toBe(200);
    expect((await app.inject({ url: '/api/v1/audit', headers: bearer(tech.token) })).statusCode).toBe(200);
    // Supervisors may do what staff do; technicians may not.
    expect((await app.inject({ url: '/api/v1/counter-only', headers: bearer(supervisor.token) })).statusCode).toBe(200);
    expect((await app.inject({ url: '/api/v1/counter-only', headers: bearer(staff.token) })).statusCode).toBe(200);
    expect((await app.inject({ url: '/api/v1/counter-only', headers: bearer(tech.token) })).statusCode).toBe(403);
  });

  it('lets a supervisor create, list and update staff; changes are audited without PINs', async () => {
    const { token, staff: boss } = await signIn('S001', SUPERVISOR_PIN);
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/staff',
      headers: bearer(token),
      payload: { staffNo: 'A002', name: '李四', role: 'staff', pin: '556677' },
    });
    expect(created.statusCode).toBe(201);
    const account = StaffResponse.parse(created.json()).staff;
    expect(account).toEqual({
      id: account.id,
      staffNo: 'A002',
      name: '李四',
      role: 'staff',
      active: true,
      lockedUntil: null,
      windowNumber: null,
    });
    expect(created.body).not.toContain('scrypt');

    const dup = await app.inject({
      method: 'POST',
      url: '/api/v1/staff',
      headers: bearer(token),
      payload: { staffNo: 'A002', name: '李四', role: 'staff', pin: '556677' },
    });
    expect(dup.statusCode).toBe(409);
    expect(errorCode(dup.json())).toBe('staff_exists');

    const newcomer = await signIn('A002', '556677');
    const patched = await app.inject({
      method: 'PATCH',
      url: `/api/v1/staff/${account.id}`,
      headers: bearer(token),
      payload: { pin: '889900', active: false },
    });
    expect(patched.statusCode).toBe(200);
    expect(StaffResponse.parse(patched.json()).staff.active).toBe(false);
    // Deactivation ends the account's sessions.
    expect((await app.inject({ url: '/api/v1/auth/me', headers: bearer(newcomer.token) })).statusCode).toBe(401);

    const list = StaffList.parse((await app.inject({ url: '/api/v1/staff', headers: bearer(token) })).json());
    expect(list.staff.map((s) => s.staffNo)).toEqual(['A001', 'A002', 'S001', 'T001']);
    expect(JSON.stringify(list)).not.toContain('scrypt');

    const missing = await app.inject({
      method: 'PATCH',
      url: '/api/v1/staff/999',
      headers: bearer(token),
      payload: { name: '某' },
    });
    expect(missing.statusCode).toBe(404);
    const selfDemote = await app.inject({
      method: 'PATCH',
      url: `/api/v1/staff/${boss.id}`,
      headers: bearer(token),
      payload: { role: 'staff' },
    });
    expect(selfDemote.statusCode).toBe(403);

    const auditRes = await app.inject({ url: '/api/v1/audit?limit=100', headers: bearer(token) });
    const { entries } = AuditList.parse(auditRes.json());
    const create = entries.find((e) => e.action === 'staff.create');
    const update = entries.find((e) => e.action === 'staff.update');
    expect(create).toMatchObject({ staffId: boss.id, details: { targetStaffId: account.id, role: 'staff' } });
    expect(update).toMatchObject({
      staffId: boss.id,
      details: { targetStaffId: account.id, changed: expect.arrayContaining(['pinHash', 'active']) },
    });
    expect(entries.map((e) => e.action)).toEqual(expect.arrayContaining(['staff.seed', 'auth.sign_in', 'auth.sign_out']));
    for (const secret of ['556677', '889900', SUPERVISOR_PIN, STAFF_PIN, TECH_PIN, 'scrypt', '李四', '赵主任']) {
      expect(auditRes.body).not.toContain(secret);
    }

    const page = AuditList.parse(
      (await app.inject({ url: `/api/v1/audit?sinceId=${create?.id ?? 0}&limit=1`, headers: bearer(token) })).json(),
    );
    expect(page.entries).toHaveLength(1);
    expect(page.entries[0]?.id).toBeGreaterThan(create?.id ?? 0);
  });

  it('clears a lockout when a supervisor sets a new PIN', async () => {
    for (let i = 0; i < 5; i += 1)
      await app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { staffNo: 'A001', pin: '000000' } });
    expect(
      (await app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { staffNo: 'A001', pin: STAFF_PIN } }))
        .statusCode,
    ).toBe(429);
    const { token } = await signIn('S001', SUPERVISOR_PIN);
    const locked = StaffList.parse((await app.inject({ url: '/api/v1/staff', headers: bearer(token) })).json()).staff.find(
      (s) => s.staffNo === 'A001',
    );
    await app.inject({
      method: 'PATCH',
      url: `/api/v1/staff/${locked?.id ?? 0}`,
      headers: bearer(token),
      payload: { pin: '314159' },
    });
    await signIn('A001', '314159');
  });
});

describe('roleAllows', () => {
  it('lets supervisors do staff things and keeps technicians separate', () => {
    expect(roleAllows('supervisor', ['staff'])).toBe(true);
    expect(roleAllows('technician', ['staff'])).toBe(false);
    expect(roleAllows('staff', ['supervisor'])).toBe(false);
    expect(roleAllows('supervisor', ['technician'])).toBe(false);
    expect(roleAllows('technician', undefined)).toBe(true);
  });
});
