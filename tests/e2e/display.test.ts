import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page, WebSocketRoute } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { announcementText } from '../../contracts/announcements';
import { HostConfig, type HostConfigInput } from '../../contracts/config';
import { CallNextResponse, type Call, WindowList } from '../../contracts/queue';
import { createHost, type Host } from '../../host/app';
import { launchChromium } from '../support/browser';
import { LANDSCAPE, PORTRAIT, seriousViolations, startKioskHarness, type KioskHarness } from '../support/kiosk-harness';
import { TEST_PIN, testStaffSeeds } from '../support/staff';
import { ALL_DAY_HOURS, migrationsDir, rendererDir } from '../support/test-host';

/**
 * The hall display (/display) against the real host: calls made through the counter API appear on
 * the board and are announced; the board survives a dropped event stream and a host restart.
 * Headless Chromium has no speech voices, so most tests stub `speechSynthesis` (with one Mandarin
 * voice) and record what would have been said, with start and end times to prove nothing overlaps.
 */

interface Spoken {
  text: string;
  lang: string;
  start: number;
  end: number | null;
}

/** Runs in the page before its scripts: a speech synthesis with one zh-CN voice that records utterances. */
function stubSpeech(options: { needsActivation: boolean }) {
  const log: Spoken[] = [];
  let speaking = 0;
  let maxSpeaking = 0;
  let touched = false;
  window.addEventListener('pointerdown', () => (touched = true), true);
  class StubUtterance {
    lang = '';
    voice: unknown = null;
    rate = 1;
    onend: ((event: Event) => void) | null = null;
    onerror: ((event: { error: string }) => void) | null = null;
    constructor(readonly text: string) {}
  }
  const voices = [{ lang: 'zh-CN', name: '测试普通话', localService: true, default: true, voiceURI: 'stub-zh' }];
  const synth = {
    getVoices: () => voices,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    cancel: () => undefined,
    speak(utterance: StubUtterance) {
      // Chrome refuses speech before the page had a user gesture (unless an autoplay policy allows it).
      // (navigator.userActivation cannot tell: Playwright's own evaluations count as gestures.)
      if (options.needsActivation && !touched) {
        setTimeout(() => utterance.onerror?.({ error: 'not-allowed' }), 10);
        return;
      }
      const entry: Spoken = { text: utterance.text, lang: utterance.lang, start: performance.now(), end: null };
      log.push(entry);
      speaking += 1;
      maxSpeaking = Math.max(maxSpeaking, speaking);
      setTimeout(() => {
        speaking -= 1;
        entry.end = performance.now();
        utterance.onend?.(new Event('end'));
      }, 300);
    },
  };
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
  Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: StubUtterance, configurable: true });
  Object.assign(window, { spokenLog: log, maxSpeaking: () => maxSpeaking });
}

const spoken = (page: Page) => page.evaluate(() => (window as unknown as { spokenLog: Spoken[] }).spokenLog);
const spokenTexts = async (page: Page) => (await spoken(page)).map((s) => s.text);
const maxSpeaking = (page: Page) => page.evaluate(() => (window as unknown as { maxSpeaking: () => number }).maxSpeaking());
/** Screens follow events within a second or two; speech takes a few seconds per call. */
const SOON = { timeout: 10_000 };
const say = (call: Call) => announcementText(call.ticketNumber, call.windowNumber);

/** Each utterance starts after the previous one ended: nobody talks over anybody. */
function expectNoOverlap(log: Spoken[]): void {
  for (let i = 1; i < log.length; i += 1) {
    const before = log[i - 1];
    const now = log[i];
    if (!before || !now) continue;
    expect(before.end, `utterance ${i - 1} ended`).not.toBeNull();
    expect(now.start).toBeGreaterThanOrEqual(before.end ?? Number.POSITIVE_INFINITY);
  }
}

/** The counter API as staff use it: sign in at a window, call the next ticket, recall, finish. */
class Counter {
  private headers: Record<string, string> = {};
  constructor(
    private readonly base: () => string,
    readonly windowId: number,
    private readonly staffNo: string,
  ) {}

  private async post(path: string, body?: unknown): Promise<Response> {
    return fetch(`${this.base()}/api/v1${path}`, {
      method: 'POST',
      headers: { ...this.headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? null : JSON.stringify(body),
    });
  }

  async signIn(): Promise<this> {
    const res = await this.post('/auth/sign-in', { staffNo: this.staffNo, pin: TEST_PIN, windowId: this.windowId });
    if (!res.ok) throw new Error(`sign-in ${this.staffNo}: ${res.status} ${await res.text()}`);
    const { token } = (await res.json()) as { token: string };
    this.headers = { authorization: `Bearer ${token}` };
    return this;
  }

  /** Finishes whoever is at the window, then calls the next waiting ticket. */
  async callNext(): Promise<Call> {
    await this.post(`/windows/${this.windowId}/finish`, { outcome: 'done' });
    const res = await this.post(`/windows/${this.windowId}/call-next`);
    if (!res.ok) throw new Error(`call-next at ${this.windowId}: ${res.status} ${await res.text()}`);
    return CallNextResponse.parse(await res.json()).call;
  }

  async recall(): Promise<Call> {
    const res = await this.post(`/windows/${this.windowId}/recall`);
    if (!res.ok) throw new Error(`recall: ${res.status} ${await res.text()}`);
    return CallNextResponse.parse(await res.json()).call;
  }
}

async function issue(base: string, serviceCode: string): Promise<void> {
  const res = await fetch(`${base}/api/v1/tickets`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ serviceCode, withIdentity: false }),
  });
  if (res.status !== 201) throw new Error(`issue ${serviceCode}: ${res.status} ${await res.text()}`);
}

async function windowId(base: string, number: number): Promise<number> {
  const list = WindowList.parse(await (await fetch(`${base}/api/v1/windows`)).json());
  const found = list.windows.find((w) => w.number === number);
  if (!found) throw new Error(`no window ${number}`);
  return found.id;
}

const ESPEAK = (spawnSync('which', ['espeak-ng'], { encoding: 'utf8' }).stdout ?? '').trim();
const NO_ESPEAK =
  'SKIPPED: espeak-ng is not installed (apt-get install espeak-ng, as .ci/run does): the host-rendered voice is NOT tested';

describe('hall display', () => {
  let k: KioskHarness;
  let window1: Counter;
  let window3: Counter;

  beforeAll(async () => {
    const seeds = await testStaffSeeds();
    const staffPin = seeds[0]?.pinHash ?? '';
    k = await startKioskHarness({
      config: {
        hallName: '测试市政务服务中心',
        staff: [...seeds, { staffNo: '1003', name: '社保窗口', role: 'staff', pinHash: staffPin }],
        display: { announceRepeat: 2, voice: 'browser', recentCalls: 6 },
      },
    });
    window1 = await new Counter(() => k.base, await windowId(k.base, 1), '1001').signIn();
    window3 = await new Counter(() => k.base, await windowId(k.base, 3), '1003').signIn();
  });
  afterAll(async () => {
    await k?.dispose();
  });

  async function openDisplay(
    options: {
      viewport?: { width: number; height: number };
      speech?: 'stub' | 'stub-needs-gesture' | 'none';
      reducedMotion?: boolean;
      beforeLoad?: (page: Page) => Promise<unknown>;
    } = {},
  ) {
    const context = await k.browser.newContext({
      viewport: options.viewport ?? LANDSCAPE,
      locale: 'zh-CN',
      reducedMotion: options.reducedMotion ? 'reduce' : 'no-preference',
    });
    const page = await context.newPage();
    const speech = options.speech ?? 'stub';
    if (speech !== 'none') await page.addInitScript(stubSpeech, { needsActivation: speech === 'stub-needs-gesture' });
    if (options.beforeLoad) await options.beforeLoad(page);
    await page.goto(`${k.base}/display`);
    await page.getByTestId('hall-display').waitFor();
    await expect.poll(() => page.locator('.hd-header h1').textContent(), SOON).toBe('测试市政务服务中心');
    await page.getByTestId('waiting-counts').locator('li').first().waitFor();
    return { page, context };
  }

  const waitingCount = (page: Page, service: string) =>
    page.locator(`[data-service="${service}"] .hd-waiting-count`).textContent();

  it('a call at the counter shows on the board: number → window, the sentence, and one fewer waiting', async () => {
    const { page, context } = await openDisplay();
    await issue(k.base, 'business-startup');
    await expect.poll(() => waitingCount(page, 'business-startup'), SOON).toBe('1人');
    await expect.poll(() => page.getByTestId('latest-call').textContent(), SOON).toContain('请留意叫号信息');

    const call = await window1.callNext();
    await expect.poll(() => page.getByTestId('current-number').textContent(), SOON).toBe(call.ticketNumber);
    expect(await page.getByTestId('current-window').textContent()).toBe('1号窗口');
    expect(await page.getByTestId('latest-call').textContent()).toContain(`请 ${call.ticketNumber} 号到 1 号窗口办理`);
    await expect.poll(() => waitingCount(page, 'business-startup'), SOON).toBe('0人');
    // The hall's clock in its time zone, in the header.
    expect(await page.locator('.hd-header time').textContent()).toMatch(/\d{1,2}:\d{2}/);
    await context.close();
  });

  it('speech output is stubbed (headless Chromium has no voices): each call is said in Chinese, twice', async () => {
    const { page, context } = await openDisplay();
    await issue(k.base, 'business-startup');
    const call = await window1.callNext();
    await expect.poll(() => spokenTexts(page), SOON).toEqual([say(call), say(call)]);
    expect(say(call)).toMatch(/^请A零零\S号，到一号窗口办理$/);
    const log = await spoken(page);
    expect(log.map((s) => s.lang)).toEqual(['zh-CN', 'zh-CN']);
    expectNoOverlap(log);
    await context.close();
  });

  it('two windows call a second apart (speech stubbed): the newest is large, the other flashes in the list, both said in order without overlap', async () => {
    const { page, context } = await openDisplay();
    await issue(k.base, 'business-startup');
    await issue(k.base, 'social-security');
    const first = await window1.callNext();
    const second = await window3.callNext();

    await expect.poll(() => page.getByTestId('current-number').textContent(), SOON).toBe(second.ticketNumber);
    expect(await page.getByTestId('current-window').textContent()).toBe('3号窗口');
    const firstRow = page.getByTestId('recent-calls').locator('li').first();
    expect(await firstRow.textContent()).toContain(first.ticketNumber);
    expect(await firstRow.textContent()).toContain('1号窗口');
    expect(await firstRow.getAttribute('class')).toContain('is-fresh');

    await expect.poll(() => spokenTexts(page), { timeout: 10_000 }).toEqual([say(first), say(first), say(second), say(second)]);
    expectNoOverlap(await spoken(page));
    expect(await maxSpeaking(page)).toBe(1);

    // The flashing stops after a few seconds; the call stays listed.
    await expect.poll(() => firstRow.getAttribute('class'), { timeout: 15_000 }).toBeNull();
    expect(await firstRow.textContent()).toContain(first.ticketNumber);
    await context.close();
  });

  it('a recall (speech stubbed) puts the ticket back on top marked 重呼 and says it twice again', async () => {
    const { page, context } = await openDisplay();
    await issue(k.base, 'business-startup');
    const call = await window1.callNext();
    await expect.poll(() => spokenTexts(page), SOON).toEqual([say(call), say(call)]);
    const recall = await window1.recall();
    expect(recall.recall).toBe(1);

    await expect.poll(() => page.getByTestId('current-number').textContent(), SOON).toBe(call.ticketNumber);
    expect(await page.getByTestId('latest-call').locator('.hd-badge').textContent()).toBe('重呼');
    await expect.poll(async () => (await spokenTexts(page)).filter((t) => t === say(call)).length, { timeout: 10_000 }).toBe(4);
    expectNoOverlap(await spoken(page));
    await context.close();
  });

  it('the event stream drops (speech stubbed): a call made while the board was cut off appears after it reconnects, and is said', async () => {
    let cut = false;
    let refused = 0;
    const open: WebSocketRoute[] = [];
    const { page, context } = await openDisplay({
      beforeLoad: (p) =>
        Promise.all([
          p.routeWebSocket(/\/api\/v1\/events/, (ws) => {
            // While cut, every reconnect attempt is closed at once, as a dead network would.
            if (cut) {
              refused += 1;
              void ws.close();
              return;
            }
            ws.connectToServer();
            open.push(ws);
          }),
          // A dead network takes the board's reload with it: a refused stream can look open for an
          // instant (the board then reloads its calls), and that reload must fail too.
          p.route(/\/api\/v1\/calls\/recent/, (route) => (cut ? route.abort('internetdisconnected') : route.continue())),
        ]),
    });
    await expect.poll(() => open.length, SOON).toBeGreaterThan(0);
    await expect.poll(() => page.getByRole('alert').count(), SOON).toBe(0);

    cut = true;
    for (const ws of open.splice(0)) await ws.close();
    await expect.poll(() => page.getByRole('alert').textContent(), SOON).toBeTruthy();

    await issue(k.base, 'social-security');
    const missed = await window3.callNext();
    // The board tried the stream again after the call and was turned away: it had its chance to
    // hear of the call and did not (an event, not a guessed second, ends this wait).
    const refusedAtCall = refused;
    await expect.poll(() => refused, { timeout: 20_000 }).toBeGreaterThan(refusedAtCall);
    expect(await page.getByTestId('current-number').textContent()).not.toBe(missed.ticketNumber);

    cut = false;
    await expect.poll(() => page.getByTestId('current-number').textContent(), { timeout: 20_000 }).toBe(missed.ticketNumber);
    expect(await page.getByTestId('current-window').textContent()).toBe('3号窗口');
    await expect.poll(() => spokenTexts(page), SOON).toEqual([say(missed), say(missed)]);
    await expect.poll(() => page.getByRole('alert').count(), SOON).toBe(0);
    await context.close();
  });

  /** The supervisor (9001) publishes a notice, as on the technician console. */
  async function publishNotice(title: string, body: string): Promise<void> {
    const sign = await fetch(`${k.base}/api/v1/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ staffNo: '9001', pin: TEST_PIN }),
    });
    const { token } = (await sign.json()) as { token: string };
    const res = await fetch(`${k.base}/api/v1/notices`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ title, body }),
    });
    expect(res.status).toBe(201);
  }

  it('shows a notice a supervisor publishes in the 通知公告 ticker', async () => {
    const { page, context } = await openDisplay();
    await publishNotice('午间延时服务', '工作日 12:00–14:00 设午休值班窗口，企业开办、社保业务照常办理。');
    const ticker = page.getByTestId('notice-ticker');
    await expect.poll(() => ticker.textContent(), SOON).toContain('【午间延时服务】工作日 12:00–14:00 设午休值班窗口');
    expect(await ticker.getByRole('heading').textContent()).toBe('通知公告');
    await context.close();
  });

  it('when the browser blocks sound (speech stubbed, gesture required) it asks for a touch, then says the held call', async () => {
    const { page, context } = await openDisplay({ speech: 'stub-needs-gesture' });
    await issue(k.base, 'business-startup');
    const call = await window1.callNext();
    const button = page.getByTestId('enable-sound');
    await button.waitFor();
    expect(await button.textContent()).toContain('点击屏幕任意位置，开启语音叫号');
    expect(await spokenTexts(page)).toEqual([]);
    await button.click();
    await expect.poll(() => spokenTexts(page), SOON).toEqual([say(call), say(call)]);
    await expect.poll(() => button.count(), SOON).toBe(0);
    await context.close();
  });

  it.skipIf(!ESPEAK)(
    ESPEAK
      ? 'without a Chinese browser voice (real headless Chromium), the host’s espeak-ng audio plays in an <audio> element, twice, one after the other'
      : `host audio fallback — ${NO_ESPEAK}`,
    async () => {
      const { page, context } = await openDisplay({
        speech: 'none',
        beforeLoad: (p) =>
          p.addInitScript(() => {
            // Records each real playback of the <audio> element (start, src, end) without changing it.
            const plays: { src: string; start: number; end: number | null }[] = [];
            Object.assign(window, { audioPlays: plays });
            const play = HTMLMediaElement.prototype.play;
            HTMLMediaElement.prototype.play = function (this: HTMLMediaElement) {
              const entry = { src: this.src, start: performance.now(), end: null as number | null };
              plays.push(entry);
              this.addEventListener('ended', () => (entry.end = performance.now()), { once: true });
              return play.call(this);
            };
          }),
      });
      expect(await page.evaluate(() => speechSynthesis.getVoices().filter((v) => v.lang.startsWith('zh')).length)).toBe(0);
      await issue(k.base, 'business-startup');
      const call = await window1.callNext();
      const plays = () =>
        page.evaluate(
          () => (window as unknown as { audioPlays: { src: string; start: number; end: number | null }[] }).audioPlays,
        );
      await expect.poll(async () => (await plays()).filter((p) => p.end !== null).length, { timeout: 20_000 }).toBe(2);
      const played = await plays();
      const expected = `${k.base}/api/v1/announcements/speech?text=${encodeURIComponent(say(call))}`;
      expect(played.map((p) => p.src)).toEqual([expected, expected]);
      expect(played[1]?.start).toBeGreaterThanOrEqual(played[0]?.end ?? Number.POSITIVE_INFINITY);
      const wav = await page.request.get(expected);
      expect(wav.headers()['content-type']).toBe('audio/wav');
      expect((await wav.body()).subarray(0, 4).toString('ascii')).toBe('RIFF');
      await context.close();
    },
  );

  describe('layout', () => {
    /**
     * How long a board may take to fill and settle on a loaded machine (two busy cores, another
     * browser running axe): waits end as soon as the state is there, so a long bound costs nothing.
     */
    const SETTLE = { timeout: 30_000 };

    beforeAll(async () => {
      // A full board: six listed calls under the current one.
      for (let i = 0; i < 7; i += 1) await issue(k.base, 'business-startup');
      for (let i = 0; i < 7; i += 1) await window1.callNext();
      // The ticker shows only with a notice: publish one here rather than rely on an earlier test.
      await publishNotice('布局测试', '通知公告栏的布局测试。');
    });

    async function measure(viewport: { width: number; height: number }) {
      const { page, context } = await openDisplay({ viewport, reducedMotion: true });
      await expect.poll(() => page.getByTestId('recent-calls').locator('li').count(), SETTLE).toBe(6);
      await expect.poll(() => page.getByTestId('notice-ticker').count(), SETTLE).toBe(1);
      // A settled layout, not a moment of it: every font loaded and the same geometry in two
      // consecutive animation frames (a box read while a font or the clock was still arriving
      // once put the 4K number 14 px off).
      const facts = await page.evaluate(async () => {
        const box = (selector: string) => {
          const el = document.querySelector(selector);
          if (!el) throw new Error(`missing ${selector}`);
          const r = el.getBoundingClientRect();
          return { x: r.x, y: r.y, width: r.width, height: r.height, font: parseFloat(getComputedStyle(el).fontSize) };
        };
        const read = () => ({
          overflowing: ['.hd-current', '.hd-recent', '.hd-waiting', '.hall-display'].filter((s) => {
            const el = document.querySelector(s);
            return !el || el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1;
          }),
          boxes: {
            header: box('.hd-header h1'),
            current: box('.hd-current'),
            number: box('.hd-current-number'),
            window: box('.hd-current-window'),
            recent: box('.hd-recent'),
            recentNumber: box('.hd-recent li .hd-recent-number'),
            recentWindow: box('.hd-recent li .hd-recent-window'),
            waiting: box('.hd-waiting'),
            serviceName: box('.hd-waiting-name'),
            serviceCount: box('.hd-waiting-count'),
            ticker: box('.hd-ticker'),
          },
        });
        const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
        let before = '';
        // At 60 frames a second, up to half a minute; a board still moving by then is a failure.
        for (let i = 0; i < 1800; i += 1) {
          await document.fonts.ready;
          await frame();
          const now = read();
          const text = JSON.stringify(now);
          if (text === before && document.fonts.status === 'loaded') return now;
          before = text;
        }
        throw new Error(`the board never settled: ${before}`);
      });
      return { page, context, ...facts };
    }

    type Box = { x: number; y: number; width: number; height: number };
    const inside = (inner: Box, outer: Box) =>
      inner.x >= outer.x - 1 &&
      inner.y >= outer.y - 1 &&
      inner.x + inner.width <= outer.x + outer.width + 1 &&
      inner.y + inner.height <= outer.y + outer.height + 1;
    const apart = (a: Box, b: Box) =>
      a.y + a.height <= b.y + 1 || b.y + b.height <= a.y + 1 || a.x + a.width <= b.x + 1 || b.x + b.width <= a.x + 1;

    it('1920×1080: type sized for 10 m, nothing cut off, no serious accessibility problem', async () => {
      const { page, context, overflowing, boxes } = await measure(LANDSCAPE);
      expect(overflowing).toEqual([]);
      // Pixel sizes the stylesheet promises (display.css): the call ≥ 190 px, listed numbers ≥ 80 px…
      expect(boxes.number.font).toBeGreaterThanOrEqual(190);
      expect(boxes.window.font).toBeGreaterThanOrEqual(105);
      expect(boxes.recentNumber.font).toBeGreaterThanOrEqual(80);
      expect(boxes.recentWindow.font).toBeGreaterThanOrEqual(65);
      expect(boxes.serviceCount.font).toBeGreaterThanOrEqual(65);
      expect(boxes.serviceName.font).toBeGreaterThanOrEqual(36);
      expect(boxes.header.font).toBeGreaterThanOrEqual(50);
      // Number and window on one line, both inside the current-call panel.
      expect(Math.abs(boxes.number.y + boxes.number.height / 2 - (boxes.window.y + boxes.window.height / 2))).toBeLessThan(60);
      expect(inside(boxes.number, boxes.current)).toBe(true);
      expect(inside(boxes.window, boxes.current)).toBe(true);
      const screen = { x: 0, y: 0, ...LANDSCAPE };
      for (const b of [boxes.current, boxes.recent, boxes.waiting, boxes.ticker]) expect(inside(b, screen)).toBe(true);
      expect(
        apart(boxes.current, boxes.recent) && apart(boxes.current, boxes.waiting) && apart(boxes.recent, boxes.waiting),
      ).toBe(true);
      expect(await seriousViolations(page)).toEqual([]);
      await context.close();
    });

    it('3840×2160 shows the same board at twice the pixels', async () => {
      const hd = await measure(LANDSCAPE);
      const uhd = await measure({ width: 3840, height: 2160 });
      for (const key of Object.keys(hd.boxes) as (keyof typeof hd.boxes)[]) {
        const a = hd.boxes[key];
        const b = uhd.boxes[key];
        for (const dim of ['x', 'y', 'width', 'height', 'font'] as const) {
          expect(Math.abs(b[dim] - 2 * a[dim]), `${key}.${dim}: ${a[dim]} → ${b[dim]}`).toBeLessThanOrEqual(
            Math.max(4, a[dim] * 0.03),
          );
        }
      }
      expect(uhd.overflowing).toEqual([]);
      await hd.context.close();
      await uhd.context.close();
    });

    it('1080×1920 portrait: one column, the current call on top, everything on screen, no serious accessibility problem', async () => {
      const { page, context, overflowing, boxes } = await measure(PORTRAIT);
      expect(overflowing).toEqual([]);
      const screen = { x: 0, y: 0, ...PORTRAIT };
      for (const b of [boxes.current, boxes.recent, boxes.waiting, boxes.ticker]) expect(inside(b, screen)).toBe(true);
      expect(boxes.current.y).toBeLessThan(boxes.recent.y);
      expect(boxes.recent.y).toBeLessThan(boxes.waiting.y);
      expect(apart(boxes.current, boxes.recent) && apart(boxes.recent, boxes.waiting)).toBe(true);
      expect(inside(boxes.number, boxes.current) && inside(boxes.window, boxes.current)).toBe(true);
      expect(boxes.number.font).toBeGreaterThanOrEqual(190);
      expect(boxes.recentNumber.font).toBeGreaterThanOrEqual(70);
      expect(await seriousViolations(page)).toEqual([]);
      await context.close();
    });
  });
});

/**
 * The host goes away and comes back on the same port with the same database (a power cut, an
 * update). The board reconnects; the new host's different bootId makes it reload, and a call made
 * on the new host before the board was back is shown and said.
 */
describe('hall display across a host restart', () => {
  let browser: Browser;
  let dataDir: string;
  let host: Host | undefined;
  let config: HostConfig;

  async function boot(): Promise<Host> {
    return createHost({
      environment: 'test',
      config,
      migrationsDir,
      rendererDir,
      dbFile: join(dataDir, 'hall.sqlite'),
      secretFile: join(dataDir, 'install-secret'),
      logLevel: 'silent',
    });
  }

  async function signedIn(h: Host, staffNo: string, windowNumber: number): Promise<Record<string, string>> {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { staffNo, pin: TEST_PIN, windowId: windowNumber },
    });
    return { authorization: `Bearer ${(res.json() as { token: string }).token}` };
  }

  async function callAt(h: Host, headers: Record<string, string>, windowNumber: number, service: string): Promise<Call> {
    await h.app.inject({ method: 'POST', url: '/api/v1/tickets', payload: { serviceCode: service, withIdentity: false } });
    await h.app.inject({ method: 'POST', url: `/api/v1/windows/${windowNumber}/finish`, headers, payload: { outcome: 'done' } });
    const res = await h.app.inject({ method: 'POST', url: `/api/v1/windows/${windowNumber}/call-next`, headers });
    return CallNextResponse.parse(res.json()).call;
  }

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'hall-display-restart-'));
    const input: HostConfigInput = {
      staff: await testStaffSeeds(),
      devices: [],
      hours: ALL_DAY_HOURS,
      display: { announceRepeat: 2 },
      // Nothing listens there: the hall works without its central API.
      centralApi: { url: 'http://127.0.0.1:9', timeoutMs: 500 },
    };
    config = HostConfig.parse(input);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await host?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('reconnects to the restarted host and shows and says (speech stubbed) the call made while it was down', async () => {
    host = await boot();
    const base = await host.app.listen({ host: '127.0.0.1', port: 0 });
    const port = Number(new URL(base).port);
    // Window ids follow the seeded windows 1…5.
    const before = await callAt(host, await signedIn(host, '1001', 1), 1, 'business-startup');

    const context = await browser.newContext({ viewport: LANDSCAPE, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.addInitScript(stubSpeech, { needsActivation: false });
    await page.goto(`${base}/display`);
    await expect.poll(() => page.getByTestId('current-number').textContent(), SOON).toBe(before.ticketNumber);

    await host.close();
    await expect.poll(() => page.getByRole('alert').count(), SOON).toBe(1);

    host = await boot();
    // Called on the new host before the board can reach it: only a reload can show it.
    const during = await callAt(host, await signedIn(host, '1001', 1), 1, 'business-startup');
    await host.app.listen({ host: '127.0.0.1', port });

    await expect.poll(() => page.getByTestId('current-number').textContent(), { timeout: 30_000 }).toBe(during.ticketNumber);
    expect(await page.getByTestId('recent-calls').locator('li').first().textContent()).toContain(before.ticketNumber);
    await expect.poll(() => spokenTexts(page), SOON).toEqual([say(during), say(during)]);
    await expect.poll(() => page.getByRole('alert').count(), SOON).toBe(0);
    await context.close();
  });
});
