import type { BackoffOptions } from './backoff';
import { Reconnector } from './backoff';
import { TransportListeners } from './listeners';
import type { Transport, TransportStatus } from './types';
import { errorMessage, TransportClosedError, TransportIoError } from './types';

/**
 * The life cycle shared by transports to a device that can vanish (serial, HID):
 * open() connects, and when the device goes away — a failed open, a lost handle —
 * the transport goes to `reconnecting` and reconnects with exponential backoff
 * until close() is called. Subclasses say how to connect, watch and release a
 * device handle `H`, and how to write to it.
 */
export abstract class ReconnectingTransport<H> implements Transport {
  abstract readonly kind: 'serial' | 'hid';
  /** The device handle while open; a handle that died is never reused. */
  protected handle: H | undefined;
  protected readonly listeners = new TransportListeners();
  /** True between open() and close(): the caller wants the device, so losses are retried. */
  private wanted = false;
  private opening: Promise<void> | undefined;
  private readonly reconnector: Reconnector;

  protected constructor(
    readonly address: string,
    reconnect: BackoffOptions | undefined,
  ) {
    this.reconnector = new Reconnector(() => this.reconnectAttempt(), reconnect);
  }

  get status(): TransportStatus {
    return this.listeners.status;
  }

  /** Opens the device. If that fails the promise rejects, and retries go on in `reconnecting` until close(). */
  async open(): Promise<void> {
    if (this.status.state === 'open') return;
    if (this.opening) return this.opening;
    this.wanted = true;
    this.reconnector.cancel();
    this.listeners.setStatus({ state: 'opening' });
    try {
      await this.connectOnce();
    } catch (error) {
      const failure =
        error instanceof TransportClosedError ? error : new TransportIoError(this.address, 'open', errorMessage(error));
      if (this.wanted) this.lost(failure.message);
      throw failure;
    }
  }

  /** Closes the device and stops reconnecting. No timer or handle survives it. */
  async close(): Promise<void> {
    this.wanted = false;
    this.reconnector.cancel();
    await this.opening?.catch(() => undefined);
    const handle = this.handle;
    this.handle = undefined;
    this.detached(new TransportClosedError(this.address));
    if (handle !== undefined) await this.release(handle);
    if (this.status.state !== 'closed') this.listeners.setStatus({ state: 'closed' });
  }

  abstract write(data: Uint8Array): Promise<void>;

  onData(listener: (chunk: Uint8Array) => void): () => void {
    return this.listeners.onData(listener);
  }

  onStatus(listener: (status: TransportStatus) => void): () => void {
    return this.listeners.onStatus(listener);
  }

  /** Opens the device and returns its handle (not yet adopted). */
  protected abstract connect(): Promise<H>;
  /** Wires the handle's events: data to `listeners.emitData`, loss to `handleLost`. */
  protected abstract attach(handle: H): void;
  /** Releases a handle, quietly: a vanished device cannot be closed twice. */
  protected abstract release(handle: H): Promise<void>;
  /** The handle is gone (closed or lost): stop watchers, fail writes in flight. */
  protected detached(_reason: Error): void {}

  /** A live handle died (unplugged, I/O error): drop it and start reconnecting. */
  protected handleLost(handle: H, reason: string, releaseIt = true): void {
    if (this.handle !== handle) return;
    this.handle = undefined;
    this.detached(new TransportClosedError(this.address));
    if (releaseIt) void this.release(handle);
    if (this.wanted) this.lost(reason);
  }

  private connectOnce(): Promise<void> {
    const run = this.connect().then(async (handle) => {
      if (!this.wanted) {
        // close() was called while the OS was opening: give the device straight back.
        await this.release(handle);
        throw new TransportClosedError(this.address);
      }
      this.handle = handle;
      this.attach(handle);
      this.listeners.setStatus({ state: 'open' });
    });
    const tracked = run.finally(() => {
      if (this.opening === tracked) this.opening = undefined;
    });
    this.opening = tracked;
    return tracked;
  }

  private lost(reason: string): void {
    this.listeners.setStatus({ state: 'reconnecting', lastError: reason });
    this.reconnector.start();
  }

  private async reconnectAttempt(): Promise<boolean> {
    if (!this.wanted) return true;
    try {
      await this.connectOnce();
      return true;
    } catch (error) {
      // Stay `reconnecting` without re-emitting: listeners already know the device is gone.
      this.listeners.noteStatus({ state: 'reconnecting', lastError: errorMessage(error) });
      return !this.wanted;
    }
  }
}
