import type { Page } from 'playwright-core';
import type { Clock } from '../../host/clock/clock';
import { hallAuth } from '../platform/support/halls';
import { FIXED_NOW } from '../platform/support/platform';
import { liveService, sampleLive } from '../platform/support/samples';
import * as kiosk from '../support/kiosk-harness';

/**
 * 就近办 (issue 20, the live district): a hall whose 社保 line is long, and a community centre
 * nearby whose snapshot the district platform holds, on the 取号 screen, and in 长辈版.
 * kiosk-ticket-nearby, kiosk-ticket-nearby-elder.
 */
export async function liveDistrictScreenshots(shot: (page: Page, name: string) => Promise<void>): Promise<void> {
  // The platform's test day: the hall's snapshots are neither from its future nor stale there.
  const clock: Clock = { now: () => FIXED_NOW };
  const hall = await kiosk.startKioskHarness({ clock, config: { hallName: '东城区政务服务中心' } });
  try {
    for (let i = 0; i < 5; i++) hall.host.queue.issue({ serviceCode: 'social-security', identity: null });
    await hall.host.livePush.pushNow();
    const put = await hall.central.api.app.inject({
      method: 'PUT',
      url: '/v1/live',
      // The 湖滨 community centre (hall-02 of the demo district) with its own credential.
      headers: await hallAuth(hall.central.api, 'hall-02'),
      payload: sampleLive({
        hallId: 'hall-02',
        takenAt: FIXED_NOW.toISOString(),
        services: [liveService('social-security', 2, { estimatedWaitMinutes: 8 })],
      }),
    });
    if (put.statusCode !== 200) throw new Error(`the nearby hall's snapshot was refused: ${put.body}`);
    const { page, context } = await hall.openKiosk({
      // The page's clock on the hall's day too.
      beforeLoad: async (p) => {
        await p.clock.install({ time: FIXED_NOW });
        await p.clock.resume();
      },
    });
    await kiosk.startVisitWithoutCard(page);
    await kiosk.openFlow(page, 'ticket');
    await page.getByRole('button', { name: '没有身份证，继续办理' }).click();
    await page.getByTestId('nearby-hall').waitFor();
    await shot(page, 'kiosk-ticket-nearby');
    await kiosk.setElderMode(page, true);
    await page.getByTestId('nearby-hall').waitFor();
    await shot(page, 'kiosk-ticket-nearby-elder');
    await context.close();
  } finally {
    await hall.dispose();
  }
}
