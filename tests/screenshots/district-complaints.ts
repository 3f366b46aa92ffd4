import type { Page } from 'playwright-core';
import type { ComplaintAction } from '../../contracts/complaint-actions';
import { COMPLAINT_ITEM_CODE } from '../../contracts/district-catalog';
import { CreateCaseResponse } from '../../contracts/central-api';
import { TEST_PASSWORD } from '../platform/support/console';
import { newKey, sampleCase, terminalAuth } from '../platform/support/platform';
import {
  actAs,
  deskSession,
  deskUsername,
  HOTLINE_CALL,
  registerHotline,
  setUpDesk,
  type DeskPerson,
} from '../support/complaint-desk';
import { openConsoleAs } from '../support/district-console';
import { JumpingClock } from '../support/jumping-clock';
import * as kiosk from '../support/kiosk-harness';
import { rendererDir } from '../support/test-host';

/**
 * 营商诉求 on the district console (issue 21) for docs/screenshots: the work list with complaints
 * in several states, one of them on the red list (its lead unit let the acceptance pass), and that
 * complaint's page: its deadlines with the open 督办单, the co-unit's part in, the supervisor's
 * remark, its history. The platform's clock is the script's: complaints come in on Monday 30
 * November 2026 and the screens are taken on the Wednesday, the page's clock set to the
 * platform's so the badges count the same working days.
 * district-complaints, district-complaint-page.
 */

const beijing = (wall: string) => new Date(`${wall}+08:00`);

export async function districtComplaintScreenshots(shot: (page: Page, name: string) => Promise<void>): Promise<void> {
  const clock = new JumpingClock(beijing('2026-11-30T09:10:00'));
  const hall = await kiosk.startKioskHarness({ platform: { rendererDir, now: () => clock.now() } });
  try {
    const api = hall.central.api;
    await setUpDesk(api);
    const sessions = new Map<DeskPerson, { authorization: string }>();
    const as = async (person: DeskPerson) => {
      const known = sessions.get(person);
      if (known !== undefined) return known;
      const session = await deskSession(api, person);
      sessions.set(person, session);
      return session;
    };
    const act = async (person: DeskPerson, number: string, action: ComplaintAction) => {
      await actAs(api, await as(person), number, action);
    };
    const dispatch: ComplaintAction = { type: 'dispatch', leadUnit: 'market-regulation', coUnits: ['tax'], note: null };

    // Monday: the hotline call whose acceptance the lead unit lets pass (the red list's).
    const overdue = (await registerHotline(api, await as('intake'), HOTLINE_CALL)).number;
    await act('sorter', overdue, { type: 'claim' });
    await act('sorter', overdue, { ...dispatch, note: '涉及施工许可材料清单，请市场监管局牵头答复，税务局协助核实。' });
    await act('taxHandler', overdue, { type: 'submit_part', text: '该企业近三年无税务违法记录，无欠税。' });

    // A kiosk complaint, handled to its end the same day.
    const filed = await api.app.inject({
      method: 'POST',
      url: '/v1/cases',
      headers: { ...terminalAuth, 'idempotency-key': newKey() },
      payload: sampleCase({
        itemCode: COMPLAINT_ITEM_CODE,
        itemName: '营商环境诉求',
        applicant: { name: '邓示例', idNumber: '11010519491231002X', phone: '13700002222' },
        form: {
          companyName: '星河示例云计算有限公司',
          creditCode: '91350100M000100Y43',
          topic: '审批服务',
          details: '新办食品经营许可，现场核查后一直未出证，也没有告知原因，请协调。',
        },
        materials: [],
        submittedAt: clock.now().toISOString(),
      }),
    });
    if (filed.statusCode !== 201) throw new Error(`the kiosk complaint was refused: ${filed.statusCode} ${filed.body}`);
    const closed = CreateCaseResponse.parse(filed.json()).caseNumber;
    await act('sorter', closed, { ...dispatch, coUnits: [] });
    await act('leadHandler', closed, { type: 'accept' });
    await act('leadHandler', closed, { type: 'draft', text: '您的食品经营许可已审批通过，许可证已于今日寄出。' });
    await act('leadHandler', closed, { type: 'submit' });
    await act('reviewer', closed, { type: 'approve', note: null });
    await act('reviewer', closed, { type: 'close' });
    await actAs(api, await as('intake'), closed, {
      type: 'evaluate',
      level: 'very_satisfied',
      reason: null,
      comment: '处理及时。',
    });

    // Wednesday: more come in and move on; the Monday call's acceptance passed undone yesterday.
    clock.jumpTo(beijing('2026-12-02T09:40:00'));
    sessions.clear();
    const underReview = (
      await registerHotline(api, await as('intake'), {
        enterprise: { name: '青石示例物流有限公司', creditCode: null },
        contact: { name: '韦联系', phone: '13800003333' },
        topic: 'factors',
        area: 'street-xinghe',
        text: '园区道路施工导致货车无法进出仓库，已影响正常经营，请协调施工时段。',
      })
    ).number;
    await act('sorter', underReview, { ...dispatch, coUnits: [] });
    await act('leadHandler', underReview, { type: 'accept' });
    await act('leadHandler', underReview, {
      type: 'draft',
      text: '已与施工单位协商，夜间22:00至次日6:00施工，白天保留一条货车通道。',
    });
    await act('leadHandler', underReview, { type: 'submit' });
    const fresh = (
      await registerHotline(api, await as('intake'), {
        enterprise: { name: '湖滨示例餐饮管理有限公司', creditCode: null },
        contact: { name: '骆联系', phone: '13600004444' },
        topic: 'policy',
        area: null,
        text: '想了解小微企业吸纳就业社保补贴的申请条件和办理渠道。',
      })
    ).number;
    await act('supervisor', overdue, { type: 'supervise', note: '签收已超期，请市场监管局今日内签收并明确答复时限。' });
    await api.sweepDeadlines();

    const page = await openConsoleAs(hall, deskUsername('supervisor'), TEST_PASSWORD, { pageTime: clock.now() });
    await page.getByRole('navigation', { name: '平台功能' }).getByRole('link', { name: '营商诉求', exact: true }).click();
    const list = page.getByTestId('dst-complaints');
    for (const number of [overdue, closed, underReview, fresh]) await list.locator(`[data-complaint="${number}"]`).waitFor();
    await shot(page, 'district-complaints');
    // The page is read scrolled on a laptop; a tall window shows it whole: deadlines, history, steps.
    await page.setViewportSize({ width: 1440, height: 1800 });
    await page.getByRole('button', { name: `查看 ${overdue}` }).click();
    const panel = page.getByTestId('dst-complaint');
    await panel.getByTestId('dst-complaint-history').waitFor();
    await panel.getByTestId('dst-complaint-deadlines').getByText('督办单未结').waitFor();
    await shot(page, 'district-complaint-page');
    await page.context().close();
  } finally {
    await hall.dispose();
  }
}
