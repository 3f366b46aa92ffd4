import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CaseSearchResponse } from '../../contracts/platform-console';
import { adminAuth } from '../platform/support/platform';
import { completeUnemploymentForm } from '../support/district-console';
import * as kiosk from '../support/kiosk-harness';
import { whyNotTouchable } from './support/touchable';

/**
 * A community centre's kiosk under the district's one catalog: the host runs as hall-02 (星河区湖滨
 * 街道社区政务服务中心) with the hall's own credential, the platform serves it the 41 全域通办 items
 * (what catalog-scope.ts gives a community centre, decided by the credential's hall), the kiosk
 * shelves them by theme, and a citizen files one of them there, whatever community they live in;
 * the district console then finds the case under that hall.
 */
describe('kiosk at a community centre: the 41 全域通办 items', () => {
  let harness: kiosk.KioskHarness;
  beforeAll(async () => {
    harness = await kiosk.startKioskHarness({ hallId: 'hall-02' });
  });
  afterAll(() => harness?.dispose());
  // A page left open by a failed test would hold the kiosk seat for the next one.
  afterEach(() => Promise.all(harness.browser.contexts().map((context) => context.close())));

  /** No serious axe violation on the screen as it is, in 长辈版 and then in the standard print. */
  async function axeClean(page: Page, screen: string): Promise<void> {
    for (const elder of [true, false]) {
      await kiosk.setElderMode(page, elder);
      expect(await kiosk.seriousViolations(page), `${screen}${elder ? ' (长辈版)' : ''}`).toEqual([]);
    }
  }

  it('办事申报: nine themes, then a theme’s items; 失业登记 filed, numbered, and seen by the district console', async () => {
    const { page } = await harness.openKiosk();
    await kiosk.startVisitWithCard(page, harness.host, 'zhangSan');
    await kiosk.openFlow(page, 'case');

    // The themes, each a large tile; no enterprise bundle at a community centre.
    const themes = page.locator('.theme-tile');
    await themes.first().waitFor();
    expect(await themes.count()).toBe(9);
    expect(await page.locator('article.case-bundle').count()).toBe(0);
    const employment = page.locator('.theme-tile[data-theme="employment"]');
    expect(await employment.textContent()).toContain('共 5 项');
    expect((await employment.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(60);
    await axeClean(page, 'themes');

    await employment.scrollIntoViewIfNeeded();
    await employment.click();
    await page.getByRole('heading', { name: '就业创业' }).waitFor();
    const item = page.getByRole('button', { name: /失业登记/ });
    expect(await item.textContent()).toContain('即办件');
    expect(await whyNotTouchable(item)).toEqual([]);
    expect(await whyNotTouchable(page.getByRole('button', { name: '‹ 返回全部分类' }))).toEqual([]);
    await axeClean(page, 'a theme');
    await item.click();

    // The form: the card fills name, ID number and address; the citizen keys a phone and picks a wish.
    await page.getByRole('heading', { name: '填写「失业登记」申报信息' }).waitFor();
    expect(await page.getByLabel('户籍地址').inputValue()).toBe('由身份证自动填写');
    await completeUnemploymentForm(page);

    // The platform numbered it under the district's code for the item, and the district console
    // finds it among every hall's cases, under the community centre that took it.
    const number = page.getByTestId('case-number');
    await number.waitFor({ timeout: 20_000 });
    const caseNumber = (await number.textContent()) ?? '';
    const res = await fetch(`${harness.central.baseUrl}/v1/console/cases?caseNumber=${caseNumber}`, { headers: adminAuth });
    const [filed] = CaseSearchResponse.parse(await res.json()).cases;
    expect(filed).toMatchObject({ caseNumber, hallId: 'hall-02', itemCode: 'QYTB-030', itemName: '失业登记' });
  }, 150_000);

  it('办事指南 in portrait and 长辈版: 民生事项 by theme; an item says it can be handled anywhere in the district', async () => {
    harness.host.devices.placeSimulatedCard(null);
    const { page } = await harness.openKiosk({ viewport: kiosk.PORTRAIT });
    await kiosk.startVisitWithoutCard(page);
    await kiosk.setElderMode(page, true);
    await kiosk.openFlow(page, 'guide');
    await page.locator('button[data-category="livelihood"]').click();
    await page.locator('.theme-tile').first().waitFor();
    expect(await page.locator('.theme-tile').count()).toBe(9);
    expect(await kiosk.seriousViolations(page)).toEqual([]);
    await page.locator('.theme-tile[data-theme="elderly-care"]').click();
    await page.getByRole('button', { name: /高龄津贴申领/ }).click();
    expect(await page.getByTestId('guide-handled-at').textContent()).toContain('全域通办');
    expect(await page.getByTestId('guide-promise').textContent()).toBe('受理后 10 个工作日内办结');
    expect(await kiosk.seriousViolations(page)).toEqual([]);
  });
});
