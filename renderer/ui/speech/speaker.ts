/**
 * A way of saying things aloud: the browser's speech synthesis or the host's audio. `U` is what is
 * said: the display's call sentence, the kiosk's prompt in a language.
 */
export interface Speaker<U = string> {
  /** Resolves when it has been said (or could not be: a queue moves on either way). */
  say(utterance: U): Promise<void>;
  /** Stops whatever is being said (the board is closing, the visit ended, a new prompt). */
  stop(): void;
}

/** Thrown by a Speaker when the browser refuses sound until someone touches the screen. */
export class SoundBlockedError extends Error {
  override readonly name = 'SoundBlockedError';
}

/** A voice that failed for another reason than blocked sound (no network voice offline, bad audio). */
export class VoiceFailedError extends Error {
  override readonly name = 'VoiceFailedError';
}
