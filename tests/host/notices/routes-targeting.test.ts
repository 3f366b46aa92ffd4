import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../../contracts/errors';
import { HallNoticeRecord, HallNoticeRecords, HallNotices, NoticeTerminalList } from '../../../contracts/notices';
import { ClaimPairingResponse } from '../../../contracts/pairing';
import { signIn, testStaffSeeds } from '../../support/staff';
import { startTestHost, type TestHost } from '../../support/test-host';
import { LAN_CLIENT, newPairingCode } from '../../security/support';
import { ManualClock } from '../sync/support';

/**
 * Notices aimed at chosen screens, through a real host: each screen is told apart by the host
 * (its terminal token, or this machine), and gets only the notices for every screen and those
 * that chose it, inside their window of time.
 */
let host: TestHost;
let clock: ManualClock;
let supervisor: { authorization: string };
const screens: Record<'tv1' | 'tv2' | 'counter', { id: string; headers: Record<string, string> }> = {
  tv1: { id: '', headers: {} },
  tv2: { id: '', headers: {} },
  counter: { id: '', headers: {} },
};

async function pair(kind: string, name: string): Promise<{ id: string; headers: Record<string, string> }> {
  const code = await newPairingCode(host.app);
  const res = await host.app.inject({
    method: 'POST',
    url: '/api/v1/pairing/claim',
    payload: { code, name, kind },
    remoteAddress: LAN_CLIENT,
  });
  expect(res.statusCode, res.body).toBe(201);
  const claimed = ClaimPairingResponse.parse(res.json());
  return { id: claimed.terminalId, headers: { 'x-terminal-token': claimed.token } };
}

/** What a screen's GET /notices answers: the kiosk page on this machine (no token), or a paired terminal. */
async function titlesOn(screen: { headers: Record<string, string> } | 'kiosk'): Promise<string[]> {
  const res = await host.app.inject({
    url: '/api/v1/notices',
    ...(screen === 'kiosk' ? {} : { headers: screen.headers, remoteAddress: LAN_CLIENT }),
  });
  expect(res.statusCode, res.body).toBe(200);
  return HallNotices.parse(res.json())
    .notices.map((n) => n.title)
    .sort();
}

const publish = async (payload: object) => {
  const res = await host.app.inject({ method: 'POST', url: '/api/v1/notices', headers: supervisor, payload });
  expect(res.statusCode, res.body).toBe(201);
  return HallNoticeRecord.parse(res.json());
};

beforeAll(async () => {
  clock = new ManualClock();
  host = await startTestHost({ clock, config: { staff: await testStaffSeeds(), lan: { enabled: true } } });
  supervisor = await signIn(host.app, '9001');
  screens.tv1 = await pair('display', '一楼叫号屏');
  screens.tv2 = await pair('display', '二楼叫号屏');
  screens.counter = await pair('counter', '3号窗口');
});
afterAll(async () => host.dispose());

describe('GET /notices answers each screen with its own notices', () => {
  it('gives a TV the notices aimed at it, and not another TV’s or the kiosk’s; a counter PC the general ones', async () => {
    await publish({ title: '全厅通知', body: 'x' });
    await publish({ title: '一楼屏专用', body: 'x', audience: { scope: 'chosen', hall: false, terminalIds: [screens.tv1.id] } });
    await publish({ title: '本机专用', body: 'x', audience: { scope: 'chosen', hall: true, terminalIds: [] } });

    expect(await titlesOn(screens.tv1)).toEqual(['一楼屏专用', '全厅通知'].sort());
    expect(await titlesOn(screens.tv2)).toEqual(['全厅通知']);
    expect(await titlesOn('kiosk')).toEqual(['全厅通知', '本机专用'].sort());
    expect(await titlesOn(screens.counter)).toEqual(['全厅通知']);
  });

  it('lists the screens a supervisor may choose, by name, and edits a notice onto another screen', async () => {
    const choices = NoticeTerminalList.parse(
      (await host.app.inject({ url: '/api/v1/notices/terminals', headers: supervisor })).json(),
    );
    expect(choices.terminals.map((t) => [t.name, t.kind])).toEqual([
      ['一楼叫号屏', 'display'],
      ['二楼叫号屏', 'display'],
    ]);

    const notice = await publish({
      title: '二楼暂停',
      body: 'x',
      endsAt: new Date(clock.now().getTime() + 30 * 60_000).toISOString(),
      audience: { scope: 'chosen', hall: false, terminalIds: [screens.tv1.id] },
    });
    expect(await titlesOn(screens.tv2)).not.toContain('二楼暂停');
    const edited = await host.app.inject({
      method: 'PUT',
      url: `/api/v1/notices/${notice.id}`,
      headers: supervisor,
      payload: {
        title: '二楼暂停',
        body: 'x',
        endsAt: notice.endsAt,
        audience: { scope: 'chosen', hall: false, terminalIds: [screens.tv2.id] },
      },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(await titlesOn(screens.tv2)).toContain('二楼暂停');
    expect(await titlesOn(screens.tv1)).not.toContain('二楼暂停');

    // Its time runs out: the TV stops showing it.
    clock.advance(30 * 60_000);
    expect(await titlesOn(screens.tv2)).not.toContain('二楼暂停');

    const all = HallNoticeRecords.parse((await host.app.inject({ url: '/api/v1/notices/all', headers: supervisor })).json());
    expect(all.notices.find((n) => n.id === notice.id)).toMatchObject({
      editedBy: '9001',
      audience: { scope: 'chosen', hall: false, terminals: [{ name: '二楼叫号屏' }] },
    });
  });

  it('refuses to aim a notice at a counter PC or a made-up terminal, with a typed 400', async () => {
    for (const terminalIds of [[screens.counter.id], ['00000000-0000-4000-8000-000000000000']]) {
      const res = await host.app.inject({
        method: 'POST',
        url: '/api/v1/notices',
        headers: supervisor,
        payload: { title: 't', body: 'b', audience: { scope: 'chosen', hall: false, terminalIds } },
      });
      expect(res.statusCode).toBe(400);
      expect(ApiError.parse(res.json()).error).toMatchObject({
        code: 'invalid_request',
        details: { field: 'audience.terminalIds' },
      });
    }
    // An audience choosing nothing is refused by the contract.
    const none = await host.app.inject({
      method: 'POST',
      url: '/api/v1/notices',
      headers: supervisor,
      payload: { title: 't', body: 'b', audience: { scope: 'chosen', hall: false, terminalIds: [] } },
    });
    expect(none.statusCode).toBe(400);
  });
});
