import { afterEach, beforeEach, expect, it } from 'vitest';
import { ChangesResponse, CreateCaseResponse, type CreateCaseRequest } from '../../../contracts/central-api';
import { CaseDetail, CaseSearchResponse, ConsoleErrorBody } from '../../../contracts/platform-console';
import type { Platform } from '../../../platform/server';
import { sessionOf } from '../support/console';
import { describeEachDatabase } from '../support/each-database';
import { hallAuth } from '../support/halls';
import { adminAuth, newKey, sampleCase, startApi, terminalAuth } from '../support/platform';

describeEachDatabase('platform console: cases across halls', (database) => {
  let now: Date;
  let api: Platform;

  beforeEach(async () => {
    now = new Date('2026-11-27T02:00:00Z'); // 10:00 in Beijing
    api = await startApi(database(), { now: () => now });
  });
  afterEach(async () => {
    await api.close();
  });

  /** Files a case as its hall's host does, with that hall's own credential. */
  const file = async (at: string, overrides: Partial<CreateCaseRequest> = {}) => {
    const hallId = overrides.hallId ?? 'hall-01';
    const auth = await hallAuth(api, hallId);
    now = new Date(at);
    const res = await api.app.inject({
      method: 'POST',
      url: '/v1/cases',
      headers: { ...auth, 'idempotency-key': newKey() },
      payload: sampleCase(overrides),
    });
    expect(res.statusCode).toBe(201);
    return CreateCaseResponse.parse(res.json()).caseNumber;
  };
  const search = async (query: string, headers: { authorization: string } = adminAuth) => {
    const res = await api.app.inject({ method: 'GET', url: `/v1/console/cases${query}`, headers });
    expect(res.statusCode).toBe(200);
    return CaseSearchResponse.parse(res.json());
  };
  const numbers = (page: CaseSearchResponse) => page.cases.map((c) => c.caseNumber);

  it('lists every hall’s cases newest first and filters by hall, item, status and case number', async () => {
    const a = await file('2026-11-27T01:00:00Z', { hallId: 'hall-02', itemCode: 'GA-001' });
    const b = await file('2026-11-27T01:30:00Z', { hallId: 'hall-03', itemCode: 'GA-002', itemName: '户口迁移' });
    const c = await file('2026-11-27T02:00:00Z', { hallId: 'hall-02', itemCode: 'GA-002', itemName: '户口迁移' });
    await api.app.inject({
      method: 'POST',
      url: `/v1/admin/cases/${a}/status`,
      headers: adminAuth,
      payload: { status: 'accepted' },
    });

    expect(numbers(await search(''))).toEqual([c, b, a]);
    expect(numbers(await search('?hallId=hall-02'))).toEqual([c, a]);
    expect(numbers(await search('?itemCode=GA-002'))).toEqual([c, b]);
    expect(numbers(await search('?status=accepted'))).toEqual([a]);
    expect(numbers(await search('?hallId=hall-02&itemCode=GA-002'))).toEqual([c]);
    expect(numbers(await search(`?caseNumber=${b.toLowerCase()}`))).toEqual([b]);
    expect(numbers(await search('?caseNumber=HK20261127'))).toEqual([c, b, a]);
    expect(numbers(await search('?caseNumber=HK20261128'))).toEqual([]);
    const listed = (await search(`?caseNumber=${b}`)).cases[0];
    expect(listed).toEqual({
      caseNumber: b,
      hallId: 'hall-03',
      itemCode: 'GA-002',
      itemName: '户口迁移',
      status: 'submitted',
      receivedAt: '2026-11-27T01:30:00.000Z',
    });
  });

  it('pages by keyset: each page starts after the last case of the one before, none twice, none missed', async () => {
    const filed: string[] = [];
    // Several cases in one millisecond too: the case number breaks the tie.
    for (let i = 0; i < 7; i += 1) filed.push(await file(`2026-11-27T0${Math.floor(i / 2)}:00:00Z`));
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const page: CaseSearchResponse = await search(`?limit=3${after === null ? '' : `&after=${after}`}`);
      seen.push(...numbers(page));
      after = page.next;
      pages += 1;
    } while (after !== null);
    expect(pages).toBe(3);
    expect(seen).toEqual([...filed].reverse());
  });

  it('reads a date range as Beijing days, not UTC ones', async () => {
    const lateOn26th = await file('2026-11-26T15:59:00Z'); // 23:59 on the 26th in Beijing
    const earlyOn27th = await file('2026-11-26T16:01:00Z'); // 00:01 on the 27th in Beijing, still the 26th in UTC
    expect(numbers(await search('?from=2026-11-27&to=2026-11-27'))).toEqual([earlyOn27th]);
    expect(numbers(await search('?to=2026-11-26'))).toEqual([lateOn26th]);
    expect(numbers(await search('?from=2026-11-26'))).toEqual([earlyOn27th, lateOn26th]);
    const backwards = await api.app.inject({
      method: 'GET',
      url: '/v1/console/cases?from=2026-11-27&to=2026-11-26',
      headers: adminAuth,
    });
    expect(backwards.statusCode).toBe(400);
  });

  it('shows a case’s history with the applicant masked and no ID number or phone', async () => {
    const number = await file('2026-11-27T01:00:00Z');
    now = new Date('2026-11-27T03:00:00Z');
    await api.app.inject({
      method: 'POST',
      url: `/v1/admin/cases/${number}/status`,
      headers: adminAuth,
      payload: { status: 'accepted', note: '材料齐全' },
    });
    const res = await api.app.inject({ method: 'GET', url: `/v1/console/cases/${number}`, headers: adminAuth });
    expect(res.statusCode).toBe(200);
    const detail = CaseDetail.parse(res.json());
    expect(detail).toMatchObject({
      caseNumber: number,
      terminalId: 'kiosk-03',
      applicantMasked: '张*',
      status: 'accepted',
      expectedCompletion: '2026-12-04',
      nextStatuses: ['in_progress', 'rejected'],
    });
    expect(detail.statusHistory).toEqual([
      { status: 'submitted', at: '2026-11-27T01:00:00.000Z' },
      { status: 'accepted', at: '2026-11-27T03:00:00.000Z', note: '材料齐全' },
    ]);
    expect(res.body).not.toContain('11010519491231002X');
    expect(res.body).not.toContain('13800000000');
    expect(res.body).not.toContain('张三');
    const missing = await api.app.inject({ method: 'GET', url: '/v1/console/cases/HK20261127999999', headers: adminAuth });
    expect(missing.statusCode).toBe(404);
  });

  it('lets an operator move a case along its lifecycle; the hall sees it in its changes feed', async () => {
    const number = await file('2026-11-27T01:00:00Z');
    const operator = await sessionOf(api, database(), 'district-operator');
    const move = (status: string, headers = operator) =>
      api.app.inject({
        method: 'POST',
        url: `/v1/console/cases/${number}/status`,
        headers,
        payload: { status, note: '区级受理' },
      });

    const accepted = await move('accepted');
    expect(accepted.statusCode).toBe(200);
    expect(CaseDetail.parse(accepted.json())).toMatchObject({ status: 'accepted', nextStatuses: ['in_progress', 'rejected'] });

    const skipped = await move('submitted');
    expect(skipped.statusCode).toBe(409);
    expect(ConsoleErrorBody.parse(skipped.json()).error).toMatchObject({
      code: 'invalid_transition',
      details: { from: 'accepted', allowed: ['in_progress', 'rejected'] },
    });

    const feed = await api.app.inject({ method: 'GET', url: '/v1/cases/changes?since=0', headers: terminalAuth });
    expect(ChangesResponse.parse(feed.json()).changes.map((c) => [c.status, c.note])).toEqual([
      ['submitted', undefined],
      ['accepted', '区级受理'],
    ]);
  });

  it('refuses status changes to a viewer and to the district admin (cases are the operators’)', async () => {
    const number = await file('2026-11-27T01:00:00Z');
    for (const role of ['viewer', 'district-admin'] as const) {
      const headers = await sessionOf(api, database(), role);
      const res = await api.app.inject({
        method: 'POST',
        url: `/v1/console/cases/${number}/status`,
        headers,
        payload: { status: 'accepted' },
      });
      expect(res.statusCode).toBe(403);
      expect(ConsoleErrorBody.parse(res.json()).error.code).toBe('forbidden');
      // Reading is every role's.
      expect(numbers(await search('', headers))).toEqual([number]);
    }
  });
});
