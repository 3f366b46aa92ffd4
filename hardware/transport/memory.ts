import { TransportListeners } from './listeners';
import type { Transport, TransportStatus } from './types';
import { TransportClosedError } from './types';

/**
 * An in-memory transport end. Two ends made by `createMemoryLink` are wired
 * back to back: what one writes, the other receives, asynchronously (as a real
 * device would answer), so drivers cannot depend on synchronous replies.
 */
export class MemoryTransport implements Transport {
  readonly kind = 'memory' as const;
  private peer: MemoryTransport | undefined;
  private readonly listeners = new TransportListeners();
  private baud = 115200;
  /** Every rate passed to setBaudRate, in order: a memory link has no line speed to change. */
  readonly baudChanges: number[] = [];

  constructor(readonly address: string) {}

  get baudRate(): number {
    return this.baud;
  }

  async setBaudRate(baud: number): Promise<void> {
    this.baudChanges.push(baud);
    this.baud = baud;
  }

  get status(): TransportStatus {
    return this.listeners.status;
  }

  connect(peer: MemoryTransport): void {
    this.peer = peer;
  }

  async open(): Promise<void> {
    this.listeners.setStatus({ state: 'open' });
  }

  async close(): Promise<void> {
    this.listeners.setStatus({ state: 'closed' });
  }

  /** Simulates the device being unplugged: the end fails until reopened. */
  fail(reason: string): void {
    this.listeners.setStatus({ state: 'failed', lastError: reason });
  }

  async write(data: Uint8Array): Promise<void> {
    if (this.status.state !== 'open') throw new TransportClosedError(this.address);
    const peer = this.peer;
    if (!peer) return;
    const copy = Uint8Array.from(data);
    setImmediate(() => peer.deliver(copy));
  }

  onData(listener: (chunk: Uint8Array) => void): () => void {
    return this.listeners.onData(listener);
  }

  onStatus(listener: (status: TransportStatus) => void): () => void {
    return this.listeners.onStatus(listener);
  }

  private deliver(chunk: Uint8Array): void {
    if (this.status.state === 'open') this.listeners.emitData(chunk);
  }
}

/** Two connected in-memory ends: `host` for the driver, `device` for a simulator. */
export function createMemoryLink(name: string): { host: MemoryTransport; device: MemoryTransport } {
  const host = new MemoryTransport(`memory:${name}`);
  const device = new MemoryTransport(`memory:${name}#device`);
  host.connect(device);
  device.connect(host);
  return { host, device };
}
