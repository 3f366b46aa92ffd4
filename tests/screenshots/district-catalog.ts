import type { Page } from 'playwright-core';
import { itemsForHall } from '../../contracts/catalog-scope';
import { DISTRICT_CATALOG } from '../../contracts/district-catalog';
import * as kiosk from '../support/kiosk-harness';

/**
 * A community centre's kiosk under the district's one catalog (issue 20): the central API serves
 * what a community centre offers, the 41 全域通办 items, and the kiosk shelves them by theme.
 * kiosk-case-themes, kiosk-case-theme-items, kiosk-case-themes-elder, kiosk-guide-themes-portrait.
 */
export async function districtCatalogScreenshots(shot: (page: Page, name: string) => Promise<void>): Promise<void> {
  const hall = await kiosk.startKioskHarness({ catalog: itemsForHall(DISTRICT_CATALOG, 'community-centre') });
  try {
    {
      const { page, context } = await hall.openKiosk();
      await kiosk.startVisitWithCard(page, hall.host, 'elderWangJianguo');
      await kiosk.openFlow(page, 'case');
      await page.locator('.theme-tile').first().waitFor();
      await shot(page, 'kiosk-case-themes');
      await page.locator('.theme-tile[data-theme="medical-insurance"]').click();
      await page.getByRole('heading', { name: '医疗保障' }).waitFor();
      await shot(page, 'kiosk-case-theme-items');
      await page.getByRole('button', { name: '‹ 返回全部分类' }).click();
      await kiosk.setElderMode(page, true);
      await page.locator('.theme-tile').first().waitFor();
      // 长辈版 scrolls: the shot shows the themes, scrolled as a finger would.
      await page.locator('.theme-tile[data-theme="disability"]').scrollIntoViewIfNeeded();
      await shot(page, 'kiosk-case-themes-elder');
      await context.close();
    }
    {
      hall.host.devices.placeSimulatedCard(null);
      const { page, context } = await hall.openKiosk({ viewport: kiosk.PORTRAIT });
      await kiosk.startVisitWithoutCard(page);
      await kiosk.openFlow(page, 'guide');
      await page.locator('button[data-category="livelihood"]').click();
      await page.locator('.theme-tile').first().waitFor();
      await shot(page, 'kiosk-guide-themes-portrait');
      await context.close();
    }
  } finally {
    await hall.dispose();
  }
}
