/**
 * `LedScreen` for Onbon BX controllers: one text command per call, framed by
 * the BX link layer, then wait for the screen's ack frame.
 *
 * Commands are queued, one in flight: the link layer has no sequence
 * number, so an ack can only be matched to the one command waiting. A late
 * ack (after a timeout) arrives with nobody waiting and is dropped; the
 * decoder is reset before each command so half a stale frame cannot merge
 * with the next answer.
 */
import { Listeners } from '../common/listeners';
import type { Transport } from '../transport/types';
import { ackStatus, encodeTextCommand } from './bx-commands';
import type { BxFrame, BxFrameError } from './bx-link';
import { BX_DEFAULTS, BxFrameDecoder, encodeBxFrame } from './bx-link';
import type { LedScreen, LedScreenFailure, LedScreenHealth, LedScreenState } from './screen';
import { LedScreenError } from './screen';

export interface BxLedScreenOptions {
  /** The controller's address. Default 1; 0xFFFF broadcasts (then any screen's ack counts). */
  address?: number;
  /** Pixels; sent with each text command. Default 64 × 32, a common window screen. */
  width?: number;
  height?: number;
  /** How long to wait for the ack. Default 1000 ms. */
  timeoutMs?: number;
  /** Our address as source. Default 0x8000. */
  source?: number;
  onListenerError?: (error: unknown) => void;
}

export interface BxLedScreenEvents {
  health: LedScreenHealth;
}

interface Waiting {
  timer: ReturnType<typeof setTimeout>;
  settle: (failure: LedScreenFailure | undefined) => void;
}

const BROADCAST = 0xffff;

function frameErrorName(error: BxFrameError): string {
  return error.kind === 'crc' ? 'crc' : error.kind === 'length' ? 'length' : error.kind;
}

export class BxLedScreen implements LedScreen {
  private readonly address: number;
  private readonly width: number;
  private readonly height: number;
  private readonly timeoutMs: number;
  private readonly source: number;
  private readonly decoder = new BxFrameDecoder();
  private readonly listeners: Listeners<BxLedScreenEvents>;
  private unsubscribe: (() => void) | undefined;
  private waiting: Waiting | undefined;
  /** The end of the command queue. */
  private tail: Promise<unknown> = Promise.resolve();
  private healthValue: LedScreenHealth = { state: 'no-device', errorCount: 0 };

  constructor(
    private readonly transport: Transport,
    options: BxLedScreenOptions = {},
  ) {
    this.address = options.address ?? 1;
    this.width = options.width ?? 64;
    this.height = options.height ?? 32;
    this.timeoutMs = options.timeoutMs ?? 1000;
    this.source = options.source ?? BX_DEFAULTS.source;
    this.listeners = new Listeners<BxLedScreenEvents>(options.onListenerError);
  }

  on<K extends keyof BxLedScreenEvents>(event: K, listener: (payload: BxLedScreenEvents[K]) => void): () => void {
    return this.listeners.on(event, listener);
  }

  get health(): LedScreenHealth {
    return { ...this.healthValue };
  }

  showText(lines: string[]): Promise<void> {
    return this.enqueue(encodeTextCommand({ width: this.width, height: this.height, lines }));
  }

  clear(): Promise<void> {
    return this.enqueue(encodeTextCommand({ width: this.width, height: this.height, lines: [] }));
  }

  /** Stops listening, fails a waiting command as `closed`, and closes the transport. */
  async close(): Promise<void> {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.settle({ kind: 'closed' });
    await this.transport.close().catch(() => undefined);
  }

  private enqueue(data: Uint8Array): Promise<void> {
    const run = this.tail.then(() => this.exchange(data));
    // The queue goes on after a failed command; the caller still sees the failure.
    this.tail = run.catch(() => undefined);
    return run;
  }

  private async exchange(data: Uint8Array): Promise<void> {
    const failure = await this.attempt(data);
    if (failure) {
      const state: LedScreenState = failure.kind === 'timeout' || failure.kind === 'transport' ? 'no-device' : 'error';
      this.setHealth({ state, errorCount: this.healthValue.errorCount + 1, lastError: failure });
      throw new LedScreenError(failure);
    }
    this.setHealth({ state: 'ok' });
  }

  private async attempt(data: Uint8Array): Promise<LedScreenFailure | undefined> {
    this.unsubscribe ??= this.transport.onData((chunk) => this.onChunk(chunk));
    if (this.transport.status.state === 'closed') {
      try {
        await this.transport.open();
      } catch (error) {
        return { kind: 'transport', message: message(error) };
      }
    }
    this.decoder.reset();
    const frame = encodeBxFrame({ destination: this.address, source: this.source, data });
    const answer = new Promise<LedScreenFailure | undefined>((resolve) => {
      const timer = setTimeout(() => this.settle({ kind: 'timeout', timeoutMs: this.timeoutMs }), this.timeoutMs);
      this.waiting = { timer, settle: resolve };
    });
    try {
      await this.transport.write(frame);
    } catch (error) {
      this.settle({ kind: 'transport', message: message(error) });
    }
    return answer;
  }

  private onChunk(chunk: Uint8Array): void {
    // The screen speaks only to answer a command: bytes while none waits are line noise (or an
    // answer after its timeout). Dropped (the next command starts on a clean decoder) and counted.
    if (!this.waiting) return this.noise(`${chunk.length} bytes unasked`);
    for (const result of this.decoder.push(chunk)) {
      // Noise before the answer: counted, and the answer that follows still counts.
      if (!result.ok && result.error.kind === 'garbage') this.noise(`garbage: ${result.error.skipped} bytes`);
      else if (!this.waiting) {
        if (!result.ok) this.noise(frameErrorName(result.error)); // a broken frame after the answer
      } else if (result.ok) this.onFrame(result.frame);
      else this.settle({ kind: 'frame', detail: frameErrorName(result.error) });
    }
    // Bytes that came after the answer in the same chunk answer nothing either.
    if (!this.waiting && this.decoder.buffered > 0) {
      this.noise(`${this.decoder.buffered} bytes after the answer`);
      this.decoder.reset();
    }
  }

  /** Counted in health; the state is left to the next exchange. */
  private noise(detail: string): void {
    this.setHealth({ errorCount: this.healthValue.errorCount + 1, lastError: { kind: 'frame', detail } });
  }

  private onFrame(frame: BxFrame): void {
    if (this.address !== BROADCAST && frame.source !== this.address) return; // another screen on the bus
    const status = ackStatus(frame.data);
    if (status === undefined) return;
    this.settle(status === 0 ? undefined : { kind: 'refused', status });
  }

  private settle(failure: LedScreenFailure | undefined): void {
    const waiting = this.waiting;
    if (!waiting) return;
    this.waiting = undefined;
    clearTimeout(waiting.timer);
    waiting.settle(failure);
  }

  private setHealth(patch: Partial<LedScreenHealth>): void {
    const next = { ...this.healthValue, ...patch };
    const prev = this.healthValue;
    if (next.state === prev.state && next.errorCount === prev.errorCount) return;
    this.healthValue = next;
    this.listeners.emit('health', { ...next });
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
