import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LiveHallsResponse } from '../../contracts/central-api';
import type { Clock } from '../../host/clock/clock';
import { hallAuth } from '../platform/support/halls';
import { adminAuth, FIXED_NOW } from '../platform/support/platform';
import { liveService, sampleLive } from '../platform/support/samples';
import {
  openFlow,
  seriousViolations,
  startKioskHarness,
  startVisitWithoutCard,
  type KioskHarness,
} from '../support/kiosk-harness';

/**
 * 就近办 end to end: a hall kiosk (real host, built renderer, Chromium) and the district platform
 * (PGlite, on loopback) that knows two halls of the demo district: this one (hall-01, the district
 * centre), from its own push, and the 湖滨 community centre (hall-02), whose snapshot is put
 * directly with its own credential, as its host would. The host runs on the platform's test day, so its
 * snapshots are neither from the future nor stale there.
 */
describe('kiosk 就近办: a long wait here, a shorter one at a nearby hall', () => {
  let k: KioskHarness;
  const clock: Clock = { now: () => FIXED_NOW };
  beforeAll(async () => {
    k = await startKioskHarness({ clock, config: { hallName: '东城区政务服务中心' } });
    k.host.livePush.stop();
  });
  afterAll(async () => {
    await k?.dispose();
  });

  it('names 湖滨 under 社保医保, where four people wait here, and the console sees both halls live', async () => {
    // Four waiting at one window of about five minutes each: twenty minutes here.
    for (let i = 0; i < 4; i++) k.host.queue.issue({ serviceCode: 'social-security', identity: null });
    expect(await k.host.livePush.pushNow()).toEqual({ kind: 'sent', applied: true });
    const put = await k.central.api.app.inject({
      method: 'PUT',
      url: '/v1/live',
      headers: await hallAuth(k.central.api, 'hall-02'),
      payload: sampleLive({
        hallId: 'hall-02',
        takenAt: FIXED_NOW.toISOString(),
        services: [liveService('social-security', 1, { estimatedWaitMinutes: 5 })],
      }),
    });
    expect(put.statusCode).toBe(200);

    const live = LiveHallsResponse.parse(
      (await k.central.api.app.inject({ url: '/v1/console/live', headers: adminAuth })).json(),
    );
    expect(
      live.halls
        .filter((h) => h.snapshot !== null)
        .map((h) => [h.name, h.stale, h.snapshot?.services.find((s) => s.code === 'social-security')?.waiting]),
    ).toEqual([
      ['星河区政务服务中心', false, 4],
      ['星河区湖滨街道社区政务服务中心', false, 1],
    ]);

    const { page, context } = await k.openKiosk();
    await startVisitWithoutCard(page);
    await openFlow(page, 'ticket');
    await page.getByRole('button', { name: '没有身份证，继续办理' }).click();
    const tile = page.getByRole('button', { name: /社保医保/ });
    await expect
      .poll(() => tile.locator('[data-testid="nearby-hall"]').textContent())
      .toBe('附近：星河区湖滨街道社区政务服务中心 等候 1 人，约 5 分钟');
    // Only the long wait names another hall.
    expect(await page.getByTestId('nearby-hall').count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});
