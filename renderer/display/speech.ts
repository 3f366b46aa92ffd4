import type { DisplaySettings } from '../../contracts/announcements';
import { operationUrl, operations } from '../../contracts/api';
import { SoundBlockedError, type Speaker } from './announcer';
import { pickChineseVoice } from './voice-pick';

/** A voice that failed for another reason than blocked sound (no network voice offline, bad audio). */
export class VoiceFailedError extends Error {
  override readonly name = 'VoiceFailedError';
}

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

/** A generous bound on one utterance: a voice that never reports its end must not stall the queue. */
const utteranceLimitMs = (text: string) => 5_000 + text.length * 500;

/** Says texts with the browser's speech synthesis in the given voice. */
export function browserSpeaker(synth: SpeechSynthesis, voice: SpeechSynthesisVoice): Speaker {
  return {
    say: (text) =>
      new Promise<void>((resolve, reject) => {
        const utterance = new SpeechSynthesisUtterance(text);
        utterance.voice = voice;
        utterance.lang = voice.lang || 'zh-CN';
        // A little slower than conversation, as hall announcements are.
        utterance.rate = 0.85;
        const limit = setTimeout(() => {
          synth.cancel();
          resolve();
        }, utteranceLimitMs(text));
        utterance.onend = () => {
          clearTimeout(limit);
          resolve();
        };
        utterance.onerror = (event) => {
          clearTimeout(limit);
          if (event.error === 'not-allowed') reject(new SoundBlockedError('speech needs a user gesture'));
          else if (event.error === 'interrupted' || event.error === 'canceled') resolve();
          else reject(new VoiceFailedError(event.error));
        };
        synth.speak(utterance);
      }),
    stop: () => synth.cancel(),
  };
}

/** Plays the host's espeak-ng rendering of each text in an <audio> element (`baseUrl`: the host, '' for this page's). */
export function hostSpeaker(audio: HTMLAudioElement, baseUrl = ''): Speaker {
  return {
    say: (text) =>
      new Promise<void>((resolve, reject) => {
        const finish = (error?: Error) => {
          clearTimeout(limit);
          audio.onended = null;
          audio.onerror = null;
          if (error) reject(error);
          else resolve();
        };
        const limit = setTimeout(
          () => {
            audio.pause();
            finish();
          },
          utteranceLimitMs(text) + 5_000,
        );
        audio.onended = () => finish();
        audio.onerror = () => finish(new VoiceFailedError('the host audio did not play'));
        audio.src = `${baseUrl}${operationUrl(operations.announcementSpeech, { query: { text } })}`;
        audio.play().catch((err: unknown) => {
          if (err instanceof DOMException && err.name === 'NotAllowedError') finish(new SoundBlockedError('autoplay refused'));
          // A load failure also fires `error`, which settles the promise; settling twice is harmless.
          else finish(new VoiceFailedError(err instanceof Error ? err.message : 'play failed'));
        });
      }),
    stop: () => audio.pause(),
  };
}

/** Tries `first`; when it fails for a reason other than blocked sound, says the text with `second`. */
function withFallback(first: Speaker, second: Speaker | null): Speaker {
  if (second === null) return first;
  return {
    say: async (text) => {
      try {
        await first.say(text);
      } catch (err) {
        if (err instanceof SoundBlockedError) throw err;
        await second.say(text);
      }
    },
    stop: () => {
      first.stop();
      second.stop();
    },
  };
}

export interface VoiceChoiceOptions {
  settings(): DisplaySettings | undefined;
  audio(): HTMLAudioElement | null;
}

/**
 * Picks the speaker for each announcement from the hall's `display.voice` setting:
 * `browser` — the browser's Chinese voice, else (no Chinese voice, or it fails) the host's audio;
 * `host` — the host's audio, else the browser's Chinese voice; `off` — nobody speaks.
 * Without a way to speak Chinese the board stays silent rather than read the call in another language.
 */
export function voiceChooser(options: VoiceChoiceOptions): () => Promise<Speaker | null> {
  let waitedForVoices = false;
  return async () => {
    const settings = options.settings();
    const mode = settings?.voice ?? 'browser';
    if (mode === 'off') return null;
    const synth = typeof window !== 'undefined' && 'speechSynthesis' in window ? window.speechSynthesis : null;
    let browser: Speaker | null = null;
    if (synth) {
      const voices = await voicesOf(synth, waitedForVoices ? 0 : 1_500);
      waitedForVoices = true;
      const voice = pickChineseVoice(voices);
      if (voice) browser = browserSpeaker(synth, voice);
    }
    const audio = options.audio();
    const host = settings?.hostSpeech && audio ? hostSpeaker(audio) : null;
    if (mode === 'host') return host ?? browser;
    return browser ? withFallback(browser, host) : host;
  };
}
