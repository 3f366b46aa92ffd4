/**
 * Transport over a serial-over-HID bridge (readers that enumerate as HID, no
 * driver needed), report-based; the framing is described in `hid-framing.ts`.
 *
 * node-hid sits behind a seam (`HidDevicePort`, `HidOpener`) so the transport
 * can be tested without a device, and so node-hid's native module loads only
 * when a real device is opened. When the device reports an error or a write
 * fails, the transport goes to `reconnecting` and reopens it through the
 * opener with exponential backoff until `close()` is called.
 */
import type { BackoffOptions } from './backoff';
import { Reconnector } from './backoff';
import type { HidFraming } from './hid-framing';
import { packReports, unpackReport } from './hid-framing';
import type { Transport, TransportStatus } from './types';
import { errorMessage, TransportClosedError, TransportIoError } from './types';

/** The part of an open HID device the transport uses. */
export interface HidDevicePort {
  /** Writes one output report (first byte: report id); returns the bytes written. */
  write(report: number[]): Promise<number> | number;
  onData(callback: (report: Uint8Array) => void): void;
  onError(callback: (error: Error) => void): void;
  close(): Promise<void> | void;
}

export type HidOpener = () => Promise<HidDevicePort>;

/** Opens the first device with this VID:PID through node-hid's HIDAsync. */
export function nodeHidOpener(vendorId: number, productId: number): HidOpener {
  return async () => {
    const { HIDAsync } = await import('node-hid');
    const device = await HIDAsync.open(vendorId, productId);
    return {
      write: (report) => device.write(report),
      onData: (callback) => {
        device.on('data', (data: Buffer) => callback(data));
      },
      onError: (callback) => {
        device.on('error', (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))));
      },
      close: () => device.close(),
    };
  };
}

export interface HidTransportOptions {
  vendorId: number;
  productId: number;
  /** Default: node-hid's HIDAsync.open(vendorId, productId). */
  opener?: HidOpener;
  /** Default 0x00 (unnumbered reports). */
  reportId?: number;
  /** Report data size without the id. Default 64. */
  reportSize?: number;
  /** Default: true for numbered reports (reportId ≠ 0), false otherwise, as hidapi delivers them. */
  inputHasReportId?: boolean;
  reconnect?: BackoffOptions;
}

type Listener<T> = (value: T) => void;

const hex4 = (n: number) => n.toString(16).padStart(4, '0');

export class HidTransport implements Transport {
  readonly kind = 'hid' as const;
  readonly address: string;
  private readonly framing: HidFraming;
  private readonly opener: HidOpener;
  private device: HidDevicePort | undefined;
  private state: TransportStatus = { state: 'closed' };
  private wanted = false;
  private opening: Promise<void> | undefined;
  private readonly reconnector: Reconnector;
  private readonly dataListeners = new Set<Listener<Uint8Array>>();
  private readonly statusListeners = new Set<Listener<TransportStatus>>();
  /** Input reports that did not fit the framing (wrong id, impossible LEN); dropped. */
  droppedReports = 0;

  constructor(options: HidTransportOptions) {
    this.address = `hid:${hex4(options.vendorId)}:${hex4(options.productId)}`;
    const reportId = options.reportId ?? 0x00;
    const reportSize = options.reportSize ?? 64;
    if (!Number.isInteger(reportSize) || reportSize < 2 || reportSize > 256) {
      throw new RangeError(`reportSize must be 2..256, got ${reportSize}`);
    }
    this.framing = { reportId, reportSize, inputHasReportId: options.inputHasReportId ?? reportId !== 0 };
    this.opener = options.opener ?? nodeHidOpener(options.vendorId, options.productId);
    this.reconnector = new Reconnector(() => this.reconnectAttempt(), options.reconnect);
  }

  get status(): TransportStatus {
    return this.state;
  }

  /** Like SerialTransport.open: a failed open rejects and keeps retrying until close(). */
  async open(): Promise<void> {
    if (this.state.state === 'open') return;
    if (this.opening) return this.opening;
    this.wanted = true;
    this.reconnector.cancel();
    this.setStatus({ state: 'opening' });
    try {
      await this.openDevice();
    } catch (error) {
      const failure = error instanceof TransportClosedError ? error : new TransportIoError(this.address, 'open', errorMessage(error));
      if (this.wanted) this.lost(failure.message);
      throw failure;
    }
  }

  async close(): Promise<void> {
    this.wanted = false;
    this.reconnector.cancel();
    await this.opening?.catch(() => undefined);
    const device = this.device;
    this.device = undefined;
    if (device) await this.closeQuietly(device);
    if (this.state.state !== 'closed') this.setStatus({ state: 'closed' });
  }

  /** Sends `data` as one or more output reports, in order. */
  async write(data: Uint8Array): Promise<void> {
    const device = this.device;
    if (this.state.state !== 'open' || !device) throw new TransportClosedError(this.address);
    for (const report of packReports(data, this.framing)) {
      let written: number;
      try {
        written = await device.write(report);
      } catch (error) {
        throw this.writeFailed(device, errorMessage(error));
      }
      // hidapi returns -1 on failure; a short write would desynchronise the framing.
      if (written < report.length) throw this.writeFailed(device, `wrote ${written} of ${report.length} bytes`);
    }
  }

  onData(listener: Listener<Uint8Array>): () => void {
    this.dataListeners.add(listener);
    return () => this.dataListeners.delete(listener);
  }

  onStatus(listener: Listener<TransportStatus>): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  private openDevice(): Promise<void> {
    const run = this.opener().then(async (device) => {
      if (!this.wanted) {
        await this.closeQuietly(device);
        throw new TransportClosedError(this.address);
      }
      this.adopt(device);
    });
    const tracked = run.finally(() => {
      if (this.opening === tracked) this.opening = undefined;
    });
    this.opening = tracked;
    return tracked;
  }

  private adopt(device: HidDevicePort): void {
    this.device = device;
    device.onData((report) => {
      if (this.device !== device) return;
      const unpacked = unpackReport(report, this.framing);
      if (!unpacked.ok) {
        this.droppedReports += 1;
        return;
      }
      if (unpacked.payload.length === 0) return;
      for (const listener of this.dataListeners) listener(unpacked.payload);
    });
    device.onError((error) => {
      // node-hid reports an unplugged device as a read error; the handle is dead either way.
      if (this.device === device) this.drop(device, error.message);
    });
    this.setStatus({ state: 'open' });
  }

  private writeFailed(device: HidDevicePort, reason: string): TransportIoError {
    if (this.device === device) this.drop(device, reason);
    return new TransportIoError(this.address, 'write', reason);
  }

  private drop(device: HidDevicePort, reason: string): void {
    this.device = undefined;
    void this.closeQuietly(device);
    if (this.wanted) this.lost(reason);
  }

  private lost(reason: string): void {
    this.setStatus({ state: 'reconnecting', lastError: reason });
    this.reconnector.start();
  }

  private async reconnectAttempt(): Promise<boolean> {
    if (!this.wanted) return true;
    try {
      await this.openDevice();
      return true;
    } catch (error) {
      this.state = { state: 'reconnecting', lastError: errorMessage(error) };
      return !this.wanted;
    }
  }

  private async closeQuietly(device: HidDevicePort): Promise<void> {
    try {
      await device.close();
    } catch {
      // Closing a vanished device fails; there is nothing left to release.
    }
  }

  private setStatus(status: TransportStatus): void {
    this.state = status;
    for (const listener of this.statusListeners) listener(status);
  }
}
