import { afterEach, beforeEach, expect, it } from 'vitest';
import { RegisteredComplaint } from '../../../contracts/platform-complaints';
import { ConsoleErrorBody } from '../../../contracts/platform-console';
import { PublicComplaintAreas, PublicComplaintProgress } from '../../../contracts/platform-public-complaints';
import type { Platform } from '../../../platform/server';
import { hotlineCall, setUpComplaintDesk, type ComplaintDesk } from '../support/complaint-desk';
import { describeEachDatabase } from '../support/each-database';
import { startApi } from '../support/platform';

describeEachDatabase('platform: the public complaint form’s areas and progress lookup', (database) => {
  let api: Platform;
  let desk: ComplaintDesk;

  beforeEach(async () => {
    api = await startApi(database(), { progressLookupLimit: { perWindow: 4, windowMs: 3_600_000 } });
    desk = await setUpComplaintDesk(api);
  });
  afterEach(async () => {
    await api.close();
  });

  const lookup = (payload: object) => api.app.inject({ method: 'POST', url: '/v1/public/complaints/progress', payload });

  const fileByHotline = async () => {
    const res = await api.app.inject({
      method: 'POST',
      url: '/v1/complaints/hotline',
      headers: desk.as.intake,
      payload: hotlineCall,
    });
    expect(res.statusCode, res.body).toBe(201);
    return RegisteredComplaint.parse(res.json()).number;
  };

  it('lists the active streets and zones without an account, and no department', async () => {
    const res = await api.app.inject({ method: 'GET', url: '/v1/public/complaint-areas' });
    expect(res.statusCode).toBe(200);
    expect(PublicComplaintAreas.parse(res.json()).areas).toEqual([{ code: 'street-xinghe', name: '星河街道', kind: 'street' }]);
  });

  it('answers the number with its phone with the public steps only, in the enterprise’s words', async () => {
    const number = await fileByHotline();
    const dispatched = await api.app.inject({
      method: 'POST',
      url: `/v1/complaints/${number}/actions`,
      headers: desk.as.sorter,
      payload: { type: 'dispatch', leadUnit: 'market-regulation', coUnits: ['tax'], note: '请尽快核实（内部）' },
    });
    expect(dispatched.statusCode, dispatched.body).toBe(200);

    // The phone as typed differently from how it was filed.
    const res = await lookup({ number, phone: ' 138 0000 0000 ' });
    expect(res.statusCode, res.body).toBe(200);
    const progress = PublicComplaintProgress.parse(res.json());
    expect(progress).toMatchObject({ number, stage: 'receiving', closeDueAt: '2026-12-04T16:00:00.000Z' });
    expect(progress.steps.map((s) => [s.action, s.note])).toEqual([
      ['register', null],
      ['dispatch', '已转办：区市场监管局牵头，区税务局协办'],
    ]);
    // Nothing of the staff's or the contact's.
    expect(res.body).not.toContain('内部');
    expect(res.body).not.toContain('赵六');
    expect(res.body).not.toContain(hotlineCall.text);
  });

  it('answers a wrong phone exactly as an unknown number, and refuses a malformed request', async () => {
    const number = await fileByHotline();
    const wrongPhone = await lookup({ number, phone: '13900000000' });
    const unknown = await lookup({ number: 'HK20261127999999', phone: '13800000000' });
    expect([wrongPhone.statusCode, unknown.statusCode]).toEqual([404, 404]);
    expect(wrongPhone.body).toBe(unknown.body);
    const extra = await lookup({ number, phone: '13800000000', name: '赵六' });
    expect(ConsoleErrorBody.parse(extra.json()).error.code).toBe('invalid_request');
  });

  it('limits lookups per client address, hits and misses alike', async () => {
    const number = await fileByHotline();
    for (let i = 0; i < 3; i += 1) expect((await lookup({ number, phone: `1390000000${i}` })).statusCode).toBe(404);
    expect((await lookup({ number, phone: '13800000000' })).statusCode).toBe(200);
    const limited = await lookup({ number, phone: '13800000000' });
    expect(limited.statusCode).toBe(429);
    expect(ConsoleErrorBody.parse(limited.json()).error.code).toBe('rate_limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });
});
