import type { Browser, Page } from 'playwright-core';
import { DEMO_DISTRICT_ADMIN } from '../../contracts/platform-console';
import { listenCentral } from '../host/sync/support';
import { TEST_PASSWORD } from '../platform/support/console';
import { addDeskPerson, setUpComplaintDesk } from '../platform/support/complaint-desk';
import { launchChromium } from '../support/browser';
import { rendererDir } from '../support/test-host';

/**
 * The complaint desk's admin side for docs/screenshots: the directory as the district admin
 * keeps it (the 营商局, departments, a street, their people, who has an account), and the
 * 营商局's calendar and rules as its supervisor edits them, with a dispatch rule saved.
 * district-directory, district-settings.
 */
export async function districtDeskSettingsScreenshots(shot: (page: Page, name: string) => Promise<void>): Promise<void> {
  const central = await listenCentral({ platform: { rendererDir, demoAdmin: true } });
  let browser: Browser | undefined;
  try {
    const desk = await setUpComplaintDesk(central.api);
    await addDeskPerson(
      central.api,
      { name: '督办员', unitCode: 'business-bureau', duty: 'leader', bureauRoles: ['supervisor'] },
      'p-supervisor',
    );
    const rule = await central.api.app.inject({
      method: 'PUT',
      url: '/v1/complaints/settings/dispatch-rules',
      headers: desk.as.sorter,
      payload: {
        expectedVersion: 1,
        rules: [
          {
            id: 'permits',
            topic: 'approval',
            area: null,
            keywords: ['施工许可'],
            leadUnit: 'market-regulation',
            coUnits: ['tax'],
          },
        ],
      },
    });
    if (rule.statusCode !== 200) throw new Error(`the dispatch rule was refused: ${rule.statusCode} ${rule.body}`);
    browser = await launchChromium();
    const signedIn = async (username: string, password: string): Promise<Page> => {
      if (browser === undefined) throw new Error('no browser');
      const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' })).newPage();
      await page.goto(`${central.baseUrl}/district`);
      await page.getByLabel('账号').fill(username);
      await page.getByLabel('密码').fill(password);
      await page.getByRole('button', { name: '登录' }).click();
      await page.getByTestId('dst-who').waitFor();
      return page;
    };

    const admin = await signedIn(DEMO_DISTRICT_ADMIN.username, DEMO_DISTRICT_ADMIN.password);
    await admin.goto(`${central.baseUrl}/district#directory`);
    await admin.getByTestId('dst-people').waitFor();
    await shot(admin, 'district-directory');

    const supervisor = await signedIn('p-supervisor', TEST_PASSWORD);
    await supervisor.goto(`${central.baseUrl}/district#settings`);
    await supervisor.getByTestId('dst-calendar-days').waitFor();
    await supervisor.getByTestId('dst-dispatch-list').locator('[data-rule="permits"]').waitFor();
    await shot(supervisor, 'district-settings');
  } finally {
    await browser?.close();
    await central.close();
  }
}
