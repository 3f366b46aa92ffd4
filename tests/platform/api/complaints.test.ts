import { afterEach, beforeEach, expect, it } from 'vitest';
import { CaseStatusRecord, CreateCaseResponse } from '../../../contracts/central-api';
import type { ComplaintAction } from '../../../contracts/complaint-actions';
import { ComplaintListResponse, ComplaintPage, WebComplaintReceipt } from '../../../contracts/platform-complaints';
import { CaseDetail, ConsoleErrorBody } from '../../../contracts/platform-console';
import type { Platform } from '../../../platform/server';
import { sessionOf } from '../support/console';
import {
  hotlineCall,
  registerHotline,
  setUpComplaintDesk,
  type ComplaintDesk,
  type DeskPerson,
  fileKioskComplaint,
} from '../support/complaint-desk';
import { describeEachDatabase } from '../support/each-database';
import { adminAuth, newKey, sampleCase, startApi, terminalAuth } from '../support/platform';

describeEachDatabase('platform: 营商诉求 intake and handling', (database) => {
  let api: Platform;
  let desk: ComplaintDesk;

  beforeEach(async () => {
    api = await startApi(database(), { webFormLimit: { perWindow: 3, windowMs: 3_600_000 } });
    desk = await setUpComplaintDesk(api);
  });
  afterEach(async () => {
    await api.close();
  });

  const act = (number: string, who: DeskPerson, action: ComplaintAction) =>
    api.app.inject({ method: 'POST', url: `/v1/complaints/${number}/actions`, headers: desk.as[who], payload: action });

  const must = async (number: string, who: DeskPerson, action: ComplaintAction): Promise<ComplaintPage> => {
    const res = await act(number, who, action);
    expect(res.statusCode, `${action.type} by ${who}: ${res.body}`).toBe(200);
    return ComplaintPage.parse(res.json());
  };

  const refused = async (number: string, who: DeskPerson, action: ComplaintAction, status: number, code: string) => {
    const res = await act(number, who, action);
    expect(res.statusCode, res.body).toBe(status);
    expect(ConsoleErrorBody.parse(res.json()).error.code).toBe(code);
  };

  const hotline = (payload: object = hotlineCall) => registerHotline(api, desk.as.intake, payload);

  const kiosk = () => fileKioskComplaint(api);

  /** The case as the hall's kiosk reads it on its progress page. */
  const progress = async (number: string) => {
    const res = await api.app.inject({ method: 'GET', url: `/v1/cases/${number}`, headers: terminalAuth });
    expect(res.statusCode, res.body).toBe(200);
    return CaseStatusRecord.parse(res.json());
  };

  /**
   * register → dispatch (lead + co-unit) → co-unit part → accept → draft → submit → return →
   * draft → submit → approve → close → evaluate; after each step, `seen` gets what the step's
   * public mirror should have added (null for an internal step).
   */
  async function handle(
    number: string,
    seen: (step: string, expected: { status: string; note: string } | null) => Promise<void>,
  ) {
    await must(number, 'sorter', { type: 'dispatch', leadUnit: 'market-regulation', coUnits: ['tax'], note: null });
    await seen('dispatch', { status: 'accepted', note: '已转办：区市场监管局牵头，区税务局协办' });
    await must(number, 'taxHandler', { type: 'submit_part', text: '纳税信用核查无异常。' });
    await seen('submit_part', { status: 'accepted', note: '协办单位区税务局已提交办理意见' });
    await must(number, 'leadHandler', { type: 'accept' });
    await seen('accept', { status: 'in_progress', note: '区市场监管局已签收，正在办理' });
    await must(number, 'leadHandler', { type: 'draft', text: '初稿答复。' });
    await seen('draft', null);
    await must(number, 'leadHandler', { type: 'submit' });
    await seen('submit', { status: 'in_progress', note: '答复已提交审核' });
    await must(number, 'reviewer', { type: 'return', reason: '未说明办结时限。' });
    await seen('return', { status: 'in_progress', note: '答复经审核退回，承办单位重新办理' });
    await must(number, 'leadHandler', { type: 'draft', text: '已协调，材料要求以清单为准，三个工作日内办结。' });
    await must(number, 'leadHandler', { type: 'submit' });
    await seen('submit again', { status: 'in_progress', note: '答复已提交审核' });
    await must(number, 'reviewer', { type: 'approve', note: null });
    await seen('approve', { status: 'in_progress', note: '答复：已协调，材料要求以清单为准，三个工作日内办结。' });
    await must(number, 'reviewer', { type: 'close' });
    await seen('close', { status: 'completed', note: '已办结' });
    const page = await must(number, 'intake', { type: 'evaluate', level: 'satisfied', reason: null, comment: null });
    await seen('evaluate', { status: 'completed', note: '已评价，感谢您的反馈' });
    return page;
  }

  it('takes a hotline call through the whole lifecycle, every step in its history', async () => {
    const { number, closeDueAt, duplicates } = await hotline();
    expect(number).toMatch(/^HK20261127\d{6}$/);
    // 审批服务: 5 working days after Friday 27 November → Friday 4 December, 24:00 Beijing.
    expect(closeDueAt).toBe('2026-12-04T16:00:00.000Z');
    expect(duplicates).toEqual([]);

    const page = await handle(number, async () => undefined);
    expect(page.complaint.state).toBe('evaluated');
    expect(page.complaint.history.map((s) => s.action)).toEqual([
      'register',
      'dispatch',
      'submit_part',
      'accept',
      'draft',
      'submit',
      'return',
      'draft',
      'submit',
      'approve',
      'close',
      'evaluate',
    ]);
    expect(page.complaint.returns).toBe(1);
    expect(page.complaint.coUnits).toEqual([expect.objectContaining({ unitCode: 'tax' })]);
    expect(page.openSupervisionOrders).toEqual([]);
    // A complaint of no hall is not any hall's case.
    const asHall = await api.app.inject({ method: 'GET', url: `/v1/cases/${number}`, headers: terminalAuth });
    expect(asHall.statusCode).toBe(404);
  });

  it('makes a kiosk complaint case a complaint with its number, and its hall sees each public step', async () => {
    const number = await kiosk();
    const registered = await api.app.inject({ method: 'GET', url: `/v1/complaints/${number}`, headers: desk.as.sorter });
    expect(registered.statusCode, registered.body).toBe(200);
    const first = ComplaintPage.parse(registered.json()).complaint;
    expect(first).toMatchObject({ channel: 'kiosk', topic: 'approval', state: 'registered' });
    expect(first.enterprise.name).toBe('示例星辰科技有限公司');
    expect((await progress(number)).expectedCompletion).toBe('2026-12-04');

    let seenChanges = (await progress(number)).statusHistory.length;
    expect(seenChanges).toBe(1);
    await handle(number, async (step, expected) => {
      const history = (await progress(number)).statusHistory;
      if (expected === null) {
        expect(history.length, step).toBe(seenChanges);
        return;
      }
      expect(history.length, step).toBe(seenChanges + 1);
      expect(history.at(-1), step).toMatchObject(expected);
      seenChanges = history.length;
    });
    expect((await progress(number)).status).toBe('completed');
  });

  it('refuses an operator’s status change of a complaint’s case, by either route; a plain case still moves', async () => {
    const kioskNumber = await kiosk();
    const { number: hotlineNumber } = await hotline();
    await must(kioskNumber, 'sorter', { type: 'dispatch', leadUnit: 'market-regulation', coUnits: [], note: null });
    const operator = await sessionOf(api, database(), 'district-operator');
    const byAdmin = (number: string, status: string) =>
      api.app.inject({ method: 'POST', url: `/v1/admin/cases/${number}/status`, headers: adminAuth, payload: { status } });
    const byConsole = (number: string, status: string) =>
      api.app.inject({ method: 'POST', url: `/v1/console/cases/${number}/status`, headers: operator, payload: { status } });

    for (const [number, status] of [
      [kioskNumber, 'in_progress'],
      [kioskNumber, 'completed'],
      [hotlineNumber, 'accepted'],
    ] as const) {
      for (const send of [byAdmin, byConsole]) {
        const res = await send(number, status);
        expect(res.statusCode, res.body).toBe(409);
        expect(ConsoleErrorBody.parse(res.json()).error).toMatchObject({
          code: 'complaint_case',
          details: { actions: `/v1/complaints/${number}/actions` },
        });
      }
    }
    // Nothing moved: the kiosk still reads the dispatch's 受理, the complaint is still dispatched.
    expect((await progress(kioskNumber)).status).toBe('accepted');
    const page = await api.app.inject({ method: 'GET', url: `/v1/complaints/${kioskNumber}`, headers: desk.as.sorter });
    expect(ComplaintPage.parse(page.json()).complaint.state).toBe('dispatched');
    // The console's case page offers no status change for it, and says why.
    const detail = await api.app.inject({ method: 'GET', url: `/v1/console/cases/${kioskNumber}`, headers: operator });
    expect(CaseDetail.parse(detail.json())).toMatchObject({ complaint: true, nextStatuses: [] });
    // A case of another item is the operator's to move, as before.
    const plain = await api.app.inject({
      method: 'POST',
      url: '/v1/cases',
      headers: { ...terminalAuth, 'idempotency-key': newKey() },
      payload: sampleCase(),
    });
    const plainNumber = CreateCaseResponse.parse(plain.json()).caseNumber;
    expect((await byAdmin(plainNumber, 'accepted')).statusCode).toBe(200);
    expect((await byConsole(plainNumber, 'in_progress')).statusCode).toBe(200);
  });

  it('refuses the wrong role, the wrong unit and the wrong state with their codes, and changes nothing', async () => {
    const { number } = await hotline();
    await refused(number, 'leadHandler', { type: 'accept' }, 409, 'wrong_state');
    await refused(number, 'leadHandler', { type: 'dispatch', leadUnit: 'tax', coUnits: [], note: null }, 403, 'wrong_role');
    await must(number, 'sorter', { type: 'dispatch', leadUnit: 'market-regulation', coUnits: [], note: null });
    await refused(number, 'streetHandler', { type: 'accept' }, 403, 'wrong_unit');
    await refused(number, 'sorter', { type: 'dispatch', leadUnit: 'tax', coUnits: [], note: null }, 409, 'wrong_state');
    // The admin token is nobody in the directory.
    const asAdmin = await api.app.inject({
      method: 'POST',
      url: `/v1/complaints/${number}/actions`,
      headers: adminAuth,
      payload: { type: 'accept' },
    });
    expect(asAdmin.statusCode).toBe(403);
    expect(ConsoleErrorBody.parse(asAdmin.json()).error.code).toBe('not_a_person');
    // A sorter does not type hotline calls; a handler does not manage the directory.
    const bySorter = await api.app.inject({
      method: 'POST',
      url: '/v1/complaints/hotline',
      headers: desk.as.sorter,
      payload: hotlineCall,
    });
    expect(bySorter.statusCode).toBe(403);
    expect(ConsoleErrorBody.parse(bySorter.json()).error.code).toBe('wrong_role');
    const unit = await api.app.inject({
      method: 'POST',
      url: '/v1/complaints/units',
      headers: desk.as.leadHandler,
      payload: { code: 'street-other', name: '另一街道', kind: 'street' },
    });
    expect(unit.statusCode).toBe(403);
    // Nobody signed in, or a hall's credential, reads no complaint.
    for (const headers of [{}, terminalAuth]) {
      const list = await api.app.inject({ method: 'GET', url: '/v1/complaints', headers });
      expect(list.statusCode).toBe(401);
    }

    const page = ComplaintPage.parse(
      (await api.app.inject({ method: 'GET', url: `/v1/complaints/${number}`, headers: desk.as.sorter })).json(),
    );
    expect(page.complaint.history.map((s) => s.action)).toEqual(['register', 'dispatch']);
    expect(page.complaint.state).toBe('dispatched');
  });

  it('takes the public web form without an account, refuses bad input and limits each address', async () => {
    const form = { ...hotlineCall, text: '办理施工许可时被要求重复提交材料。' };
    const res = await api.app.inject({ method: 'POST', url: '/v1/public/complaints', payload: form });
    expect(res.statusCode, res.body).toBe(201);
    const receipt = WebComplaintReceipt.parse(res.json());
    expect(receipt.number).toMatch(/^HK/);
    expect(res.json()).not.toHaveProperty('duplicates');

    for (const bad of [
      { ...form, enterprise: { name: '星河示例科技有限公司', creditCode: '91350100M000100Y44' } },
      { ...form, contact: { name: '赵六', phone: '12345' } },
      { ...form, text: '太慢' },
      { ...form, extra: 'field' },
      { ...form, enterprise: { name: '星河示例科技有限公司', creditCode: null } },
    ]) {
      const refusedForm = await api.app.inject({ method: 'POST', url: '/v1/public/complaints', payload: bad });
      expect(refusedForm.statusCode, JSON.stringify(bad)).toBe(400);
    }
    const unknownArea = await api.app.inject({
      method: 'POST',
      url: '/v1/public/complaints',
      payload: { ...form, area: 'street-none' },
    });
    expect(unknownArea.statusCode).toBe(404);
    expect(ConsoleErrorBody.parse(unknownArea.json()).error.code).toBe('unit_not_found');

    // The limit (3 an hour here) counts what reached the handler: two so far, one more, then 429.
    expect((await api.app.inject({ method: 'POST', url: '/v1/public/complaints', payload: form })).statusCode).toBe(201);
    const limited = await api.app.inject({ method: 'POST', url: '/v1/public/complaints', payload: form });
    expect(limited.statusCode).toBe(429);
    expect(ConsoleErrorBody.parse(limited.json()).error.code).toBe('rate_limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('flags a complaint repeating another of the same enterprise, and lists by unit and state', async () => {
    const first = await hotline();
    const second = await hotline({ ...hotlineCall, text: '施工许可审批超期未办结，再次反映。' });
    expect(second.duplicates.map((d) => d.number)).toEqual([first.number]);
    const other = await hotline({ ...hotlineCall, enterprise: { name: '另一示例公司', creditCode: null } });
    expect(other.duplicates).toEqual([]);

    const page = ComplaintPage.parse(
      (await api.app.inject({ method: 'GET', url: `/v1/complaints/${first.number}`, headers: desk.as.sorter })).json(),
    );
    expect(page.duplicates.map((d) => d.number)).toEqual([second.number]);
    // No rule names a unit: the area's street is suggested (属地管理).
    expect(page.suggestions.map((s) => s.leadUnit)).toEqual(['street-xinghe']);

    await must(first.number, 'sorter', { type: 'dispatch', leadUnit: 'market-regulation', coUnits: ['tax'], note: null });
    const list = async (query: string) => {
      const res = await api.app.inject({ method: 'GET', url: `/v1/complaints${query}`, headers: desk.as.taxHandler });
      expect(res.statusCode, res.body).toBe(200);
      return ComplaintListResponse.parse(res.json()).complaints.map((c) => c.number);
    };
    expect(await list('')).toEqual([other.number, second.number, first.number]);
    expect(await list('?unit=tax')).toEqual([first.number]);
    expect(await list('?state=registered')).toEqual([other.number, second.number]);
    expect(await list('?text=另一示例')).toEqual([other.number]);
    expect(await list(`?limit=2&after=${second.number}`)).toEqual([first.number]);
  });
});
