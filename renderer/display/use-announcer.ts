import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { announcementText, type DisplaySettings } from '../../contracts/announcements';
import type { Call } from '../../contracts/queue';
import { Announcer } from './announcer';
import { callKey } from './call-board';
import { useLatest } from '../ui/use-latest';
import { boardVoiceChooser } from './speech';

/** Pause between the repeats of a call and between two calls. */
const GAP_MS = 800;
/** A call that waited longer than this behind others (a burst at many windows) is no longer said. */
const MAX_WAIT_MS = 90_000;

export interface BoardVoice {
  /** Queues the spoken call (said `announceRepeat` times, after the calls before it). */
  announce(call: Call): void;
  /** The browser refused sound until someone touches the screen. */
  blocked: boolean;
  /** Called on a touch: sound is allowed from now on, held calls are said. */
  unblock(): void;
  /** The <audio> element that plays the host's rendering when the browser has no Chinese voice. */
  audioRef: RefObject<HTMLAudioElement | null>;
}

/** The board's voice for its lifetime; settings are read per announcement (they may load late). */
export function useBoardVoice(settings: DisplaySettings | undefined): BoardVoice {
  const settingsRef = useLatest(settings);
  const audioRef = useRef<HTMLAudioElement | null>(null);
  const announcerRef = useRef<Announcer | null>(null);
  const [blocked, setBlocked] = useState(false);

  useEffect(() => {
    const announcer = new Announcer({
      speaker: boardVoiceChooser({ settings: () => settingsRef.current, audio: () => audioRef.current }),
      repeat: () => settingsRef.current?.announceRepeat ?? 2,
      gapMs: GAP_MS,
      maxWaitMs: MAX_WAIT_MS,
      now: () => Date.now(),
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      onBlocked: setBlocked,
    });
    announcerRef.current = announcer;
    return () => {
      announcer.dispose();
      announcerRef.current = null;
    };
  }, [settingsRef]);

  const announce = useCallback((call: Call) => {
    let text: string;
    try {
      text = announcementText(call.ticketNumber, call.windowNumber);
    } catch {
      // A number the template cannot say (not a hall ticket) is shown, not spoken.
      return;
    }
    announcerRef.current?.enqueue({ key: callKey(call), ticketId: call.ticketId, text });
  }, []);

  const unblock = useCallback(() => announcerRef.current?.resume(), []);
  return { announce, blocked, unblock, audioRef };
}
