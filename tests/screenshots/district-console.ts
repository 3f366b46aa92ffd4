import type { Page } from 'playwright-core';
import { itemsForHall } from '../../contracts/catalog-scope';
import type { LiveSnapshot } from '../../contracts/central-api';
import { DISTRICT_CATALOG } from '../../contracts/district-catalog';
import { platformHallOperations } from '../../contracts/platform-halls';
import { callOperation, hallAuth, replyOf } from '../platform/support/halls';
import { adminAuth, newKey, sampleCase } from '../platform/support/platform';
import { liveService, sampleLive } from '../platform/support/samples';
import { fileUnemploymentCase, openDistrictConsole } from '../support/district-console';
import * as kiosk from '../support/kiosk-harness';
import { rendererDir } from '../support/test-host';

/**
 * The district console (/district, served by the platform) for docs/screenshots: sign-in, every
 * hall's cases with one open, notices to some halls, the catalog editor, a hall's credentials
 * with a token just issued, and every hall live. A community centre's kiosk files the case shown
 * open; the demo district's other halls (星河区, hall-01…05) send theirs, and their live
 * snapshots, through the platform with each hall's own credential, as their hosts would.
 * district-sign-in, district-cases, district-notices, district-catalog, district-halls, district-live.
 */
export async function districtConsoleScreenshots(shot: (page: Page, name: string) => Promise<void>): Promise<void> {
  const hall = await kiosk.startKioskHarness({
    catalog: itemsForHall(DISTRICT_CATALOG, 'community-centre'),
    platform: { rendererDir, demoAdmin: true },
  });
  try {
    const filed = await fileUnemploymentCase(hall);
    const api = hall.central.api;
    const inject = api.app.inject.bind(api.app);
    // One credential per hall, as each hall's hosts hold one.
    const auth = new Map<string, Record<string, string>>();
    for (const hallId of ['hall-01', 'hall-02', 'hall-04']) auth.set(hallId, await hallAuth(api, hallId));
    const headersOf = (hallId: string): Record<string, string> => {
      const headers = auth.get(hallId);
      if (headers === undefined) throw new Error(`no credential of ${hallId}`);
      return headers;
    };

    const others: Array<[string, string, string]> = [
      ['hall-02', 'QYTB-001', '城乡居民基本养老保险参保登记'],
      ['hall-01', 'QYTB-012', '最低生活保障申请'],
      ['hall-04', 'QYTB-030', '失业登记'],
    ];
    for (const [hallId, itemCode, itemName] of others) {
      const res = await inject({
        method: 'POST',
        url: '/v1/cases',
        headers: { ...headersOf(hallId), 'idempotency-key': newKey() },
        payload: sampleCase({ hallId, itemCode, itemName }),
      });
      if (res.statusCode !== 201) throw new Error(`${hallId}'s case refused: ${res.statusCode} ${res.body}`);
      const { caseNumber } = res.json<{ caseNumber: string }>();
      if (hallId === 'hall-01') {
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
        hallIds: ['hall-02', 'hall-05'],
        title: '社区中心周六延时服务',
        body: '湖滨、梅岭街道社区政务服务中心本周六 9:00–12:00 照常办理全域通办事项。',
        startsAt: '2026-11-28T09:00:00+08:00',
        endsAt: '2026-11-28T12:00:00+08:00',
      },
    });

    // Three halls report their queue; hall-03 and hall-05 have not (yet): the console marks them.
    const snapshots: LiveSnapshot[] = [
      sampleLive({ hallId: 'hall-01', hallName: '星河区政务服务中心', openWindows: 12 }),
      sampleLive({
        hallId: 'hall-02',
        hallName: '星河区湖滨街道社区政务服务中心',
        openWindows: 2,
        services: [liveService('QYTB-001', 3), liveService('QYTB-030', 1)],
        today: { ...sampleLive().today, issued: 31, served: 24, waiting: 4, inService: 2, serviceLevelPct: 95.2 },
      }),
      sampleLive({
        hallId: 'hall-04',
        hallName: '星河区青石街道社区政务服务中心',
        open: false,
        openWindows: 0,
        services: [liveService('QYTB-001', 0, { open: false, openWindows: 0 })],
        today: { ...sampleLive().today, issued: 18, served: 17, waiting: 0, inService: 0, serviceLevelPct: 100 },
      }),
    ];
    for (const snapshot of snapshots) {
      const res = await inject({ method: 'PUT', url: '/v1/live', headers: headersOf(snapshot.hallId), payload: snapshot });
      if (res.statusCode !== 200) throw new Error(`${snapshot.hallId}'s snapshot refused: ${res.statusCode} ${res.body}`);
    }
    // hall-02's credential rotated once: its list shows the new one and the old one in its overlap.
    const hall02 = replyOf(
      platformHallOperations.listHallCredentials,
      await callOperation(api, platformHallOperations.listHallCredentials, { params: { hallId: 'hall-02' }, query: {} }),
    ).credentials[0];
    if (hall02 === undefined) throw new Error('hall-02 has no credential');
    await callOperation(api, platformHallOperations.rotateHallCredential, {
      params: { hallId: 'hall-02', credentialId: hall02.credentialId },
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

    await admin.getByRole('link', { name: '大厅', exact: true }).click();
    await admin.getByRole('button', { name: '查看凭证：星河区湖滨街道社区政务服务中心' }).click();
    const credentials = admin.getByTestId('dst-credentials');
    await credentials.getByTestId('dst-credential-list').waitFor();
    await credentials.getByRole('button', { name: '签发凭证' }).click();
    await credentials.getByTestId('dst-token').waitFor();
    await shot(admin, 'district-halls');
    await admin.getByRole('link', { name: '实时', exact: true }).click();
    await admin.getByTestId('dst-live').waitFor();
    await shot(admin, 'district-live');
    await admin.context().close();
  } finally {
    await hall.dispose();
  }
}
