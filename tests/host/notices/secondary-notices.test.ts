import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HallLinkStatus } from '../../../contracts/hall-link';
import { HallNoticeRecord, HallNotices } from '../../../contracts/notices';
import { PairingCode, TerminalList } from '../../../contracts/pairing';
import { signIn, testStaffSeeds } from '../../support/staff';
import { startTestHost, type TestHost } from '../../support/test-host';
import { waitFor } from '../../support/wait';
import { ManualClock } from '../sync/support';

/**
 * A secondary kiosk shows the notices its hall aims at it: two real hosts on loopback, the kiosk
 * paired with the hall. The hall tells the kiosk apart by its terminal token; while the hall does
 * not answer, the kiosk keeps showing the hall's last answer, less what ended since.
 */
describe('notices on a secondary kiosk', () => {
  let hall: TestHost;
  let kiosk: TestHost;
  /** The kiosk's clock: moved on while the hall is away. */
  let kioskClock: ManualClock;

  beforeEach(async () => {
    hall = await startTestHost({ config: { staff: await testStaffSeeds() } });
    await hall.app.listen({ host: '127.0.0.1', port: 0 });
    const address = hall.app.server.address();
    if (address === null || typeof address === 'string') throw new Error('hall not listening');
    kioskClock = new ManualClock(Date.now());
    kiosk = await startTestHost({
      clock: kioskClock,
      config: { staff: await testStaffSeeds(), hallUrl: `http://127.0.0.1:${address.port}`, terminalId: 'kiosk-02' },
    });
    const technician = await signIn(hall.app, '8001');
    const code = PairingCode.parse(
      (await hall.app.inject({ method: 'POST', url: '/api/v1/pairing/codes', headers: technician })).json(),
    );
    const paired = await kiosk.app.inject({
      method: 'POST',
      url: '/api/v1/hall-link/pair',
      headers: await signIn(kiosk.app, '8001'),
      payload: { code: code.code },
    });
    expect(paired.statusCode, paired.body).toBe(200);
    await waitFor(
      async () =>
        HallLinkStatus.parse((await kiosk.app.inject({ url: '/api/v1/hall-link' })).json()).state === 'online' ? true : undefined,
      'hall link online',
    );
  });
  afterEach(async () => {
    await kiosk.dispose();
    await hall.dispose();
  });

  const kioskTitles = async () =>
    HallNotices.parse((await kiosk.app.inject({ url: '/api/v1/notices' })).json())
      .notices.map((n) => n.title)
      .sort();

  it('shows the hall’s notices for every screen and for this kiosk, not those for the hall machine only', async () => {
    const technician = await signIn(hall.app, '8001');
    const terminals = TerminalList.parse(
      (await hall.app.inject({ url: '/api/v1/pairing/terminals', headers: technician })).json(),
    );
    const kioskId = terminals.terminals.find((t) => t.kind === 'host')?.id ?? '';
    const supervisor = await signIn(hall.app, '9001');
    const publish = async (payload: object) => {
      const res = await hall.app.inject({ method: 'POST', url: '/api/v1/notices', headers: supervisor, payload });
      expect(res.statusCode, res.body).toBe(201);
      return HallNoticeRecord.parse(res.json());
    };
    const changesBefore = (kiosk.bus.since(0) ?? []).filter((e) => e.type === 'notices.changed').length;
    await publish({ title: '全厅', body: 'x' });
    await publish({ title: '二楼自助机', body: 'x', audience: { scope: 'chosen', hall: false, terminalIds: [kioskId] } });
    await publish({ title: '大厅主机', body: 'x', audience: { scope: 'chosen', hall: true, terminalIds: [] } });
    const soon = await publish({
      title: '即将结束',
      body: 'x',
      endsAt: new Date(Date.now() + 60 * 60_000).toISOString(),
      audience: { scope: 'chosen', hall: false, terminalIds: [kioskId] },
    });

    expect(await kioskTitles()).toEqual(['二楼自助机', '全厅', '即将结束'].sort());
    // The hall's change reached the kiosk's screens as an event.
    await waitFor(
      () => ((kiosk.bus.since(0) ?? []).filter((e) => e.type === 'notices.changed').length > changesBefore ? true : undefined),
      'notices.changed relayed',
    );

    // The hall stops answering: the last answer stays on the kiosk, marked as a cached copy.
    await hall.app.close();
    const cached = HallNotices.parse((await kiosk.app.inject({ url: '/api/v1/notices' })).json());
    expect(cached.source).toBe('cache');
    expect(cached.notices.map((n) => n.title).sort()).toEqual(['二楼自助机', '全厅', '即将结束'].sort());
    // …without a notice whose end has passed meanwhile: no screen shows a notice past its end.
    kioskClock.advance(Date.parse(soon.endsAt ?? '') - kioskClock.now().getTime());
    expect(await kioskTitles()).toEqual(['二楼自助机', '全厅'].sort());
  });
});
