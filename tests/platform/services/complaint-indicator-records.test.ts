import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Complaint } from '../../../contracts/complaints';
import { ComputedValuesResponse } from '../../../contracts/platform-indicators';
import { ComplaintPage, RegisteredComplaint } from '../../../contracts/platform-complaints';
import { SignInResponse } from '../../../contracts/platform-console';
import { DISTRICT_TIME_ZONE, endOfDate, instantAt } from '../../../contracts/working-time';
import type { Platform } from '../../../platform/server';
import { closureOnTime } from '../../../platform/services/indicator-complaint-figures';
import { sessionOf, signInRequest, TEST_PASSWORD } from '../support/console';
import { hotlineCall, setUpComplaintDesk, type DeskPerson } from '../support/complaint-desk';
import { describeEachDatabase } from '../support/each-database';
import { FIXED_NOW, startApi } from '../support/platform';

/**
 * GOV.05's metrics as the platform wires them: the indicator route computes them from the
 * complaint tables (services/complaint-indicator-records.ts), with the desk's own deadline rules.
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
  const act = async (number: string, who: DeskPerson, payload: object) => {
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

    const december = {
      start: instantAt('2026-12-01', '00:00', DISTRICT_TIME_ZONE),
      end: endOfDate('2026-12-31', DISTRICT_TIME_ZONE),
    };
    const expected = closureOnTime([onTime, late], december);
    expect(expected).toEqual({ value: 50, rows: 2 });
    expect(computed && { value: computed.value, rows: computed.rows }).toEqual(expected);
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
});
