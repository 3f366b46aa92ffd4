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
  /** Current line speed, for transports that have one (serial, memory); undefined for HID. */
  readonly baudRate?: number | undefined;
  open(): Promise<void>;
  close(): Promise<void>;
  /** Resolves once the bytes are handed to the device (drained for serial). */
  write(data: Uint8Array): Promise<void>;
  /** Subscribe to raw chunks, in arbitrary chunking. Returns an unsubscribe function. */
  onData(listener: (chunk: Uint8Array) => void): () => void;
  onStatus(listener: (status: TransportStatus) => void): () => void;
  /**
   * Changes the line speed (baud negotiation). Only transports with a line
   * speed implement it; the new rate also applies to later reopens.
   */
  setBaudRate?(baud: number): Promise<void>;
}

export class TransportClosedError extends Error {
  override readonly name = 'TransportClosedError';
  constructor(address: string) {
    super(`transport ${address} is not open`);
  }
}

/** An operation on an open (or opening) transport failed at the OS or device level. */
export class TransportIoError extends Error {
  override readonly name = 'TransportIoError';
  constructor(
    readonly address: string,
    readonly operation: 'open' | 'write' | 'set-baud' | 'close',
    cause: string,
  ) {
    super(`${operation} on ${address} failed: ${cause}`);
  }
}

/** The message of anything thrown, for status reports. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
