import { afterEach, beforeEach, expect, it } from 'vitest';
import { ConsoleErrorBody, DEMO_DISTRICT_ADMIN, MeResponse, SignInResponse } from '../../../contracts/platform-console';
import type { Platform } from '../../../platform/server';
import { setUpComplaintDesk } from '../support/complaint-desk';
import { addStaff, signInRequest, TEST_PASSWORD, TEST_STAFF } from '../support/console';
import { describeEachDatabase } from '../support/each-database';
import { adminAuth, FIXED_NOW, startApi, terminalAuth } from '../support/platform';

describeEachDatabase('platform console: district staff sessions', (database) => {
  let now: Date;
  let api: Platform;
  const operator = TEST_STAFF['district-operator'];

  beforeEach(async () => {
    now = FIXED_NOW;
    api = await startApi(database(), { now: () => now });
    await addStaff(database(), 'district-operator');
  });
  afterEach(async () => {
    await api.close();
  });

  const me = (authorization: string, platform: Platform = api) =>
    platform.app.inject({ method: 'GET', url: '/v1/console/me', headers: { authorization } });
  const codeOf = (res: { json(): unknown }) => ConsoleErrorBody.parse(res.json()).error.code;

  it('signs in with the right password and answers who the token is', async () => {
    const res = await signInRequest(api, operator.username, TEST_PASSWORD);
    expect(res.statusCode).toBe(201);
    const session = SignInResponse.parse(res.json());
    expect(session.staff).toEqual({ username: operator.username, name: operator.name, role: 'district-operator' });
    expect(session.expiresAt).toBe(new Date(FIXED_NOW.getTime() + 30 * 60_000).toISOString());

    const who = await me(`Bearer ${session.token}`);
    expect(who.statusCode).toBe(200);
    expect(MeResponse.parse(who.json())).toEqual({ staff: session.staff, via: 'session' });
    // Only the token's hash is stored.
    const stored = await database().observe<{ tokenHash: string }>('SELECT token_hash AS "tokenHash" FROM district_sessions');
    expect(stored).toHaveLength(1);
    expect(stored[0]?.tokenHash).not.toBe(session.token);
    expect(JSON.stringify(stored)).not.toContain(session.token);
  });

  it('answers a wrong password, an unknown name and a typo alike', async () => {
    const wrong = await signInRequest(api, operator.username, 'not the password');
    const unknown = await signInRequest(api, 'nobody-here', TEST_PASSWORD);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect((await signInRequest(api, 'x', 'short')).statusCode).toBe(400);
  });

  it('locks a name after five failures, the right password included, until the lockout ends', async () => {
    for (let i = 0; i < 5; i += 1)
      expect((await signInRequest(api, operator.username, `wrong-${i}-password`)).statusCode).toBe(401);
    const locked = await signInRequest(api, operator.username, TEST_PASSWORD);
    expect(locked.statusCode).toBe(429);
    expect(codeOf(locked)).toBe('locked_out');
    expect(locked.headers['retry-after']).toBe(String(15 * 60));
    // An unknown name locks the same way: a lockout tells nobody which names exist.
    for (let i = 0; i < 5; i += 1) await signInRequest(api, 'nobody-here', `wrong-${i}-password`);
    expect(codeOf(await signInRequest(api, 'nobody-here', TEST_PASSWORD))).toBe('locked_out');

    now = new Date(FIXED_NOW.getTime() + 15 * 60_000 + 1000);
    expect((await signInRequest(api, operator.username, TEST_PASSWORD)).statusCode).toBe(201);
  });

  it('counts parallel guesses one by one: no more than the limit get an answer', async () => {
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) => signInRequest(api, operator.username, `parallel-${i}-guess`)),
    );
    const statuses = answers.map((r) => r.statusCode).sort();
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(3);
  });

  it('a success clears the failures counted so far', async () => {
    for (let i = 0; i < 4; i += 1) await signInRequest(api, operator.username, `wrong-${i}-password`);
    expect((await signInRequest(api, operator.username, TEST_PASSWORD)).statusCode).toBe(201);
    for (let i = 0; i < 4; i += 1) await signInRequest(api, operator.username, `wrong-${i}-password`);
    expect((await signInRequest(api, operator.username, TEST_PASSWORD)).statusCode).toBe(201);
  });

  it('ends a session unused for 30 minutes, and one signed out at once', async () => {
    const token = SignInResponse.parse((await signInRequest(api, operator.username, TEST_PASSWORD)).json()).token;
    now = new Date(FIXED_NOW.getTime() + 29 * 60_000);
    expect((await me(`Bearer ${token}`)).statusCode).toBe(200);
    // Used at +29 min: it lives until +59 min.
    now = new Date(FIXED_NOW.getTime() + 58 * 60_000);
    expect((await me(`Bearer ${token}`)).statusCode).toBe(200);
    now = new Date(FIXED_NOW.getTime() + 89 * 60_000);
    expect((await me(`Bearer ${token}`)).statusCode).toBe(401);

    const second = SignInResponse.parse((await signInRequest(api, operator.username, TEST_PASSWORD)).json()).token;
    const out = await api.app.inject({
      method: 'DELETE',
      url: '/v1/console/session',
      headers: { authorization: `Bearer ${second}` },
    });
    expect(out.statusCode).toBe(204);
    expect((await me(`Bearer ${second}`)).statusCode).toBe(401);
  });

  it('shares sessions between two platform instances on one database', async () => {
    const other = await startApi(database(), { now: () => now });
    try {
      const token = SignInResponse.parse((await signInRequest(api, operator.username, TEST_PASSWORD)).json()).token;
      expect((await me(`Bearer ${token}`, other)).statusCode).toBe(200);
      await other.app.inject({ method: 'DELETE', url: '/v1/console/session', headers: { authorization: `Bearer ${token}` } });
      expect((await me(`Bearer ${token}`)).statusCode).toBe(401);
    } finally {
      await other.close();
    }
  });

  it('never opens the console to a terminal token; the admin token keeps working for scripts', async () => {
    expect((await me(terminalAuth.authorization)).statusCode).toBe(401);
    expect((await me('Bearer made-up')).statusCode).toBe(401);
    expect((await api.app.inject({ method: 'GET', url: '/v1/console/me' })).statusCode).toBe(401);
    const admin = await me(adminAuth.authorization);
    expect(admin.statusCode).toBe(200);
    expect(MeResponse.parse(admin.json()).via).toBe('admin-token');
  });

  it('seeds the demo admin only when asked', async () => {
    expect((await signInRequest(api, DEMO_DISTRICT_ADMIN.username, DEMO_DISTRICT_ADMIN.password)).statusCode).toBe(401);
    const demo = await startApi(database(), { demoAdmin: true });
    try {
      const res = await signInRequest(demo, DEMO_DISTRICT_ADMIN.username, DEMO_DISTRICT_ADMIN.password);
      expect(res.statusCode).toBe(201);
      expect(SignInResponse.parse(res.json()).staff.role).toBe('district-admin');
    } finally {
      await demo.close();
    }
  });

  it('tells an account that acts as a complaint person which person it is, and no other account', async () => {
    const desk = await setUpComplaintDesk(api);
    const sorter = MeResponse.parse((await me(desk.as.sorter.authorization)).json());
    expect(sorter.staff.personId).toBe(desk.people.sorter.id);
    const session = SignInResponse.parse((await signInRequest(api, operator.username, TEST_PASSWORD)).json());
    expect(MeResponse.parse((await me(`Bearer ${session.token}`)).json()).staff).not.toHaveProperty('personId');
  });
});
