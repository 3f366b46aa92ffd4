import { afterEach, beforeEach, expect, it } from 'vitest';
import {
  CentralErrorBody,
  LIVE_STALE_AFTER_SECONDS,
  LiveHallsResponse,
  LiveSnapshotAck,
  NearbyResponse,
  type LiveSnapshot,
} from '../../../contracts/central-api';
import type { Platform } from '../../../platform/server';
import { platformHallOperations } from '../../../contracts/platform-halls';
import { describeEachDatabase } from '../support/each-database';
import { callOperation, hallAuth } from '../support/halls';
import { adminAuth, FIXED_NOW, startApi, terminalAuth } from '../support/platform';
import { liveService, sampleLive } from '../support/samples';

const SERVICE = 'QYTB-001';
/** The demo district's community centres (services/demo-district.ts), each signed in with its own credential. */
const COMMUNITY = ['hall-02', 'hall-03', 'hall-04', 'hall-05'] as const;

describeEachDatabase('platform: the live district (就近办)', (database) => {
  let api: Platform;
  let now: Date;
  /** Request headers by hall: the static dev token is hall-01's, the others their own credentials. */
  let auth: Record<string, Record<string, string>>;

  beforeEach(async () => {
    now = FIXED_NOW;
    api = await startApi(database(), { now: () => now });
    auth = { 'hall-01': terminalAuth };
    for (const hallId of COMMUNITY) auth[hallId] = await hallAuth(api, hallId);
  });
  afterEach(async () => {
    await api.close();
  });

  const headersOf = (hallId: string): Record<string, string> => {
    const headers = auth[hallId];
    if (headers === undefined) throw new Error(`no credential for ${hallId} in this test`);
    return headers;
  };
  const put = (snapshot: LiveSnapshot | Record<string, unknown>, headers: Record<string, string>) =>
    api.app.inject({ method: 'PUT', url: '/v1/live', headers, payload: snapshot });
  /** PUTs `snapshot` with its own hall's credential, as that hall's host does. */
  const push = (snapshot: LiveSnapshot) => put(snapshot, headersOf(snapshot.hallId));
  const nearby = async (hall: string, service = SERVICE, extra = '') => {
    const res = await api.app.inject({
      url: `/v1/live/nearby?hall=${hall}&service=${service}${extra}`,
      headers: headersOf(hall),
    });
    expect(res.statusCode).toBe(200);
    return NearbyResponse.parse(res.json()).halls;
  };
  const later = (seconds: number) => new Date(FIXED_NOW.getTime() + seconds * 1000);

  it("stores a hall's snapshot and shows it to another hall's kiosk, named, with its wait", async () => {
    const res = await push(sampleLive());
    expect(res.statusCode).toBe(200);
    expect(LiveSnapshotAck.parse(res.json())).toEqual({
      hallId: 'hall-01',
      applied: true,
      storedTakenAt: '2026-11-27T01:59:30.000Z',
      receivedAt: FIXED_NOW.toISOString(),
    });

    expect(await nearby('hall-02')).toEqual([
      {
        hallId: 'hall-01',
        // The registry's name, address and level, whatever the hall calls itself.
        name: '星河区政务服务中心',
        address: '星河区市民中心大道88号',
        level: 'district-centre',
        open: true,
        waiting: 6,
        estimatedWaitMinutes: 24,
        ageSeconds: 0,
        stale: false,
      },
    ]);
    // Never the asking hall itself, and nothing for a service nobody reported.
    expect(await nearby('hall-01')).toEqual([]);
    expect(await nearby('hall-02', 'MS-NONE-001')).toEqual([]);
  });

  it('keeps the latest snapshot: an older or repeated one changes nothing, a newer one replaces it', async () => {
    await push(sampleLive({ takenAt: '2026-11-27T09:59:00+08:00', services: [liveService(SERVICE, 5)] }));
    const older = await push(sampleLive({ takenAt: '2026-11-27T09:58:00+08:00', services: [liveService(SERVICE, 40)] }));
    expect(LiveSnapshotAck.parse(older.json())).toMatchObject({ applied: false, storedTakenAt: '2026-11-27T01:59:00.000Z' });
    const repeated = await push(sampleLive({ takenAt: '2026-11-27T09:59:00+08:00', services: [liveService(SERVICE, 41)] }));
    expect(LiveSnapshotAck.parse(repeated.json()).applied).toBe(false);
    expect((await nearby('hall-02')).map((h) => h.waiting)).toEqual([5]);

    // The newer one drops a service: it is gone from the kiosks' answers with the snapshot it was in.
    const newer = await push(
      sampleLive({ takenAt: '2026-11-27T10:00:00+08:00', services: [liveService('business-startup', 1)] }),
    );
    expect(LiveSnapshotAck.parse(newer.json()).applied).toBe(true);
    expect(await nearby('hall-02')).toEqual([]);
    expect((await nearby('hall-02', 'business-startup')).map((h) => h.waiting)).toEqual([1]);
    expect(await database().count('live_snapshots')).toBe(1);
    expect(await database().count('live_service_waits')).toBe(1);
  });

  it('offers fresh halls before quiet ones, open before closed, then the shortest wait; at most `limit`', async () => {
    const other = 'hall-06';
    const created = await callOperation(api, platformHallOperations.createHall, {
      body: {
        hallId: other,
        name: '星河区云杉街道社区政务服务中心',
        level: 'community-centre',
        address: '星河区云杉路1号',
        hours: {},
        windows: 2,
      },
    });
    expect(created.statusCode).toBe(201);
    auth[other] = await hallAuth(api, other);

    now = later(-10 * 60);
    await push(sampleLive({ hallId: 'hall-02', takenAt: now.toISOString(), services: [liveService(SERVICE, 0)] }));
    now = FIXED_NOW;
    const at = FIXED_NOW.toISOString();
    await push(sampleLive({ hallId: 'hall-03', takenAt: at, services: [liveService(SERVICE, 9)] }));
    await push(sampleLive({ hallId: 'hall-04', takenAt: at, services: [liveService(SERVICE, 2)] }));
    await push(sampleLive({ hallId: 'hall-05', takenAt: at, services: [liveService(SERVICE, 0, { open: false })] }));
    await push(sampleLive({ hallId: other, takenAt: at, services: [liveService('business-startup', 0)] }));

    const halls = await nearby('hall-01');
    expect(halls.map((h) => [h.name, h.stale])).toEqual([
      ['星河区青石街道社区政务服务中心', false],
      ['星河区桂园街道社区政务服务中心', false],
      ['星河区梅岭街道社区政务服务中心', false],
      ['星河区湖滨街道社区政务服务中心', true],
    ]);
    expect(halls[3]?.ageSeconds).toBe(600);
    expect((await nearby('hall-01', SERVICE, '&limit=2')).map((h) => h.hallId)).toEqual(['hall-04', 'hall-03']);
  });

  it(`marks a hall stale after ${LIVE_STALE_AFTER_SECONDS} s and leaves it out of a kiosk's answer after an hour`, async () => {
    await push(sampleLive());
    now = later(LIVE_STALE_AFTER_SECONDS);
    expect((await nearby('hall-02')).map((h) => h.stale)).toEqual([false]);
    now = later(LIVE_STALE_AFTER_SECONDS + 1);
    expect((await nearby('hall-02')).map((h) => h.stale)).toEqual([true]);
    now = later(3601);
    expect(await nearby('hall-02')).toEqual([]);

    // The console still lists it, marked, beside the halls that never reported.
    const console = LiveHallsResponse.parse((await api.app.inject({ url: '/v1/console/live', headers: adminAuth })).json());
    expect(console.halls.map((h) => [h.hallId, h.stale, h.ageSeconds])).toEqual([
      ['hall-01', true, 3601],
      ['hall-02', true, null],
      ['hall-03', true, null],
      ['hall-04', true, null],
      ['hall-05', true, null],
    ]);
  });

  it('gives the console every registered hall, district centre first, with its snapshot as the hall sent it', async () => {
    await push(sampleLive({ hallId: 'hall-02', hallName: undefined }));
    await push(sampleLive());
    const res = await api.app.inject({ url: '/v1/console/live', headers: adminAuth });
    expect(res.statusCode).toBe(200);
    const live = LiveHallsResponse.parse(res.json());
    expect(live).toMatchObject({ at: FIXED_NOW.toISOString(), staleAfterSeconds: LIVE_STALE_AFTER_SECONDS });
    // Named by the registry, whatever (or nothing) the hall calls itself.
    expect(live.halls.map((h) => [h.hallId, h.name, h.level, h.snapshot === null])).toEqual([
      ['hall-01', '星河区政务服务中心', 'district-centre', false],
      ['hall-02', '星河区湖滨街道社区政务服务中心', 'community-centre', false],
      ['hall-03', '星河区桂园街道社区政务服务中心', 'community-centre', true],
      ['hall-04', '星河区青石街道社区政务服务中心', 'community-centre', true],
      ['hall-05', '星河区梅岭街道社区政务服务中心', 'community-centre', true],
    ]);
    expect(live.halls[0]?.snapshot).toEqual(sampleLive());
    expect(live.halls[0]).toMatchObject({ receivedAt: FIXED_NOW.toISOString(), ageSeconds: 0, stale: false });
    // A hall that never reported is stale, with no age.
    expect(live.halls[2]).toMatchObject({ receivedAt: null, ageSeconds: null, stale: true });

    // A deactivated hall that never reported leaves the view; one that did stays until its snapshot goes.
    for (const hallId of ['hall-02', 'hall-05']) {
      const res = await callOperation(api, platformHallOperations.updateHall, { params: { hallId }, body: { active: false } });
      expect(res.statusCode).toBe(200);
    }
    const after = LiveHallsResponse.parse((await api.app.inject({ url: '/v1/console/live', headers: adminAuth })).json());
    expect(after.halls.map((h) => h.hallId)).toEqual(['hall-01', 'hall-02', 'hall-03', 'hall-04']);
  });

  it('lets terminals push and ask, and only the operator read every hall', async () => {
    expect((await put(sampleLive(), {})).statusCode).toBe(401);
    // Another hall's credential cannot speak for hall-01.
    const mismatch = await put(sampleLive(), headersOf('hall-02'));
    expect(mismatch.statusCode).toBe(403);
    expect(CentralErrorBody.parse(mismatch.json()).error.code).toBe('hall_mismatch');
    const asking = await api.app.inject({ url: `/v1/live/nearby?hall=hall-02&service=${SERVICE}`, headers: terminalAuth });
    expect(asking.statusCode).toBe(403);
    expect((await put(sampleLive(), adminAuth)).statusCode).toBe(401);
    expect((await api.app.inject({ url: `/v1/live/nearby?hall=hall-02&service=${SERVICE}` })).statusCode).toBe(401);
    // A hall credential never opens the console's view of every hall.
    expect((await api.app.inject({ url: '/v1/console/live', headers: terminalAuth })).statusCode).toBe(401);
    expect((await api.app.inject({ url: '/v1/console/live', headers: headersOf('hall-02') })).statusCode).toBe(401);
    expect(await database().count('live_snapshots')).toBe(0);
  });

  it.each([
    ['a service listed twice', { services: [liveService(SERVICE, 1), liveService(SERVICE, 2)] }],
    ['a negative count', { services: [liveService(SERVICE, -1)] }],
    ['a fraction of a minute', { services: [liveService(SERVICE, 1, { estimatedWaitMinutes: 2.5 })] }],
    ['no time zone on takenAt', { takenAt: '2026-11-27T09:59:30' }],
    ['no figures of the day', { today: undefined }],
  ])('refuses %s with 400 invalid_request, storing nothing', async (_label, overrides) => {
    const res = await put({ ...sampleLive(), ...overrides }, terminalAuth);
    expect(res.statusCode).toBe(400);
    expect(CentralErrorBody.parse(res.json()).error.code).toBe('invalid_request');
    expect(await database().count('live_snapshots')).toBe(0);
  });

  it("refuses a snapshot taken ahead of the platform's clock, which would shut out the hall's next ones", async () => {
    const ahead = await push(sampleLive({ takenAt: later(6 * 60).toISOString() }));
    expect(ahead.statusCode).toBe(400);
    expect(CentralErrorBody.parse(ahead.json()).error).toMatchObject({ code: 'invalid_request', details: { field: 'takenAt' } });
    // A clock a little ahead is a clock, not an error.
    expect((await push(sampleLive({ takenAt: later(60).toISOString() }))).statusCode).toBe(200);
  });

  it('refuses a nearby question without a service or hall', async () => {
    for (const query of ['hall=hall-02', `service=${SERVICE}`, `hall=hall-02&service=${SERVICE}&limit=0`]) {
      const res = await api.app.inject({ url: `/v1/live/nearby?${query}`, headers: headersOf('hall-02') });
      expect(res.statusCode, query).toBe(400);
    }
  });

  it('keeps the latest of twelve snapshots of one hall pushed at once (several instances, one database)', async () => {
    const minutes = Array.from({ length: 12 }, (_, i) => i);
    const shuffled = [...minutes].sort((a, b) => ((a * 7) % 12) - ((b * 7) % 12));
    const acks = await Promise.all(
      shuffled.map((m) =>
        push(
          sampleLive({
            takenAt: new Date(FIXED_NOW.getTime() - (11 - m) * 60_000).toISOString(),
            services: [liveService(SERVICE, m)],
          }),
        ),
      ),
    );
    expect(acks.every((a) => a.statusCode === 200)).toBe(true);
    expect((await nearby('hall-02')).map((h) => h.waiting)).toEqual([11]);
    expect(await database().count('live_service_waits')).toBe(1);
  });
});
