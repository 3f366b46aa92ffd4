import { afterEach, beforeEach, expect, it } from 'vitest';
import { Notice, NoticesResponse } from '../../../contracts/central-api';
import type { Platform } from '../../../platform/server';
import { FIXED_NOW, adminAuth, startApi, terminalAuth } from '../support/platform';
import { describeEachDatabase } from '../support/each-database';
import { hallAuth } from '../support/halls';

describeEachDatabase('platform: notices (通知公告)', (database) => {
  let api: Platform;

  beforeEach(async () => {
    api = await startApi(database()); // now: 2026-11-27 10:00 Beijing
  });
  afterEach(async () => {
    await api.close();
  });

  const publish = (payload: object) => api.app.inject({ method: 'POST', url: '/v1/admin/notices', headers: adminAuth, payload });
  const titles = async (query: string, headers: Record<string, string> = terminalAuth) => {
    const res = await api.app.inject({ method: 'GET', url: `/v1/notices${query}`, headers });
    expect(res.statusCode).toBe(200);
    return NoticesResponse.parse(res.json()).notices.map((n) => n.title);
  };

  it('returns only current notices for the hall (and every-hall ones) unless all=true', async () => {
    const created = await publish({
      hallId: 'hall-01',
      title: '午间不打烊',
      body: '12:00-14:00 设午休值班窗口',
      startsAt: '2026-11-27T08:00:00+08:00',
      endsAt: '2026-12-31T18:00:00+08:00',
    });
    expect(created.statusCode).toBe(201);
    expect(Notice.parse(created.json())).toMatchObject({
      hallId: 'hall-01',
      publishedAt: FIXED_NOW.toISOString(),
      startsAt: '2026-11-27T00:00:00.000Z',
      endsAt: '2026-12-31T10:00:00.000Z',
    });
    await publish({ title: '全市通知', body: '长期有效', startsAt: '2026-01-01T00:00:00+08:00' });
    await publish({
      hallId: 'hall-01',
      title: '已过期',
      body: 'x',
      startsAt: '2026-11-01T09:00:00+08:00',
      endsAt: '2026-11-27T09:59:59+08:00',
    });
    await publish({ hallId: 'hall-01', title: '未开始', body: 'x', startsAt: '2026-11-27T10:00:01+08:00' });
    await publish({ hallId: 'hall-02', title: '别的大厅', body: 'x', startsAt: '2026-11-01T09:00:00+08:00' });

    expect((await titles('?hall=hall-01')).sort()).toEqual(['全市通知', '午间不打烊'].sort());
    expect((await titles('?hall=hall-01&all=true')).sort()).toEqual(['全市通知', '午间不打烊', '已过期', '未开始'].sort());
    expect((await titles('?hall=hall-01&all=false')).sort()).toEqual(['全市通知', '午间不打烊'].sort());
    // Another hall reads its own with its own credential (the demo token is hall-01's).
    expect((await titles('?hall=hall-02', await hallAuth(api, 'hall-02'))).sort()).toEqual(['全市通知', '别的大厅'].sort());
  });

  it('treats startsAt as inclusive and endsAt as exclusive', async () => {
    await publish({ title: '恰好开始', body: 'x', startsAt: FIXED_NOW.toISOString() });
    await publish({ title: '恰好结束', body: 'x', startsAt: '2026-11-01T00:00:00Z', endsAt: FIXED_NOW.toISOString() });
    expect(await titles('?hall=hall-01')).toEqual(['恰好开始']);
  });

  it('validates input and the tokens', async () => {
    expect(
      (await publish({ title: 'x', body: 'x', startsAt: '2026-11-27T10:00:00Z', endsAt: '2026-11-27T09:00:00Z' })).statusCode,
    ).toBe(400);
    expect((await publish({ title: '', body: 'x', startsAt: '2026-11-27T10:00:00Z' })).statusCode).toBe(400);
    const noHall = await api.app.inject({ method: 'GET', url: '/v1/notices', headers: terminalAuth });
    expect(noHall.statusCode).toBe(400);
    const asTerminal = await api.app.inject({ method: 'POST', url: '/v1/admin/notices', headers: terminalAuth, payload: {} });
    expect(asTerminal.statusCode).toBe(401);
  });
});
