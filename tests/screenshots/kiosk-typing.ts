import type { Page } from 'playwright-core';
import { type KioskHarness, LANDSCAPE, openFlow, PORTRAIT, setElderMode, startVisitWithCard } from '../support/kiosk-harness';
import { KeyboardTaps } from '../support/on-screen-keyboard';

/**
 * The on-screen keyboard's phrase candidates on the 企业开办 form, typed key by key:
 * kiosk-typing-phrases (landscape: 示例星辰科技 typed, "youxiangongsi" composed with 有限公司
 * offered), kiosk-typing-phrases-portrait, and kiosk-typing-elder (长辈版's 80 px keys, landscape).
 * The tour's hall has the default name, so the company is one of dictionary words (沈抚 is a
 * hall's own word: tests/e2e/kiosk-typing.test.ts types it).
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
    await taps.type('shili', '示例');
    await taps.type('xingchen', '星辰');
    await taps.type('kj', '科技');
    await taps.keys('youxiangongsi');
    await taps.candidates.getByRole('button', { name: '有限公司', exact: true }).waitFor();
    await shot(page, name);
    await context.close();
  }
}
