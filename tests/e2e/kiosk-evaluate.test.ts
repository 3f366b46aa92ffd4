import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EvaluationsResponse } from '../../contracts/central-api';
import { IssueTicketResponse } from '../../contracts/queue';
import {
  LANDSCAPE,
  PORTRAIT,
  openFlow,
  seriousViolations,
  setElderMode,
  startKioskHarness,
  startVisitWithoutCard,
  type KioskHarness,
} from '../support/kiosk-harness';
import { signIn } from '../support/staff';
import { adminAuth } from '../platform/support/platform';

/** Axe in the standard and the 长辈版 look of the screen as it is now (left in standard). */
async function bothModesClean(page: Page): Promise<void> {
  expect(await seriousViolations(page)).toEqual([]);
  await setElderMode(page, true);
  expect(await seriousViolations(page)).toEqual([]);
  await setElderMode(page, false);
}

interface EvaluationRow {
  level: string;
  reason: string | null;
  ticketNumber: string | null;
  windowNumber: string | null;
  staffNumber: string | null;
  callbackRequired: number;
}

/** 服务评价 (好差评) against a real host, its queue and the district platform. */
describe('kiosk 服务评价', () => {
  let h: KioskHarness;
  let staff: { authorization: string };

  /** A citizen takes a number, window 1 (staff 1001) calls and finishes it: the ticket's QR link. */
  const serveOne = async (): Promise<string> => {
    const inject = h.host.app.inject.bind(h.host.app);
    const issued = await inject({
      method: 'POST',
      url: '/api/v1/tickets',
      payload: { serviceCode: 'business-startup', withIdentity: false },
    });
    expect(issued.statusCode, issued.body).toBe(201);
    const called = await inject({ method: 'POST', url: '/api/v1/windows/1/call-next', headers: staff });
    expect(called.statusCode, called.body).toBe(200);
    const finished = await inject({
      method: 'POST',
      url: '/api/v1/windows/1/finish',
      headers: staff,
      payload: { outcome: 'done' },
    });
    expect(finished.statusCode, finished.body).toBe(200);
    return IssueTicketResponse.parse(issued.json()).progressUrl;
  };

  const rows = (): EvaluationRow[] =>
    h.host.db
      .prepare(
        `SELECT level, reason, ticket_number AS ticketNumber, window_number AS windowNumber, staff_number AS staffNumber,
           callback_required AS callbackRequired FROM evaluations ORDER BY evaluated_at`,
      )
      .all() as EvaluationRow[];

  const central = async (flagged?: boolean) => {
    const query = flagged === undefined ? '' : `?flagged=${flagged}`;
    const reply = await fetch(`${h.central.baseUrl}/v1/admin/evaluations${query}`, { headers: adminAuth });
    return EvaluationsResponse.parse(await reply.json()).evaluations;
  };

  beforeAll(async () => {
    h = await startKioskHarness();
    staff = await signIn(h.host.app, '1001', 1);
  });
  afterAll(async () => {
    await h?.dispose();
  });

  it('rates the service at a window by scanning the ticket: 非常满意 is filed, thanked and delivered', async () => {
    const ticketLink = await serveOne();
    const { page, context } = await h.openKiosk({ viewport: LANDSCAPE });
    await startVisitWithoutCard(page);
    await openFlow(page, 'evaluate');
    const flow = page.locator('section.flow[data-flow="evaluate"]');
    await flow.getByText('请将排队小票上的二维码对准扫码区').waitFor();
    await bothModesClean(page);

    const scanned = await h.host.app.inject({
      method: 'POST',
      url: '/api/v1/simulator/scanner/scan',
      payload: { code: ticketLink },
    });
    expect(scanned.statusCode).toBe(204);
    const subject = flow.getByTestId('evaluate-subject');
    await subject.waitFor();
    expect(await subject.innerText()).toBe('A001 号 · 企业开办 · 1 号窗口');

    // Five faces, each a labelled target of at least 120 px.
    const faces = flow.locator('button.face');
    expect(await faces.allInnerTexts()).toEqual(['非常满意', '满意', '基本满意', '不满意', '非常不满意']);
    for (const box of await Promise.all((await faces.all()).map((f) => f.boundingBox()))) {
      expect(box?.width).toBeGreaterThanOrEqual(120);
      expect(box?.height).toBeGreaterThanOrEqual(120);
    }
    await bothModesClean(page);

    await flow.getByRole('button', { name: '非常满意' }).click();
    expect(await flow.getByRole('button', { name: '非常满意' }).getAttribute('aria-pressed')).toBe('true');
    // A good rating asks for no reason.
    expect(await flow.getByRole('button', { name: '办理时间长' }).count()).toBe(0);
    await flow.getByRole('button', { name: '提交评价' }).click();
    const thanks = flow.getByTestId('evaluate-thanks');
    await thanks.waitFor();
    expect(await thanks.innerText()).toContain('感谢您的评价');
    expect(await flow.getByTestId('evaluate-callback').innerText()).toContain('继续努力');
    await bothModesClean(page);

    expect(rows()).toEqual([
      {
        level: 'very_satisfied',
        reason: null,
        ticketNumber: 'A001',
        windowNumber: '1',
        staffNumber: '1001',
        callbackRequired: 0,
      },
    ]);
    await expect
      .poll(async () => (await central()).map((e) => [e.level, e.subject]), { timeout: 15_000 })
      .toEqual([['very_satisfied', { kind: 'ticket', ticketNumber: 'A001', windowId: '1', staffNumber: '1001' }]]);
    await flow.getByRole('button', { name: '完成，退出' }).click();
    await page.getByTestId('attract').waitFor();
    await context.close();
  });

  it('in portrait: a scanned ticket; 非常不满意 is refused without a reason, then filed with one and flagged for a call back', async () => {
    const ticketLink = await serveOne();
    const before = rows().length;
    const { page, context } = await h.openKiosk({ viewport: PORTRAIT });
    await startVisitWithoutCard(page);
    await openFlow(page, 'evaluate');
    const flow = page.locator('section.flow[data-flow="evaluate"]');
    // A window's service is rated only from its ticket's QR code: a typed number proves nothing.
    expect(await flow.getByRole('textbox', { name: '排队号' }).count()).toBe(0);
    await flow.getByText('请将排队小票上的二维码对准扫码区').waitFor();

    const scanned = await h.host.app.inject({
      method: 'POST',
      url: '/api/v1/simulator/scanner/scan',
      payload: { code: ticketLink },
    });
    expect(scanned.statusCode).toBe(204);
    await flow.getByTestId('evaluate-subject').waitFor();
    expect(await flow.getByTestId('evaluate-subject').innerText()).toContain('A002 号');

    await flow.getByRole('button', { name: '非常不满意' }).click();
    const chips = flow.locator('.reason-chip');
    expect(await chips.allInnerTexts()).toEqual(['办理时间长', '态度不好', '材料要求不清楚', '多次跑腿', '其他']);
    await flow.getByRole('button', { name: '提交评价' }).click();
    expect(await flow.getByTestId('evaluate-error').innerText()).toContain('请至少选择一项不满意的原因');
    expect(rows()).toHaveLength(before);
    await bothModesClean(page);

    await flow.getByRole('button', { name: '办理时间长' }).click();
    await flow.getByRole('button', { name: '多次跑腿' }).click();
    expect(await flow.getByRole('button', { name: '多次跑腿' }).getAttribute('aria-pressed')).toBe('true');
    expect(await flow.getByTestId('evaluate-error').count()).toBe(0);
    await flow.getByRole('button', { name: '提交评价' }).click();
    const thanks = flow.getByTestId('evaluate-thanks');
    await thanks.waitFor();
    expect(await flow.getByTestId('evaluate-callback').innerText()).toContain('回访');
    expect(await thanks.innerText()).toContain('您的评价：非常不满意');
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await bothModesClean(page);

    expect(rows().at(-1)).toEqual({
      level: 'very_dissatisfied',
      reason: '办理时间长、多次跑腿',
      ticketNumber: 'A002',
      windowNumber: '1',
      staffNumber: '1001',
      callbackRequired: 1,
    });
    await expect
      .poll(async () => (await central(true)).map((e) => [e.level, e.reason, e.callbackRequired]), { timeout: 15_000 })
      .toEqual([['very_dissatisfied', '办理时间长、多次跑腿', true]]);
    await context.close();
  });
});
