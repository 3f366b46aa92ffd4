import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SignInResponse } from '../../contracts/auth';
import {
  LANDSCAPE,
  openFlow,
  PORTRAIT,
  seriousViolations,
  setElderMode,
  useKioskHarness,
  startVisitWithCard,
  startVisitWithoutCard,
  takeCardBack,
} from '../support/kiosk-harness';
import { TEST_PIN } from '../support/staff';
import { spokenOn, stubSpeech } from './support/speech-stub';

/** The kiosk frame in Chromium against a real host: attract, home, card gate, idle wipe, 长辈版, layouts. */
describe('kiosk shell', () => {
  const k = useKioskHarness();

  async function publishNotice(title: string, body: string): Promise<void> {
    const signIn = await k.host.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { staffNo: '9001', pin: TEST_PIN },
    });
    const { token } = SignInResponse.parse(signIn.json());
    const res = await k.host.app.inject({
      method: 'POST',
      url: '/api/v1/notices',
      headers: { authorization: `Bearer ${token}` },
      payload: { title, body },
    });
    expect(res.statusCode, res.body).toBe(201);
  }

  /** Page time under the test's control, still flowing on its own between jumps. */
  const installClock = async (p: Page) => {
    await p.clock.install();
    await p.clock.resume();
  };

  // The demo panel's invented card labels are not a citizen's data: only the kiosk's screen counts.
  const personalText = async (page: Page) => {
    const html = (await page.locator('.kiosk-main').innerHTML()) + (await page.locator('.kiosk-header').innerHTML());
    return ['张*', '张三', '110105'].filter((s) => html.includes(s));
  };

  it('the attract screen shows the notices a supervisor publishes, live, and touching it opens the eight services', async () => {
    const { page, context } = await k.openKiosk();
    await publishNotice('元旦假期办公安排', '1月1日大厅休息，1月2日起正常办公。');
    await expect.poll(() => page.getByTestId('notices').textContent()).toContain('元旦假期办公安排');
    expect(await seriousViolations(page)).toEqual([]);

    await startVisitWithoutCard(page);
    expect(await page.getByTestId('citizen-name').textContent()).toBe('您好，欢迎办理');
    expect(await page.locator('button.tile[data-flow]').count()).toBe(8);
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  it('a card on the reader greets its holder by masked name; a flow that files in their name waits for the card', async () => {
    const { page, context } = await k.openKiosk();
    await startVisitWithoutCard(page);
    await openFlow(page, 'case');
    await page.getByText('本业务需要刷身份证').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    // Laying the card down moves on by itself, greeting by masked name only.
    k.host.devices.placeSimulatedCard('zhangSan');
    await expect.poll(() => page.getByText('本业务需要刷身份证').count()).toBe(0);
    await page.getByRole('button', { name: '首页', exact: true }).click();
    await expect.poll(() => page.getByTestId('citizen-name').textContent()).toBe('您好，张*');
    expect(await page.content()).not.toContain('张三');

    // Taking the card away ends the visit: back to the attract screen, nothing personal left.
    k.host.devices.placeSimulatedCard(null);
    await page.getByTestId('attract').waitFor();
    expect(await personalText(page)).toEqual([]);
    expect(k.host.identity.view()).toBeNull();
    await context.close();
  });

  it('after the idle timeout the visit is wiped: screen, storage and the host session; "more time" keeps it', async () => {
    const { page, context } = await k.openKiosk({ beforeLoad: installClock });
    await startVisitWithCard(page, k.host);
    await page.evaluate(() => window.sessionStorage.setItem('probe', 'x'));

    // Home gives 60 s; the countdown shows for the last 30 s, with its button.
    await page.clock.fastForward(35_000);
    await page.getByTestId('idle-countdown').waitFor();
    expect(await page.getByTestId('idle-countdown').textContent()).toMatch(/\d+ 秒后将自动退出/);
    await page.getByRole('button', { name: '我还需要时间' }).click();
    await expect.poll(() => page.getByTestId('idle-countdown').count()).toBe(0);
    expect(await page.getByTestId('citizen-name').textContent()).toBe('您好，张*');

    await page.clock.fastForward(61_000);
    // The card still lies on the reader: the visit is wiped, and the kiosk asks for the card back.
    await page.getByTestId('take-card').waitFor();
    expect(await personalText(page)).toEqual([]);
    expect(await page.evaluate(() => window.sessionStorage.length)).toBe(0);
    await expect.poll(() => k.host.identity.view()).toBeNull();
    await takeCardBack(page, k.host);
    await context.close();
  });

  it('长辈版: larger type and targets, slower timeout, no serious accessibility findings', async () => {
    const { page, context } = await k.openKiosk({ beforeLoad: installClock });
    await startVisitWithCard(page, k.host);
    await setElderMode(page, true);
    const fontPx = await page.locator('.kiosk').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(fontPx).toBeGreaterThanOrEqual(30);
    const smallest = await page
      .locator('.kiosk button:visible')
      .evaluateAll((els) =>
        Math.min(...els.map((el) => Math.min(el.getBoundingClientRect().width, el.getBoundingClientRect().height))),
      );
    expect(smallest).toBeGreaterThanOrEqual(60);
    expect(await seriousViolations(page)).toEqual([]);
    // 60 s × 1.5: still there after 70 s of nothing.
    await page.clock.fastForward(70_000);
    expect(await page.getByTestId('citizen-name').count()).toBe(1);
    await page.getByRole('button', { name: '退出' }).click();
    await takeCardBack(page, k.host);
    // The next citizen starts in the standard mode.
    expect(await page.locator('.kiosk.elder').count()).toBe(0);
    await context.close();
  });

  for (const [name, viewport] of [
    ['portrait 1080×1920', PORTRAIT],
    ['landscape 1920×1080', LANDSCAPE],
  ] as const) {
    it(`fits ${name}: no sideways scrolling, every tile on screen`, async () => {
      const { page, context } = await k.openKiosk({ viewport });
      await startVisitWithoutCard(page);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      const offscreen = await page
        .locator('button.tile[data-flow]')
        .evaluateAll((els) => els.filter((el) => el.getBoundingClientRect().bottom > window.innerHeight).length);
      expect(offscreen).toBe(0);
      await context.close();
    });
  }

  it('speaks its prompts (speech output stubbed: headless Chromium has no voices) and the mute button silences it', async () => {
    const { page, context } = await k.openKiosk({ beforeLoad: (p) => stubSpeech(p) });
    const spoken = async () => (await spokenOn(page)).map((u) => `${u.lang}:${u.text}`);
    await startVisitWithCard(page, k.host);
    await expect.poll(spoken).toContain('zh-CN:请选择要办理的业务。');
    // Never a name: the greeting on screen is not read out.
    expect((await spoken()).join()).not.toContain('张');

    await page.getByRole('button', { name: '关闭语音' }).click();
    const before = (await spoken()).length;
    await openFlow(page, 'ticket');
    await page.getByRole('button', { name: /企业开办/ }).click();
    await page.getByTestId('ticket-number').waitFor();
    expect((await spoken()).length).toBe(before);
    // End the visit, so the host's card session does not greet the next test's page.
    await page.getByRole('button', { name: '完成' }).click();
    await expect.poll(() => k.host.identity.view()).toBeNull();
    await takeCardBack(page, k.host);
    await context.close();
  });

  it('a visit that ends with the ID card on the reader asks for it back, aloud, until it is taken', async () => {
    const { page, context } = await k.openKiosk({ beforeLoad: (p) => stubSpeech(p) });
    const spoken = async () => (await spokenOn(page)).map((u) => u.text);
    // (张三 took this service's ticket in an earlier test: one ticket per card per service.)
    await startVisitWithCard(page, k.host, 'liXiaohong');
    await openFlow(page, 'ticket');
    await page.getByRole('button', { name: /企业开办/ }).click();
    await page.getByTestId('ticket-number').waitFor();
    // The ticket screen already says it while the card lies there.
    expect(await page.getByTestId('take-card-note').textContent()).toContain('请取回您的身份证');

    await page.getByRole('button', { name: '完成' }).click();
    await page.getByTestId('take-card').waitFor();
    expect(await page.getByTestId('take-card').textContent()).toContain('请取回您的身份证');
    await expect.poll(spoken).toContain('请取回您的身份证。');
    // (The demo panel lists its invented cards by masked name: only the kiosk's own screen counts.)
    for (const part of ['.kiosk-main', '.kiosk-header', '.take-card'])
      expect(await page.locator(part).innerText()).not.toContain('李');
    expect(await seriousViolations(page)).toEqual([]);
    // Touching the screen starts nothing while the card is there, and the page is no attract screen.
    await page.getByTestId('take-card').click();
    expect(await page.getByTestId('attract').count()).toBe(0);
    expect(await page.getByTestId('citizen-name').count()).toBe(0);

    // Taking the card: the attract screen; the next visit starts with a card laid down after that.
    k.host.devices.placeSimulatedCard(null);
    await page.getByTestId('attract').waitFor();
    k.host.devices.placeSimulatedCard('zhangSan');
    await expect.poll(() => page.getByTestId('citizen-name').textContent()).toBe('您好，张*');
    await page.getByRole('button', { name: '退出' }).click();
    await takeCardBack(page, k.host);
    await context.close();
  });

  it('a kiosk reloaded while a card lies on the reader after its visit still asks for it', async () => {
    const { page, context } = await k.openKiosk();
    await startVisitWithCard(page, k.host);
    await page.getByRole('button', { name: '退出' }).click();
    await page.getByTestId('take-card').waitFor();
    await page.reload();
    await page.getByTestId('take-card').waitFor();
    await takeCardBack(page, k.host);
    await context.close();
  });

  it("a second kiosk page on the same host neither shows nor ends the citizen's visit, and takes over when the first closes", async () => {
    const installClock = async (p: Page) => {
      await p.clock.install();
      await p.clock.resume();
    };
    const kiosk = await k.openKiosk();
    await startVisitWithCard(kiosk.page, k.host);
    // A technician previews /kiosk on a laptop: refused with a clear message, no citizen shown.
    const preview = await k.openKiosk({ beforeLoad: installClock });
    await preview.page.getByTestId('kiosk-seat-taken').waitFor();
    expect(await preview.page.getByTestId('kiosk-seat-taken').textContent()).toContain('本机的自助终端已在另一个页面运行');
    for (const part of ['.kiosk-main', '.kiosk-header'])
      expect(await preview.page.locator(part).innerText()).not.toContain('张*');
    expect(await seriousViolations(preview.page)).toEqual([]);
    // Its idle time passes many times over: the citizen at the real kiosk keeps their visit.
    await preview.page.clock.fastForward(5 * 60_000);
    expect(await kiosk.page.getByTestId('citizen-name').textContent()).toBe('您好，张*');
    expect(k.host.identity.view()).not.toBeNull();

    // The real kiosk's page closes: the preview takes over, and it is the kiosk now (the card is still there).
    await kiosk.context.close();
    await expect.poll(() => preview.page.getByTestId('kiosk-seat-taken').count()).toBe(0);
    await preview.page.getByTestId('citizen-name').waitFor();
    await preview.page.getByRole('button', { name: '退出' }).click();
    await takeCardBack(preview.page, k.host);
    await preview.context.close();
  });

  it('switches to English and back; the language follows the citizen, not a hard-coded string', async () => {
    const { page, context } = await k.openKiosk();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByText('Touch the screen to start').waitFor();
    await startVisitWithoutCard(page);
    expect(await page.locator('button.tile[data-flow="guide"]').textContent()).toContain('Service guide');
    await context.close();
  });
});
