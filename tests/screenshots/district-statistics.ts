import type { Page } from 'playwright-core';
import { handleStatisticsComplaints, openStatistics, setUpStatisticsDesk } from '../support/complaint-statistics-desk';
import * as kiosk from '../support/kiosk-harness';
import { rendererDir } from '../support/test-host';

/**
 * 查询统计 and 考核 of 营商诉求 for docs/screenshots: five hotline calls moved through the real
 * routes by the 营商局 and three units (one returned at review, one declined and dispatched
 * again, one still open), then the statistics as the 营商局's supervisor sees them: each unit's
 * figures, rates, score and rank, the charts and the 考核细则 editor.
 * district-statistics, district-statistics-rules.
 */
export async function districtStatisticsScreenshots(shot: (page: Page, name: string) => Promise<void>): Promise<void> {
  const hall = await kiosk.startKioskHarness({ platform: { rendererDir, now: () => new Date() } });
  try {
    const api = hall.central.api;
    const desk = await setUpStatisticsDesk(api);
    await handleStatisticsComplaints(api, desk);
    const context = await hall.browser.newContext({ viewport: { width: 1440, height: 1200 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await openStatistics(page, hall.central.baseUrl, 'supervisor');
    await page.getByRole('img', { name: '各单位考核得分' }).waitFor();
    await shot(page, 'district-statistics');
    await page.getByRole('heading', { name: '考核细则' }).scrollIntoViewIfNeeded();
    await shot(page, 'district-statistics-rules');
    await context.close();
  } finally {
    await hall.dispose();
  }
}
