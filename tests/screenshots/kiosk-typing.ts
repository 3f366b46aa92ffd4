import type { Page } from 'playwright-core';
import { type KioskHarness, LANDSCAPE, openFlow, PORTRAIT, setElderMode, startVisitWithCard } from '../support/kiosk-harness';
import { KeyboardTaps } from '../support/on-screen-keyboard';

/**
 * The on-screen keyboard's phrase candidates on the 企业开办 form, typed key by key:
 * kiosk-typing-phrases (landscape: 沈抚测试科技 typed, "youxiangongsi" composed with 有限公司
 * offered), kiosk-typing-phrases-portrait, and kiosk-typing-elder (长辈版's 80 px keys, landscape).
 */
export async function kioskTypingScreenshots(k: KioskHarness, shot: (page: Page, name: string) => Promise<void>) {
  for (const [name, viewport, elder] of [
    ['kiosk-typing-phrases', LANDSCAPE, false],
    ['kiosk-typing-phrases-portrait', PORTRAIT, false],
    ['kiosk-typing-elder', LANDSCAPE, true],
  ] as const) {
    k.host.devices.placeSimulatedCard(null);
    k.host.identity.end();
    const { page, context } = await k.openKiosk({ viewport });
    await startVisitWithCard(page, k.host);
    if (elder) await setElderMode(page, true);
    await openFlow(page, 'case');
    await page.getByRole('button', { name: '申报「企业开办一站式办理」' }).click();
    await page.getByRole('heading', { name: /填写「企业开办一站式办理」申报信息/ }).waitFor();
    await page.getByLabel('拟设企业名称').click();
    const taps = new KeyboardTaps(page);
    await taps.type('shenfu', '沈抚');
    await taps.type('ceshi', '测试');
    await taps.type('keji', '科技');
    await taps.keys('youxiangongsi');
    await taps.candidates.getByRole('button', { name: '有限公司', exact: true }).waitFor();
    await shot(page, name);
    await context.close();
  }
}
