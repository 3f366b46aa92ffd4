/**
 * Transport over a serial port (a USB-serial SAM reader, or a pty in tests)
 * through the `serialport` library, 8N1.
 *
 * The device may vanish at any time (cable pulled, USB reset): a `close` event
 * carrying a disconnect error, or an open that fails, sends the transport to
 * `reconnecting` (see `reconnecting.ts`). Each attempt uses a fresh `SerialPort`:
 * a stream that saw a disconnect queues writes for an `open` that may never
 * come, so it is dropped rather than reused. Because the binding misses some
 * hang-ups, the device node is also watched while open (`device-watch.ts`).
 */
import { SerialPort } from 'serialport';
import type { BackoffOptions } from './backoff';
import { watchDeviceNode } from './device-watch';
import { ReconnectingTransport } from './reconnecting';
import { TransportClosedError, TransportIoError } from './types';

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

export class SerialTransport extends ReconnectingTransport<SerialPort> {
  readonly kind = 'serial' as const;
  private baud: number;
  /** Rejecters of writes in flight: a lost port never calls their callbacks. */
  private readonly pendingWrites = new Set<(error: Error) => void>();
  private stopWatch: (() => void) | undefined;

  constructor(private readonly options: SerialTransportOptions) {
    super(options.path, options.reconnect);
    this.baud = options.baudRate ?? 115200;
  }

  get baudRate(): number {
    return this.baud;
  }

  async write(data: Uint8Array): Promise<void> {
    const port = this.handle;
    if (this.status.state !== 'open' || !port) throw new TransportClosedError(this.address);
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
    const port = this.handle;
    if (port?.isOpen) {
      await new Promise<void>((resolve, reject) => {
        port.update({ baudRate: baud }, (error) =>
          error ? reject(new TransportIoError(this.address, 'set-baud', error.message)) : resolve(),
        );
      });
    }
    this.baud = baud;
  }

  protected connect(): Promise<SerialPort> {
    return new Promise<SerialPort>((resolve, reject) => {
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
      port.open((error) => (error ? reject(error) : resolve(port)));
    });
  }

  protected attach(port: SerialPort): void {
    port.on('data', (chunk: Buffer) => {
      if (this.handle === port) this.listeners.emitData(chunk);
    });
    // The port closed itself (disconnect): nothing left to release.
    port.on('close', (error: Error | null) => this.handleLost(port, error?.message ?? 'port closed', false));
    const interval = this.options.presenceCheckMs ?? 250;
    if (interval > 0) {
      // Closing the port ourselves also stops the binding's read loop.
      this.stopWatch = watchDeviceNode(this.options.path, interval, (reason) => this.handleLost(port, reason));
    }
  }

  protected async release(port: SerialPort): Promise<void> {
    if (port.isOpen) await new Promise<void>((resolve) => port.close(() => resolve()));
  }

  protected override detached(reason: Error): void {
    this.stopWatch?.();
    this.stopWatch = undefined;
    const pending = [...this.pendingWrites];
    this.pendingWrites.clear();
    for (const fail of pending) fail(reason);
  }
}
