/**
 * A QR/barcode scanner in HID POS mode (usage page 0x8C): each scan arrives
 * as one or more input reports, never as keystrokes, so it cannot leak into
 * a focused text field and needs no timing guesswork.
 *
 * Preferred source: a `HidOpener` (the `HidDevicePort` seam). HID POS is
 * defined per report (length byte, symbology, continuation flag at fixed
 * offsets) and the port hands over exactly one report per callback;
 * `nodeHidOpener` opens a real device (see `HidPosScanner.forDevice`) and
 * tests pass `HidPosScannerSimulator.opener`. A lost device is reopened with
 * the transports' backoff.
 *
 * Also accepted: a `Transport` whose every chunk is one raw input report
 * (a memory link in simulation). NOT a `HidTransport`: it unpacks
 * CH9329-style `LEN payload` framing and would mangle these reports.
 * Codes may carry personal data: nothing here logs them.
 */
import { Listeners } from '../common/listeners';
import type { BackoffOptions } from '../transport/backoff';
import { Reconnector } from '../transport/backoff';
import type { HidDevicePort, HidOpener } from '../transport/hid';
import { nodeHidOpener } from '../transport/hid';
import type { Transport } from '../transport/types';
import type { ScannerEvents } from './events';
import type { HidPosLayout, HidPosScan } from './hid-pos-report';
import { defaultHidPosLayout, HidPosDecoder } from './hid-pos-report';

export interface HidPosScannerOptions {
  layout?: Partial<HidPosLayout>;
  /** Reopen pacing for an opener source (a Transport reconnects on its own). */
  reconnect?: BackoffOptions;
  onListenerError?: (error: unknown) => void;
}

export type HidPosScannerState = 'ok' | 'no-device';

/** An open source of input reports, whichever kind. */
interface ReportSource {
  close(): Promise<void>;
}

export class HidPosScanner {
  private readonly decoder: HidPosDecoder;
  private readonly listeners: Listeners<ScannerEvents>;
  private readonly reconnector: Reconnector;
  private device: HidDevicePort | undefined;
  private transportOff: (() => void) | undefined;
  private wanted = false;
  private stateValue: HidPosScannerState = 'no-device';
  /** The last scan with its AIM symbology identifier ('' when none). */
  lastScan: HidPosScan | undefined;
  /** Reports of another id (status, attributes), skipped. */
  otherReports = 0;

  /** Opens the first device with this VID:PID through node-hid. */
  static forDevice(vendorId: number, productId: number, options: HidPosScannerOptions = {}): HidPosScanner {
    return new HidPosScanner(nodeHidOpener(vendorId, productId), options);
  }

  constructor(
    private readonly source: HidOpener | Transport,
    options: HidPosScannerOptions = {},
  ) {
    this.decoder = new HidPosDecoder({ ...defaultHidPosLayout, ...options.layout });
    this.listeners = new Listeners<ScannerEvents>(options.onListenerError);
    this.reconnector = new Reconnector(() => this.connect(), options.reconnect);
  }

  on<K extends keyof ScannerEvents>(event: K, listener: (payload: ScannerEvents[K]) => void): () => void {
    return this.listeners.on(event, listener);
  }

  /** `ok` while a device is open (opener source) or the transport is open. */
  get state(): HidPosScannerState {
    if (typeof this.source !== 'function') return this.source.status.state === 'open' ? 'ok' : 'no-device';
    return this.stateValue;
  }

  /** Opens the source; an opener that fails is retried with backoff until stop(). Resolves after the first attempt. */
  async start(): Promise<void> {
    if (this.wanted) return;
    this.wanted = true;
    this.decoder.reset();
    const source = this.source;
    if (typeof source !== 'function') {
      this.transportOff = source.onData((report) => this.onReport(report));
      if (source.status.state !== 'open') await source.open();
      return;
    }
    if (!(await this.connect())) this.reconnector.start();
  }

  async stop(): Promise<void> {
    if (!this.wanted) return;
    this.wanted = false;
    this.reconnector.cancel();
    let open: ReportSource | undefined;
    if (typeof this.source !== 'function') {
      this.transportOff?.();
      this.transportOff = undefined;
      open = this.source;
    } else if (this.device) {
      const device = this.device;
      this.device = undefined;
      open = { close: () => release(device) };
    }
    this.stateValue = 'no-device';
    await open?.close().catch(() => undefined);
  }

  private async connect(): Promise<boolean> {
    const opener = this.source;
    if (!this.wanted || typeof opener !== 'function') return true;
    let device: HidDevicePort;
    try {
      device = await opener();
    } catch {
      return false;
    }
    if (!this.wanted) {
      await release(device);
      return true;
    }
    this.device = device;
    this.decoder.reset();
    device.onData((report) => {
      if (this.device === device) this.onReport(report);
    });
    // node-hid reports an unplugged device as an error; the handle is dead either way.
    device.onError(() => this.lost(device));
    this.stateValue = 'ok';
    return true;
  }

  private lost(device: HidDevicePort): void {
    if (this.device !== device) return;
    this.device = undefined;
    void release(device);
    this.stateValue = 'no-device';
    if (this.wanted) this.reconnector.start();
  }

  private onReport(report: Uint8Array): void {
    const result = this.decoder.push(report);
    if (!result) return;
    if (result.ok) {
      this.lastScan = result.scan;
      this.listeners.emit('scan', result.scan.code);
    } else if (result.error.kind === 'other-report') {
      this.otherReports += 1;
    } else {
      this.listeners.emit('dropped', { reason: result.error.kind === 'too-long' ? 'too-long' : 'bad-report' });
    }
  }
}

async function release(device: HidDevicePort): Promise<void> {
  try {
    await device.close();
  } catch {
    // A vanished device cannot be closed twice.
  }
}
