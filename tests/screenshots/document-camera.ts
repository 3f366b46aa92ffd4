import type { Page } from 'playwright-core';
import { FAKE_CAMERA_ARGS, FAKE_CAMERA_LABEL } from '../support/fake-camera';
import { openFlow, startKioskHarness, startVisitWithCard } from '../support/kiosk-harness';
import { signIn } from '../support/staff';

/**
 * Materials from the document camera (issue 22, point 2) for docs/screenshots, with Chromium's
 * fake capture device showing the synthetic photo of a form: the live picture with the 拍照
 * button, the straightened page to confirm, and the materials step with its page.
 * kiosk-camera-live, kiosk-camera-review, kiosk-camera-materials.
 */
export async function documentCameraScreenshots(shot: (page: Page, name: string) => Promise<void>): Promise<void> {
  const k = await startKioskHarness({ chromiumArgs: FAKE_CAMERA_ARGS });
  try {
    const headers = await signIn(k.host.app, '8001');
    await k.host.app.inject({ method: 'PUT', url: '/api/v1/terminal/camera', headers, payload: { label: FAKE_CAMERA_LABEL } });
    const { page, context } = await k.openKiosk();
    await startVisitWithCard(page, k.host, 'zhangSan');
    await openFlow(page, 'case');
    await page.getByRole('button', { name: /城乡居民基本医疗保险参保登记/ }).click();
    await page.getByLabel('联系电话').click();
    for (const key of '13912345678') await page.locator(`[data-testid="osk"] [data-skbtn="${key}"]`).click();
    await page.locator('[data-testid="osk"] [data-skbtn="{done}"]').click();
    await page.getByRole('button', { name: '下一步' }).click();
    await page.locator('[data-material]').first().getByRole('button', { name: /拍摄/ }).click();
    await page.locator('[data-testid="capture-screen"][data-phase="live"]').waitFor();
    // A string: this module is typed without the DOM (it runs in Node, the function in the page).
    await page.waitForFunction('(document.querySelector(\'[data-testid="capture-video"]\')?.videoWidth ?? 0) > 0');
    await shot(page, 'kiosk-camera-live');
    await page.getByTestId('capture-shutter').click();
    await page.locator('[data-testid="capture-screen"][data-phase="review"]').waitFor({ timeout: 60_000 });
    await shot(page, 'kiosk-camera-review');
    await page.getByTestId('capture-confirm').click();
    await page.getByTestId('capture-screen').waitFor({ state: 'detached' });
    await shot(page, 'kiosk-camera-materials');
    await context.close();
  } finally {
    await k.dispose();
  }
}
