import type { Page } from 'playwright-core';
import { itemsForHall } from '../../contracts/catalog-scope';
import { DISTRICT_CATALOG } from '../../contracts/district-catalog';
import type { ConsoleHallsResponse, LiveResponse } from '../../contracts/platform-console';
import { adminAuth, newKey, sampleCase, terminalAuth } from '../platform/support/platform';
import { fileUnemploymentCase, openDistrictConsole } from '../support/district-console';
import * as kiosk from '../support/kiosk-harness';
import { rendererDir } from '../support/test-host';

/**
 * The district console (/district, served by the platform) for docs/screenshots: sign-in, every
 * hall's cases with one open, notices to some halls, the catalog editor, halls with credentials
 * and every hall live. A community centre's kiosk files the case shown open; a few more come
 * from other halls through the central API, as their hosts would send them.
 *
 * The halls and live screens are served by the platform's halls and live parts, merged apart:
 * until then their answers here are samples in the shapes of contracts/platform-console.ts
 * (Playwright answers the two reads), so the shots show the screens as they are built.
 * district-sign-in, district-cases, district-notices, district-catalog, district-halls, district-live.
 */
export async function districtConsoleScreenshots(shot: (page: Page, name: string) => Promise<void>): Promise<void> {
  const hall = await kiosk.startKioskHarness({
    catalog: itemsForHall(DISTRICT_CATALOG, 'community-centre'),
    platform: { rendererDir, demoAdmin: true },
  });
  try {
    const filed = await fileUnemploymentCase(hall);
    const inject = hall.central.api.app.inject.bind(hall.central.api.app);
    const others: Array<[string, string, string]> = [
      ['cc-donghu', 'QYTB-001', '城乡居民基本养老保险参保登记'],
      ['dc-main', 'QYTB-012', '最低生活保障申请'],
      ['cc-xinhe', 'QYTB-030', '失业登记'],
    ];
    for (const [hallId, itemCode, itemName] of others) {
      const res = await inject({
        method: 'POST',
        url: '/v1/cases',
        headers: { ...terminalAuth, 'idempotency-key': newKey() },
        payload: sampleCase({ hallId, itemCode, itemName }),
      });
      const { caseNumber } = res.json<{ caseNumber: string }>();
      if (hallId === 'dc-main') {
        await inject({
          method: 'POST',
          url: `/v1/admin/cases/${caseNumber}/status`,
          headers: adminAuth,
          payload: { status: 'accepted' },
        });
      }
    }
    await inject({
      method: 'POST',
      url: '/v1/console/notices',
      headers: adminAuth,
      payload: {
        title: '全区“一网通办”系统升级',
        body: '本周六 22:00 至 24:00 系统升级，期间暂停网上申报。',
        startsAt: '2026-11-27T00:00:00+08:00',
      },
    });
    await inject({
      method: 'POST',
      url: '/v1/console/notices',
      headers: adminAuth,
      payload: {
        hallIds: ['cc-donghu', 'cc-xinhe'],
        title: '社区中心周六延时服务',
        body: '东湖、新河社区政务服务中心本周六 9:00–12:00 照常办理全域通办事项。',
        startsAt: '2026-11-28T09:00:00+08:00',
        endsAt: '2026-11-28T12:00:00+08:00',
      },
    });

    const context = await hall.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    const signIn = await context.newPage();
    await signIn.goto(`${hall.central.baseUrl}/district`);
    await signIn.getByRole('heading', { name: '区级平台登录' }).waitFor();
    await shot(signIn, 'district-sign-in');
    await context.close();

    const operator = await openDistrictConsole(hall, 'district-operator');
    await operator.getByRole('button', { name: `查看 ${filed}` }).click();
    await operator.getByTestId('dst-case-history').waitFor();
    await operator.getByTestId('dst-case-detail').getByLabel(/说明/).fill('材料齐全，予以受理');
    await shot(operator, 'district-cases');
    await operator.getByRole('link', { name: '通知公告', exact: true }).click();
    await operator.getByTestId('dst-notices').waitFor();
    await shot(operator, 'district-notices');
    await operator.context().close();

    const admin = await openDistrictConsole(hall);
    await admin.getByRole('link', { name: '事项目录', exact: true }).click();
    await admin.getByRole('button', { name: /修改“失业登记”/ }).click();
    await admin.getByTestId('dst-item-form').waitFor();
    await shot(admin, 'district-catalog');

    await admin.route('**/v1/console/halls', (route) => route.fulfill({ json: SAMPLE_HALLS }));
    await admin.route('**/v1/console/live', (route) => route.fulfill({ json: SAMPLE_LIVE }));
    await admin.getByRole('link', { name: '大厅', exact: true }).click();
    await admin.getByRole('heading', { name: /东湖社区政务服务中心/ }).waitFor();
    await shot(admin, 'district-halls');
    await admin.getByRole('link', { name: '实时', exact: true }).click();
    await admin.getByTestId('dst-live').waitFor();
    await shot(admin, 'district-live');
    await admin.context().close();
  } finally {
    await hall.dispose();
  }
}

const SAMPLE_HALLS: ConsoleHallsResponse = {
  halls: [
    {
      id: 'dc-main',
      name: '区政务服务中心',
      level: 'district-centre',
      address: '人民路 88 号',
      credentials: [
        { id: 'c1', label: '一楼自助机', createdAt: '2026-10-08T01:00:00.000Z', lastUsedAt: '2026-11-27T01:59:00.000Z' },
        { id: 'c2', label: '二楼自助机', createdAt: '2026-10-08T01:05:00.000Z', lastUsedAt: '2026-11-27T01:58:30.000Z' },
      ],
    },
    {
      id: 'cc-donghu',
      name: '东湖社区政务服务中心',
      level: 'community-centre',
      address: '东湖路 1 号',
      credentials: [
        { id: 'c3', label: '大厅主机', createdAt: '2026-11-02T01:00:00.000Z', lastUsedAt: '2026-11-27T01:59:10.000Z' },
        { id: 'c0', label: '旧主机', createdAt: '2026-09-01T01:00:00.000Z', revokedAt: '2026-11-02T01:10:00.000Z' },
      ],
    },
  ],
};

const SAMPLE_LIVE: LiveResponse = {
  at: '2026-11-27T02:00:00.000Z',
  halls: [
    {
      hallId: 'dc-main',
      name: '区政务服务中心',
      level: 'district-centre',
      waiting: 23,
      servedToday: 164,
      reportedAt: '2026-11-27T01:59:40.000Z',
    },
    {
      hallId: 'cc-donghu',
      name: '东湖社区政务服务中心',
      level: 'community-centre',
      waiting: 4,
      servedToday: 37,
      reportedAt: '2026-11-27T01:59:20.000Z',
    },
    {
      hallId: 'cc-xinhe',
      name: '新河社区政务服务中心',
      level: 'community-centre',
      waiting: 0,
      servedToday: 12,
      reportedAt: '2026-11-27T01:52:00.000Z',
    },
  ],
};
