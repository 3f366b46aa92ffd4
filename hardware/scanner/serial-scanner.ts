/**
 * A QR/barcode scanner in serial (USB-CDC) mode: one code per line. Codes
 * may carry personal data (e-ID QR): nothing here logs them.
 */
import { Listeners } from '../common/listeners';
import type { Transport } from '../transport/types';
import type { ScannerDropped, ScannerEvents } from './events';
import type { LineTerminator } from './lines';
import { LineSplitter } from './lines';

export interface SerialLineScannerOptions {
  /** Default CR, the common factory setting. */
  terminator?: LineTerminator;
  /** Longest accepted code in bytes. Default 4096 (a QR code holds at most 2953 bytes). */
  maxLength?: number;
  /**
   * Quiet time after which an unterminated line is dropped, so line noise or
   * a cut-off scan cannot prefix the next code. Default 1000 ms (a scanner
   * sends a whole code in one burst).
   */
  idleResetMs?: number;
  onListenerError?: (error: unknown) => void;
}

export class SerialLineScanner {
  private readonly splitter: LineSplitter;
  private readonly listeners: Listeners<ScannerEvents>;
  private unsubscribe: (() => void) | undefined;
  private readonly idleResetMs: number;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  /** Lines dropped (over-long or never terminated) since construction. */
  droppedCount = 0;

  constructor(
    private readonly transport: Transport,
    options: SerialLineScannerOptions = {},
  ) {
    this.splitter = new LineSplitter(options.terminator ?? 'CR', options.maxLength ?? 4096);
    this.listeners = new Listeners<ScannerEvents>(options.onListenerError);
    this.idleResetMs = options.idleResetMs ?? 1000;
  }

  on<K extends keyof ScannerEvents>(event: K, listener: (payload: ScannerEvents[K]) => void): () => void {
    return this.listeners.on(event, listener);
  }

  /** Subscribes and opens the transport (serial transports then reconnect on their own). */
  async start(): Promise<void> {
    if (this.unsubscribe) return;
    this.splitter.reset();
    this.unsubscribe = this.transport.onData((chunk) => this.onChunk(chunk));
    if (this.transport.status.state !== 'open') await this.transport.open();
  }

  async stop(): Promise<void> {
    if (!this.unsubscribe) return;
    this.unsubscribe();
    this.unsubscribe = undefined;
    this.clearIdle();
    await this.transport.close().catch(() => undefined);
  }

  private onChunk(chunk: Uint8Array): void {
    for (const result of this.splitter.push(chunk)) {
      if (result.ok) this.listeners.emit('scan', result.line);
      else this.drop({ reason: 'too-long', length: result.error.length });
    }
    this.clearIdle();
    if (this.splitter.buffered > 0) {
      this.idleTimer = setTimeout(() => {
        this.idleTimer = undefined;
        const length = this.splitter.buffered;
        this.splitter.reset();
        if (length > 0) this.drop({ reason: 'incomplete', length });
      }, this.idleResetMs);
    }
  }

  private drop(dropped: ScannerDropped): void {
    this.droppedCount += 1;
    this.listeners.emit('dropped', dropped);
  }

  private clearIdle(): void {
    if (this.idleTimer !== undefined) clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
  }
}
