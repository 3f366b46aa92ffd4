import { afterEach, beforeEach, expect, it } from 'vitest';
import { NoticesResponse } from '../../../contracts/central-api';
import { ConsoleNotice, ConsoleNoticesResponse } from '../../../contracts/platform-console';
import type { Platform } from '../../../platform/server';
import { sessionOf, TEST_STAFF } from '../support/console';
import { describeEachDatabase } from '../support/each-database';
import { hallAuth } from '../support/halls';
import { adminAuth, startApi } from '../support/platform';

describeEachDatabase('platform console: notices to all halls or some', (database) => {
  let api: Platform;
  let operator: { authorization: string };
  /** Three community centres of the demo district, each reading with its own credential. */
  let halls: Record<string, Record<string, string>>;

  beforeEach(async () => {
    api = await startApi(database()); // now: 2026-11-27 10:00 Beijing
    operator = await sessionOf(api, database(), 'district-operator');
    halls = {};
    for (const hallId of ['hall-02', 'hall-03', 'hall-04']) halls[hallId] = await hallAuth(api, hallId);
  });
  afterEach(async () => {
    await api.close();
  });

  const publish = async (payload: object) => {
    const res = await api.app.inject({ method: 'POST', url: '/v1/console/notices', headers: operator, payload });
    expect(res.statusCode).toBe(201);
    return ConsoleNotice.parse(res.json());
  };
  const hallTitles = async (hall: string, all = false) => {
    const res = await api.app.inject({ method: 'GET', url: `/v1/notices?hall=${hall}&all=${all}`, headers: halls[hall] ?? {} });
    expect(res.statusCode).toBe(200);
    return NoticesResponse.parse(res.json()).notices.map((n) => `${n.title}@${n.hallId ?? '*'}`);
  };
  const startsAt = '2026-11-27T08:00:00+08:00';

  it('shows a notice to the halls it names only, and one without halls to every hall', async () => {
    const some = await publish({ hallIds: ['hall-02', 'hall-03', 'hall-02'], title: '社区通知', body: '周六加班', startsAt });
    expect(some).toMatchObject({ hallIds: ['hall-02', 'hall-03'], publishedBy: TEST_STAFF['district-operator'].username });
    const all = await publish({ title: '全区通知', body: '系统升级', startsAt });
    expect(all.hallIds).toBeNull();

    expect(await hallTitles('hall-02')).toEqual(['全区通知@*', '社区通知@hall-02']);
    expect(await hallTitles('hall-03')).toEqual(['全区通知@*', '社区通知@hall-03']);
    expect(await hallTitles('hall-04')).toEqual(['全区通知@*']);
  });

  it('withdraws a notice: it leaves every hall’s list, the full one too, and stays listed on the console', async () => {
    const notice = await publish({ hallIds: ['hall-02'], title: '临时停电', body: '下午停电', startsAt });
    await publish({ title: '长期通知', body: 'x', startsAt });
    const res = await api.app.inject({ method: 'POST', url: `/v1/console/notices/${notice.id}/withdraw`, headers: operator });
    expect(res.statusCode).toBe(200);
    expect(ConsoleNotice.parse(res.json()).withdrawnAt).toBe('2026-11-27T02:00:00.000Z');
    expect(await hallTitles('hall-02')).toEqual(['长期通知@*']);
    expect(await hallTitles('hall-02', true)).toEqual(['长期通知@*']);

    const listed = await api.app.inject({ method: 'GET', url: '/v1/console/notices', headers: operator });
    const notices = ConsoleNoticesResponse.parse(listed.json()).notices;
    expect(notices.map((n) => [n.title, n.withdrawnAt !== undefined])).toEqual([
      ['长期通知', false],
      ['临时停电', true],
    ]);
    const unknown = await api.app.inject({ method: 'POST', url: '/v1/console/notices/999/withdraw', headers: operator });
    expect(unknown.statusCode).toBe(404);
  });

  it('pages the console’s list newest first', async () => {
    for (let i = 1; i <= 5; i += 1) await publish({ title: `通知${i}`, body: 'x', startsAt });
    const first = ConsoleNoticesResponse.parse(
      (await api.app.inject({ method: 'GET', url: '/v1/console/notices?limit=3', headers: operator })).json(),
    );
    expect(first.notices.map((n) => n.title)).toEqual(['通知5', '通知4', '通知3']);
    const second = ConsoleNoticesResponse.parse(
      (
        await api.app.inject({ method: 'GET', url: `/v1/console/notices?limit=3&after=${first.next ?? ''}`, headers: operator })
      ).json(),
    );
    expect(second.notices.map((n) => n.title)).toEqual(['通知2', '通知1']);
    expect(second.next).toBeNull();
  });

  it('keeps the operator route’s one-hall notices as they were', async () => {
    await api.app.inject({
      method: 'POST',
      url: '/v1/admin/notices',
      headers: adminAuth,
      payload: { hallId: 'hall-02', title: '旧接口', body: 'x', startsAt },
    });
    expect(await hallTitles('hall-02')).toEqual(['旧接口@hall-02']);
    expect(await hallTitles('hall-03')).toEqual([]);
  });

  it('refuses publishing to a viewer and to the district admin, and bad input to anyone', async () => {
    for (const role of ['viewer', 'district-admin'] as const) {
      const headers = await sessionOf(api, database(), role);
      const res = await api.app.inject({
        method: 'POST',
        url: '/v1/console/notices',
        headers,
        payload: { title: 't', body: 'b', startsAt },
      });
      expect(res.statusCode).toBe(403);
      expect((await api.app.inject({ method: 'GET', url: '/v1/console/notices', headers })).statusCode).toBe(200);
    }
    const bad = (payload: object) => api.app.inject({ method: 'POST', url: '/v1/console/notices', headers: operator, payload });
    expect((await bad({ hallIds: [], title: 't', body: 'b', startsAt })).statusCode).toBe(400);
    expect((await bad({ title: 't', body: 'b', startsAt, endsAt: '2026-11-27T07:00:00+08:00' })).statusCode).toBe(400);
  });

  it('refuses a notice to a hall the district has not registered, publishing it to none', async () => {
    const res = await api.app.inject({
      method: 'POST',
      url: '/v1/console/notices',
      headers: operator,
      payload: { hallIds: ['hall-02', 'hall-99'], title: '错别字', body: 'x', startsAt },
    });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ error: { code: 'hall_not_found', details: { hallIds: ['hall-99'] } } });
    expect(await hallTitles('hall-02')).toEqual([]);
  });
});
