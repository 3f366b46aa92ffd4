import type { DeviceConfig } from '../../contracts/config';
import type { DeviceTestAction, DeviceTestResult, PrintPreview } from '../../contracts/devices';
import type { DeviceHealth } from '../../contracts/health';
import { encodeTicket, PrinterDriver, type PrintResult, VirtualPrinter } from '../../hardware/printer';
import type { Transport } from '../../hardware/transport/types';
import { type DeviceHandle, HealthTracker, unsupported } from './device-handle';
import { createDeviceTransport } from './transport-factory';

/** A thermal ticket printer: the ESC/POS driver, or a virtual printer when `simulated`. */
export class PrinterDevice implements DeviceHandle {
  readonly simulated: boolean;
  readonly virtualPrinter: VirtualPrinter | undefined;
  private readonly driver: PrinterDriver;
  private readonly simulatorEnd: Transport | undefined;
  private readonly tracker: HealthTracker;

  constructor(
    readonly config: DeviceConfig,
    onHealth: (health: DeviceHealth) => void,
  ) {
    const { transport, simulatorEnd } = createDeviceTransport(config, 115200);
    this.simulatorEnd = simulatorEnd;
    this.virtualPrinter = simulatorEnd ? new VirtualPrinter() : undefined;
    this.simulated = this.virtualPrinter !== undefined;
    this.tracker = new HealthTracker(config, this.simulated, onHealth);
    // ASB keeps the status current between polls (paper, cover, offline as they happen).
    this.driver = new PrinterDriver(transport, { enableAsb: true });
    this.driver.on('health', (h) => this.tracker.update(h.state, h.errorCount, h.lastError));
  }

  get paperWidth(): 58 | 80 {
    return this.config.options.printer?.paperWidth ?? 80;
  }

  get header(): string[] {
    return this.config.options.printer?.header ?? [];
  }

  get footer(): string[] {
    return this.config.options.printer?.footer ?? [];
  }

  health(): DeviceHealth {
    return this.tracker.value;
  }

  async start(): Promise<void> {
    if (this.virtualPrinter && this.simulatorEnd) await this.virtualPrinter.attach(this.simulatorEnd);
    await this.driver.start();
  }

  async stop(): Promise<void> {
    await this.driver.stop();
    this.virtualPrinter?.detach();
  }

  print(bytes: Uint8Array): Promise<PrintResult> {
    return this.driver.print(bytes);
  }

  /** The last pages the virtual printer decoded (simulated printers only). */
  previews(): PrintPreview[] {
    return this.virtualPrinter ? [...this.virtualPrinter.pages] : [];
  }

  async test(action: DeviceTestAction): Promise<DeviceTestResult> {
    if (action !== 'print-test') return unsupported(action, 'printer');
    const bytes = encodeTicket(
      {
        hallName: '打印测试 PRINT TEST',
        serviceName: '测试事项',
        number: 'T000',
        peopleAhead: 0,
        estimatedWaitMinutes: 0,
        issuedAt: new Date(),
        timeZone: 'Asia/Shanghai',
        qrUrl: 'https://example.invalid/print-test',
        note: '此为测试小票，无效。',
      },
      { width: this.paperWidth, header: this.header, footer: this.footer },
    );
    const result = await this.driver.print(bytes);
    return result.ok
      ? { ok: true, code: 'printed', params: { bytes: bytes.length }, detail: `printed ${bytes.length} bytes` }
      : {
          ok: false,
          code: 'print_failed',
          params: { reason: result.reason },
          detail: result.detail === undefined ? result.reason : `${result.reason}: ${result.detail}`,
        };
  }
}
