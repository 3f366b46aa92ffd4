import { afterEach, beforeEach, expect, it } from 'vitest';
import {
  AppointmentsResponse,
  CaseStatusRecord,
  CentralErrorBody,
  ChangesResponse,
  CreateCaseResponse,
  NoticesResponse,
} from '../../../contracts/central-api';
import type { Platform } from '../../../platform/server';
import { sampleEvaluation, sampleStats } from '../support/samples';
import { adminAuth, newKey, sampleCase, startApi, terminalAuth } from '../support/platform';
import { describeEachDatabase } from '../support/each-database';
import { hallAuth } from '../support/halls';

/**
 * Issue 20: "a hall credential cannot read another hall's appointments or change feed". Before
 * halls were registered any token read any hall's data: this file's first version failed on the
 * demo token reading hall-02's change feed (it got hall-02's case).
 */
describeEachDatabase('platform: each hall reads and writes only its own', (database) => {
  let api: Platform;
  let hall1: Record<string, string>;
  let hall2: Record<string, string>;

  beforeEach(async () => {
    api = await startApi(database());
    hall1 = await hallAuth(api, 'hall-01');
    hall2 = await hallAuth(api, 'hall-02');
  });
  afterEach(async () => {
    await api.close();
  });

  const get = (url: string, headers: Record<string, string>) => api.app.inject({ method: 'GET', url, headers });
  const post = (url: string, headers: Record<string, string>, payload: object) =>
    api.app.inject({ method: 'POST', url, headers: { ...headers, 'idempotency-key': newKey() }, payload });
  const codeOf = (res: { json(): unknown }) => CentralErrorBody.parse(res.json()).error.code;

  const book = (hallId: string, name: string) =>
    api.app.inject({
      method: 'POST',
      url: '/v1/admin/appointments',
      headers: adminAuth,
      payload: {
        hallId,
        serviceCode: 'MS-JZZ-001',
        slotStart: '2026-11-27T14:00:00+08:00',
        slotEnd: '2026-11-27T14:30:00+08:00',
        applicant: { name, idNumber: '11010519491231002X' },
      },
    });
  const publish = (title: string, hallId?: string) =>
    api.app.inject({
      method: 'POST',
      url: '/v1/admin/notices',
      headers: adminAuth,
      payload: { ...(hallId === undefined ? {} : { hallId }), title, body: 'x', startsAt: '2026-11-01T09:00:00+08:00' },
    });

  it("answers another hall's appointments with 403 and none of them", async () => {
    expect((await book('hall-01', '李四')).statusCode).toBe(201);
    expect((await book('hall-02', '王五')).statusCode).toBe(201);

    for (const auth of [hall1, terminalAuth]) {
      const theirs = await get('/v1/appointments?hall=hall-02&date=2026-11-27', auth);
      expect(theirs.statusCode).toBe(403);
      expect(codeOf(theirs)).toBe('hall_mismatch');
      expect(theirs.body).not.toContain('王五');
    }
    const own = (auth: Record<string, string>, hall: string) =>
      get(`/v1/appointments?hall=${hall}&date=2026-11-27`, auth).then((r) =>
        AppointmentsResponse.parse(r.json()).appointments.map((a) => a.applicantName),
      );
    expect(await own(hall1, 'hall-01')).toEqual(['李四']);
    expect(await own(hall2, 'hall-02')).toEqual(['王五']);
  });

  it("answers another hall's notices with 403; each hall reads its own and those to every hall", async () => {
    await publish('湖滨停电通知', 'hall-02');
    await publish('区中心午间不打烊', 'hall-01');
    await publish('全区通知');

    const theirs = await get('/v1/notices?hall=hall-02&all=true', hall1);
    expect(theirs.statusCode).toBe(403);
    expect(theirs.body).not.toContain('湖滨停电通知');
    const titles = (auth: Record<string, string>, hall: string) =>
      get(`/v1/notices?hall=${hall}&all=true`, auth).then((r) =>
        NoticesResponse.parse(r.json())
          .notices.map((n) => n.title)
          .sort(),
      );
    expect(await titles(hall1, 'hall-01')).toEqual(['全区通知', '区中心午间不打烊'].sort());
    expect(await titles(hall2, 'hall-02')).toEqual(['全区通知', '湖滨停电通知'].sort());
  });

  it('gives each hall the change feed of the cases it submitted, and their status only', async () => {
    const submit = async (auth: Record<string, string>, hallId: string) => {
      const res = await post('/v1/cases', auth, sampleCase({ hallId }));
      expect(res.statusCode).toBe(201);
      return CreateCaseResponse.parse(res.json()).caseNumber;
    };
    const ours = await submit(hall1, 'hall-01');
    const theirs = await submit(hall2, 'hall-02');
    const accepted = await api.app.inject({
      method: 'POST',
      url: `/v1/admin/cases/${theirs}/status`,
      headers: adminAuth,
      payload: { status: 'accepted' },
    });
    expect(accepted.statusCode).toBe(200);

    const feed = async (auth: Record<string, string>) =>
      ChangesResponse.parse((await get('/v1/cases/changes?since=0', auth)).json()).changes.map((c) => [c.caseNumber, c.status]);
    expect(await feed(hall1)).toEqual([[ours, 'submitted']]);
    expect(await feed(terminalAuth)).toEqual([[ours, 'submitted']]);
    expect(await feed(hall2)).toEqual([
      [theirs, 'submitted'],
      [theirs, 'accepted'],
    ]);

    // A case number of another hall reads as unknown: case numbers are sequential, so guessable.
    const probe = await get(`/v1/cases/${theirs}`, hall1);
    expect(probe.statusCode).toBe(404);
    expect(codeOf(probe)).toBe('case_not_found');
    expect(CaseStatusRecord.parse((await get(`/v1/cases/${theirs}`, hall2)).json()).status).toBe('accepted');
  });

  it('refuses a write naming another hall with 403 hall_mismatch, and records nothing', async () => {
    const writes: [string, object][] = [
      ['/v1/cases', sampleCase({ hallId: 'hall-02' })],
      ['/v1/evaluations', sampleEvaluation({ hallId: 'hall-02' })],
      ['/v1/queue-stats', sampleStats({ hallId: 'hall-02' })],
    ];
    for (const [url, body] of writes) {
      for (const auth of [hall1, terminalAuth]) {
        const res = await post(url, auth, body);
        expect(res.statusCode, url).toBe(403);
        expect(codeOf(res)).toBe('hall_mismatch');
      }
    }
    expect(await database().count('cases')).toBe(0);
    expect(await database().count('evaluations')).toBe(0);
    expect(await database().count('queue_stats')).toBe(0);
    expect(await database().count('idempotent_requests')).toBe(0);

    // The same writes in its own name are recorded under its hall.
    for (const [url, body] of writes) expect((await post(url, hall2, body)).statusCode, url).toBe(201);
    const [row] = await database().observe<{ hallId: string }>('SELECT hall_id AS "hallId" FROM cases');
    expect(row?.hallId).toBe('hall-02');
  });

  it('refuses the operator token on terminal routes, and admin routes to a hall credential', async () => {
    expect((await get('/v1/cases/changes', adminAuth)).statusCode).toBe(401);
    expect((await get('/v1/admin/halls', hall1)).statusCode).toBe(401);
    expect((await publish('x', 'hall-99')).statusCode).toBe(404);
    expect(codeOf(await book('hall-99', '赵六'))).toBe('hall_not_found');
  });
});
