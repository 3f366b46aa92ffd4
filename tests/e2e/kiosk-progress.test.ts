import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SubmitCaseResponse } from '../../contracts/cases';
import { CurrentIdentity } from '../../contracts/identity';
import {
  LANDSCAPE,
  PORTRAIT,
  openFlow,
  seriousViolations,
  setElderMode,
  startKioskHarness,
  startVisitWithCard,
  startVisitWithoutCard,
  type KioskHarness,
} from '../support/kiosk-harness';
import { adminAuth } from '../platform/support/platform';

const NOTE = '请补充近期免冠照片（白底）';

/** Axe in the standard and the 长辈版 look of the screen as it is now (left in standard). */
async function bothModesClean(page: Page): Promise<void> {
  expect(await seriousViolations(page)).toEqual([]);
  await setElderMode(page, true);
  expect(await seriousViolations(page)).toEqual([]);
  await setElderMode(page, false);
}

/** Types on the kiosk's own keyboard (latin layout: letters in lower case, the field upper-cases them). */
async function typeOnScreen(page: Page, text: string): Promise<void> {
  const osk = page.getByTestId('osk');
  await osk.waitFor();
  for (const ch of text.toLowerCase()) await osk.locator(`[data-skbtn="${ch}"]`).click();
  await osk.locator('[data-skbtn="{done}"]').click();
  await osk.waitFor({ state: 'detached' });
}

async function waitUntil<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * 进度查询 end to end: a case filed with zhangSan's card, delivered by the host's sync engine
 * to the district platform, moved there by its operator (受理 → 办理 → 补正), pulled back
 * by the host, then looked up at the kiosk by card and by number.
 */
describe('kiosk 进度查询', () => {
  let h: KioskHarness;
  let caseId = '';
  let caseNumber = '';

  const advance = async (status: string, note?: string) => {
    const reply = await fetch(`${h.central.baseUrl}/v1/admin/cases/${caseNumber}/status`, {
      method: 'POST',
      headers: { ...adminAuth, 'content-type': 'application/json' },
      body: JSON.stringify(note === undefined ? { status } : { status, note }),
    });
    expect(reply.status).toBe(200);
  };

  beforeAll(async () => {
    h = await startKioskHarness();
    const inject = h.host.app.inject.bind(h.host.app);
    if (!h.host.devices.placeSimulatedCard('zhangSan')) throw new Error('no simulated reader');
    await waitUntil('the card', async () =>
      CurrentIdentity.parse((await inject({ url: '/api/v1/identity' })).json()).identity ? true : undefined,
    );
    const submitted = await inject({
      method: 'POST',
      url: '/api/v1/cases',
      payload: { itemCode: 'MS-LNYD-001', form: { phone: '13800000000' } },
    });
    expect(submitted.statusCode, submitted.body).toBe(201);
    caseId = SubmitCaseResponse.parse(submitted.json()).case.id;
    h.host.devices.placeSimulatedCard(null);

    caseNumber = await waitUntil('the central case number', () => {
      const row = h.host.db.prepare('SELECT case_number AS n FROM cases WHERE id = ?').get(caseId) as { n: string | null };
      return row.n ?? undefined;
    });
    await advance('accepted');
    await advance('in_progress');
    await advance('needs_materials', NOTE);
    // The host pulls the central change feed every 30 s.
    await waitUntil(
      'the host to pull the changes',
      () => {
        const row = h.host.db.prepare('SELECT status FROM cases WHERE id = ?').get(caseId) as { status: string };
        return row.status === 'needs_materials' ? true : undefined;
      },
      45_000,
    );
  }, 90_000);
  afterAll(async () => {
    await h?.dispose();
  });

  it('with the card: my cases → the timeline with its note, deadlines ticked or paused; then the same case typed by number', async () => {
    const { page, context } = await h.openKiosk({ viewport: LANDSCAPE });
    await startVisitWithCard(page, h.host, 'zhangSan');
    await openFlow(page, 'progress');
    const flow = page.locator('section.flow[data-flow="progress"]');

    const list = flow.getByTestId('my-cases');
    await list.waitFor();
    const row = list.getByRole('button');
    expect(await row.count()).toBe(1);
    const rowText = await row.innerText();
    expect(rowText).toContain('老年人优待证办理');
    expect(rowText).toContain(caseNumber);
    expect(rowText).toContain('需补正材料');
    // Masked or not, the citizen's identity never shows on the list.
    expect(await page.content()).not.toContain('11010519491231002X');
    await bothModesClean(page);

    await row.click();
    const detail = flow.getByTestId('case-detail');
    await detail.waitFor();
    expect(await flow.getByTestId('case-number').innerText()).toBe(caseNumber);
    expect(await flow.getByTestId('case-status').innerText()).toBe('需补正材料');
    const steps = flow.getByTestId('case-timeline').locator('li');
    expect(await steps.locator('.timeline-status').allInnerTexts()).toEqual(['已提交', '已受理', '办理中', '需补正材料']);
    expect(await steps.last().getAttribute('aria-current')).toBe('step');
    expect(await steps.last().innerText()).toContain(NOTE);
    // The platform answered at 10:00 hall time (its fixed clock): shown in the hall's zone.
    expect(await steps.nth(1).locator('time').innerText()).toContain('10:00');

    const accepted = flow.getByTestId('deadline-accepted');
    expect(await accepted.innerText()).toContain('受理时限');
    expect(await accepted.innerText()).toContain('已按时完成');
    expect(await accepted.locator('.deadline-mark').innerText()).toBe('✓');
    const completed = flow.getByTestId('deadline-completed');
    expect(await completed.innerText()).toContain('承诺办结');
    expect(await completed.innerText()).toContain('12月4日');
    expect(await completed.innerText()).toContain('补正材料期间暂停计时');
    expect(await flow.getByTestId('case-steward').count()).toBe(0);
    await bothModesClean(page);

    // Back to the list, then the other tab: the same case by its number, typed on the screen keyboard.
    await flow.getByRole('button', { name: '返回我的办件' }).click();
    await flow.getByRole('button', { name: '按受理编号查询' }).click();
    await flow.getByRole('textbox', { name: '受理编号' }).click();
    await typeOnScreen(page, caseNumber);
    expect(await flow.getByRole('textbox', { name: '受理编号' }).inputValue()).toBe(caseNumber);
    await flow.getByRole('button', { name: '查询', exact: true }).click();
    await detail.waitFor();
    expect(await flow.getByTestId('case-number').innerText()).toBe(caseNumber);
    expect(await flow.getByTestId('case-timeline').locator('li').count()).toBe(4);
    h.host.devices.placeSimulatedCard(null);
    await context.close();
  });

  it('in portrait without a card: a malformed and an unknown number are named, the receipt QR finds the case', async () => {
    h.host.devices.placeSimulatedCard(null);
    const { page, context } = await h.openKiosk({ viewport: PORTRAIT });
    await startVisitWithoutCard(page);
    await openFlow(page, 'progress');
    const flow = page.locator('section.flow[data-flow="progress"]');
    await flow.getByRole('button', { name: '没有身份证，继续办理' }).click();
    const field = flow.getByRole('textbox', { name: '受理编号' });
    await field.waitFor();
    // No card, no "my cases" tab.
    expect(await flow.getByRole('button', { name: '我的办件' }).count()).toBe(0);

    await field.click();
    await typeOnScreen(page, 'HK2026');
    await flow.getByRole('button', { name: '查询', exact: true }).click();
    expect(await flow.locator('.field-error').innerText()).toContain('受理编号格式不对');
    await bothModesClean(page);

    await field.fill('');
    await field.click();
    await typeOnScreen(page, 'HK20261127999999');
    await flow.getByRole('button', { name: '查询', exact: true }).click();
    await flow.getByTestId('progress-error').waitFor();
    expect(await flow.getByTestId('progress-error').innerText()).toContain('本大厅没有查到这个受理编号的办件');
    await bothModesClean(page);

    // The receipt's QR code held to the scanner opens the case.
    const scanned = await h.host.app.inject({
      method: 'POST',
      url: '/api/v1/simulator/scanner/scan',
      payload: { code: `${h.base}/case/${caseId}` },
    });
    expect(scanned.statusCode).toBe(204);
    await flow.getByTestId('case-detail').waitFor();
    expect(await flow.getByTestId('case-number').innerText()).toBe(caseNumber);
    expect(await flow.getByTestId('case-status').innerText()).toBe('需补正材料');
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await bothModesClean(page);

    await flow.getByRole('button', { name: '查询其他办件' }).click();
    expect(await flow.getByRole('textbox', { name: '受理编号' }).count()).toBe(1);
    await context.close();
  });
});
