import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LiveSnapshot } from '../../../contracts/central-api';
import { ServiceList, WindowList } from '../../../contracts/queue';
import { liveSnapshot } from '../../../host/sync/live-snapshot';
import { signIn, testStaffSeeds } from '../../support/staff';
import { startTestHost, type TestHost } from '../../support/test-host';
import { ManualClock } from './support';

const MINUTE = 60_000;

describe('host/sync: the live snapshot of the hall', () => {
  let host: TestHost;
  let clock: ManualClock;

  beforeEach(async () => {
    // 10:00 in Beijing on Friday 27 November 2026.
    clock = new ManualClock(Date.parse('2026-11-27T02:00:00Z'));
    host = await startTestHost({ clock, config: { staff: await testStaffSeeds(), hallName: '东城区政务服务中心' } });
  });
  afterEach(async () => {
    await host.dispose();
  });

  const snapshot = () =>
    liveSnapshot({
      db: host.db,
      clock,
      queue: host.queue,
      hallId: 'hall-01',
      hallName: () => host.hallSettings.get().hallName,
      timeZone: 'Asia/Shanghai',
    });
  const issue = (serviceCode: string) => host.queue.issue({ serviceCode, identity: null });

  it("tells each service's line, open windows and wait, and the day's figures, as the hall's own screens do", async () => {
    issue('social-security'); // 10:00, called at 10:05
    clock.advance(2 * MINUTE);
    issue('social-security'); // 10:02, still waiting at 10:10
    clock.advance(2 * MINUTE);
    issue('business-startup'); // 10:04
    clock.advance(MINUTE);
    const windows = WindowList.parse((await host.app.inject({ url: '/api/v1/windows' })).json()).windows;
    const window3 = windows.find((w) => w.number === 3);
    if (window3 === undefined) throw new Error('the default hall has a window 3');
    const staff = await signIn(host.app, '1001', window3.id);
    const called = await host.app.inject({ method: 'POST', url: `/api/v1/windows/${window3.id}/call-next`, headers: staff });
    expect(called.statusCode).toBe(200);
    clock.advance(5 * MINUTE);

    const live = LiveSnapshot.parse(snapshot());
    expect(live).toMatchObject({
      hallId: 'hall-01',
      hallName: '东城区政务服务中心',
      takenAt: '2026-11-27T02:10:00.000Z',
      open: true,
      openWindows: 1,
      today: {
        businessDay: '2026-11-27',
        issued: 3,
        served: 0,
        waiting: 2,
        inService: 1,
        avgWaitSeconds: 300,
        maxWaitSeconds: 300,
      },
    });
    const byCode = new Map(live.services.map((s) => [s.code, s]));
    expect(byCode.get('social-security')).toMatchObject({ open: true, waiting: 1, longestWaitSeconds: 480, openWindows: 1 });
    expect(byCode.get('business-startup')).toMatchObject({ waiting: 1, longestWaitSeconds: 360, openWindows: 0 });
    // Window 3 serves 社保 and 民生: nobody waits for the latter, and it is served.
    expect(byCode.get('livelihood')).toMatchObject({ waiting: 0, longestWaitSeconds: null, openWindows: 1 });

    // The wait a kiosk of this hall promises is the one the district hears.
    const services = ServiceList.parse((await host.app.inject({ url: '/api/v1/services' })).json()).services;
    expect(live.services.map((s) => [s.code, s.waiting, s.estimatedWaitMinutes])).toEqual(
      services.map((s) => [s.code, s.waiting, s.estimatedWaitMinutes]),
    );
    // Counts, not people: neither the clerk's name nor staff number leaves the hall.
    expect(JSON.stringify(live)).not.toMatch(/窗口人员|1001/);
  });

  it('says closed, every service closed, outside the hours', async () => {
    await host.dispose();
    const nineToFive = [{ from: '09:00', to: '17:00' }];
    // 20:00 on the same Friday.
    clock = new ManualClock(Date.parse('2026-11-27T12:00:00Z'));
    host = await startTestHost({
      clock,
      config: { hours: { mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive } },
    });
    const live = LiveSnapshot.parse(snapshot());
    expect(live.open).toBe(false);
    expect(live.services.length).toBeGreaterThan(0);
    expect(live.services.every((s) => !s.open)).toBe(true);
    expect(live.today).toMatchObject({ issued: 0, avgWaitSeconds: null, serviceLevelPct: null });
  });
});
