import { afterEach, beforeEach, expect, it } from 'vitest';
import type { ComplaintAction } from '../../../contracts/complaint-actions';
import type { Complaint } from '../../../contracts/complaints';
import { ComplaintStatistics } from '../../../contracts/platform-complaint-statistics';
import { ComputedValuesResponse } from '../../../contracts/platform-indicators';
import { ComplaintPage, RegisteredComplaint } from '../../../contracts/platform-complaints';
import { SignInResponse } from '../../../contracts/platform-console';
import type { Platform } from '../../../platform/server';
import { sessionOf, signInRequest, TEST_PASSWORD } from '../support/console';
import { hotlineCall, setUpComplaintDesk, type DeskPerson } from '../support/complaint-desk';
import { beijing } from '../support/complaints';
import { describeEachDatabase } from '../support/each-database';
import { FIXED_NOW, startApi } from '../support/platform';

/**
 * GOV.05's metrics as the platform wires them: the indicator route counts them in the complaint
 * tables (services/complaint-indicator-records.ts), with the desk's own deadline rules; each
 * figure is worked out here from the complaints the desk's routes answered, and must be the
 * statistics page's district figure too.
 */
describeEachDatabase('platform: the indicators count the complaint desk’s complaints', (database) => {
  let api: Platform;
  let clock: Date;

  beforeEach(async () => {
    clock = FIXED_NOW;
    api = await startApi(database(), { now: () => clock });
    await setUpComplaintDesk(api);
  });
  afterEach(async () => {
    await api.close();
  });

  /** A session of the desk's person as of the clock: Friday's have expired by the next week. */
  const as = async (who: DeskPerson) => {
    const res = await signInRequest(api, `p-${who.toLowerCase()}`, TEST_PASSWORD);
    expect(res.statusCode, res.body).toBe(201);
    return { authorization: `Bearer ${SignInResponse.parse(res.json()).token}` };
  };
  const act = async (number: string, who: DeskPerson, payload: ComplaintAction) => {
    const headers = await as(who);
    const res = await api.app.inject({ method: 'POST', url: `/v1/complaints/${number}/actions`, headers, payload });
    expect(res.statusCode, res.body).toBe(200);
    return ComplaintPage.parse(res.json()).complaint;
  };
  /** Registered now, then handled and closed on the Beijing wall time given. */
  const closedOn = async (wall: string): Promise<Complaint> => {
    clock = FIXED_NOW;
    const res = await api.app.inject({
      method: 'POST',
      url: '/v1/complaints/hotline',
      headers: await as('intake'),
      payload: hotlineCall,
    });
    expect(res.statusCode, res.body).toBe(201);
    const { number } = RegisteredComplaint.parse(res.json());
    await act(number, 'sorter', { type: 'dispatch', leadUnit: 'market-regulation', coUnits: [], note: null });
    clock = new Date(`${wall}:00+08:00`);
    await act(number, 'leadHandler', { type: 'accept' });
    await act(number, 'leadHandler', { type: 'draft', text: '已协调办理。' });
    await act(number, 'leadHandler', { type: 'submit' });
    await act(number, 'reviewer', { type: 'approve', note: null });
    return act(number, 'reviewer', { type: 'close' });
  };

  it('makes the on-time closure rate 50 % for one complaint closed in time and one late', async () => {
    // Both promised by Friday 4 December 24:00 Beijing (审批服务, 5 working days).
    const onTime = await closedOn('2026-12-01T10:00');
    const late = await closedOn('2026-12-07T10:00');
    expect(onTime.closeDueAt).toBe('2026-12-04T16:00:00.000Z');
    expect(late.closeDueAt).toBe(onTime.closeDueAt);

    const operator = await sessionOf(api, database(), 'district-operator');
    const opened = await api.app.inject({
      method: 'POST',
      url: '/v1/admin/indicators/periods',
      headers: operator,
      payload: { period: '2026-12' },
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const res = await api.app.inject({ method: 'POST', url: '/v1/admin/indicators/periods/2026-12/compute', headers: operator });
    expect(res.statusCode, res.body).toBe(200);
    const computed = ComputedValuesResponse.parse(res.json()).values.find((v) => v.metric === 'complaint-on-time-closure-rate');

    // By hand from the complaints answered: closed at or before the 办结期限.
    const closed = [onTime, late].map((c) => ({ at: c.history.find((s) => s.action === 'close')?.at, due: c.closeDueAt }));
    const inTime = closed.filter((c) => c.at !== undefined && Date.parse(c.at) <= Date.parse(c.due)).length;
    expect({ inTime, rows: closed.length }).toEqual({ inTime: 1, rows: 2 });
    expect(computed && { value: computed.value, rows: computed.rows }).toEqual({
      value: (inTime / closed.length) * 100,
      rows: 2,
    });
  });

  it('leaves out what closed in another month', async () => {
    await closedOn('2026-12-01T10:00');
    const operator = await sessionOf(api, database(), 'district-operator');
    await api.app.inject({
      method: 'POST',
      url: '/v1/admin/indicators/periods',
      headers: operator,
      payload: { period: '2026-11' },
    });
    const res = await api.app.inject({ method: 'POST', url: '/v1/admin/indicators/periods/2026-11/compute', headers: operator });
    expect(res.statusCode, res.body).toBe(200);
    const computed = ComputedValuesResponse.parse(res.json()).values.find((v) => v.metric === 'complaint-on-time-closure-rate');
    expect(computed).toMatchObject({ value: null, rows: 0 });
  });

  /** A hotline complaint registered at the Beijing wall time given. */
  const registeredAt = async (wall: string): Promise<string> => {
    clock = new Date(beijing(wall));
    const res = await api.app.inject({
      method: 'POST',
      url: '/v1/complaints/hotline',
      headers: await as('intake'),
      payload: hotlineCall,
    });
    expect(res.statusCode, res.body).toBe(201);
    return RegisteredComplaint.parse(res.json()).number;
  };
  /** The action taken at the Beijing wall time given. */
  const at = (wall: string, number: string, who: DeskPerson, payload: ComplaintAction) => {
    clock = new Date(beijing(wall));
    return act(number, who, payload);
  };
  const dispatchTo = (leadUnit: string): ComplaintAction => ({ type: 'dispatch', leadUnit, coUnits: [], note: null });
  const replied = async (wall: string, number: string) => {
    await at(wall, number, 'leadHandler', { type: 'draft', text: '已协调办理。' });
    await at(wall, number, 'leadHandler', { type: 'submit' });
    await at(wall, number, 'reviewer', { type: 'approve', note: null });
    return at(wall, number, 'reviewer', { type: 'close' });
  };

  it('counts December’s four figures as worked out by hand, and as the statistics page shows them', async () => {
    // A: accepted within the day, closed the same day, rated satisfied: no 督办单.
    const a = await registeredAt('2026-12-01T09:00');
    await at('2026-12-01T09:30', a, 'sorter', dispatchTo('market-regulation'));
    await at('2026-12-01T10:00', a, 'leadHandler', { type: 'accept' });
    await replied('2026-12-01T11:00', a);
    const rated = await at('2026-12-02T09:00', a, 'intake', {
      type: 'evaluate',
      level: 'satisfied',
      reason: null,
      comment: null,
    });
    // B: accepted on Thursday 3 December (due at the end of Wednesday 2nd), closed on Monday 14th
    // (promised by the end of Tuesday 8th: 审批服务, 5 working days), rated 一般: a 督办单.
    const b = await registeredAt('2026-12-01T09:00');
    await at('2026-12-01T09:30', b, 'sorter', dispatchTo('market-regulation'));
    await at('2026-12-03T10:00', b, 'leadHandler', { type: 'accept' });
    await replied('2026-12-14T10:00', b);
    const basic = await at('2026-12-14T11:00', b, 'intake', { type: 'evaluate', level: 'basic', reason: null, comment: null });
    // C: declined by the tax office within its day, dispatched again the next morning and accepted
    // at once; still open. Two acceptance deadlines, both answered in time.
    const c = await registeredAt('2026-12-01T09:00');
    await at('2026-12-01T09:30', c, 'sorter', dispatchTo('tax'));
    await at('2026-12-01T15:00', c, 'taxHandler', { type: 'decline', reason: '不属于本单位职责。' });
    await at('2026-12-02T09:00', c, 'sorter', dispatchTo('market-regulation'));
    const open = await at('2026-12-02T10:00', c, 'leadHandler', { type: 'accept' });

    // By hand, from what the routes answered.
    const complaints: Complaint[] = [rated, basic, open];
    const closeOf = (x: Complaint) => x.history.find((s) => s.action === 'close')?.at;
    const closedOnes = complaints.filter((x) => closeOf(x) !== undefined);
    const closedInTime = closedOnes.filter((x) => Date.parse(closeOf(x) ?? '') <= Date.parse(x.closeDueAt));
    expect(closedOnes.map((x) => x.number)).toEqual([a, b]);
    expect(closedInTime.map((x) => x.number)).toEqual([a]);
    // Each dispatch is due to be answered (accepted or declined) by the end of the next working day.
    const dueOfDispatchOn: Record<string, string> = {
      '2026-12-01': beijing('2026-12-03T00:00'),
      '2026-12-02': beijing('2026-12-04T00:00'),
    };
    const acceptances = complaints.flatMap((x) =>
      x.history.flatMap((step, i) => {
        if (step.action !== 'dispatch') return [];
        const answer = x.history.slice(i + 1).find((s) => s.action === 'accept' || s.action === 'decline');
        const due = dueOfDispatchOn[new Date(Date.parse(step.at) + 8 * 3_600_000).toISOString().slice(0, 10)] ?? '';
        return [{ inTime: answer !== undefined && Date.parse(answer.at) <= Date.parse(due) }];
      }),
    );
    expect(acceptances.map((x) => x.inTime)).toEqual([true, false, true, true]);
    const ratings = complaints.flatMap((x) => (x.evaluation === null ? [] : [x.evaluation.level]));
    expect(ratings).toEqual(['satisfied', 'basic']);

    clock = new Date(beijing('2026-12-15T09:00'));
    const operator = await sessionOf(api, database(), 'district-operator');
    await api.app.inject({
      method: 'POST',
      url: '/v1/admin/indicators/periods',
      headers: operator,
      payload: { period: '2026-12' },
    });
    const res = await api.app.inject({ method: 'POST', url: '/v1/admin/indicators/periods/2026-12/compute', headers: operator });
    expect(res.statusCode, res.body).toBe(200);
    const figures = new Map(
      ComputedValuesResponse.parse(res.json()).values.map((v) => [v.metric, { value: v.value, rows: v.rows }]),
    );
    const rate = (hits: number, rows: number) => ({ value: Math.round((hits / rows) * 1000) / 10, rows });
    expect(figures.get('complaint-on-time-closure-rate')).toEqual(rate(closedInTime.length, closedOnes.length));
    // B alone was late at any stage: its acceptance and its 办结期限.
    expect(figures.get('complaint-supervision-rate')).toEqual(rate(1, closedOnes.length));
    expect(figures.get('complaint-on-time-acceptance-rate')).toEqual(
      rate(acceptances.filter((x) => x.inTime).length, acceptances.length),
    );
    expect(figures.get('complaint-satisfaction-rate')).toEqual(
      rate(ratings.filter((l) => l === 'satisfied' || l === 'very_satisfied').length, ratings.length),
    );

    // One figure: the statistics page's district totals for the same month.
    const stats = await api.app.inject({
      method: 'GET',
      url: '/v1/complaints/statistics?from=2026-12-01&to=2026-12-31',
      headers: await as('reviewer'),
    });
    expect(stats.statusCode, stats.body).toBe(200);
    const { measures } = ComplaintStatistics.parse(stats.json()).district;
    expect(measures.closedOnTimeRate).toBe(figures.get('complaint-on-time-closure-rate')?.value);
    expect(measures.acceptedOnTimeRate).toBe(figures.get('complaint-on-time-acceptance-rate')?.value);
    expect(measures.satisfactionRate).toBe(figures.get('complaint-satisfaction-rate')?.value);
  });
});
