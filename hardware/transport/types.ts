/**
 * One byte-pipe interface for every transport (serial, HID, in-memory), so a
 * driver never knows which it talks through.
 */
export type TransportState = 'closed' | 'opening' | 'open' | 'reconnecting' | 'failed';

export interface TransportStatus {
  state: TransportState;
  /** Human-readable reason for the last failure; never contains personal data. */
  lastError?: string;
}

export interface Transport {
  readonly kind: 'serial' | 'hid' | 'memory';
  /** Where the transport points, for health reports: a path, a VID:PID, or a name. */
  readonly address: string;
  readonly status: TransportStatus;
  open(): Promise<void>;
  close(): Promise<void>;
  /** Resolves once the bytes are handed to the device (drained for serial). */
  write(data: Uint8Array): Promise<void>;
  /** Subscribe to raw chunks, in arbitrary chunking. Returns an unsubscribe function. */
  onData(listener: (chunk: Uint8Array) => void): () => void;
  onStatus(listener: (status: TransportStatus) => void): () => void;
}

export class TransportClosedError extends Error {
  override readonly name = 'TransportClosedError';
  constructor(address: string) {
    super(`transport ${address} is not open`);
  }
}
