/**
 * One command at a time over a Transport: write a command frame, wait for the
 * reply frame or a timeout. The SAM protocol has no sequence numbers, so the
 * channel refuses overlap instead of guessing which reply is whose.
 */
import type { Transport } from '../transport/types';
import type { SamCommand } from './commands';
import { commandName } from './commands';
import type { FrameError, ResponseFrame } from './frame';
import { encodeCommand, FrameDecoder } from './frame';

export type ExchangeError =
  | { kind: 'timeout'; command: string; timeoutMs: number }
  | { kind: 'frame'; command: string; error: FrameError }
  | { kind: 'transport'; command: string; message: string }
  | { kind: 'busy'; command: string }
  | { kind: 'closed'; command: string };

export type ExchangeResult = { ok: true; frame: ResponseFrame } | { ok: false; error: ExchangeError };

interface Pending {
  command: string;
  timer: ReturnType<typeof setTimeout>;
  settle: (result: ExchangeResult) => void;
}

export class CommandChannel {
  private readonly decoder = new FrameDecoder();
  private pending: Pending | undefined;
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly transport: Transport,
    /** Told of bytes that answer nothing: line noise, or a reply that came after its timeout. */
    private readonly onNoise?: (bytes: number) => void,
  ) {}

  /** Starts listening to the transport's bytes. */
  listen(): void {
    this.unsubscribe ??= this.transport.onData((chunk) => this.onChunk(chunk));
  }

  /** Stops listening and settles an in-flight command as `closed`, clearing its timer. */
  close(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.settle({ ok: false, error: { kind: 'closed', command: this.pending?.command ?? '' } });
  }

  get busy(): boolean {
    return this.pending !== undefined;
  }

  /** Never rejects: every failure is an `ExchangeError`. */
  exchange(command: SamCommand, timeoutMs: number): Promise<ExchangeResult> {
    const name = commandName(command);
    if (this.pending) return Promise.resolve({ ok: false, error: { kind: 'busy', command: name } });
    if (!this.unsubscribe) return Promise.resolve({ ok: false, error: { kind: 'closed', command: name } });
    // Bytes left over from an earlier, timed-out command belong to nobody now.
    this.decoder.reset();
    return new Promise<ExchangeResult>((resolve) => {
      const timer = setTimeout(() => {
        this.settle({ ok: false, error: { kind: 'timeout', command: name, timeoutMs } });
        // A partial reply may still be buffered; the next command must not inherit it.
        this.decoder.reset();
      }, timeoutMs);
      this.pending = { command: name, timer, settle: resolve };
      this.transport.write(encodeCommand(command)).catch((error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        if (this.pending?.settle === resolve) this.settle({ ok: false, error: { kind: 'transport', command: name, message } });
      });
    });
  }

  private onChunk(chunk: Uint8Array): void {
    // The SAM speaks only when spoken to: bytes while no command waits are noise (or a late reply).
    // They are dropped (the next command starts on a clean decoder) and counted.
    if (!this.pending) return this.onNoise?.(chunk.length);
    for (const result of this.decoder.push(chunk)) {
      if (!this.pending) continue; // after the reply: dropped
      if (result.ok) {
        this.settle({ ok: true, frame: result.frame });
      } else if (result.error.kind === 'garbage') {
        this.onNoise?.(result.error.skipped);
      } else {
        // Line noise before a reply is harmless; a broken frame means this reply is lost.
        this.settle({ ok: false, error: { kind: 'frame', command: this.pending.command, error: result.error } });
      }
    }
    // Bytes that came after the reply in the same chunk answer nothing either.
    if (!this.pending && this.decoder.buffered > 0) {
      this.onNoise?.(this.decoder.buffered);
      this.decoder.reset();
    }
  }

  private settle(result: ExchangeResult): void {
    const pending = this.pending;
    if (!pending) return;
    this.pending = undefined;
    clearTimeout(pending.timer);
    pending.settle(result);
  }
}
