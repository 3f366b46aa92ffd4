import type { Page } from 'playwright-core';

/** One utterance the page made, as the stand-in recorded it. */
export interface StubUtterance {
  text: string;
  lang: string;
  volume: number;
}

/**
 * Runs in the page before its scripts: a speech synthesis with one voice of `lang` (headless
 * Chromium has none) that records each utterance and ends it at once. Chromium's own
 * SpeechSynthesisUtterance takes only its own voices, so the utterance is a stand-in too.
 */
function installStub(lang: string) {
  const log: { text: string; lang: string; volume: number }[] = [];
  class Utterance {
    lang = '';
    voice: unknown = null;
    rate = 1;
    volume = 1;
    onend: ((event: Event) => void) | null = null;
    onerror: ((event: { error: string }) => void) | null = null;
    constructor(readonly text: string) {}
  }
  const voices = [{ lang, name: `stub ${lang}`, localService: true, default: true, voiceURI: `stub-${lang}` }];
  const synth = {
    getVoices: () => voices,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    cancel: () => undefined,
    speak(utterance: Utterance) {
      log.push({ text: utterance.text, lang: utterance.lang, volume: utterance.volume });
      setTimeout(() => utterance.onend?.(new Event('end')), 10);
    },
  };
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
  Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance, configurable: true });
  Object.assign(window, { stubSpoken: log });
}

/** Installs the stand-in voice (Mandarin unless told) before the page loads. */
export async function stubSpeech(page: Page, lang = 'zh-CN'): Promise<void> {
  await page.addInitScript(installStub, lang);
}

/** What the page said so far through the stand-in. */
export function spokenOn(page: Page): Promise<StubUtterance[]> {
  return page.evaluate(() => (window as unknown as { stubSpoken: StubUtterance[] }).stubSpoken);
}

/** One play of an <audio> element: its source, its volume, and whether it played to its end. */
export interface AudioPlay {
  src: string;
  volume: number;
  ended: boolean;
}

/** Records each real play of an <audio> element (source, volume, end) without changing it. */
export async function recordAudioPlays(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const plays: { src: string; volume: number; ended: boolean }[] = [];
    Object.assign(window, { audioPlays: plays });
    const play = HTMLMediaElement.prototype.play;
    HTMLMediaElement.prototype.play = function (this: HTMLMediaElement) {
      const entry = { src: this.src, volume: this.volume, ended: false };
      plays.push(entry);
      this.addEventListener('ended', () => (entry.ended = true), { once: true });
      return play.call(this);
    };
  });
}

/** The <audio> plays recorded so far. */
export function audioPlaysOn(page: Page): Promise<AudioPlay[]> {
  return page.evaluate(() => (window as unknown as { audioPlays: AudioPlay[] }).audioPlays);
}
