import { SoundBlockedError, VoiceFailedError, type Speaker } from './speaker';

/** What the speakers need of an utterance: its words, and where the host renders it. */
export interface UtteranceForm<U> {
  /** The sentence, for the browser's voice (and to bound how long saying it may take). */
  text(utterance: U): string;
  /** The host's WAV of it (a URL of this page's host, or of `baseUrl`'s). */
  hostUrl(utterance: U): string;
}

/** How loud, 0–1, read at each utterance (a hall setting may change meanwhile). */
export type Loudness = () => number;

/** A generous bound on one utterance: a voice that never reports its end must not stall the queue. */
const utteranceLimitMs = (text: string) => 5_000 + text.length * 500;

/** Says utterances with the browser's speech synthesis in the given voice, at `rate`. */
export function browserSpeaker<U>(
  synth: SpeechSynthesis,
  voice: SpeechSynthesisVoice,
  form: Pick<UtteranceForm<U>, 'text'>,
  options: { rate: number; volume: Loudness },
): Speaker<U> {
  return {
    say: (said) =>
      new Promise<void>((resolve, reject) => {
        const text = form.text(said);
        const utterance = new SpeechSynthesisUtterance(text);
        utterance.voice = voice;
        utterance.lang = voice.lang;
        utterance.rate = options.rate;
        utterance.volume = options.volume();
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

/** Plays the host's espeak-ng rendering of each utterance in an <audio> element. */
export function hostSpeaker<U>(audio: HTMLAudioElement, form: UtteranceForm<U>, volume: Loudness): Speaker<U> {
  return {
    say: (said) =>
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
          utteranceLimitMs(form.text(said)) + 5_000,
        );
        audio.onended = () => finish();
        audio.onerror = () => finish(new VoiceFailedError('the host audio did not play'));
        audio.volume = volume();
        audio.src = form.hostUrl(said);
        audio.play().catch((err: unknown) => {
          if (err instanceof DOMException && err.name === 'NotAllowedError') finish(new SoundBlockedError('autoplay refused'));
          // An interrupted play (a newer prompt took the element, stop()) is no failure of this voice.
          else if (err instanceof DOMException && err.name === 'AbortError') finish();
          // A load failure also fires `error`, which settles the promise; settling twice is harmless.
          else finish(new VoiceFailedError(err instanceof Error ? err.message : 'play failed'));
        });
      }),
    stop: () => audio.pause(),
  };
}

/** Tries `first`; when it fails for a reason other than blocked sound, says it with `second`. */
export function withFallback<U>(first: Speaker<U>, second: Speaker<U> | null): Speaker<U> {
  if (second === null) return first;
  return {
    say: async (said) => {
      try {
        await first.say(said);
      } catch (err) {
        if (err instanceof SoundBlockedError) throw err;
        await second.say(said);
      }
    },
    stop: () => {
      first.stop();
      second.stop();
    },
  };
}
