import type { Transport } from '../transport/types';

/**
 * The device end of a link, as every simulator holds it: attach to a transport
 * end (a memory link or a pty), hear its bytes, answer through it, detach.
 * Subclasses say what hearing bytes means and what detaching cancels.
 */
export abstract class DeviceSimulator {
  protected transport: Transport | undefined;
  private unsubscribe: (() => void) | undefined;

  /** Starts listening on `transport`, opening it if needed. */
  async attach(transport: Transport): Promise<void> {
    this.detach();
    this.transport = transport;
    this.unsubscribe = transport.onData((chunk) => this.hear(chunk));
    if (transport.status.state !== 'open') await transport.open();
  }

  /** Stops listening and cancels what the subclass had pending. Does not close the transport. */
  detach(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.transport = undefined;
    this.detached();
  }

  /** Bytes from the host, in arbitrary chunking. */
  protected abstract hear(chunk: Uint8Array): void;

  /** Cancels timers, buffers and decoders of the detached link. */
  protected detached(): void {}
}
