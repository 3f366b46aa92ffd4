import type { Locator, Page } from 'playwright-core';

/** Where the field being typed sits against the docked keyboard, in CSS pixels of the window. */
export interface FieldAboveKeyboard {
  /** The keyboard panel's top edge. */
  keyboardTop: number;
  /** The field's box (label, input, hint) bottom edge. */
  fieldBottom: number;
  /** The input's top edge: under the sticky flow bar when below its bottom. */
  inputTop: number;
  /** Bottom of the sticky flow bar (首页 / 退出) above the content. */
  flowBarBottom: number;
  /** Whether the keyboard reaches the window's bottom edge (docked, not floating). */
  docked: boolean;
}

/** The field of `input` and the keyboard, as laid out now. */
export async function fieldAboveKeyboard(input: Locator): Promise<FieldAboveKeyboard> {
  return input.evaluate((el) => {
    const panel = document.querySelector('[data-testid="osk"]');
    const bar = document.querySelector('.flow-bar');
    if (!panel) throw new Error('no keyboard');
    const keyboard = panel.getBoundingClientRect();
    return {
      keyboardTop: keyboard.top,
      fieldBottom: (el.closest('.field') ?? el).getBoundingClientRect().bottom,
      inputTop: el.getBoundingClientRect().top,
      flowBarBottom: bar?.getBoundingClientRect().bottom ?? 0,
      docked: Math.abs(keyboard.bottom - window.innerHeight) <= 1 || keyboard.bottom <= window.innerHeight,
    };
  });
}

/** The smallest key and the smallest candidate of the open keyboard (width and height, px). */
export async function smallestTargets(page: Page): Promise<{ key: number; candidate: number; keys: number; candidates: number }> {
  return page.evaluate(() => {
    const smallest = (selector: string) => {
      const boxes = [...document.querySelectorAll(selector)].map((el) => el.getBoundingClientRect());
      return { count: boxes.length, min: Math.min(...boxes.map((r) => Math.min(r.width, r.height))) };
    };
    const keys = smallest('[data-testid="osk"] .osk-key');
    const candidates = smallest('[data-testid="osk"] .osk-candidate, [data-testid="osk"] .osk-page');
    return { key: keys.min, keys: keys.count, candidate: candidates.min, candidates: candidates.count };
  });
}
