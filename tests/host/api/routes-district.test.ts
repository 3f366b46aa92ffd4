import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LiveSnapshot } from '../../../contracts/central-api';
import { NearbyHalls } from '../../../contracts/nearby-halls';
import { hallAuth } from '../../platform/support/halls';
import { liveService, sampleLive } from '../../platform/support/samples';
import { startTestHost, type TestHost } from '../../support/test-host';
import { listenCentral, ManualClock, token, type ListeningApi } from '../sync/support';

/**
 * GET /api/v1/nearby-halls: the kiosk's 就近办 line, from the real district platform (PGlite, on
 * loopback), where a second hall's snapshot is put directly, as that hall's host would.
 */
describe('host/api: nearby halls for the kiosk', () => {
  let central: ListeningApi;
  let host: TestHost;
  let clock: ManualClock;
  /** hall-02's own credential: the other hall's host signs its snapshots with it. */
  let otherHallAuth: Record<string, string>;

  beforeEach(async () => {
    central = await listenCentral();
    otherHallAuth = await hallAuth(central.api, 'hall-02');
    clock = new ManualClock(Date.parse('2026-11-27T02:00:00Z'));
    host = await startTestHost({ clock, config: { centralApi: { url: central.baseUrl, token } } });
    host.livePush.stop();
  });
  afterEach(async () => {
    await host.dispose();
    await central.close();
  });

  const otherHall = async (snapshot: Partial<LiveSnapshot>) => {
    const res = await central.api.app.inject({
      method: 'PUT',
      url: '/v1/live',
      headers: otherHallAuth,
      payload: sampleLive({ hallId: 'hall-02', ...snapshot }),
    });
    expect(res.statusCode).toBe(200);
  };
  const nearby = async (service = 'social-security') => {
    const res = await host.app.inject({ url: `/api/v1/nearby-halls?service=${service}` });
    expect(res.statusCode).toBe(200);
    return NearbyHalls.parse(res.json()).halls;
  };

  it("tells the kiosk the other hall's waiting for the same service, and its own hall never", async () => {
    await otherHall({ services: [liveService('social-security', 3, { estimatedWaitMinutes: 10 })] });
    expect(await host.livePush.pushNow()).toMatchObject({ kind: 'sent' });
    expect(await nearby()).toEqual([
      {
        hallId: 'hall-02',
        name: '星河区湖滨街道社区政务服务中心',
        address: '星河区湖滨路126号',
        level: 'community-centre',
        open: true,
        waiting: 3,
        estimatedWaitMinutes: 10,
        ageSeconds: 0,
        stale: false,
      },
    ]);
    expect(await nearby('real-estate')).toEqual([]);
  });

  it('keeps the answer half a minute, then asks again', async () => {
    await otherHall({ takenAt: '2026-11-27T09:59:00+08:00', services: [liveService('social-security', 3)] });
    expect((await nearby()).map((h) => h.waiting)).toEqual([3]);
    await otherHall({ takenAt: '2026-11-27T10:00:00+08:00', services: [liveService('social-security', 7)] });
    clock.advance(29_000);
    expect((await nearby()).map((h) => h.waiting)).toEqual([3]);
    clock.advance(1_000);
    expect((await nearby()).map((h) => h.waiting)).toEqual([7]);
  });

  it('answers no halls, never an error, while the platform is out of reach', async () => {
    await central.close();
    expect(await nearby()).toEqual([]);
  });

  it('refuses a service code that is not one', async () => {
    const res = await host.app.inject({ url: '/api/v1/nearby-halls?service=../../etc' });
    expect(res.statusCode).toBe(400);
    expect((await host.app.inject({ url: '/api/v1/nearby-halls' })).statusCode).toBe(400);
  });
});
