import { afterEach, beforeEach, expect, it } from 'vitest';
import { Person, Unit } from '../../../contracts/complaints';
import { ComplaintDirectoryView, PersonAccount } from '../../../contracts/platform-complaints';
import { ConsoleErrorBody, MeResponse } from '../../../contracts/platform-console';
import type { Platform } from '../../../platform/server';
import { sessionOf, signInRequest, TEST_PASSWORD } from '../support/console';
import { describeEachDatabase } from '../support/each-database';
import { startApi } from '../support/platform';

describeEachDatabase('platform: the complaint directory, run by the district admin', (database) => {
  let api: Platform;
  let admin: { authorization: string };

  beforeEach(async () => {
    api = await startApi(database());
    admin = await sessionOf(api, database(), 'district-admin');
  });
  afterEach(async () => {
    await api.close();
  });

  const post = (url: string, headers: { authorization: string }, payload: object) =>
    api.app.inject({ method: 'POST', url, headers, payload });
  const directory = async () =>
    ComplaintDirectoryView.parse(
      (await api.app.inject({ method: 'GET', url: '/v1/complaints/directory', headers: admin })).json(),
    );

  it('adds a unit and a person whose new account signs in as that person, once', async () => {
    expect(
      (await post('/v1/complaints/units', admin, { code: 'street-hubin', name: '湖滨街道', kind: 'street' })).statusCode,
    ).toBe(201);
    const created = await post('/v1/complaints/people', admin, { name: '湖滨经办人', unitCode: 'street-hubin', duty: 'handler' });
    expect(created.statusCode, created.body).toBe(201);
    const person = Person.parse(created.json());
    expect((await directory()).accountHolders).toEqual([]);

    const account = await post(`/v1/complaints/people/${person.id}/account`, admin, {
      username: 'hubin.1',
      password: TEST_PASSWORD,
    });
    expect(account.statusCode, account.body).toBe(201);
    expect(PersonAccount.parse(account.json())).toEqual({ username: 'hubin.1', personId: person.id, role: 'viewer' });
    expect((await directory()).accountHolders).toEqual([person.id]);

    const signIn = await signInRequest(api, 'hubin.1', TEST_PASSWORD);
    expect(signIn.statusCode).toBe(201);
    const token = (signIn.json() as { token: string }).token;
    const me = await api.app.inject({ method: 'GET', url: '/v1/console/me', headers: { authorization: `Bearer ${token}` } });
    expect(MeResponse.parse(me.json()).staff).toMatchObject({ username: 'hubin.1', name: '湖滨经办人', personId: person.id });

    // One account acts as one person: a second is refused, whatever its name.
    const second = await post(`/v1/complaints/people/${person.id}/account`, admin, {
      username: 'hubin.2',
      password: TEST_PASSWORD,
    });
    expect(second.statusCode, second.body).toBe(409);
    expect(ConsoleErrorBody.parse(second.json()).error.code).toBe('person_has_account');
    expect((await signInRequest(api, 'hubin.2', TEST_PASSWORD)).statusCode).toBe(401);
  });

  it('deactivates a unit, which stays listed', async () => {
    await post('/v1/complaints/units', admin, { code: 'zone-east', name: '东部经济区', kind: 'zone' });
    const res = await api.app.inject({
      method: 'PATCH',
      url: '/v1/complaints/units/zone-east',
      headers: admin,
      payload: { active: false },
    });
    expect(Unit.parse(res.json())).toMatchObject({ code: 'zone-east', active: false });
    expect((await directory()).units).toContainEqual(expect.objectContaining({ code: 'zone-east', active: false }));
  });

  it('refuses the other console roles: they read the directory and change nothing', async () => {
    for (const role of ['district-operator', 'viewer'] as const) {
      const session = await sessionOf(api, database(), role);
      const read = await api.app.inject({ method: 'GET', url: '/v1/complaints/directory', headers: session });
      expect(read.statusCode).toBe(200);
      const res = await post('/v1/complaints/units', session, { code: `street-${role}`, name: '某街道', kind: 'street' });
      expect(res.statusCode, role).toBe(403);
    }
    expect((await directory()).units).toEqual([]);
  });
});
