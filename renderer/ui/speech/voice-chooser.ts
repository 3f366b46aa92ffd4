import type { Speaker } from './speaker';
import { browserSpeaker, hostSpeaker, withFallback, type Loudness, type UtteranceForm } from './speakers';
import { pickVoice, type SpeechLanguage } from './voice-pick';

/** Chromium fills its voice list after the page loads: wait once for it, briefly. */
function voicesOf(synth: SpeechSynthesis, waitMs: number): Promise<readonly SpeechSynthesisVoice[]> {
  const now = synth.getVoices();
  if (now.length > 0 || waitMs <= 0) return Promise.resolve(now);
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      synth.removeEventListener('voiceschanged', done);
      resolve(synth.getVoices());
    };
    const timer = setTimeout(done, waitMs);
    synth.addEventListener('voiceschanged', done);
  });
}

/** Who speaks: the browser first (the host as fallback), the host first (the browser as fallback), or nobody. */
export type VoiceMode = 'browser' | 'host' | 'off';

export interface VoiceChoiceOptions<U> {
  mode(): VoiceMode;
  /** Whether the host can render speech (espeak-ng installed); unknown counts as yes (a failure falls through). */
  hostSpeech(): boolean;
  /** The <audio> element that plays the host's rendering, once mounted. */
  audio(): HTMLAudioElement | null;
  /** The language of the next utterance: the browser voice must speak it. */
  language(): SpeechLanguage;
  /** How loud, 0–1; 0 is silent (nobody speaks). */
  volume: Loudness;
  /** Speech rate of the browser's voice (1 is conversation). */
  rate: number;
  form: UtteranceForm<U>;
}

/**
 * Picks the speaker for each utterance, for the hall display and the kiosk alike:
 * `browser` — the browser's voice in the language, else (none, or it fails) the host's audio;
 * `host` — the host's audio, else the browser's voice; `off`, or a volume of 0 — nobody speaks.
 * Without a voice for the language the screen stays silent rather than speak another language.
 */
export function voiceChooser<U>(options: VoiceChoiceOptions<U>): () => Promise<Speaker<U> | null> {
  // The first wait for the voice list, shared: utterances asked for meanwhile wait for the same list.
  let firstList: Promise<readonly SpeechSynthesisVoice[]> | null = null;
  return async () => {
    const mode = options.mode();
    if (mode === 'off' || options.volume() <= 0) return null;
    const synth = typeof window !== 'undefined' && 'speechSynthesis' in window ? window.speechSynthesis : null;
    let browser: Speaker<U> | null = null;
    if (synth) {
      firstList ??= voicesOf(synth, 1_500);
      await firstList;
      const voices = synth.getVoices();
      const voice = pickVoice(voices, options.language());
      if (voice) browser = browserSpeaker(synth, voice, options.form, { rate: options.rate, volume: options.volume });
    }
    const audio = options.audio();
    const host = options.hostSpeech() && audio ? hostSpeaker(audio, options.form, options.volume) : null;
    if (mode === 'host') return host ?? browser;
    return browser ? withFallback(browser, host) : host;
  };
}
