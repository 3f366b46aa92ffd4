import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  LANDSCAPE,
  PORTRAIT,
  openFlow,
  seriousViolations,
  setElderMode,
  useKioskHarness,
  startVisitWithoutCard,
} from '../support/kiosk-harness';

/** Axe in the standard and the 长辈版 look of the screen as it is now (left in standard). */
async function bothModesClean(page: Page): Promise<void> {
  expect(await seriousViolations(page)).toEqual([]);
  await setElderMode(page, true);
  expect(await seriousViolations(page)).toEqual([]);
  await setElderMode(page, false);
}

/** Nothing wider than the screen: a citizen cannot scroll sideways on a kiosk. */
async function fitsWidth(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

/** 办事指南 against a real host, its built-in catalog and the default queue services. */
describe('kiosk 办事指南', () => {
  const h = useKioskHarness();

  it('browses to 企业开办: the four bundle parts, required and optional materials, the promise; then takes a number there', async () => {
    const { page, context } = await h.openKiosk({ viewport: LANDSCAPE });
    await startVisitWithoutCard(page);
    await openFlow(page, 'guide');
    const flow = page.locator('section.flow[data-flow="guide"]');

    // The four shelves, each with its count; no card was asked for.
    await flow.locator('button[data-category="startup-bundle"]').waitFor();
    expect(await flow.locator('button[data-category]').allInnerTexts()).toEqual([
      expect.stringContaining('企业开办'),
      expect.stringContaining('民生事项'),
      expect.stringContaining('营商诉求'),
      expect.stringContaining('其他'),
    ]);
    expect(await flow.locator('button[data-category="startup-bundle"]').innerText()).toContain('共 1 项');
    expect(await flow.locator('button[data-category="other"]').isDisabled()).toBe(true);
    await bothModesClean(page);

    await flow.locator('button[data-category="startup-bundle"]').click();
    await flow.getByRole('button', { name: /企业开办一站式办理/ }).click();
    const item = flow.getByTestId('guide-item');
    await item.waitFor();
    expect(await item.getByRole('heading', { level: 3 }).innerText()).toBe('企业开办一站式办理');
    expect(await item.innerText()).toContain('一个工作日内办结');
    expect(await flow.getByTestId('guide-promise').innerText()).toBe('受理后 1 个工作日内办结');

    // One application, four services (企业开办一站式).
    expect(await item.getByRole('heading', { name: '一次提交，4 项同步办理' }).count()).toBe(1);
    const parts = await flow.getByTestId('guide-bundle').locator('li').allInnerTexts();
    expect(parts.map((p) => p.replace(/^\d+\s*/, '').trim())).toEqual(['营业执照', '印章刻制', '银行开户', '税务登记及发票申领']);

    expect(await flow.getByTestId('guide-required').locator('li').allInnerTexts()).toEqual([
      '法定代表人身份证件',
      '公司章程',
      '住所使用证明',
    ]);
    expect(await flow.getByTestId('guide-optional').locator('li').allInnerTexts()).toEqual(['股东身份证件']);
    expect(await item.innerText()).toContain('刷身份证自动填写 2 项信息');

    // Where: the 企业开办 queue, its windows, and a number from right here.
    const where = item.locator('.guide-where');
    expect(await where.innerText()).toContain('正在取号');
    expect(await where.innerText()).toContain('1 号窗口 · 综合受理 1');
    expect(await where.innerText()).toContain('4 号窗口 · 营商诉求');
    await bothModesClean(page);

    await where.getByRole('button', { name: '去取号（企业开办）' }).click();
    await expect.poll(() => page.getByTestId('ticket-number').textContent()).toBe('A001');
    expect(h.host.db.prepare("SELECT service_code AS service FROM tickets WHERE number = 'A001'").get()).toEqual({
      service: 'business-startup',
    });
    await context.close();
  });

  it('in portrait and 长辈版: a livelihood item, the complaint stages, and the queues with their windows', async () => {
    const { page, context } = await h.openKiosk({ viewport: PORTRAIT });
    await startVisitWithoutCard(page);
    await setElderMode(page, true);
    await openFlow(page, 'guide');
    const flow = page.locator('section.flow[data-flow="guide"]');

    await flow.locator('button[data-category="livelihood"]').click();
    expect(await flow.locator('.tiles .tile').count()).toBe(5);
    await flow.getByRole('button', { name: /老年人优待证办理/ }).click();
    await flow.getByTestId('guide-item').waitFor();
    expect(await flow.getByTestId('guide-promise').innerText()).toBe('受理后 5 个工作日内办结');
    expect(await flow.getByTestId('guide-required').locator('li').allInnerTexts()).toEqual(['居民身份证', '近期免冠照片']);
    expect(await fitsWidth(page)).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);

    // Back up two levels to the shelves, then the complaint item with its 受理 → 办理 → 办结 stages.
    await flow.getByRole('button', { name: /返回事项列表/ }).click();
    await flow.getByRole('button', { name: /返回事项类别/ }).click();
    await flow.locator('button[data-category="complaint"]').click();
    await flow.getByRole('button', { name: /营商环境诉求/ }).click();
    const stages = await flow.getByTestId('guide-stages').locator('li').allInnerTexts();
    expect(stages.map((s) => s.replace(/[\d.→\s]/g, ''))).toEqual(['受理', '办理', '办结']);
    expect(await flow.getByTestId('guide-item').innerText()).toContain('营商诉求');
    expect(await fitsWidth(page)).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);

    // The hall's queues: open now, the windows that serve each.
    await flow.getByRole('button', { name: '排队事项与窗口' }).click();
    const services = flow.getByTestId('guide-services');
    await services.waitFor();
    expect(await services.locator('.service-card').count()).toBe(7);
    const social = services.locator('[data-service="social-security"]');
    expect(await social.innerText()).toContain('正在取号');
    expect(await social.innerText()).toContain('3 号窗口 · 社保医保');
    expect(await social.innerText()).toContain('身份证原件或社会保障卡');
    // When numbers are issued: the test hall is open around the clock, every day.
    expect(await social.innerText()).toContain('周一至周日　00:00–24:00');
    expect(await fitsWidth(page)).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await setElderMode(page, false);
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});
