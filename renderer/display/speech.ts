import type { DisplaySettings } from '../../contracts/announcements';
import { operationUrl, operations } from '../../contracts/api';
import type { Speaker } from '../ui/speech/speaker';
import type { UtteranceForm } from '../ui/speech/speakers';
import { voiceChooser } from '../ui/speech/voice-chooser';

/** The hall's call sentence, said as it is and rendered by the host from the same text. */
export const callSentence: UtteranceForm<string> = {
  text: (sentence) => sentence,
  hostUrl: (sentence) => operationUrl(operations.announcementSpeech, { query: { text: sentence } }),
};

export interface BoardVoiceOptions {
  settings(): DisplaySettings | undefined;
  audio(): HTMLAudioElement | null;
}

/**
 * The board's speaker for each call, from the hall's `display.voice` setting (renderer/ui/speech:
 * the browser's Chinese voice with the host's audio as fallback, or the other way round, or
 * nobody), at full volume and a little slower than conversation, as hall announcements are.
 */
export function boardVoiceChooser(options: BoardVoiceOptions): () => Promise<Speaker | null> {
  return voiceChooser({
    mode: () => options.settings()?.voice ?? 'browser',
    hostSpeech: () => options.settings()?.hostSpeech ?? false,
    audio: options.audio,
    language: () => 'zh',
    volume: () => 1,
    rate: 0.85,
    form: callSentence,
  });
}
