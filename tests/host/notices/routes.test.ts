import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Notice } from '../../../contracts/central-api';
import type { CreateNoticeRequest } from '../../../contracts/central-api';
import { ApiError } from '../../../contracts/errors';
import { HallNoticeRecord, HallNoticeRecords, HallNotices } from '../../../contracts/notices';
import { listAudit } from '../../../db/repositories/audit';
import { signIn, testStaffSeeds } from '../../support/staff';
import { startTestHost, type TestHost } from '../../support/test-host';
import { adminAuth } from '../../platform/support/platform';
import { listenCentral, ManualClock, token } from '../sync/support';
import type { ListeningApi } from '../sync/support';

const MINUTE = 60_000;

let central: ListeningApi;
let clock: ManualClock;
let host: TestHost;

beforeEach(async () => {
  // The platform's clock and the hall's both read 2026-11-27 10:00 Beijing.
  central = await listenCentral();
  clock = new ManualClock();
  host = await startTestHost({
    clock,
    config: { staff: await testStaffSeeds(), centralApi: { url: central.baseUrl, token } },
  });
  // Let the pull the host makes at boot finish, so each test's pulls see what it published.
  await host.notices.refresh();
});
afterEach(async () => {
  await host.dispose();
  await central.close();
});

/** Publishes through the platform's operator route, as the province's console does. */
async function publishCentral(request: CreateNoticeRequest): Promise<Notice> {
  const reply = await fetch(`${central.baseUrl}/v1/admin/notices`, {
    method: 'POST',
    headers: { ...adminAuth, 'content-type': 'application/json' },
    body: JSON.stringify(request),
  });
  expect(reply.status).toBe(201);
  return Notice.parse(await reply.json());
}

/** What the kiosk attract screen and the hall display read (no session). */
async function showing(): Promise<HallNotices> {
  const res = await host.app.inject({ url: '/api/v1/notices' });
  expect(res.statusCode).toBe(200);
  return HallNotices.parse(res.json());
}
const showingTitles = async () => (await showing()).notices.map((n) => n.title).sort();
const changeEvents = () => (host.bus.since(0) ?? []).filter((e) => e.type === 'notices.changed').length;

describe('hall notices through a real host and the district platform', () => {
  it('shows a central notice published for later only once it starts, even with the central API down by then', async () => {
    await publishCentral({ hallId: 'hall-01', title: '元旦放假安排', body: '1月1日闭厅', startsAt: '2026-11-27T10:30:00+08:00' });
    await publishCentral({ title: '全市通知', body: '长期有效', startsAt: '2026-11-01T00:00:00+08:00' });
    await publishCentral({ hallId: 'hall-02', title: '别的大厅', body: 'x', startsAt: '2026-11-01T00:00:00+08:00' });

    expect(await host.notices.refresh()).toEqual({ outcome: 'updated' });
    expect(await showing()).toMatchObject({ source: 'central', fetchedAt: clock.now().toISOString() });
    expect(await showingTitles()).toEqual(['全市通知']);
    expect(changeEvents()).toBe(1);

    await central.close();
    clock.advance(29 * MINUTE);
    await host.notices.tick();
    expect(await showingTitles()).toEqual(['全市通知']);
    expect(await showing()).toMatchObject({ source: 'cache', fetchedAt: '2026-11-27T02:00:00.000Z' });

    clock.advance(MINUTE);
    await host.notices.tick();
    expect(await showingTitles()).toEqual(['元旦放假安排', '全市通知'].sort());
    expect(changeEvents()).toBe(2);
  });

  it('lets supervisors publish and withdraw the hall’s own notices, not the central ones', async () => {
    const supervisor = await signIn(host.app, '9001');
    const published = await host.app.inject({
      method: 'POST',
      url: '/api/v1/notices',
      headers: supervisor,
      payload: { title: '  本周六延时服务  ', body: '9:00-12:00 开放综合窗口' },
    });
    expect(published.statusCode).toBe(201);
    const record = HallNoticeRecord.parse(published.json());
    expect(record).toMatchObject({ source: 'local', title: '本周六延时服务', createdBy: '9001', endsAt: null });
    expect(await showingTitles()).toEqual(['本周六延时服务']);
    expect(changeEvents()).toBe(1);

    const centralNotice = await publishCentral({ title: '全市通知', body: 'x', startsAt: '2026-11-01T00:00:00+08:00' });
    await host.notices.refresh();
    const refused = await host.app.inject({ method: 'DELETE', url: `/api/v1/notices/${centralNotice.id}`, headers: supervisor });
    expect(refused.statusCode).toBe(409);
    expect(ApiError.parse(refused.json()).error.code).toBe('notice_not_local');
    const unknown = await host.app.inject({ method: 'DELETE', url: '/api/v1/notices/no-such-notice', headers: supervisor });
    expect(ApiError.parse(unknown.json()).error.code).toBe('notice_unknown');
    expect(unknown.statusCode).toBe(404);

    const withdrawn = await host.app.inject({ method: 'DELETE', url: `/api/v1/notices/${record.id}`, headers: supervisor });
    expect(withdrawn.statusCode).toBe(200);
    expect(HallNoticeRecord.parse(withdrawn.json()).withdrawnAt).toBe(clock.now().toISOString());
    expect(await showingTitles()).toEqual(['全市通知']);
    expect(changeEvents()).toBe(3);

    // The supervisor's list keeps the withdrawn one, marked, next to the central one.
    const all = HallNoticeRecords.parse((await host.app.inject({ url: '/api/v1/notices/all', headers: supervisor })).json());
    expect(all.notices.map((n) => [n.title, n.source, n.withdrawnAt !== null]).sort()).toEqual(
      [
        ['本周六延时服务', 'local', true],
        ['全市通知', 'central', false],
      ].sort(),
    );
    expect(
      listAudit(host.db, { limit: 100 })
        .filter((a) => a.action.startsWith('notice.'))
        .map((a) => a.action),
    ).toEqual(['notice.publish', 'notice.withdraw']);
  });

  it('refuses notices to anyone but a supervisor, and bad dates', async () => {
    expect((await host.app.inject({ url: '/api/v1/notices/all' })).statusCode).toBe(401);
    expect(
      (await host.app.inject({ method: 'POST', url: '/api/v1/notices', payload: { title: 't', body: 'b' } })).statusCode,
    ).toBe(401);

    for (const staffNo of ['1001', '8001']) {
      const headers = await signIn(host.app, staffNo);
      expect((await host.app.inject({ url: '/api/v1/notices/all', headers })).statusCode).toBe(403);
      const post = await host.app.inject({ method: 'POST', url: '/api/v1/notices', headers, payload: { title: 't', body: 'b' } });
      expect(post.statusCode).toBe(403);
      expect((await host.app.inject({ method: 'DELETE', url: '/api/v1/notices/x', headers })).statusCode).toBe(403);
    }

    const supervisor = await signIn(host.app, '9001');
    const post = (payload: object) => host.app.inject({ method: 'POST', url: '/api/v1/notices', headers: supervisor, payload });
    expect((await post({ title: '   ', body: 'b' })).statusCode).toBe(400);
    expect(
      (await post({ title: 't', body: 'b', startsAt: '2026-11-28T09:00:00+08:00', endsAt: '2026-11-28T08:00:00+08:00' }))
        .statusCode,
    ).toBe(400);
    // No start given: it starts now, so an end already past is refused too.
    expect((await post({ title: 't', body: 'b', endsAt: '2026-11-27T09:00:00+08:00' })).statusCode).toBe(400);
    expect(await showingTitles()).toEqual([]);
  });

  it('takes a notice down when its end passes and tells the screens', async () => {
    const supervisor = await signIn(host.app, '9001');
    const res = await host.app.inject({
      method: 'POST',
      url: '/api/v1/notices',
      headers: supervisor,
      payload: { title: '系统升级暂停办理', body: '10:00-10:10', endsAt: '2026-11-27T10:10:00+08:00' },
    });
    expect(res.statusCode).toBe(201);
    expect(await showingTitles()).toEqual(['系统升级暂停办理']);

    clock.advance(10 * MINUTE);
    expect(await showingTitles()).toEqual([]);
    const before = changeEvents();
    await host.notices.tick();
    expect(changeEvents()).toBe(before + 1);
  });
});
