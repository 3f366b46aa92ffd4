import type { Page } from 'playwright-core';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { simulatedCards } from '../../hardware/idcard';
import { HallSettings } from '../../contracts/hall-settings';
import { KioskPromptSpeechQuery, type KioskPromptKey } from '../../contracts/kiosk-prompts';
import { signIn } from '../support/staff';
import { openFlow, useKioskHarness, startVisitWithCard, startVisitWithoutCard, takeCardBack } from '../support/kiosk-harness';
import { audioPlaysOn, recordAudioPlays, spokenOn, stubSpeech } from './support/speech-stub';

const ESPEAK = (spawnSync('which', ['espeak-ng'], { encoding: 'utf8' }).stdout ?? '').trim();
const NO_ESPEAK =
  'SKIPPED: espeak-ng is not installed (apt-get install espeak-ng, as .ci/run does): the kiosk’s host-rendered voice is NOT tested';

/** The card's holder: none of this may ever be said, or sent to the host for speech. */
const CARD = simulatedCards.zhangSan;
/** What the citizen types in the case form below: not to be said either. */
const TYPED = { phone: '13800138000', company: '示例星辰科技有限公司', address: '示例市和平区创业路8号' };
const PERSONAL = [
  CARD.name,
  CARD.name.slice(1),
  CARD.idNumber,
  CARD.idNumber.slice(-6),
  CARD.address,
  '幸福路',
  '张*',
  TYPED.phone,
  TYPED.company,
  '星辰',
  TYPED.address,
  '创业路',
];

describe('the kiosk’s voice', () => {
  const k = useKioskHarness({}, { closePagesAfterEach: true });

  /** Sets the hall's kiosk voice volume as a technician does in the console. */
  async function setHallVolume(volumePercent: number): Promise<void> {
    const tech = await signIn(k.host.app, '8001');
    const settings = HallSettings.parse((await k.host.app.inject({ url: '/api/v1/hall/settings', headers: tech })).json());
    const res = await k.host.app.inject({
      method: 'PUT',
      url: '/api/v1/hall/settings',
      headers: tech,
      payload: { ...settings, kioskVoice: { volumePercent } },
    });
    expect(res.statusCode, res.body).toBe(200);
  }

  /**
   * A whole visit with the card: the home tiles, a ticket, 企业开办 filed with a phone, a company
   * name and an address typed, the receipt, then 退出 with the card left on the reader.
   */
  async function visitWithCard(page: Page, service: number, heard: (key: KioskPromptKey) => Promise<void>): Promise<void> {
    await startVisitWithCard(page, k.host, 'zhangSan');
    await heard('home');
    await openFlow(page, 'ticket');
    // (One ticket per card and service: each visit takes another service's.)
    await page.locator('.services .tile:not([disabled])').nth(service).click();
    await page.getByTestId('ticket-number').waitFor();
    await heard('ticketTaken');
    await page.locator('.flow-bar button').first().click();
    await page.getByTestId('citizen-name').waitFor();

    await openFlow(page, 'case');
    await page.getByRole('button', { name: '申报「企业开办一站式办理」' }).click();
    await page.locator('.case-form').waitFor();
    await page.getByLabel('联系电话').fill(TYPED.phone);
    await page.getByLabel('拟设企业名称').fill(TYPED.company);
    await page.getByLabel('住所').fill(TYPED.address);
    await page.locator('[data-testid="osk"] [data-skbtn="{done}"]').click();
    await page.getByRole('button', { name: '有限责任公司' }).click();
    await page.getByRole('button', { name: '建设银行' }).click();
    await page.getByRole('button', { name: '下一步' }).click();
    await page.locator('.case-materials').waitFor();
    await page.getByRole('button', { name: '下一步' }).click();
    await page.locator('.case-confirm').waitFor();
    await page.getByRole('button', { name: '确认提交' }).click();
    await page.locator('.case-done').waitFor();
    // The receipt printed (or not): its prompt is the last of the form.
    await expect.poll(async () => (await page.locator('.case-done').textContent()) ?? '').toMatch(/回执/);

    await page.locator('.flow-bar button').nth(1).click();
    await takeCardBack(page, k.host);
  }

  it('never says, nor sends for speech, anything from the card or what the citizen typed (browser voice stubbed)', async () => {
    const { page, context } = await k.openKiosk({ beforeLoad: (p) => stubSpeech(p) });
    const speechRequests: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/prompts/speech')) speechRequests.push(decodeURIComponent(request.url()));
    });
    // (The stand-in voice needs no waiting: each prompt is said as its screen opens.)
    await visitWithCard(page, 0, async () => undefined);
    const said = (await spokenOn(page)).map((u) => u.text);
    // The visit was spoken: home, the ticket, each step of the form, the card reminder.
    for (const prompt of ['请选择要办理的业务。', '请填写申报信息，身份证上的信息已自动填写。', '请取回您的身份证。'])
      expect(said).toContain(prompt);
    expect(said.some((text) => text.startsWith('您的号码是'))).toBe(true);
    for (const text of [...said, ...speechRequests]) for (const secret of PERSONAL) expect(text).not.toContain(secret);
    await context.close();
  });

  it.skipIf(!ESPEAK)(
    ESPEAK
      ? 'with no browser voice (real headless Chromium) every prompt of a visit is the host’s audio, asked by key, with nothing personal in the request'
      : `host audio for a whole visit — ${NO_ESPEAK}`,
    async () => {
      const { page, context } = await k.openKiosk({ beforeLoad: (p) => recordAudioPlays(p) });
      expect(await page.evaluate(() => speechSynthesis.getVoices().filter((v) => v.lang.startsWith('zh')).length)).toBe(0);
      const requests: string[] = [];
      page.on('request', (request) => {
        if (request.url().includes('/prompts/speech')) requests.push(request.url());
      });
      // A citizen's next tap cuts a prompt short: the test listens to the two with parameters to the end.
      const keys = () => requests.map((url) => new URL(url).searchParams.get('key'));
      await visitWithCard(page, 1, (key) => expect.poll(keys, { timeout: 20_000 }).toContain(key));
      await expect.poll(async () => (await audioPlaysOn(page)).length).toBeGreaterThanOrEqual(5);
      for (const url of requests) {
        const query = Object.fromEntries(new URL(url).searchParams);
        // A key and its closed-set parameter, nothing else: the route would refuse anything more.
        expect(KioskPromptSpeechQuery.safeParse(query).success, url).toBe(true);
        for (const secret of PERSONAL) expect(decodeURIComponent(url)).not.toContain(secret);
      }
      expect(keys()).toEqual(expect.arrayContaining(['home', 'ticketTaken', 'caseForm', 'caseConfirm', 'takeCard']));
      await context.close();
    },
  );

  it.skipIf(!ESPEAK)(
    ESPEAK
      ? 'with no browser voice the host’s audio plays the prompt at the hall’s volume; the citizen’s mute still silences it'
      : `host audio at the hall's volume — ${NO_ESPEAK}`,
    async () => {
      await setHallVolume(40);
      // The hall's info (its volume) comes late, as on a busy board: the first prompt waits for
      // it rather than sounding at full volume.
      const { page, context } = await k.openKiosk({
        beforeLoad: async (p) => {
          await recordAudioPlays(p);
          await p.route('**/api/v1/hall/info', async (route) => {
            await new Promise((resolve) => setTimeout(resolve, 3000));
            await route.continue();
          });
        },
      });
      await startVisitWithoutCard(page);
      await expect.poll(async () => (await audioPlaysOn(page)).filter((p) => p.ended).length, { timeout: 20_000 }).toBe(1);
      const [play] = await audioPlaysOn(page);
      const expected = `${k.base}/api/v1/kiosk/prompts/speech?key=home&lang=zh`;
      expect(play).toEqual({ src: expected, volume: 0.4, ended: true });
      const wav = await page.request.get(expected);
      expect(wav.headers()['content-type']).toBe('audio/wav');
      expect((await wav.body()).subarray(0, 4).toString('ascii')).toBe('RIFF');

      // Muted by the citizen: back home from a flow says nothing.
      await page.getByRole('button', { name: '关闭语音' }).click();
      await openFlow(page, 'guide');
      await page.locator('.flow-bar button').first().click();
      await page.getByTestId('citizen-name').waitFor();
      // Voice back on, on the home screen: the prompt is said again, once more.
      await page.getByRole('button', { name: '开启语音' }).click();
      await expect.poll(async () => (await audioPlaysOn(page)).length).toBe(2);

      await context.close();

      // A quiet hall at 0 %: nothing at all, with the voice on.
      await setHallVolume(0);
      const quiet = await k.openKiosk({ beforeLoad: (p) => recordAudioPlays(p) });
      const backHome = async () => {
        await openFlow(quiet.page, 'guide');
        await quiet.page.locator('.flow-bar button').first().click();
        await quiet.page.getByTestId('citizen-name').waitFor();
      };
      await startVisitWithoutCard(quiet.page);
      await backHome();
      // The hall turns it up again (the kiosk hears of it by the settings event): the next home
      // prompt plays, so the silence before was the setting's, not a prompt still on its way.
      await setHallVolume(100);
      const before = await audioPlaysOn(quiet.page);
      await expect
        .poll(async () => {
          await backHome();
          return (await audioPlaysOn(quiet.page)).length;
        })
        .toBeGreaterThan(0);
      expect(before).toEqual([]);
      expect((await audioPlaysOn(quiet.page))[0]?.volume).toBe(1);
      await quiet.context.close();
    },
  );
});
