import ExcelJS from 'exceljs';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { AssessmentRules, DEFAULT_ASSESSMENT_RULES } from '../../../contracts/complaint-assessment';
import type { ComplaintAction } from '../../../contracts/complaint-actions';
import { Person } from '../../../contracts/complaints';
import { AssessmentRulesView, ComplaintStatistics } from '../../../contracts/platform-complaint-statistics';
import { RegisteredComplaint } from '../../../contracts/platform-complaints';
import { ConsoleErrorBody, SignInResponse } from '../../../contracts/platform-console';
import type { Platform } from '../../../platform/server';
import { setUpComplaintDesk, hotlineCall, type ComplaintDesk, type DeskPerson } from '../support/complaint-desk';
import { signInRequest, TEST_PASSWORD } from '../support/console';
import { describeEachDatabase } from '../support/each-database';
import { adminAuth, startApi } from '../support/platform';

const NOVEMBER = 'from=2026-11-01&to=2026-11-30&label=2026年11月';

describeEachDatabase('platform: 营商诉求 statistics, scores and the 考核细则', (database) => {
  let api: Platform;
  let desk: ComplaintDesk;
  /** The 营商局's supervisor and the market regulator's leader, whom the shared desk has not. */
  let supervisor: { authorization: string };
  let marketLeader: { authorization: string };

  async function addPerson(key: string, person: object): Promise<{ authorization: string }> {
    const created = await api.app.inject({ method: 'POST', url: '/v1/complaints/people', headers: adminAuth, payload: person });
    expect(created.statusCode, created.body).toBe(201);
    const { id } = Person.parse(created.json());
    const username = `p-${key}`;
    const account = await api.app.inject({
      method: 'POST',
      url: `/v1/complaints/people/${id}/account`,
      headers: adminAuth,
      payload: { username, password: TEST_PASSWORD },
    });
    expect(account.statusCode, account.body).toBe(201);
    const signIn = await signInRequest(api, username, TEST_PASSWORD);
    return { authorization: `Bearer ${SignInResponse.parse(signIn.json()).token}` };
  }

  beforeEach(async () => {
    api = await startApi(database());
    desk = await setUpComplaintDesk(api);
    supervisor = await addPerson('supervisor', {
      name: '督办员',
      unitCode: 'business-bureau',
      duty: 'leader',
      bureauRoles: ['supervisor'],
    });
    marketLeader = await addPerson('market-leader', { name: '市场监管分管领导', unitCode: 'market-regulation', duty: 'leader' });
  });
  afterEach(async () => {
    await api.close();
  });

  const act = async (number: string, who: DeskPerson, action: ComplaintAction) => {
    const res = await api.app.inject({
      method: 'POST',
      url: `/v1/complaints/${number}/actions`,
      headers: desk.as[who],
      payload: action,
    });
    expect(res.statusCode, `${action.type}: ${res.body}`).toBe(200);
  };

  /** A hotline call handled by the market regulator with the tax office: returned once, then approved, closed, rated satisfied. */
  async function handledComplaint(): Promise<void> {
    const res = await api.app.inject({
      method: 'POST',
      url: '/v1/complaints/hotline',
      headers: desk.as.intake,
      payload: hotlineCall,
    });
    expect(res.statusCode, res.body).toBe(201);
    const { number } = RegisteredComplaint.parse(res.json());
    await act(number, 'sorter', { type: 'dispatch', leadUnit: 'market-regulation', coUnits: ['tax'], note: null });
    await act(number, 'taxHandler', { type: 'submit_part', text: '纳税信用核查无异常。' });
    await act(number, 'leadHandler', { type: 'accept' });
    await act(number, 'leadHandler', { type: 'draft', text: '初稿。' });
    await act(number, 'leadHandler', { type: 'submit' });
    await act(number, 'reviewer', { type: 'return', reason: '未说明办结时限。' });
    await act(number, 'leadHandler', { type: 'draft', text: '三个工作日内办结。' });
    await act(number, 'leadHandler', { type: 'submit' });
    await act(number, 'reviewer', { type: 'approve', note: null });
    await act(number, 'reviewer', { type: 'close' });
    await act(number, 'intake', { type: 'evaluate', level: 'satisfied', reason: null, comment: null });
  }

  const get = (url: string, headers: { authorization: string }) => api.app.inject({ method: 'GET', url, headers });

  const statistics = async (headers: { authorization: string }, query = NOVEMBER) => {
    const res = await get(`/v1/complaints/statistics?${query}`, headers);
    expect(res.statusCode, res.body).toBe(200);
    return ComplaintStatistics.parse(res.json());
  };

  const refusal = async (res: { statusCode: number; json: () => unknown }, status: number) => {
    expect(res.statusCode).toBe(status);
    return ConsoleErrorBody.parse(res.json()).error.code;
  };

  it('shows the 营商局 every unit’s figures, rates, score and rank, and the district’s 规定期限办结率', async () => {
    await handledComplaint();
    const stats = await statistics(desk.as.sorter);
    expect(stats.scope).toBe('all');
    expect(stats.rules).toEqual({ version: 1, name: '营商诉求办理考核细则', total: 100 });
    const [first, ...rest] = stats.units;
    expect(first).toMatchObject({
      unitCode: 'market-regulation',
      name: '区市场监管局',
      figures: { received: 1, acceptDue: 1, acceptedOnTime: 1, closed: 1, closedOnTime: 1, reviewed: 2, returned: 1 },
      score: { active: true, rank: 1, measures: { closedOnTimeRate: 100, returnRate: 50, satisfactionRate: 100 } },
    });
    // 答复质量: a return rate of 50 % is past the worst (30 %), so its 10 points are lost: 90 of 100.
    expect(first?.score.score).toBe(90);
    expect(stats.rankedUnits).toBe(1);
    expect(rest.map((u) => [u.unitCode, u.score.rank])).toEqual([
      ['business-bureau', null],
      ['street-xinghe', null],
      ['tax', null],
    ]);
    expect(stats.district.figures.closed).toBe(1);
    expect(stats.district.measures.closedOnTimeRate).toBe(100);
    // Nothing happened in October.
    const october = await statistics(desk.as.reviewer, 'from=2026-10-01&to=2026-10-31');
    expect(october.units.every((u) => u.score.rank === null)).toBe(true);
    expect(october.district.measures.closedOnTimeRate).toBeNull();
  });

  it('shows a unit’s handler or leader their own unit only, with its rank', async () => {
    await handledComplaint();
    for (const headers of [desk.as.leadHandler, marketLeader]) {
      const own = await statistics(headers);
      expect(own.scope).toBe('unit');
      expect(own.units.map((u) => [u.unitCode, u.score.rank])).toEqual([['market-regulation', 1]]);
    }
    const tax = await statistics(desk.as.taxHandler);
    expect(tax.units.map((u) => u.unitCode)).toEqual(['tax']);
  });

  it('refuses another unit’s statistics to a unit, and all of them to an account that is no person', async () => {
    expect(await refusal(await get(`/v1/complaints/statistics?${NOVEMBER}&unit=tax`, desk.as.leadHandler), 403)).toBe(
      'wrong_unit',
    );
    expect(await refusal(await get(`/v1/complaints/statistics?${NOVEMBER}`, adminAuth), 403)).toBe('not_a_person');
    expect(await refusal(await get(`/v1/complaints/statistics/export?${NOVEMBER}`, adminAuth), 403)).toBe('not_a_person');
    expect(await refusal(await get(`/v1/complaints/assessment-rules`, adminAuth), 403)).toBe('not_a_person');
    const unsigned = await api.app.inject({ method: 'GET', url: `/v1/complaints/statistics?${NOVEMBER}` });
    expect(unsigned.statusCode).toBe(401);
  });

  it('refuses a period that ends before it begins or is longer than a year', async () => {
    expect(await refusal(await get('/v1/complaints/statistics?from=2026-11-30&to=2026-11-01', desk.as.sorter), 400)).toBe(
      'invalid_request',
    );
    expect(await refusal(await get('/v1/complaints/statistics?from=2024-01-01&to=2026-12-31', desk.as.sorter), 400)).toBe(
      'invalid_request',
    );
  });

  it('exports the same figures as an Excel workbook, a unit’s only its own', async () => {
    await handledComplaint();
    const res = await get(`/v1/complaints/statistics/export?${NOVEMBER}`, desk.as.leadHandler);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(new Uint8Array(res.rawPayload).buffer);
    const text = (name: string) =>
      (book.getWorksheet(name)?.getSheetValues() ?? []).flat().filter((v): v is string => typeof v === 'string');
    expect(text('统计数据')).toContain('区市场监管局');
    expect(text('统计数据')).not.toContain('区税务局');
  });

  it('lets a supervisor write a new version of the 考核细则, which the next statistics apply', async () => {
    await handledComplaint();
    const before = await get('/v1/complaints/assessment-rules', desk.as.leadHandler);
    expect(AssessmentRulesView.parse(before.json())).toMatchObject({ editable: false, current: { version: 1 } });

    // 答复质量 worth nothing lost: the return rate scored from 0 % (best) to 60 % (worst).
    const lenient = AssessmentRules.parse({
      ...DEFAULT_ASSESSMENT_RULES,
      name: '营商诉求办理考核细则（修订）',
      items: DEFAULT_ASSESSMENT_RULES.items.map((item) =>
        item.measure === 'returnRate' && item.kind === 'linear' ? { ...item, worst: 60 } : item,
      ),
    });
    const put = (headers: { authorization: string }, body: object) =>
      api.app.inject({ method: 'PUT', url: '/v1/complaints/assessment-rules', headers, payload: body });

    expect(await refusal(await put(desk.as.reviewer, { baseVersion: 1, rules: lenient }), 403)).toBe('wrong_role');
    expect(await refusal(await put(marketLeader, { baseVersion: 1, rules: lenient }), 403)).toBe('wrong_role');
    const unbalanced = { ...lenient, total: 90 };
    expect(await refusal(await put(supervisor, { baseVersion: 1, rules: unbalanced }), 400)).toBe('invalid_request');

    const written = await put(supervisor, { baseVersion: 1, rules: lenient });
    expect(written.statusCode, written.body).toBe(200);
    const view = AssessmentRulesView.parse(written.json());
    expect(view.editable).toBe(true);
    expect(view.versions.map((v) => [v.version, v.createdBy])).toEqual([
      [2, '督办员'],
      [1, 'seed'],
    ]);
    expect(await refusal(await put(supervisor, { baseVersion: 1, rules: DEFAULT_ASSESSMENT_RULES }), 409)).toBe(
      'assessment_rules_changed',
    );

    const after = await statistics(desk.as.sorter);
    expect(after.rules.version).toBe(2);
    // 50 % returned, halfway from 0 % to 60 %: 10 × (60 − 50) / 60 = 1.67 of 10 points.
    expect(after.units[0]?.score.score).toBe(91.67);
  });
});
