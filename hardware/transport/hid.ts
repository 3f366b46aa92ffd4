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
import type { HidFraming } from './hid-framing';
import { packReports, unpackReport } from './hid-framing';
import { ReconnectingTransport } from './reconnecting';
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

const hex4 = (n: number) => n.toString(16).padStart(4, '0');

export class HidTransport extends ReconnectingTransport<HidDevicePort> {
  readonly kind = 'hid' as const;
  private readonly framing: HidFraming;
  private readonly opener: HidOpener;
  /** Input reports that did not fit the framing (wrong id, impossible LEN); dropped. */
  droppedReports = 0;

  constructor(options: HidTransportOptions) {
    super(`hid:${hex4(options.vendorId)}:${hex4(options.productId)}`, options.reconnect);
    const reportId = options.reportId ?? 0x00;
    const reportSize = options.reportSize ?? 64;
    if (!Number.isInteger(reportSize) || reportSize < 2 || reportSize > 256) {
      throw new RangeError(`reportSize must be 2..256, got ${reportSize}`);
    }
    this.framing = { reportId, reportSize, inputHasReportId: options.inputHasReportId ?? reportId !== 0 };
    this.opener = options.opener ?? nodeHidOpener(options.vendorId, options.productId);
  }

  /** Sends `data` as one or more output reports, in order. */
  async write(data: Uint8Array): Promise<void> {
    const device = this.handle;
    if (this.status.state !== 'open' || !device) throw new TransportClosedError(this.address);
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

  protected connect(): Promise<HidDevicePort> {
    return this.opener();
  }

  protected attach(device: HidDevicePort): void {
    device.onData((report) => {
      if (this.handle !== device) return;
      const unpacked = unpackReport(report, this.framing);
      if (!unpacked.ok) {
        this.droppedReports += 1;
        return;
      }
      if (unpacked.payload.length > 0) this.listeners.emitData(unpacked.payload);
    });
    // node-hid reports an unplugged device as a read error; the handle is dead either way.
    device.onError((error) => this.handleLost(device, error.message));
  }

  protected async release(device: HidDevicePort): Promise<void> {
    try {
      await device.close();
    } catch {
      // Closing a vanished device fails; there is nothing left to release.
    }
  }

  private writeFailed(device: HidDevicePort, reason: string): TransportIoError {
    this.handleLost(device, reason);
    return new TransportIoError(this.address, 'write', reason);
  }
}
