import type { DeviceConfig } from '../../contracts/config';
import type { DeviceTestAction, DeviceTestResult } from '../../contracts/devices';
import type { DeviceHealth } from '../../contracts/health';
import { HidPosScanner, ScannerSimulator, SerialLineScanner } from '../../hardware/scanner';
import type { Transport } from '../../hardware/transport/types';
import type { EventBus } from '../events/event-bus';
import { type DeviceHandle, HealthTracker, unsupported } from './device-handle';
import { createDeviceTransport } from './transport-factory';

/** A QR/barcode scanner (appointment codes, case numbers): each scan becomes a `scanner.read` event for everyone and a `scanner.scanned` one for the kiosk page. */
export class ScannerDevice implements DeviceHandle {
  readonly simulated: boolean;
  readonly simulator: ScannerSimulator | undefined;
  private readonly scanner: SerialLineScanner | HidPosScanner;
  private readonly simulatorEnd: Transport | undefined;
  private readonly tracker: HealthTracker;
  private readonly transport: Transport;
  private unsubscribe: (() => void) | undefined;
  /** Lines dropped (noise never terminated, over-long): the scanner's errors. */
  private dropped = 0;

  constructor(
    readonly config: DeviceConfig,
    deps: { bus: EventBus; onHealth: (health: DeviceHealth) => void },
  ) {
    const { transport, simulatorEnd } = createDeviceTransport(config, 9600);
    this.transport = transport;
    const t = config.transport;
    this.simulatorEnd = simulatorEnd;
    this.simulator = simulatorEnd ? new ScannerSimulator() : undefined;
    this.simulated = this.simulator !== undefined;
    this.tracker = new HealthTracker(config, this.simulated, deps.onHealth);
    const options = config.options.scanner ?? { mode: 'line', terminator: 'CR' };
    // A real HID POS scanner is read report by report through the HID seam, not
    // through HidTransport's serial-over-HID framing, which would mangle its reports.
    this.scanner =
      options.mode === 'hid-pos'
        ? t.type === 'hid'
          ? HidPosScanner.forDevice(t.vendorId, t.productId)
          : new HidPosScanner(transport)
        : new SerialLineScanner(transport, { terminator: options.terminator });
    this.scanner.on('scan', (code: string) => {
      // The code reaches only the kiosk page holding the seat (host/api/routes-events.ts);
      // everyone else hears that a code was read, not what it was.
      deps.bus.publish({ type: 'scanner.read', deviceId: config.id, length: code.length });
      deps.bus.publish({ type: 'scanner.scanned', deviceId: config.id, code: code.slice(0, 512) });
    });
    // Garbage on the line is dropped by the scanner driver; health counts it (the state stays).
    this.scanner.on('dropped', (d) => {
      this.dropped += 1;
      this.tracker.update(this.tracker.value.state, this.dropped, `dropped: ${d.reason} (${d.length} bytes)`);
    });
  }

  health(): DeviceHealth {
    return this.tracker.value;
  }

  async start(): Promise<void> {
    if (this.simulator && this.simulatorEnd) await this.simulator.attach(this.simulatorEnd);
    this.unsubscribe = this.transport.onStatus((s) =>
      this.tracker.update(s.state === 'open' ? 'ok' : s.state === 'closed' ? 'starting' : 'no-device', this.dropped, s.lastError),
    );
    await this.scanner.start();
    if (this.transport.status.state === 'open') this.tracker.update('ok', this.dropped);
  }

  async stop(): Promise<void> {
    this.unsubscribe?.();
    await this.scanner.stop();
    this.simulator?.detach();
  }

  async test(action: DeviceTestAction): Promise<DeviceTestResult> {
    return unsupported(action, 'scanner');
  }
}
