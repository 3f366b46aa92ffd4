import { afterEach, beforeEach, expect, it } from 'vitest';
import type { CaseStatus } from '../../../contracts/central-api';
import { CaseStatusRecord, CentralErrorBody, ChangesResponse, CreateCaseResponse } from '../../../contracts/central-api';
import type { Platform } from '../../../platform/server';
import { adminAuth, newKey, sampleCase, startApi, terminalAuth } from '../support/platform';
import { describeEachDatabase } from '../support/each-database';

describeEachDatabase('platform: status transitions and the changes feed', (database) => {
  let api: Platform;

  beforeEach(async () => {
    api = await startApi(database());
  });
  afterEach(async () => {
    await api.close();
  });

  async function newCase(): Promise<string> {
    const res = await api.app.inject({
      method: 'POST',
      url: '/v1/cases',
      headers: { ...terminalAuth, 'idempotency-key': newKey() },
      payload: sampleCase(),
    });
    return CreateCaseResponse.parse(res.json()).caseNumber;
  }

  const setStatus = (caseNumber: string, status: CaseStatus, note?: string, headers = adminAuth) =>
    api.app.inject({
      method: 'POST',
      url: `/v1/admin/cases/${caseNumber}/status`,
      headers,
      payload: note === undefined ? { status } : { status, note },
    });

  const changes = async (query: string) => {
    const res = await api.app.inject({ method: 'GET', url: `/v1/cases/changes${query}`, headers: terminalAuth });
    expect(res.statusCode).toBe(200);
    return ChangesResponse.parse(res.json());
  };

  it('walks a case through 受理 → 办理 → 办结 with history, notes and a promise date', async () => {
    const caseNumber = await newCase();
    expect((await setStatus(caseNumber, 'accepted', '材料齐全')).statusCode).toBe(200);
    expect((await setStatus(caseNumber, 'in_progress')).statusCode).toBe(200);
    const done = await setStatus(caseNumber, 'completed', '已办结，请到3号窗口领取');
    expect(done.statusCode).toBe(200);

    const record = CaseStatusRecord.parse(done.json());
    expect(record.status).toBe('completed');
    expect(record.statusHistory.map((h) => h.status)).toEqual(['submitted', 'accepted', 'in_progress', 'completed']);
    expect(record.statusHistory[1]?.note).toBe('材料齐全');
    // Accepted on Friday 2026-11-27: five working days later is Friday 2026-12-04.
    expect(record.expectedCompletion).toBe('2026-12-04');

    const read = await api.app.inject({ method: 'GET', url: `/v1/cases/${caseNumber}`, headers: terminalAuth });
    expect(CaseStatusRecord.parse(read.json())).toEqual(record);
  });

  it('allows the needs_materials detour and rejection', async () => {
    const a = await newCase();
    expect((await setStatus(a, 'needs_materials', '缺少户口簿')).statusCode).toBe(200);
    expect((await setStatus(a, 'accepted')).statusCode).toBe(200);
    expect((await setStatus(a, 'in_progress')).statusCode).toBe(200);
    expect((await setStatus(a, 'needs_materials')).statusCode).toBe(200);
    expect((await setStatus(a, 'rejected')).statusCode).toBe(200);

    const b = await newCase();
    expect((await setStatus(b, 'rejected')).statusCode).toBe(200);
  });

  it.each<[CaseStatus[], CaseStatus]>([
    [[], 'completed'],
    [[], 'in_progress'],
    [[], 'submitted'],
    [['accepted'], 'accepted'],
    [['accepted'], 'needs_materials'],
    [['accepted', 'in_progress', 'completed'], 'in_progress'],
    [['rejected'], 'accepted'],
  ])('refuses %j then %s with 409 invalid_transition', async (path, to) => {
    const caseNumber = await newCase();
    for (const step of path) expect((await setStatus(caseNumber, step)).statusCode).toBe(200);
    const res = await setStatus(caseNumber, to);
    expect(res.statusCode).toBe(409);
    const body = CentralErrorBody.parse(res.json());
    expect(body.error.code).toBe('invalid_transition');
    expect(body.error.details).toMatchObject({ to });
  });

  it('needs the admin token and a known case', async () => {
    const caseNumber = await newCase();
    const asTerminal = await setStatus(caseNumber, 'accepted', undefined, terminalAuth);
    expect(asTerminal.statusCode).toBe(401);
    expect(CentralErrorBody.parse(asTerminal.json()).error.code).toBe('unauthorized');

    const unknown = await setStatus('HK20991231000001', 'accepted');
    expect(unknown.statusCode).toBe(404);
    expect(CentralErrorBody.parse(unknown.json()).error.code).toBe('case_not_found');

    const badStatus = await api.app.inject({
      method: 'POST',
      url: `/v1/admin/cases/${caseNumber}/status`,
      headers: adminAuth,
      payload: { status: 'done' },
    });
    expect(badStatus.statusCode).toBe(400);
    expect(CentralErrorBody.parse(badStatus.json()).error.code).toBe('invalid_request');
  });

  it('pages through status changes with a cursor', async () => {
    const first = await newCase();
    const second = await newCase();
    await setStatus(first, 'accepted');
    await setStatus(second, 'rejected', '不符合受理条件');
    await setStatus(first, 'in_progress');

    const all = await changes('');
    expect(all.changes.map((c) => [c.caseNumber, c.status])).toEqual([
      [first, 'submitted'],
      [second, 'submitted'],
      [first, 'accepted'],
      [second, 'rejected'],
      [first, 'in_progress'],
    ]);
    expect(all.changes.find((c) => c.status === 'rejected')?.note).toBe('不符合受理条件');
    const cursors = all.changes.map((c) => Number(c.cursor));
    expect(cursors).toEqual([...cursors].sort((x, y) => x - y));
    expect(new Set(cursors).size).toBe(cursors.length);
    expect(all.nextCursor).toBe(all.changes.at(-1)?.cursor);

    // Page two at a time and get the same sequence.
    const paged: string[] = [];
    let cursor = '0';
    for (;;) {
      const page = await changes(`?since=${cursor}&limit=2`);
      if (page.changes.length === 0) {
        expect(page.nextCursor).toBe(cursor);
        break;
      }
      expect(page.changes.length).toBeLessThanOrEqual(2);
      paged.push(...page.changes.map((c) => c.cursor));
      cursor = page.nextCursor;
    }
    expect(paged).toEqual(all.changes.map((c) => c.cursor));

    // A later change shows up after the last cursor.
    await setStatus(first, 'completed');
    const later = await changes(`?since=${all.nextCursor}`);
    expect(later.changes.map((c) => [c.caseNumber, c.status])).toEqual([[first, 'completed']]);
  });

  it('rejects a malformed cursor or limit with 400', async () => {
    for (const query of ['?since=abc', '?since=-1', '?limit=0', '?limit=5000']) {
      const res = await api.app.inject({ method: 'GET', url: `/v1/cases/changes${query}`, headers: terminalAuth });
      expect(res.statusCode, query).toBe(400);
      expect(CentralErrorBody.parse(res.json()).error.code).toBe('invalid_request');
    }
  });
});
