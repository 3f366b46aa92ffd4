/**
 * Transport over a serial port (a USB-serial SAM reader, or a pty in tests)
 * through the `serialport` library, 8N1.
 *
 * The device may vanish at any time (cable pulled, USB reset). When it does —
 * a `close` event carrying a disconnect error, or an open that fails — the
 * transport goes to `reconnecting` and reopens the same path with exponential
 * backoff until `close()` is called. Each attempt uses a fresh `SerialPort`:
 * a stream that saw a disconnect queues writes for an `open` that may never
 * come, so it is dropped rather than reused. Because the binding misses some
 * hang-ups, the device node is also watched while open (`device-watch.ts`).
 */
import { SerialPort } from 'serialport';
import type { BackoffOptions } from './backoff';
import { Reconnector } from './backoff';
import { watchDeviceNode } from './device-watch';
import type { Transport, TransportStatus } from './types';
import { errorMessage, TransportClosedError, TransportIoError } from './types';

export interface SerialTransportOptions {
  /** Device path, e.g. `/dev/ttyUSB0`, `COM3`, or a pty symlink. */
  path: string;
  /** Default 115200, the SAM module's factory setting. */
  baudRate?: number;
  /** Reopen pacing after the device went away (defaults 100 ms, ×2, max 1000 ms). */
  reconnect?: BackoffOptions;
  /** How often to check that the device node is still there while open. Default 250 ms; 0 turns it off. */
  presenceCheckMs?: number;
}

type Listener<T> = (value: T) => void;

export class SerialTransport implements Transport {
  readonly kind = 'serial' as const;
  readonly address: string;
  private port: SerialPort | undefined;
  private state: TransportStatus = { state: 'closed' };
  private baud: number;
  /** True between open() and close(): the caller wants the device, so losses are retried. */
  private wanted = false;
  private opening: Promise<void> | undefined;
  private readonly reconnector: Reconnector;
  private readonly dataListeners = new Set<Listener<Uint8Array>>();
  private readonly statusListeners = new Set<Listener<TransportStatus>>();
  /** Rejecters of writes in flight: a lost port never calls their callbacks. */
  private readonly pendingWrites = new Set<(error: Error) => void>();
  private stopWatch: (() => void) | undefined;

  constructor(private readonly options: SerialTransportOptions) {
    this.address = options.path;
    this.baud = options.baudRate ?? 115200;
    this.reconnector = new Reconnector(() => this.reconnectAttempt(), options.reconnect);
  }

  get status(): TransportStatus {
    return this.state;
  }

  get baudRate(): number {
    return this.baud;
  }

  /**
   * Opens the port. If that fails the promise rejects with a TransportIoError,
   * and the transport keeps retrying in state `reconnecting` until close().
   */
  async open(): Promise<void> {
    if (this.state.state === 'open') return;
    if (this.opening) return this.opening;
    this.wanted = true;
    this.reconnector.cancel();
    this.setStatus({ state: 'opening' });
    try {
      await this.openPort();
    } catch (error) {
      const failure = error instanceof TransportClosedError ? error : new TransportIoError(this.address, 'open', errorMessage(error));
      if (this.wanted) this.lost(failure.message);
      throw failure;
    }
  }

  /** Closes the port and stops reconnecting. No timer or port survives it. */
  async close(): Promise<void> {
    this.wanted = false;
    this.reconnector.cancel();
    await this.opening?.catch(() => undefined);
    const port = this.port;
    this.port = undefined;
    this.unwatch();
    this.failPendingWrites(new TransportClosedError(this.address));
    if (port?.isOpen) await new Promise<void>((resolve) => port.close(() => resolve()));
    if (this.state.state !== 'closed') this.setStatus({ state: 'closed' });
  }

  async write(data: Uint8Array): Promise<void> {
    const port = this.port;
    if (this.state.state !== 'open' || !port) throw new TransportClosedError(this.address);
    const buffer = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    await new Promise<void>((resolve, reject) => {
      const fail = (error: Error) => {
        this.pendingWrites.delete(fail);
        reject(error);
      };
      this.pendingWrites.add(fail);
      // Drain only after the write callback: a drain issued earlier may finish before a queued write starts.
      port.write(buffer, (writeError) => {
        if (!this.pendingWrites.has(fail)) return;
        if (writeError) {
          fail(new TransportIoError(this.address, 'write', writeError.message));
          return;
        }
        port.drain((drainError) => {
          if (!this.pendingWrites.has(fail)) return;
          if (drainError) {
            fail(new TransportIoError(this.address, 'write', drainError.message));
            return;
          }
          this.pendingWrites.delete(fail);
          resolve();
        });
      });
    });
  }

  /** Changes the line speed now (if open) and for every later reopen. */
  async setBaudRate(baud: number): Promise<void> {
    const port = this.port;
    if (port?.isOpen) {
      await new Promise<void>((resolve, reject) => {
        port.update({ baudRate: baud }, (error) =>
          error ? reject(new TransportIoError(this.address, 'set-baud', error.message)) : resolve(),
        );
      });
    }
    this.baud = baud;
  }

  onData(listener: Listener<Uint8Array>): () => void {
    this.dataListeners.add(listener);
    return () => this.dataListeners.delete(listener);
  }

  onStatus(listener: Listener<TransportStatus>): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  private openPort(): Promise<void> {
    const run = new Promise<void>((resolve, reject) => {
      let port: SerialPort;
      try {
        port = new SerialPort({
          path: this.options.path,
          baudRate: this.baud,
          dataBits: 8,
          stopBits: 1,
          parity: 'none',
          autoOpen: false,
        });
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
        return;
      }
      // Errors reach us through callbacks and `close`; an unheard 'error' event would crash the process.
      port.on('error', () => undefined);
      port.open((error) => {
        if (error) {
          reject(error);
          return;
        }
        if (!this.wanted) {
          // close() was called while the OS was opening: give the port straight back.
          port.close(() => undefined);
          reject(new TransportClosedError(this.address));
          return;
        }
        this.adopt(port);
        resolve();
      });
    });
    const tracked = run.finally(() => {
      if (this.opening === tracked) this.opening = undefined;
    });
    this.opening = tracked;
    return tracked;
  }

  private adopt(port: SerialPort): void {
    this.port = port;
    port.on('data', (chunk: Buffer) => {
      if (this.port !== port) return;
      for (const listener of this.dataListeners) listener(chunk);
    });
    port.on('close', (error: Error | null) => {
      if (this.port !== port) return;
      this.port = undefined;
      this.unwatch();
      if (this.wanted) this.lost(error?.message ?? 'port closed');
    });
    const interval = this.options.presenceCheckMs ?? 250;
    if (interval > 0) {
      this.stopWatch = watchDeviceNode(this.options.path, interval, (reason) => {
        if (this.port !== port) return;
        // Our own close: the binding stops its read loop once the fd is closed.
        this.port = undefined;
        this.stopWatch = undefined;
        if (port.isOpen) port.close(() => undefined);
        if (this.wanted) this.lost(reason);
      });
    }
    this.setStatus({ state: 'open' });
  }

  private unwatch(): void {
    this.stopWatch?.();
    this.stopWatch = undefined;
  }

  private lost(reason: string): void {
    this.failPendingWrites(new TransportClosedError(this.address));
    this.setStatus({ state: 'reconnecting', lastError: reason });
    this.reconnector.start();
  }

  private async reconnectAttempt(): Promise<boolean> {
    if (!this.wanted) return true;
    try {
      await this.openPort();
      return true;
    } catch (error) {
      // Keep state `reconnecting` without re-emitting: listeners already know the device is gone.
      this.state = { state: 'reconnecting', lastError: errorMessage(error) };
      return !this.wanted;
    }
  }

  private failPendingWrites(error: Error): void {
    const pending = [...this.pendingWrites];
    this.pendingWrites.clear();
    for (const fail of pending) fail(error);
  }

  private setStatus(status: TransportStatus): void {
    this.state = status;
    for (const listener of this.statusListeners) listener(status);
  }
}
