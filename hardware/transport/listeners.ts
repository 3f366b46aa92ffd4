import type { TransportStatus } from './types';

type Listener<T> = (value: T) => void;

/** The data and status subscribers of one transport, and the current status they were told. */
export class TransportListeners {
  private current: TransportStatus = { state: 'closed' };
  private readonly data = new Set<Listener<Uint8Array>>();
  private readonly statuses = new Set<Listener<TransportStatus>>();

  get status(): TransportStatus {
    return this.current;
  }

  onData(listener: Listener<Uint8Array>): () => void {
    this.data.add(listener);
    return () => this.data.delete(listener);
  }

  onStatus(listener: Listener<TransportStatus>): () => void {
    this.statuses.add(listener);
    return () => this.statuses.delete(listener);
  }

  emitData(chunk: Uint8Array): void {
    for (const listener of this.data) listener(chunk);
  }

  setStatus(status: TransportStatus): void {
    this.current = status;
    for (const listener of this.statuses) listener(status);
  }

  /** Updates the status without telling anyone (a retry failed again: nothing new to say). */
  noteStatus(status: TransportStatus): void {
    this.current = status;
  }
}
