import type { Locator, Page } from 'playwright-core';

/**
 * Typing on the on-screen keyboard as a finger does: every key and every candidate is a real
 * pointer tap on its button, found by its accessible name, and every tap is counted (the e2e
 * tests hold the kiosk to a number of taps; the screenshot tour and the rating pad's steps share
 * these). Playwright's own waits only.
 */
export class KeyboardTaps {
  /** Taps so far: keys, candidates and page turns alike. */
  count = 0;

  constructor(private readonly page: Page) {}

  get panel(): Locator {
    return this.page.getByTestId('osk');
  }

  /** The candidate bar of a Chinese field. */
  get candidates(): Locator {
    return this.panel.getByRole('group', { name: /候选字词|Candidates/ });
  }

  /** One key by its name: a letter, a digit, or 删除, 空格, 完成, 英文, 拼音. */
  async key(name: string): Promise<void> {
    await this.panel.getByRole('button', { name, exact: true }).click();
    this.count++;
  }

  /** Each character of `keys` as a key (letters, digits, punctuation). */
  async keys(keys: string): Promise<void> {
    for (const key of keys) await this.key(key);
  }

  /**
   * Picks `text` from the candidates, turning pages (更多) until it shows; fails when the last page
   * has gone by without it.
   */
  async pick(text: string): Promise<void> {
    for (;;) {
      const candidate = this.candidates.getByRole('button', { name: text, exact: true });
      if ((await candidate.count()) > 0) {
        await candidate.first().click();
        this.count++;
        return;
      }
      const more = this.candidates.getByRole('button', { name: /^(更多|More)$/ });
      if ((await more.count()) === 0) {
        const offered = await this.candidates.getByRole('button').allTextContents();
        throw new Error(`no candidate ${text} for ${await this.composing()}: ${offered.join(' ')}`);
      }
      await more.click();
      this.count++;
    }
  }

  /** Pinyin then the candidate wanted (e.g. 'shenfu', '沈抚'). */
  async type(pinyin: string, pick: string): Promise<void> {
    await this.keys(pinyin);
    await this.pick(pick);
  }

  /** The pinyin still being composed, as the bar shows it. */
  async composing(): Promise<string> {
    return (await this.page.getByTestId('osk-composition').locator('.osk-syllable').allTextContents()).join('');
  }

  /** 完成: what is still composed goes into the field as its first candidates, and the keyboard hides. */
  async done(): Promise<void> {
    await this.key('完成');
  }
}
