import { afterEach, beforeEach, expect, it } from 'vitest';
import { CentralErrorBody } from '../../../contracts/central-api';
import { DEFAULT_HALL_ID } from '../../../contracts/config';
import { platformHallOperations as ops, type CreateHallInput } from '../../../contracts/platform-halls';
import type { Platform } from '../../../platform/server';
import { adminAuth, startApi, terminalAuth } from '../support/platform';
import { describeEachDatabase } from '../support/each-database';
import { ConsoleErrorBody } from '../../../contracts/platform-console';
import { auditOf } from '../../../platform/store/district-audit';
import { sessionOf, TEST_STAFF } from '../support/console';
import { bearer, callOperation, issueCredential, replyOf } from '../support/halls';

const weekday = [
  { from: '09:00', to: '12:00' },
  { from: '14:00', to: '17:00' },
];

function newHall(overrides: Partial<CreateHallInput> = {}): CreateHallInput {
  return {
    hallId: 'hall-06',
    name: '星河区松山街道社区政务服务中心',
    level: 'community-centre',
    address: '星河区松山路8号',
    hours: { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday },
    windows: 3,
    ...overrides,
  };
}

describeEachDatabase('platform: halls (console API)', (database) => {
  let api: Platform;

  beforeEach(async () => {
    api = await startApi(database());
  });
  afterEach(async () => {
    await api.close();
  });

  const codeOf = (res: { json(): unknown }) => CentralErrorBody.parse(res.json()).error.code;

  it('registers the demo district at start: its district centre (the demo hall) first, then four community centres', async () => {
    const { halls } = replyOf(ops.listHalls, await callOperation(api, ops.listHalls, {}));
    expect(halls.map((h) => [h.hallId, h.level])).toEqual([
      [DEFAULT_HALL_ID, 'district-centre'],
      ['hall-02', 'community-centre'],
      ['hall-03', 'community-centre'],
      ['hall-04', 'community-centre'],
      ['hall-05', 'community-centre'],
    ]);
    const centre = halls[0];
    expect(centre?.name).toBe('星河区政务服务中心');
    expect(centre?.active).toBe(true);
    // The district centre's weekend duty: open when the community centres are closed.
    expect(centre?.hours.sun.length).toBeGreaterThan(0);
    expect(halls.slice(1).every((h) => h.hours.sun.length === 0 && h.name.endsWith('社区政务服务中心'))).toBe(true);
  });

  it('registers no hall when the platform takes no static token (production), and keeps what was registered', async () => {
    await api.close();
    await database().reset();
    api = await startApi(database(), { tokens: [] });
    expect(replyOf(ops.listHalls, await callOperation(api, ops.listHalls, {})).halls).toEqual([]);
    expect((await callOperation(api, ops.createHall, { body: newHall() })).statusCode).toBe(201);
    await api.close();
    // Static tokens are the demo hall's: with a district registered and no demo hall, the platform refuses to start.
    await expect(startApi(database())).rejects.toThrow(/hall-01, which is not registered/);
    api = await startApi(database(), { tokens: [] });
    expect(replyOf(ops.listHalls, await callOperation(api, ops.listHalls, {})).halls.map((h) => h.hallId)).toEqual(['hall-06']);
  });

  it('creates a hall once, under the id its hosts use', async () => {
    const created = await callOperation(api, ops.createHall, { body: newHall() });
    expect(created.statusCode).toBe(201);
    const hall = replyOf(ops.createHall, created);
    expect(hall).toMatchObject({ hallId: 'hall-06', level: 'community-centre', windows: 3, active: true });
    expect(hall.hours.sat).toEqual([]);
    expect(hall.hours.mon[0]).toEqual({ from: '09:00', to: '12:00', duty: false });
    expect(replyOf(ops.getHall, await callOperation(api, ops.getHall, { params: { hallId: 'hall-06' } }))).toEqual(hall);

    const again = await callOperation(api, ops.createHall, { body: newHall({ name: '另一个' }) });
    expect(again.statusCode).toBe(409);
    expect(codeOf(again)).toBe('hall_exists');
  });

  it.each([
    ['an id hosts cannot be configured with', { hallId: 'hall 06' }],
    ['an unknown level', { level: 'province-centre' }],
    ['no window', { windows: 0 }],
    ['a period ending before it starts', { hours: { mon: [{ from: '12:00', to: '09:00' }] } }],
    [
      'overlapping periods',
      {
        hours: {
          mon: [
            { from: '09:00', to: '12:00' },
            { from: '11:00', to: '17:00' },
          ],
        },
      },
    ],
    ['an empty name', { name: ' ' }],
    ['an unknown field', { timezone: 'Asia/Shanghai' }],
  ])('refuses a hall with %s (400)', async (_label, overrides) => {
    const res = await api.app.inject({
      method: 'POST',
      url: '/v1/admin/halls',
      headers: adminAuth,
      payload: { ...newHall(), ...overrides },
    });
    expect(res.statusCode).toBe(400);
    expect(codeOf(res)).toBe('invalid_request');
    expect(await database().count('halls')).toBe(5);
  });

  it('changes the fields given and nothing else; never the id', async () => {
    const before = replyOf(ops.getHall, await callOperation(api, ops.getHall, { params: { hallId: 'hall-03' } }));
    const res = await callOperation(api, ops.updateHall, {
      params: { hallId: 'hall-03' },
      body: { windows: 7, name: '桂园街道便民服务中心' },
    });
    expect(res.statusCode).toBe(200);
    const after = replyOf(ops.updateHall, res);
    expect(after).toEqual({ ...before, windows: 7, name: '桂园街道便民服务中心', updatedAt: after.updatedAt });

    const empty = await callOperation(api, ops.updateHall, { params: { hallId: 'hall-03' }, body: {} });
    expect(empty.statusCode).toBe(400);
    const rename = await api.app.inject({
      method: 'PATCH',
      url: '/v1/admin/halls/hall-03',
      headers: adminAuth,
      payload: { hallId: 'hall-33' },
    });
    expect(rename.statusCode).toBe(400);
    const unknown = await callOperation(api, ops.updateHall, { params: { hallId: 'hall-99' }, body: { windows: 2 } });
    expect(unknown.statusCode).toBe(404);
    expect(codeOf(unknown)).toBe('hall_not_found');
    expect(codeOf(await callOperation(api, ops.getHall, { params: { hallId: 'hall-99' } }))).toBe('hall_not_found');
  });

  it("refuses a deactivated hall's credentials and the dev token of a deactivated demo hall, until reactivated", async () => {
    const token = (await issueCredential(api, 'hall-02')).token;
    const feed = (headers: Record<string, string>) => api.app.inject({ method: 'GET', url: '/v1/cases/changes', headers });
    expect((await feed(bearer(token))).statusCode).toBe(200);

    const deactivate = (hallId: string, active: boolean) =>
      callOperation(api, ops.updateHall, { params: { hallId }, body: { active } });
    await deactivate('hall-02', false);
    await deactivate(DEFAULT_HALL_ID, false);
    const refused = await feed(bearer(token));
    expect(refused.statusCode).toBe(401);
    expect(CentralErrorBody.parse(refused.json()).error.message).toMatch(/deactivated/);
    expect((await feed(terminalAuth)).statusCode).toBe(401);

    await deactivate('hall-02', true);
    await deactivate(DEFAULT_HALL_ID, true);
    expect((await feed(bearer(token))).statusCode).toBe(200);
    expect((await feed(terminalAuth)).statusCode).toBe(200);
  });

  it('serves every hall operation to the operator token only: none to a hall credential or without a token', async () => {
    const token = (await issueCredential(api, 'hall-02')).token;
    const inputs = {
      hallId: 'hall-02',
      credentialId: 'HC00000001',
    };
    for (const op of Object.values(ops)) {
      const url = op.path.replace(/:(\w+)/g, (_s, name: string) => (name === 'hallId' ? inputs.hallId : inputs.credentialId));
      for (const headers of [{}, terminalAuth, bearer(token)]) {
        const res = await api.app.inject({ method: op.method, url, headers });
        expect(res.statusCode, `${op.name} with ${JSON.stringify(headers)}`).toBe(401);
      }
    }
    // Still one credential, and hall-02 as it was.
    expect(await database().count('hall_credentials')).toBe(1);
  });

  it("lets the district admin's session change halls and credentials, audited by name; other roles only read", async () => {
    const admin = await sessionOf(api, database(), 'district-admin');
    const issued = replyOf(
      ops.createHallCredential,
      await callOperation(api, ops.createHallCredential, { params: { hallId: 'hall-03' } }, admin),
    );
    const renamed = await callOperation(api, ops.updateHall, { params: { hallId: 'hall-03' }, body: { windows: 7 } }, admin);
    expect(renamed.statusCode).toBe(200);
    expect(await auditOf(database().sql, `credential:${issued.credentialId}`)).toMatchObject([
      {
        actor: TEST_STAFF['district-admin'].username,
        action: 'credential.issue',
        detail: { hallId: 'hall-03', hint: issued.hint },
      },
    ]);
    // The token itself is never audited.
    expect(JSON.stringify(await auditOf(database().sql, `credential:${issued.credentialId}`))).not.toContain(issued.token);
    expect(await auditOf(database().sql, 'hall:hall-03')).toMatchObject([
      { action: 'hall.update', detail: { changed: ['windows'] } },
    ]);

    for (const role of ['district-operator', 'viewer'] as const) {
      const headers = await sessionOf(api, database(), role);
      expect((await callOperation(api, ops.listHalls, {}, headers)).statusCode, role).toBe(200);
      const refused = await callOperation(api, ops.createHallCredential, { params: { hallId: 'hall-03' } }, headers);
      expect(refused.statusCode, role).toBe(403);
      expect(ConsoleErrorBody.parse(refused.json()).error.code).toBe('forbidden');
    }
    // A hall's own credential never manages halls.
    expect((await callOperation(api, ops.listHalls, {}, bearer(issued.token))).statusCode).toBe(401);
  });

  it('documents each operation in the OpenAPI document, by its name, behind the operator token', async () => {
    const res = await api.app.inject({ method: 'GET', url: '/v1/openapi.json', headers: adminAuth });
    type Doc = { paths: Record<string, Record<string, { operationId?: string; security?: unknown }>> };
    const doc = res.json() as Doc;
    for (const op of Object.values(ops)) {
      const path = op.path.replace(/:(\w+)/g, '{$1}');
      const documented = doc.paths[path]?.[op.method.toLowerCase()];
      expect(documented?.operationId, op.name).toBe(op.name);
      // The operator token, or a district staff session the operation admits.
      expect(documented?.security).toEqual([{ adminToken: [] }, { consoleSession: [] }]);
    }
  });
});
