/**
 * Scanners in software. `ScannerSimulator` is a serial-mode scanner on any
 * Transport end (memory link or pty): each scan is the code's UTF-8 bytes and
 * the terminator, optionally written in small pieces to exercise reassembly.
 * `HidPosScannerSimulator` is a HID POS scanner behind the `HidDevicePort`
 * seam: hand its `opener` to `HidPosScanner`.
 */
import type { HidDevicePort, HidOpener } from '../transport/hid';
import type { Transport } from '../transport/types';
import type { HidPosLayout } from './hid-pos-report';
import { buildHidPosReports, defaultHidPosLayout } from './hid-pos-report';
import type { LineTerminator } from './lines';

export { buildHidPosReports } from './hid-pos-report';

const TERMINATOR_BYTES: Record<LineTerminator, number[]> = { CR: [0x0d], LF: [0x0a], CRLF: [0x0d, 0x0a] };

export interface ScannerSimulatorOptions {
  terminator?: LineTerminator;
  /** Write each scan in pieces of this many bytes (0: one write). */
  chunkSize?: number;
}

export class ScannerSimulator {
  private transport: Transport | undefined;
  /** Writes stay in order even when split: each waits for the one before. */
  private queue: Promise<void> = Promise.resolve();
  private readonly terminator: number[];
  private readonly chunkSize: number;

  constructor(options: ScannerSimulatorOptions = {}) {
    this.terminator = TERMINATOR_BYTES[options.terminator ?? 'CR'];
    this.chunkSize = options.chunkSize ?? 0;
  }

  async attach(transport: Transport): Promise<void> {
    this.transport = transport;
    if (transport.status.state !== 'open') await transport.open();
  }

  detach(): void {
    this.transport = undefined;
  }

  /** Sends `code` as a scan. */
  scan(code: string): void {
    this.send(Uint8Array.from([...new TextEncoder().encode(code), ...this.terminator]));
  }

  /** Sends raw bytes (noise, an unterminated code). */
  sendRaw(bytes: Uint8Array): void {
    this.send(bytes);
  }

  /** Resolves once every write so far is handed to the transport. */
  flush(): Promise<void> {
    return this.queue;
  }

  private send(bytes: Uint8Array): void {
    const transport = this.transport;
    if (!transport) return;
    const size = this.chunkSize > 0 ? this.chunkSize : bytes.length;
    this.queue = this.queue.then(async () => {
      for (let at = 0; at < bytes.length; at += size) {
        // A scanner talking into an unplugged cable loses the scan; so do we.
        await transport.write(bytes.subarray(at, at + size)).catch(() => undefined);
      }
    });
  }
}

/** A HID POS scanner behind the HidDevicePort seam. */
export class HidPosScannerSimulator {
  private data: ((report: Uint8Array) => void) | undefined;
  private error: ((error: Error) => void) | undefined;
  private plugged = true;
  /** How many times the scanner was opened. */
  opens = 0;
  readonly layout: HidPosLayout;

  constructor(layout: Partial<HidPosLayout> = {}) {
    this.layout = { ...defaultHidPosLayout, ...layout };
  }

  readonly opener: HidOpener = async () => {
    if (!this.plugged) throw new Error('no such device');
    this.opens += 1;
    const port: HidDevicePort = {
      write: (report) => report.length,
      onData: (callback) => {
        this.data = callback;
      },
      onError: (callback) => {
        this.error = callback;
      },
      close: () => {
        this.data = undefined;
        this.error = undefined;
      },
    };
    return port;
  };

  /** Sends the reports for `code` (asynchronously, as a device would). */
  scan(code: string, symbology = ']Q1'): void {
    for (const report of buildHidPosReports(code, { symbology, layout: this.layout })) this.report(report);
  }

  /** Sends one raw input report. */
  report(report: Uint8Array): void {
    const deliver = this.data;
    if (deliver) setImmediate(() => deliver(report));
  }

  unplug(): void {
    this.plugged = false;
    const fail = this.error;
    this.data = undefined;
    this.error = undefined;
    fail?.(new Error('could not read from HID device'));
  }

  replug(): void {
    this.plugged = true;
  }
}
