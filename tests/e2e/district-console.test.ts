import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LiveHallsResponse } from '../../contracts/central-api';
import { DEMO_DISTRICT } from '../../platform/services/demo-district';
import { bearer, hallAuth } from '../platform/support/halls';
import { adminAuth } from '../platform/support/platform';
import { sampleLive } from '../platform/support/samples';
import { fileUnemploymentCase, openDistrictConsole } from '../support/district-console';
import * as kiosk from '../support/kiosk-harness';
import { rendererDir } from '../support/test-host';

/**
 * The district console, served by the platform itself (its page and API on one origin), against
 * a real host whose community-centre kiosk files a 全域通办 case: district staff sign in, find
 * the case among every hall's, read its history, and an operator accepts it; the live view shows
 * the halls that report, and an admin issues a hall its credential; axe-clean on every screen on
 * the way.
 */
describe('the district console (/district on the platform)', () => {
  let harness: kiosk.KioskHarness;
  let caseNumber: string;

  beforeAll(async () => {
    harness = await kiosk.startKioskHarness({
      // The 湖滨 community centre with its own credential: the platform serves it the 全域通办 items.
      hallId: 'hall-02',
      // The wall clock, not the platform tests' fixed day: the kiosk host's live snapshots are taken
      // on the wall clock, and a platform days behind would refuse them as from the future.
      platform: { rendererDir, demoAdmin: true, now: () => new Date() },
    });
    caseNumber = await fileUnemploymentCase(harness);
  }, 150_000);
  afterAll(() => harness?.dispose());

  const nameOf = (hallId: string): string => {
    const hall = DEMO_DISTRICT.find((h) => h.hallId === hallId);
    if (hall === undefined) throw new Error(`${hallId} is not a demo hall`);
    return hall.name;
  };

  async function axeClean(page: Page, screen: string): Promise<void> {
    expect(await kiosk.seriousViolations(page), screen).toEqual([]);
  }

  it('the demo admin signs in, finds the kiosk’s case among every hall’s, and reads its history', async () => {
    const context = await harness.browser.newContext({ locale: 'zh-CN' });
    const signInPage = await context.newPage();
    await signInPage.goto(`${harness.central.baseUrl}/district`);
    await signInPage.getByRole('heading', { name: '区级平台登录' }).waitFor();
    await axeClean(signInPage, 'sign-in');
    await context.close();

    const page = await openDistrictConsole(harness);
    expect(await page.getByTestId('dst-who').textContent()).toBe('演示管理员 · admin · 平台管理员');
    const table = page.getByTestId('dst-cases');
    await table.waitFor();
    expect(await table.locator(`[data-case="${caseNumber}"]`).count()).toBe(1);
    await axeClean(page, 'cases');

    await page.getByLabel('办件编号（可只输前几位）').fill(caseNumber.slice(0, 10));
    await page.getByLabel('事项编码').fill('QYTB-030');
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByRole('button', { name: `查看 ${caseNumber}` }).click();
    const detail = page.getByTestId('dst-case-detail');
    await detail.getByTestId('dst-case-history').waitFor();
    expect(await detail.getByTestId('dst-case-history').textContent()).toContain('已提交');
    expect(await detail.textContent()).toContain('失业登记');
    expect(await detail.textContent()).toContain('张*');
    // An admin reads cases; changing them is the operators'.
    expect(await detail.textContent()).toContain('只有办件人员可以变更办件状态。');
    await axeClean(page, 'a case');

    for (const [nav, heading] of [
      ['通知公告', '全区通知公告'],
      ['事项目录', '全区统一事项目录'],
      ['大厅', '大厅与接入凭证'],
      ['实时', '全区大厅实时情况'],
    ] as const) {
      await page.getByRole('navigation', { name: '平台功能' }).getByRole('link', { name: nav, exact: true }).click();
      await page.getByRole('heading', { name: heading }).waitFor();
      await axeClean(page, nav);
    }
    await page.context().close();
  }, 120_000);

  it('an operator accepts the case; the history says so with the note', async () => {
    const page = await openDistrictConsole(harness, 'district-operator');
    await page.getByRole('button', { name: `查看 ${caseNumber}` }).click();
    const detail = page.getByTestId('dst-case-detail');
    await detail.getByLabel('改为').selectOption('accepted');
    await detail.getByLabel(/说明/).fill('区级复核通过');
    await detail.getByRole('button', { name: '确认变更' }).click();
    await detail.getByText('已改为“已受理”。').waitFor();
    expect(await detail.getByTestId('dst-case-history').textContent()).toContain('区级复核通过');
    await axeClean(page, 'after a status change');
    await page.context().close();
  }, 60_000);

  it('实时 shows the two halls that report live and marks the rest; 大厅 gives hall-03 its token once', async () => {
    const api = harness.central.api;
    const inject = api.app.inject.bind(api.app);
    // The kiosk's host sends its own hall's queue; which hall that is, the platform tells.
    expect(await harness.host.livePush.pushNow()).toMatchObject({ kind: 'sent' });
    const before = LiveHallsResponse.parse((await inject({ method: 'GET', url: '/v1/console/live', headers: adminAuth })).json());
    const kioskHall = before.halls.find((hall) => hall.snapshot !== null)?.hallId;
    if (kioskHall === undefined) throw new Error('the kiosk host’s snapshot did not arrive');
    // Another community centre's host pushes with its own credential.
    const other = ['hall-02', 'hall-04'].find((hallId) => hallId !== kioskHall) ?? 'hall-02';
    const pushed = await inject({
      method: 'PUT',
      url: '/v1/live',
      headers: await hallAuth(api, other),
      payload: sampleLive({ hallId: other, hallName: nameOf(other), takenAt: new Date().toISOString() }),
    });
    expect(pushed.statusCode).toBe(200);

    const page = await openDistrictConsole(harness);
    const nav = page.getByRole('navigation', { name: '平台功能' });
    await nav.getByRole('link', { name: '实时', exact: true }).click();
    const live = page.getByTestId('dst-live');
    await live.waitFor();
    expect(await live.locator('tbody tr').count()).toBe(before.halls.length);
    expect(await live.locator('[data-stale="false"]').count()).toBe(2);
    expect(await live.locator(`[data-hall="${kioskHall}"]`).getAttribute('data-stale')).toBe('false');
    expect(await live.locator(`[data-hall="${other}"]`).textContent()).toContain(nameOf(other));
    // The halls that never reported are listed all the same, marked.
    expect(await live.getByText('无数据').count()).toBe(before.halls.length - 2);
    expect(await page.getByTestId('dst-live-total').textContent()).toMatch(/^2 个有数据的大厅合计/);
    await axeClean(page, 'live');

    await nav.getByRole('link', { name: '大厅', exact: true }).click();
    await page.getByRole('button', { name: `查看凭证：${nameOf('hall-03')}` }).click();
    const credentials = page.getByTestId('dst-credentials');
    await credentials.getByTestId('dst-credential-list').or(credentials.getByText('这个大厅还没有接入凭证。')).waitFor();
    await credentials.getByRole('button', { name: '签发凭证' }).click();
    const shown = credentials.getByTestId('dst-token');
    await shown.waitFor();
    expect(await shown.textContent()).toContain('只显示这一次');
    const token = await shown.getByLabel('令牌').inputValue();
    expect(token.length).toBeGreaterThanOrEqual(40);
    await axeClean(page, 'a token shown once');
    // The token is hall-03's own: its host signs in with it.
    const asHall03 = await inject({
      method: 'GET',
      url: '/v1/live/nearby?hall=hall-03&service=QYTB-030',
      headers: bearer(token),
    });
    expect(asHall03.statusCode).toBe(200);

    await shown.getByRole('button', { name: '已保存，关闭' }).click();
    await shown.waitFor({ state: 'detached' });
    const row = credentials.locator('[data-state="active"]').filter({ hasText: token.slice(0, 8) });
    await row.first().waitFor();
    expect(await page.content()).not.toContain(token);
    await page.context().close();
  }, 90_000);
});
