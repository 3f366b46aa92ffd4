import { SoundBlockedError, type Speaker } from '../ui/speech/speaker';

/**
 * The hall's voice queue: every call is said `repeat` times, calls one after another in the order
 * they came, never two at once (two windows calling together would otherwise talk over each other).
 * Pure scheduling: how a text is said (browser speech, host audio) is the Speaker's business.
 */

export interface Announcement {
  /** One per call (callKey): the same call is never queued twice. */
  key: string;
  /** Later calls of the same ticket (a recall) replace a still-waiting one in place. */
  ticketId: number;
  text: string;
}

export interface AnnouncerOptions {
  /** The speaker for the next announcement, or null to stay silent (voice off, no voice at all). */
  speaker(): Promise<Speaker | null>;
  /** Times each call is said (read per announcement: settings may arrive after the first call). */
  repeat(): number;
  /** Pause between the repeats of one call and between two calls. */
  gapMs: number;
  /** An announcement that waited longer than this (a long backlog) is dropped unsaid. */
  maxWaitMs: number;
  now(): number;
  sleep(ms: number): Promise<void>;
  /** The announcement being said, or null when quiet. */
  onSpeaking?(announcement: Announcement | null): void;
  /** The browser refused sound: the queue holds until `resume()` (after a touch). */
  onBlocked?(blocked: boolean): void;
}

interface Queued extends Announcement {
  queuedAt: number;
}

export class Announcer {
  private readonly pending: Queued[] = [];
  private readonly done = new Set<string>();
  private running = false;
  private blocked = false;
  private disposed = false;
  private current: Speaker | null = null;
  private speaking: Queued | null = null;
  /** The current (or last) pass through the queue; see `idle()`. */
  private drained: Promise<void> = Promise.resolve();

  constructor(private readonly options: AnnouncerOptions) {}

  /** Queues a call; a call already said, being said or queued is ignored. */
  enqueue(announcement: Announcement): void {
    const known = (key: string) => this.done.has(key) || this.speaking?.key === key || this.pending.some((p) => p.key === key);
    if (this.disposed || known(announcement.key)) return;
    const item: Queued = { ...announcement, queuedAt: this.options.now() };
    const sameTicket = this.pending.findIndex((p) => p.ticketId === announcement.ticketId);
    if (sameTicket >= 0) this.pending[sameTicket] = item;
    else this.pending.push(item);
    this.start();
  }

  /** After a touch unblocked sound: says what was held back. */
  resume(): void {
    if (!this.blocked) return;
    this.blocked = false;
    this.options.onBlocked?.(false);
    this.start();
  }

  /** Texts still waiting to be said, in order (for tests and diagnostics). */
  queued(): string[] {
    return this.pending.map((p) => p.text);
  }

  /**
   * Settles when the queue has been worked through, or has stopped at blocked sound (for tests
   * and diagnostics: they wait for this rather than for a guessed stretch of time).
   */
  idle(): Promise<void> {
    return this.drained;
  }

  private start(): void {
    if (!this.running) this.drained = this.run();
  }

  dispose(): void {
    this.disposed = true;
    this.pending.length = 0;
    this.current?.stop();
  }

  private async run(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      while (!this.disposed && !this.blocked && this.pending.length > 0) {
        // Taken out of the line while it is said: a recall arriving meanwhile queues behind it.
        const item = this.pending.shift();
        if (!item) break;
        if (this.options.now() - item.queuedAt > this.options.maxWaitMs) continue;
        const said = await this.say(item);
        if (!said) {
          this.pending.unshift(item);
          break;
        }
        this.done.add(item.key);
        // Only recent keys matter (a replayed event of the last minutes); forget the oldest.
        for (const key of this.done) {
          if (this.done.size <= 1_000) break;
          this.done.delete(key);
        }
        if (this.pending.length > 0) await this.options.sleep(this.options.gapMs);
      }
    } finally {
      this.running = false;
      this.options.onSpeaking?.(null);
    }
  }

  /** Says one call `repeat` times; false when sound is blocked (the call stays first in line). */
  private async say(item: Queued): Promise<boolean> {
    const speaker = await this.options.speaker();
    if (speaker === null || this.disposed) return true;
    this.current = speaker;
    this.speaking = item;
    this.options.onSpeaking?.(item);
    const repeat = Math.max(1, this.options.repeat());
    try {
      for (let i = 0; i < repeat && !this.disposed; i += 1) {
        if (i > 0) await this.options.sleep(this.options.gapMs);
        await speaker.say(item.text);
      }
      return true;
    } catch (err) {
      if (err instanceof SoundBlockedError) {
        this.blocked = true;
        this.options.onBlocked?.(true);
        return false;
      }
      // Any other failure of one announcement must not silence the next ones.
      return true;
    } finally {
      this.current = null;
      this.speaking = null;
    }
  }
}
