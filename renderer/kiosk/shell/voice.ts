import { useCallback, useEffect, useMemo, useRef, type RefObject } from 'react';
import { operationUrl, operations } from '../../../contracts/api';
import { kioskPromptText, type KioskPrompt, type KioskPromptLanguage } from '../../../contracts/kiosk-prompts';
import type { Speaker } from '../../ui/speech/speaker';
import type { UtteranceForm } from '../../ui/speech/speakers';
import { voiceChooser } from '../../ui/speech/voice-chooser';
import { useLatest } from '../../ui/use-latest';

/**
 * The kiosk's spoken guidance. Only prompts of the kiosk's table (contracts/kiosk-prompts.ts) can
 * be said: the type takes no text, so names, ID numbers and whatever the citizen typed are never
 * spoken aloud in a public hall, nor sent to the host for speech.
 */
export interface Voice {
  muted: boolean;
  toggleMute(): void;
  say(prompt: KioskPrompt): void;
  stop(): void;
}

/** A prompt in the language it is said in. */
interface SpokenPrompt {
  prompt: KioskPrompt;
  lang: KioskPromptLanguage;
}

/** The browser says the prompt's sentence; the host renders the same sentence from its key. */
const spokenPrompt: UtteranceForm<SpokenPrompt> = {
  text: ({ prompt, lang }) => kioskPromptText(prompt, lang),
  hostUrl: ({ prompt, lang }) => operationUrl(operations.kioskPromptSpeech, { query: { ...prompt, lang } }),
};

export interface KioskVoiceOptions {
  muted: boolean;
  language: KioskPromptLanguage;
  /**
   * The hall's kiosk voice volume, 0–100 % (0: silent); null while the hall has not said it yet
   * (the page is loading): a prompt then waits for it, rather than sounding at full volume in a
   * hall that set its kiosks quiet.
   */
  volumePercent: number | null;
}

export interface KioskVoice {
  /** Says a prompt, cutting off the one before; nothing when muted or the hall set the volume to 0. */
  say(prompt: KioskPrompt): void;
  stop(): void;
  /** The <audio> element the host's rendering plays in (the fallback when the browser has no voice). */
  audioRef: RefObject<HTMLAudioElement | null>;
}

/**
 * The kiosk's voice, as the hall display's: the browser's voice in the visit's language, the host's
 * espeak-ng audio when the browser has none (Electron on Linux usually) or it fails. `say` changes
 * only with the language or mute, so a flow's "say once" effects do not repeat on other changes.
 */
export function useKioskVoice({ muted, language, volumePercent }: KioskVoiceOptions): KioskVoice {
  const audioRef = useRef<HTMLAudioElement | null>(null);
  const volume = useLatest(volumePercent);
  const choose = useMemo(
    () =>
      voiceChooser<SpokenPrompt>({
        mode: () => 'browser',
        // Unknown here (the host says so only to the display): a missing espeak-ng fails the audio, and the kiosk stays silent.
        hostSpeech: () => true,
        audio: () => audioRef.current,
        language: () => language,
        volume: () => Math.min(100, Math.max(0, volume.current ?? 0)) / 100,
        rate: 0.95,
        form: spokenPrompt,
      }),
    [language, volume],
  );
  const current = useRef<Speaker<SpokenPrompt> | null>(null);
  // Each prompt supersedes the one before, also while a voice is still being chosen.
  const said = useRef(0);
  // The latest prompt said before the hall's volume was known, said once it is.
  const waiting = useRef<KioskPrompt | null>(null);

  const stop = useCallback(() => {
    said.current += 1;
    waiting.current = null;
    current.current?.stop();
    current.current = null;
    if (typeof window !== 'undefined' && 'speechSynthesis' in window) window.speechSynthesis.cancel();
  }, []);

  const say = useCallback(
    (prompt: KioskPrompt) => {
      stop();
      if (muted) return;
      if (volume.current === null) {
        waiting.current = prompt;
        return;
      }
      const turn = said.current;
      const speak = async () => {
        const speaker = await choose();
        if (speaker === null || turn !== said.current) return;
        current.current = speaker;
        await speaker.say({ prompt, lang: language });
      };
      // Blocked sound (no touch yet), no voice at all, a broken speech engine: the screen says it anyway.
      speak().catch(() => undefined);
    },
    [choose, language, muted, stop, volume],
  );

  const known = volumePercent !== null;
  useEffect(() => {
    const prompt = waiting.current;
    if (known && prompt !== null) say(prompt);
  }, [known, say]);

  useEffect(() => stop, [stop]);
  return { say, stop, audioRef };
}
