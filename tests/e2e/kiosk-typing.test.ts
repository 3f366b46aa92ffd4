import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  LANDSCAPE,
  openFlow,
  PORTRAIT,
  seriousViolations,
  setElderMode,
  startKioskHarness,
  startVisitWithCard,
  type KioskHarness,
} from '../support/kiosk-harness';
import { KeyboardTaps } from '../support/on-screen-keyboard';
import { waitFor } from '../support/wait';
import { fieldAboveKeyboard, smallestTargets } from './support/keyboard-geometry';
import { whyNotTouchable } from './support/touchable';

const COMPANY = '沈抚测试科技有限公司';
/** The hall of the example: its name makes 沈抚 (no dictionary has it) one of the hall's words. */
const HALL_NAME = '沈抚新区政务服务中心';
/**
 * How a citizen types the company name on a phone's pinyin keyboard: the hall's own 沈抚 and the
 * common 科技 and 有限公司 by their initials, 测试 in full (issue 22: ≤ 20 taps; 48 before phrases).
 */
const COMPANY_TYPED: readonly (readonly [string, string])[] = [
  ['sf', '沈抚'],
  ['ceshi', '测试'],
  ['kj', '科技'],
  ['yxgs', '有限公司'],
];
const ADDRESS = '沈抚新区金枫街道8号';
const ADDRESS_TYPED: readonly (string | readonly [string, string])[] = [
  ['sfxq', '沈抚新区'],
  // 金枫 is in no dictionary: one character at a time, paging for 枫.
  ['jin', '金'],
  ['feng', '枫'],
  ['jiedao', '街道'],
  '8',
  ['hao', '号'],
];
/** "Just above": the field's box ends above the keyboard, at most the sticky 上一步 / 下一步 and a margin away. */
const MOST_ABOVE_KEYBOARD_PX = 220;

/**
 * Typing Chinese on the kiosk's on-screen keyboard, key by key as a finger does (no `.fill()`):
 * the 企业开办 form's company name and address in both orientations and in 长辈版, with every tap
 * counted, the field kept just above the docked keyboard, and axe clean with the keyboard open.
 */
describe('kiosk typing on the on-screen keyboard (pinyin phrases)', () => {
  let harness: KioskHarness;
  /** The kiosk page of the running test, closed after it whatever happened (it holds the kiosk seat). */
  let opened: BrowserContext | undefined;
  beforeAll(async () => {
    harness = await startKioskHarness({ config: { hallName: HALL_NAME } });
    await waitFor(() => (harness.host.devices.health().every((h) => h.state === 'ok') ? true : undefined), 'devices ok', 15_000);
  });
  afterAll(async () => {
    await harness?.dispose();
  });
  afterEach(async () => {
    await opened?.close();
    opened = undefined;
  });
  beforeEach(async () => {
    harness.host.devices.placeSimulatedCard(null);
    await waitFor(() => (harness.host.identity.view() === null ? true : undefined), 'reader empty', 5_000);
  });

  /** The 企业开办 form open, the card's holder at the kiosk. */
  async function openStartupForm(viewport: { width: number; height: number }, elder: boolean) {
    const kiosk = await harness.openKiosk({ viewport });
    opened = kiosk.context;
    const { page } = kiosk;
    await startVisitWithCard(page, harness.host);
    await setElderMode(page, elder);
    await openFlow(page, 'case');
    await page.getByRole('button', { name: '申报「企业开办一站式办理」' }).click();
    await page.getByRole('heading', { name: /填写「企业开办一站式办理」申报信息/ }).waitFor();
    return page;
  }

  /** The field is in view, uncovered, and just above the docked keyboard. */
  async function expectJustAboveKeyboard(page: Page, label: string, where: string) {
    const input = page.getByLabel(label);
    const at = await fieldAboveKeyboard(input);
    expect(at.docked, `${where}: keyboard docked at the bottom`).toBe(true);
    expect(await whyNotTouchable(input), `${where}: ${label} touchable`).toEqual([]);
    expect(at.fieldBottom, `${where}: ${label} above the keyboard`).toBeLessThanOrEqual(at.keyboardTop);
    expect(at.keyboardTop - at.fieldBottom, `${where}: ${label} just above the keyboard`).toBeLessThanOrEqual(
      MOST_ABOVE_KEYBOARD_PX,
    );
  }

  async function typeWords(taps: KeyboardTaps, words: readonly (string | readonly [string, string])[]) {
    for (const word of words) {
      if (typeof word === 'string') await taps.keys(word);
      else await taps.type(word[0], word[1]);
    }
  }

  for (const { name, viewport, elder } of [
    { name: 'landscape', viewport: LANDSCAPE, elder: false },
    { name: 'portrait', viewport: PORTRAIT, elder: false },
    { name: 'landscape 长辈版', viewport: LANDSCAPE, elder: true },
    { name: 'portrait 长辈版', viewport: PORTRAIT, elder: true },
  ]) {
    it(`${name}: ${COMPANY} in at most 20 taps, then the address, key by key`, async () => {
      const page = await openStartupForm(viewport, elder);
      const taps = new KeyboardTaps(page);

      // A number first, then straight to the Chinese field without 完成: the pinyin keys and the
      // candidate bar come up, and letters stay out of the field.
      await page.getByLabel('联系电话').click();
      await taps.keys('13800138000');
      expect(await page.getByLabel('联系电话').inputValue()).toBe('13800138000');
      const company = page.getByLabel('拟设企业名称');
      await company.click();
      await taps.candidates.waitFor();
      expect(await taps.panel.getByRole('button', { name: 'q', exact: true }).count()).toBe(1);

      const before = taps.count;
      for (const [pinyin, pick] of COMPANY_TYPED) {
        await taps.keys(pinyin);
        if (pinyin === COMPANY_TYPED[0]?.[0]) {
          // The field is untouched while composing; the bar shows the pinyin.
          expect(await company.inputValue()).toBe('');
          expect(await taps.composing()).toBe(pinyin);
        }
        await taps.pick(pick);
      }
      const companyTaps = taps.count - before;
      expect(await company.inputValue()).toBe(COMPANY);
      console.log(`kiosk typing (${name}): ${COMPANY} in ${companyTaps} taps`);
      expect(companyTaps).toBeLessThanOrEqual(20);
      await expectJustAboveKeyboard(page, '拟设企业名称', name);

      // Composing again: 长辈版's keys and candidates are 80 px targets, the standard ones at
      // least 56; axe finds nothing with the keyboard open.
      await taps.keys('jin');
      await taps.candidates.getByRole('button').first().waitFor();
      const sizes = await smallestTargets(page);
      expect(sizes.keys).toBeGreaterThan(30);
      expect(sizes.key).toBeGreaterThanOrEqual(elder ? 80 : 56);
      expect(sizes.candidates).toBeGreaterThan(1);
      expect(sizes.candidate).toBeGreaterThanOrEqual(elder ? 80 : 56);
      expect(await seriousViolations(page), `${name}: axe with the keyboard open`).toEqual([]);
      for (let i = 0; i < 3; i++) await taps.key('删除');
      expect(await company.inputValue()).toBe(COMPANY);

      // 完成 closes; touching the same field brings the keyboard back; nothing raw was left in it.
      await taps.done();
      await taps.panel.waitFor({ state: 'detached' });
      await company.click();
      await taps.panel.waitFor();
      await taps.done();

      // The address, the same way.
      const address = page.getByLabel('住所');
      await address.click();
      await taps.candidates.waitFor();
      const addressFrom = taps.count;
      await typeWords(taps, ADDRESS_TYPED);
      expect(await address.inputValue()).toBe(ADDRESS);
      console.log(`kiosk typing (${name}): ${ADDRESS} in ${taps.count - addressFrom} taps`);
      await expectJustAboveKeyboard(page, '住所', name);
      // The divider key: "xi'an" is two syllables, 西安, where "xian" would be one (先, 现…).
      await taps.keys("xi'an");
      expect(await page.getByTestId('osk-composition').locator('.osk-syllable').allTextContents()).toEqual(['xi', 'an']);
      await taps.pick('西安');
      expect(await address.inputValue()).toBe(`${ADDRESS}西安`);
      // A finger on the start of the text: what is typed next goes in there, not at the end.
      const box = await address.boundingBox();
      await address.click({ position: { x: 3, y: (box?.height ?? 48) / 2 } });
      await taps.type('xin', '新');
      expect(await address.inputValue()).toBe(`新${ADDRESS}西安`);
      // Some pinyin left composing when 完成 is tapped: written as its first candidate, never as letters.
      await taps.keys('nan');
      await taps.done();
      expect(await address.inputValue()).not.toMatch(/[a-z]/);
      expect(await company.inputValue()).toBe(COMPANY);
    });
  }
});
