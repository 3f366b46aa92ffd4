import { describe, expect, it } from 'vitest';
import {
  LANDSCAPE,
  openFlow,
  PORTRAIT,
  setElderMode,
  useKioskHarness,
  startVisitWithCard,
  startVisitWithoutCard,
} from '../support/kiosk-harness';

/** What one screen looks like at one size: measured in the page, judged here. */
interface ScreenFacts {
  /** Pixels the page is wider than the screen (sideways scrolling). */
  overflowX: number;
  /** The page, the kiosk's content area or the flow's scroll area scrolls vertically. */
  scrolls: boolean;
  /** Selectors of actions that are not wholly on screen and uncovered (off screen, under the header, the keyboard…). */
  hidden: string[];
  /** Selectors that matched nothing: a wrong selector must not pass as "nothing hidden". */
  missing: string[];
  /** Lines the hall name takes in the header. */
  titleLines: number;
}

/**
 * Runs in the page. An action is "in view" when it lies inside the window and a hit test at
 * its centre and near its top and bottom edges finds it: that catches content scrolled away,
 * content under the sticky header, and content under the docked keyboard or the countdown.
 */
function measure(selectors: string[]): ScreenFacts {
  const inView = (el: Element): boolean => {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) return false;
    if (r.left < 0 || r.top < 0 || r.right > window.innerWidth + 0.5 || r.bottom > window.innerHeight + 0.5) return false;
    const x = r.left + r.width / 2;
    const points = [r.top + r.height / 2, r.top + Math.min(4, r.height / 2), r.bottom - Math.min(4, r.height / 2)];
    return points.every((y) => {
      const hit = document.elementFromPoint(x, y);
      return hit !== null && (hit === el || el.contains(hit));
    });
  };
  const hidden: string[] = [];
  const missing: string[] = [];
  for (const selector of selectors) {
    const found = [...document.querySelectorAll(selector)];
    if (found.length === 0) missing.push(selector);
    found.forEach((el, index) => {
      if (!inView(el)) hidden.push(`${selector}[${index}] "${(el.textContent ?? '').trim().slice(0, 24)}"`);
    });
  }
  const root = document.documentElement;
  // The page, the kiosk's content area, or a flow's own scroll area.
  const scrolls =
    root.scrollHeight > window.innerHeight + 1 ||
    [...document.querySelectorAll('.kiosk-main, .kiosk-main .flow')].some((el) => el.scrollHeight > el.clientHeight + 1);
  // Lines of the hall name: the distinct tops of its text's line boxes.
  const title = document.querySelector('.kiosk-header h1');
  let titleLines = 0;
  if (title) {
    const range = document.createRange();
    range.selectNodeContents(title);
    titleLines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
  }
  // Sideways: the page, and the boxes that clip or scroll (the kiosk frame hides its overflow).
  const overflowX = Math.max(
    root.scrollWidth - window.innerWidth,
    ...[...document.querySelectorAll('.kiosk, .kiosk-header, .kiosk-main, .kiosk-main .flow')].map(
      (el) => el.scrollWidth - el.clientWidth,
    ),
  );
  return { overflowX, scrolls, hidden, missing, titleLines };
}

/** Keys of the docked keyboard that the idle countdown lies over. */
function keysUnderCountdown(): string[] {
  const box = document.querySelector('[data-testid="idle-countdown"]')?.getBoundingClientRect();
  if (!box) return ['(no countdown shown)'];
  return [...document.querySelectorAll('[data-testid="osk"] button')]
    .filter((key) => {
      const r = key.getBoundingClientRect();
      return r.left < box.right && r.right > box.left && r.top < box.bottom && r.bottom > box.top;
    })
    .map((key) => key.getAttribute('data-skbtn') ?? key.textContent ?? '?');
}

/** Scrolls the flow's own scroll area to its end. */
function scrollFlowToEnd(): void {
  const flow = document.querySelector('.kiosk-main .flow');
  if (flow) flow.scrollTop = flow.scrollHeight;
}

/**
 * Runs in the page: what is wrong with the case form's step bar. It must lie inside the window,
 * clear of the kiosk header's and the flow bar's boxes, and a hit test at every step's number and
 * label must find the step bar itself (nothing drawn over it, nothing of it scrolled away).
 */
function stepBarProblems(): string[] {
  const bar = document.querySelector('.case-steps');
  if (!bar) return ['no step bar'];
  const problems: string[] = [];
  const r = bar.getBoundingClientRect();
  if (r.height === 0) problems.push('the step bar has no height');
  if (r.top < 0 || r.bottom > window.innerHeight)
    problems.push(`the step bar (${Math.round(r.top)}–${Math.round(r.bottom)}) is off screen`);
  for (const selector of ['.kiosk-header', '.flow-bar']) {
    const cover = document.querySelector(selector)?.getBoundingClientRect();
    if (cover && cover.bottom > r.top + 0.5 && cover.top < r.bottom - 0.5)
      problems.push(`${selector} (ends at ${Math.round(cover.bottom)}) overlaps the step bar (starts at ${Math.round(r.top)})`);
  }
  const covered: string[] = [];
  for (const part of bar.querySelectorAll('.case-step-number, .case-step-label')) {
    const p = part.getBoundingClientRect();
    const hit = document.elementFromPoint(p.left + p.width / 2, p.top + p.height / 2);
    if (hit === null || !bar.contains(hit))
      covered.push(`${(part.textContent ?? '').trim()} (under ${hit ? hit.tagName.toLowerCase() : 'nothing'})`);
  }
  if (covered.length > 0) problems.push(`hidden: ${covered.join(', ')}`);
  return problems;
}

const FLOW_BAR = ['.flow-bar button'];

/**
 * Every kiosk screen at 1920×1080 and 1080×1920, in the standard print and in 长辈版: no
 * sideways scrolling; a screen either fits or keeps its actions (and 首页 / 退出) in view;
 * the step indicator is never under the sticky header; the idle countdown leaves the keyboard's
 * keys uncovered; the hall's name stays on one line. Then what the screens say: the 长辈版
 * switch, the bundle's promises, and the catalog in English.
 */
describe('kiosk layout', () => {
  const k = useKioskHarness({}, { closePagesAfterEach: true });

  const sizes = [
    ['landscape', LANDSCAPE],
    ['portrait', PORTRAIT],
  ] as const;

  it('every screen fits, or scrolls with its actions in view, at both sizes in both print modes', async () => {
    const problems: string[] = [];
    for (const [sizeName, viewport] of sizes) {
      const { page, context } = await k.openKiosk({
        viewport,
        // Page time under the test's control (the idle countdown), still flowing between jumps.
        beforeLoad: async (p) => {
          await p.clock.install();
          await p.clock.resume();
        },
      });
      for (const elder of [false, true]) {
        const where = `${sizeName} ${elder ? '长辈版' : 'standard'}`;
        const check = async (screen: string, actions: string[], opts: { mustFit?: boolean } = {}) => {
          for (const selector of actions) await page.locator(selector).first().waitFor({ state: 'attached' });
          const facts = await page.evaluate(measure, actions);
          const at = `${where} · ${screen}`;
          if (facts.overflowX > 0) problems.push(`${at}: ${facts.overflowX} px wider than the screen`);
          if (facts.missing.length > 0) problems.push(`${at}: nothing matches ${facts.missing.join(', ')}`);
          if (opts.mustFit && facts.scrolls) problems.push(`${at}: scrolls`);
          if (facts.hidden.length > 0) problems.push(`${at}: not in view: ${facts.hidden.join('; ')}`);
          if (facts.titleLines !== 1) problems.push(`${at}: the hall name takes ${facts.titleLines} lines`);
        };
        const home = async () => {
          await page.locator('.flow-bar button').first().click();
          await page.getByTestId('citizen-name').waitFor();
        };

        // Without a card: attract, home, the card gate, the service list and a ticket.
        await setElderMode(page, elder);
        await check('attract', ['.attract-start']);
        await startVisitWithoutCard(page);
        await check('home (no card)', ['button.tile[data-flow]', '.home > button.secondary'], { mustFit: true });
        // 预约签到 without a card: the appointment code is the way in.
        await openFlow(page, 'checkin');
        await page.locator('.card-gate button').click();
        await check('预约签到 (no card)', [...FLOW_BAR, '.checkin-type button[type="submit"]']);
        await home();
        await openFlow(page, 'ticket');
        await page.locator('.card-gate').waitFor();
        await check('card gate', [...FLOW_BAR, '.card-gate button'], { mustFit: true });
        await page.locator('.card-gate button').click();
        await page.locator('.services .tile').first().waitFor();
        await check('取号 services', [...FLOW_BAR, '.services .tile'], { mustFit: true });
        await page.locator('.services .tile:not([disabled])').first().click();
        await page.getByTestId('ticket-number').waitFor();
        await check('ticket done', [...FLOW_BAR, '.ticket .primary']);
        await page.locator('.ticket .primary').click();
        await page.getByTestId('attract').waitFor();

        // With a card: home, then every flow.
        await setElderMode(page, elder);
        await startVisitWithCard(page, k.host);
        await check('home (card)', ['button.tile[data-flow]', '.home > button.secondary'], { mustFit: true });

        await openFlow(page, 'case');
        await page.locator('.case-bundle').waitFor();
        const steps = ['.case-steps', ...FLOW_BAR];
        await check('办事申报 items', [...steps, '.case-bundle .primary']);
        await page.locator('.case-bundle .primary').click();
        await page.locator('.case-form').waitFor();
        await check('办事申报 form', [...steps, '.case-nav button']);
        // The keyboard docked over the form, and the idle countdown over both.
        await page.locator('[data-field-key="companyName"] input').click();
        await page.getByTestId('osk').waitFor();
        await page.clock.fastForward((elder ? 180 - 25 : 120 - 25) * 1000);
        await page.getByTestId('idle-countdown').waitFor();
        const covered = await page.evaluate(keysUnderCountdown);
        if (covered.length > 0) problems.push(`${where} · form: the idle countdown covers keys ${covered.join(' ')}`);
        await page.getByTestId('idle-countdown').locator('button').click();
        await page.getByTestId('idle-countdown').waitFor({ state: 'detached' });
        await page.locator('[data-field-key="companyName"] input').fill('示例星辰科技有限公司');
        await page.locator('[data-field-key="registeredAddress"] input').fill('示例市和平区创业路8号');
        await page.locator('[data-testid="osk"] [data-skbtn="{done}"]').click();
        await page.locator('[data-field-key="phone"] input').fill('13800138000');
        await page.locator('[data-testid="osk"] [data-skbtn="{done}"]').click();
        await page.locator('[data-field-key="companyType"] .case-option').first().click();
        await page.locator('[data-field-key="bank"] .case-option').first().click();
        await page.locator('.case-nav .primary').click();
        await page.locator('.case-materials').waitFor();
        await check('办事申报 materials', [...steps, '.case-nav button']);
        await page.locator('.case-nav .primary').click();
        await page.locator('.case-confirm').waitFor();
        await check('办事申报 confirm', [...steps, '.case-nav button']);
        await page.locator('.case-nav .primary').click();
        await page.locator('.case-done').waitFor();
        await check('办事申报 done', [...steps, '.case-done > .primary']);
        await home();

        await openFlow(page, 'progress');
        await page.locator('.progress-mine, .progress-lookup').first().waitFor();
        await check('进度查询', [...FLOW_BAR, '.progress-modes button']);
        await home();

        await openFlow(page, 'complaint');
        await page.locator('.complaint-item').waitFor();
        await check('营商诉求', ['.case-steps', ...FLOW_BAR, '.complaint-item .primary']);
        await home();

        // A window's service is rated with the ticket's QR under the scanner (the paper proves the
        // service); a case is picked from the card's or typed.
        await openFlow(page, 'evaluate');
        await check('服务评价', [...FLOW_BAR, '.evaluate-modes button', '.evaluate-find .scan-hint']);
        await page.locator('.evaluate-modes button').nth(1).click();
        await check('服务评价 (case)', [...FLOW_BAR, '.evaluate-form button[type="submit"]']);
        await home();

        await openFlow(page, 'guide');
        await page.locator('.guide-categories .tile').first().waitFor();
        await check('办事指南', [...FLOW_BAR, '.guide-tabs button', '.guide-categories .tile']);
        await page.locator('.guide-categories .tile[data-category="livelihood"]').click();
        await check('办事指南 items', [...FLOW_BAR, '.guide-back', '.guide-list .tile:first-child']);
        // The last item, scrolled to on a tall list: its page must still open at the top.
        await page.locator('.guide-list .tile').last().click();
        await page.getByTestId('guide-item').waitFor();
        await check('办事指南 item', [...FLOW_BAR, '.guide-back']);
        await home();

        await openFlow(page, 'steward');
        await check('服务管家', [...FLOW_BAR, '.steward-ask .primary']);
        await home();

        // With a card, checking in by the card comes first; typing the code is the fallback below it.
        await openFlow(page, 'checkin');
        await check('预约签到 (card)', [...FLOW_BAR, '.checkin-card .primary']);
        // The visit ends when the card is taken away.
        k.host.devices.placeSimulatedCard(null);
        await page.getByTestId('attract').waitFor();
      }
      await context.close();
    }
    expect(problems).toEqual([]);
  }, 600_000);

  it('the case form’s step bar stays whole and uncovered on every step, scrolled or not, at both sizes in both print modes', async () => {
    const problems: string[] = [];
    for (const [sizeName, viewport] of sizes) {
      const { page, context } = await k.openKiosk({ viewport });
      for (const elder of [false, true]) {
        const where = `${sizeName} ${elder ? '长辈版' : 'standard'}`;
        // On each screen at its top and scrolled to its end (as focusing a low field scrolls it).
        const check = async (screen: string) => {
          for (const scrolled of [false, true]) {
            if (scrolled) await page.evaluate(scrollFlowToEnd);
            const found = await page.evaluate(stepBarProblems);
            problems.push(...found.map((problem) => `${where} · ${screen}${scrolled ? ' (scrolled)' : ''}: ${problem}`));
          }
        };
        await setElderMode(page, elder);
        await startVisitWithCard(page, k.host);
        await openFlow(page, 'case');
        await page.locator('.case-bundle').waitFor();
        await check('items');
        await page.locator('.case-bundle .primary').click();
        await page.locator('.case-form').waitFor();
        await check('form');
        // The keyboard docked under the phone field, the form scrolled to show it: the screenshot's case.
        await page.locator('[data-field-key="phone"] input').click();
        await page.getByTestId('osk').waitFor();
        await check('form with the keyboard');
        await page.locator('[data-field-key="phone"] input').fill('13800138000');
        await page.locator('[data-field-key="companyName"] input').fill('示例星辰科技有限公司');
        await page.locator('[data-field-key="registeredAddress"] input').fill('示例市和平区创业路8号');
        await page.locator('[data-testid="osk"] [data-skbtn="{done}"]').click();
        await page.locator('[data-field-key="companyType"] .case-option').first().click();
        await page.locator('[data-field-key="bank"] .case-option').first().click();
        await page.locator('.case-nav .primary').click();
        await page.locator('.case-materials').waitFor();
        await check('materials');
        await page.locator('.case-nav .primary').click();
        await page.locator('.case-confirm').waitFor();
        await check('confirm');
        await page.locator('.case-nav .primary').click();
        await page.locator('.case-done').waitFor();
        await check('done');
        // A finished flow stays up when the card leaves: back home first, then the card ends the visit.
        await page.locator('.flow-bar button').first().click();
        await page.getByTestId('citizen-name').waitFor();
        k.host.devices.placeSimulatedCard(null);
        await page.getByTestId('attract').waitFor();
      }
      await context.close();
    }
    expect(problems).toEqual([]);
  }, 600_000);

  it('the 长辈版 switch keeps its name and shows whether it is on; the bundle’s promises are plain text, not buttons', async () => {
    const { page, context } = await k.openKiosk();
    const elderSwitch = page.getByRole('button', { name: '长辈版', exact: true });
    const state = page.locator('.kiosk-tools .elder-switch-state');
    expect(await elderSwitch.getAttribute('aria-pressed')).toBe('false');
    expect(await state.textContent()).toBe('关');
    await elderSwitch.click();
    await page.locator('.kiosk.elder').waitFor();
    // Switched on, it still says what it is (not "标准版", which read as the current state).
    expect(await elderSwitch.getAttribute('aria-pressed')).toBe('true');
    expect(await state.textContent()).toBe('开');
    expect(await page.getByRole('button', { name: '标准版' }).count()).toBe(0);
    await page.getByRole('button', { name: 'English' }).click();
    const largePrint = page.getByRole('button', { name: 'Large print', exact: true });
    expect(await largePrint.getAttribute('aria-pressed')).toBe('true');
    expect(await state.textContent()).toBe('On');
    await largePrint.click();
    expect(await largePrint.getAttribute('aria-pressed')).toBe('false');
    expect(await state.textContent()).toBe('Off');

    // 一次提交, 一个受理编号, the promised days: statements, drawn without a button's frame or shadow.
    await page.getByRole('button', { name: '中文' }).click();
    await startVisitWithCard(page, k.host);
    await openFlow(page, 'case');
    const promises = page.locator('.case-bundle-promise li');
    await promises.first().waitFor();
    expect(await page.locator('.case-bundle-promise').getByRole('button').count()).toBe(0);
    const looks = await promises.evaluateAll((items) =>
      items.map((li) => {
        const style = getComputedStyle(li);
        return {
          text: li.textContent,
          border: parseFloat(style.borderTopWidth) + parseFloat(style.borderBottomWidth),
          shadow: style.boxShadow,
          fill: style.backgroundColor,
          cursor: style.cursor,
        };
      }),
    );
    expect(looks.length).toBe(3);
    for (const look of looks)
      expect(look, look.text ?? '').toMatchObject({ border: 0, shadow: 'none', fill: 'rgba(0, 0, 0, 0)', cursor: 'auto' });
    k.host.devices.placeSimulatedCard(null);
    await page.getByTestId('attract').waitFor();
    await context.close();
  });

  it('in English the catalog is English too: items, bundle parts, form, materials, confirmation and guide', async () => {
    const han = /\p{Script=Han}/u;
    const { page, context } = await k.openKiosk();
    await page.getByRole('button', { name: 'English' }).click();
    await startVisitWithCard(page, k.host);
    const chinese = async (selector: string): Promise<string[]> => {
      const texts = await page.locator(selector).allTextContents();
      // Nothing matched would pass as "no Chinese": the selector must find the screen's text.
      expect(texts.length, selector).toBeGreaterThan(0);
      return texts.filter((text) => han.test(text));
    };

    await openFlow(page, 'case');
    await page.locator('.case-bundle').waitFor();
    expect(await chinese('.case-choose')).toEqual([]);
    await page.locator('.case-bundle .primary').click();
    await page.locator('.case-form').waitFor();
    expect(await chinese('.case-step-title')).toEqual([]);
    // Labels, hints and choices; the card's masked values are in the inputs, not in the text.
    expect(await chinese('.case-form')).toEqual([]);
    await page.locator('[data-field-key="phone"] input').fill('13800138000');
    await page.locator('[data-field-key="companyName"] input').fill('Example Star Tech Ltd');
    await page.locator('[data-field-key="registeredAddress"] input').fill('8 Chuangye Road');
    await page.locator('[data-testid="osk"] [data-skbtn="{done}"]').click();
    await page.locator('[data-field-key="companyType"] .case-option').first().click();
    await page.locator('[data-field-key="bank"] .case-option').first().click();
    await page.locator('.case-nav .primary').click();
    await page.locator('.case-materials').waitFor();
    expect(await chinese('.case-step-body')).toEqual([]);
    await page.locator('.case-material input').first().check();
    await page.locator('.case-nav .primary').click();
    await page.locator('.case-confirm').waitFor();
    // Everything but the values read from the card (the masked name is the citizen's own).
    expect(await chinese('.case-confirm-item, .case-summary dt, .case-confirm .case-panel p')).toEqual([]);
    // The chosen company type and bank read in English; only the masked name from the card is Chinese.
    const values = await page.locator('.case-summary dd').allTextContents();
    expect(values.filter((value) => han.test(value) && !value.includes('from your ID card'))).toEqual([]);
    await page.locator('.case-nav .primary').click();
    await page.locator('.case-done').waitFor();
    expect(await chinese('.case-done-item')).toEqual([]);
    await page.locator('.flow-bar button').first().click();

    await openFlow(page, 'complaint');
    await page.locator('.complaint-item').waitFor();
    expect(await chinese('.complaint-intro')).toEqual([]);
    await page.locator('.flow-bar button').first().click();

    await openFlow(page, 'guide');
    await page.locator('.guide-categories .tile[data-category="livelihood"]').click();
    await page.locator('.guide-list .tile').first().waitFor();
    expect(await chinese('.guide-list')).toEqual([]);
    await page.locator('.guide-back').click();
    await page.locator('.guide-categories .tile[data-category="startup-bundle"]').click();
    await page.locator('.guide-list .tile').first().click();
    await page.getByTestId('guide-item').waitFor();
    // The item's own text; where it is handled (windows, the queue's notes) is the hall's setup.
    expect(await chinese('.guide-item-head, .guide-bundle, .guide-materials')).toEqual([]);
    k.host.devices.placeSimulatedCard(null);
    await page.getByTestId('attract').waitFor();
    await context.close();
  });
});
