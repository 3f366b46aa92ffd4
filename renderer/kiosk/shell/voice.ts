/**
 * Spoken guidance through the browser's speech synthesis (Chromium and Electron ship it; on a
 * kiosk without voices it is silent, never an error). Prompts only: names, ID numbers and
 * other personal data are never spoken aloud in a public hall.
 */
export interface Voice {
  muted: boolean;
  toggleMute(): void;
  say(text: string): void;
  stop(): void;
}

export function speak(text: string, lang: string, muted: boolean): void {
  if (muted || typeof window === 'undefined' || !('speechSynthesis' in window)) return;
  const synth = window.speechSynthesis;
  synth.cancel();
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.lang = lang === 'en' ? 'en-GB' : 'zh-CN';
  utterance.rate = 0.95;
  synth.speak(utterance);
}

export function stopSpeaking(): void {
  if (typeof window !== 'undefined' && 'speechSynthesis' in window) window.speechSynthesis.cancel();
}
