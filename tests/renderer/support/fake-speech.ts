/**
 * Stand-ins for the browser's speech synthesis and an <audio> element (happy-dom has neither a
 * voice nor sound): they record what would have been said or played, at what volume, and end each
 * utterance as the test says (spoken, failed, blocked).
 */

interface VoiceStub {
  lang: string;
  name: string;
  localService: boolean;
  default: boolean;
  voiceURI: string;
}

/** One utterance as the page made it. */
export class UtteranceStub {
  voice: VoiceStub | null = null;
  lang = '';
  rate = 1;
  volume = 1;
  onend: (() => void) | null = null;
  onerror: ((event: { error: string }) => void) | null = null;
  constructor(readonly text: string) {}
}

export type UtteranceEnd = 'spoken' | 'synthesis-failed' | 'not-allowed';

/** A speech synthesis with the given voices; each utterance ends as `end` says. */
export function installSpeechStub(voices: { lang: string; name: string }[], end: UtteranceEnd = 'spoken') {
  const spoken: UtteranceStub[] = [];
  const synth = {
    getVoices: (): VoiceStub[] => voices.map((v) => ({ ...v, localService: true, default: false, voiceURI: v.name })),
    // The page waits once for the list to fill: it is full already.
    addEventListener: (_type: string, listener: () => void) => queueMicrotask(listener),
    removeEventListener: () => undefined,
    speak: (utterance: UtteranceStub) => {
      spoken.push(utterance);
      queueMicrotask(() => (end === 'spoken' ? utterance.onend?.() : utterance.onerror?.({ error: end })));
    },
    cancel: () => undefined,
  };
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
  Object.defineProperty(globalThis, 'SpeechSynthesisUtterance', { value: UtteranceStub, configurable: true, writable: true });
  return { spoken };
}

/** An <audio> element whose every play ends at once (or fails to load), recorded with its volume. */
export class AudioStub {
  src = '';
  volume = 1;
  onended: (() => void) | null = null;
  onerror: (() => void) | null = null;
  readonly played: { src: string; volume: number }[] = [];
  constructor(private readonly fails = false) {}
  play(): Promise<void> {
    this.played.push({ src: this.src, volume: this.volume });
    queueMicrotask(() => (this.fails ? this.onerror?.() : this.onended?.()));
    return Promise.resolve();
  }
  pause(): void {}
  /** As the page's code sees it. */
  asElement(): HTMLAudioElement {
    return this as unknown as HTMLAudioElement;
  }
}
