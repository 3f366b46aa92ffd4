import type { Transport, TransportStatus } from './types';
import { TransportClosedError } from './types';

type Listener<T> = (value: T) => void;

/**
 * An in-memory transport end. Two ends made by `createMemoryLink` are wired
 * back to back: what one writes, the other receives, asynchronously (as a real
 * device would answer), so drivers cannot depend on synchronous replies.
 */
export class MemoryTransport implements Transport {
  readonly kind = 'memory' as const;
  private peer: MemoryTransport | undefined;
  private state: TransportStatus = { state: 'closed' };
  private readonly dataListeners = new Set<Listener<Uint8Array>>();
  private readonly statusListeners = new Set<Listener<TransportStatus>>();
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
    return this.state;
  }

  connect(peer: MemoryTransport): void {
    this.peer = peer;
  }

  async open(): Promise<void> {
    this.setStatus({ state: 'open' });
  }

  async close(): Promise<void> {
    this.setStatus({ state: 'closed' });
  }

  /** Simulates the device being unplugged: the end fails until reopened. */
  fail(reason: string): void {
    this.setStatus({ state: 'failed', lastError: reason });
  }

  async write(data: Uint8Array): Promise<void> {
    if (this.state.state !== 'open') throw new TransportClosedError(this.address);
    const peer = this.peer;
    if (!peer) return;
    const copy = Uint8Array.from(data);
    setImmediate(() => peer.deliver(copy));
  }

  onData(listener: Listener<Uint8Array>): () => void {
    this.dataListeners.add(listener);
    return () => this.dataListeners.delete(listener);
  }

  onStatus(listener: Listener<TransportStatus>): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  private deliver(chunk: Uint8Array): void {
    if (this.state.state !== 'open') return;
    for (const listener of this.dataListeners) listener(chunk);
  }

  private setStatus(status: TransportStatus): void {
    this.state = status;
    for (const listener of this.statusListeners) listener(status);
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
