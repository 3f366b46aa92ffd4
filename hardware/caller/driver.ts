/**
 * The caller keypad driver: listens for key frames, echoes each one back as
 * its acknowledgement, and sends show-number and beep frames.
 *
 * The keypad retransmits a key frame that was not echoed within ~200 ms, so
 * when our echo is lost the same frame arrives again: a frame identical to
 * one seen less than `dedupeWindowMs` before is echoed again (to stop the
 * retransmits) but not reported twice. The window slides with each copy, so
 * a burst of retransmits spaced under the window stays one press; a genuine
 * second press of the same key inside the window is dropped too (debounce).
 *
 * Only key frames (CMD = model.keyCommand) are echoed: echoing anything else
 * could ping-pong with a keypad that echoes our show/beep frames. Bad frames
 * are ignored and counted in health. Nothing here logs; key events carry no
 * personal data.
 */
import { Listeners } from '../common/listeners';
import type { Transport, TransportStatus } from '../transport/types';
import { digitCodes } from './digits';
import type { KeypadDecodeResult, KeypadFrame, KeypadFrameError } from './frame';
import { encodeKeypadFrame, KeypadFrameDecoder } from './frame';
import type { KeypadKey, KeypadModel } from './model';
import { defaultKeypadModel, keyFromData } from './model';

export interface CallerKeypadOptions {
  model?: KeypadModel;
  /** Identical frames closer together than this are one press. Default 300 ms. */
  dedupeWindowMs?: number;
  /**
   * Quiet time after which a partial frame is given up (see KeypadFrameDecoder.flush).
   * Default 100 ms: at 9600 baud a whole frame takes ~15 ms, USB-serial latency ~16 ms.
   */
  idleFlushMs?: number;
  /** Clock for de-duplication (tests pass a fake one). Default `Date.now`. */
  now?: () => number;
  /** Receives errors thrown by event listeners (they never stop the driver). */
  onListenerError?: (error: unknown) => void;
}

export type CallerKeypadState = 'ok' | 'no-device' | 'error';

export interface CallerKeypadHealth {
  /** `ok` while the transport is open; `error` after a failed write until the next good one. */
  state: CallerKeypadState;
  /** Bad frames, unknown key codes and failed writes since construction. */
  errorCount: number;
  lastError?: string;
}

export interface KeypadKeyEvent {
  address: number;
  key: KeypadKey;
}

export interface CallerKeypadEvents {
  key: KeypadKeyEvent;
  health: CallerKeypadHealth;
}

function frameErrorText(error: KeypadFrameError): string {
  switch (error.kind) {
    case 'garbage':
      return `garbage: ${error.skipped} bytes`;
    case 'length-mismatch':
      return `length mismatch: ${error.first} ≠ ${error.second}`;
    case 'length':
      return `bad length ${error.length}`;
    case 'checksum':
      return `checksum: expected ${error.expected}, got ${error.actual}`;
    case 'missing-end':
      return `missing end byte (got ${error.actual})`;
  }
}

const frameKey = (frame: KeypadFrame) => `${frame.address}:${frame.cmd}:${[...frame.data].join(',')}`;

export class CallerKeypadDriver {
  private readonly model: KeypadModel;
  private readonly dedupeWindowMs: number;
  private readonly now: () => number;
  private readonly idleFlushMs: number;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly decoder = new KeypadFrameDecoder();
  private readonly listeners: Listeners<CallerKeypadEvents>;
  /** Frame identity → when it was last heard. */
  private readonly recent = new Map<string, number>();
  private unsubscribe: (() => void)[] = [];
  private running = false;
  private healthValue: CallerKeypadHealth = { state: 'no-device', errorCount: 0 };
  private duplicates = 0;

  constructor(
    private readonly transport: Transport,
    options: CallerKeypadOptions = {},
  ) {
    this.model = options.model ?? defaultKeypadModel;
    this.dedupeWindowMs = options.dedupeWindowMs ?? 300;
    this.now = options.now ?? Date.now;
    this.idleFlushMs = options.idleFlushMs ?? 100;
    this.listeners = new Listeners<CallerKeypadEvents>(options.onListenerError);
  }

  on<K extends keyof CallerKeypadEvents>(event: K, listener: (payload: CallerKeypadEvents[K]) => void): () => void {
    return this.listeners.on(event, listener);
  }

  get health(): CallerKeypadHealth {
    return { ...this.healthValue };
  }

  /** Key frames dropped as retransmits of one already reported. */
  get duplicateCount(): number {
    return this.duplicates;
  }

  /** Subscribes and opens the transport. Resolves after the open attempt; a failed open shows as `no-device`. */
  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.decoder.reset();
    this.recent.clear();
    this.unsubscribe = [
      this.transport.onData((chunk) => this.onChunk(chunk)),
      this.transport.onStatus((status) => this.onStatus(status)),
    ];
    if (this.transport.status.state === 'open') {
      this.setHealth({ state: 'ok' });
      return;
    }
    try {
      await this.transport.open();
      if (this.running) this.setHealth({ state: 'ok' });
    } catch (error) {
      // Serial transports keep retrying on their own; onStatus reports when they are back.
      this.fail(`open: ${message(error)}`, 'no-device');
    }
  }

  /** Stops listening and closes the transport. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    for (const off of this.unsubscribe) off();
    this.unsubscribe = [];
    if (this.idleTimer !== undefined) clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
    await this.transport.close().catch(() => undefined);
    this.setHealth({ state: 'no-device' });
  }

  /** Shows `text`'s digits on the keypad at `address` (letters dropped, see digits.ts). Rejects if the write fails. */
  showNumber(address: number, text: string): Promise<void> {
    return this.send(encodeKeypadFrame(address, this.model.showCommand, digitCodes(this.model, text)));
  }

  /** Makes the keypad at `address` beep. Rejects if the write fails. */
  beep(address: number): Promise<void> {
    return this.send(encodeKeypadFrame(address, this.model.beepCommand));
  }

  private async send(frame: Uint8Array): Promise<void> {
    try {
      await this.transport.write(frame);
    } catch (error) {
      this.fail(`write: ${message(error)}`, 'error');
      throw error;
    }
    if (this.healthValue.state === 'error') this.setHealth({ state: 'ok' });
  }

  private onChunk(chunk: Uint8Array): void {
    if (!this.running) return;
    this.handle(this.decoder.push(chunk));
    if (this.idleTimer !== undefined) clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
    // A corrupted L can hold a real frame back until more bytes come; a keypad waiting for its echo sends few.
    if (this.decoder.buffered > 0) {
      this.idleTimer = setTimeout(() => {
        this.idleTimer = undefined;
        if (this.running) this.handle(this.decoder.flush());
      }, this.idleFlushMs);
    }
  }

  private handle(results: KeypadDecodeResult[]): void {
    for (const result of results) {
      if (result.ok) this.onFrame(result.frame);
      else this.fail(frameErrorText(result.error), this.healthValue.state);
    }
  }

  private onFrame(frame: KeypadFrame): void {
    // Our own show/beep echoed back, or a model's status frame: not a key, not answered.
    if (frame.cmd !== this.model.keyCommand) return;
    this.send(encodeKeypadFrame(frame.address, frame.cmd, frame.data)).catch(() => undefined);
    if (this.isDuplicate(frame)) {
      this.duplicates += 1;
      return;
    }
    const key = keyFromData(this.model, frame.data);
    if (key === undefined) {
      const code = [...frame.data.slice(-2)].map((b) => b.toString(16).padStart(2, '0')).join(' ');
      this.fail(`unknown key code ${code || '(none)'}`, this.healthValue.state);
      return;
    }
    this.listeners.emit('key', { address: frame.address, key });
  }

  private isDuplicate(frame: KeypadFrame): boolean {
    const now = this.now();
    for (const [id, at] of this.recent) if (now - at >= this.dedupeWindowMs) this.recent.delete(id);
    const id = frameKey(frame);
    const seen = this.recent.has(id);
    this.recent.set(id, now);
    return seen;
  }

  private onStatus(status: TransportStatus): void {
    if (!this.running) return;
    if (status.state === 'open') this.setHealth({ state: 'ok' });
    else if (status.state !== 'opening') this.fail(`transport ${status.state}: ${status.lastError ?? ''}`.trim(), 'no-device');
  }

  private fail(reason: string, state: CallerKeypadState): void {
    this.setHealth({ state, errorCount: this.healthValue.errorCount + 1, lastError: reason });
  }

  private setHealth(patch: Partial<CallerKeypadHealth>): void {
    const next = { ...this.healthValue, ...patch };
    const prev = this.healthValue;
    if (next.state === prev.state && next.errorCount === prev.errorCount && next.lastError === prev.lastError) return;
    this.healthValue = next;
    this.listeners.emit('health', { ...next });
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
