import type { DeviceConfig } from '../../contracts/config';
import type { DeviceTestAction, DeviceTestResult } from '../../contracts/devices';
import type { HallEvent } from '../../contracts/events';
import type { DeviceHealth } from '../../contracts/health';
import { BxLedScreen, BxScreenSimulator } from '../../hardware/ledscreen';
import type { Transport } from '../../hardware/transport/types';
import type { EventBus } from '../events/event-bus';
import { type DeviceHandle, HealthTracker, unsupported } from './device-handle';
import { createDeviceTransport } from './transport-factory';

/** The LED screen above one window: shows the number called there, or the window's state. */
export class LedScreenDevice implements DeviceHandle {
  readonly simulated: boolean;
  readonly simulator: BxScreenSimulator | undefined;
  private readonly screen: BxLedScreen;
  private readonly simulatorEnd: Transport | undefined;
  private readonly transport: Transport;
  private readonly tracker: HealthTracker;
  private readonly windowNumber: number;
  private unsubscribe: (() => void) | undefined;
  private errors = 0;

  constructor(
    readonly config: DeviceConfig,
    private readonly deps: { bus: EventBus; onHealth: (health: DeviceHealth) => void },
  ) {
    const { transport, simulatorEnd } = createDeviceTransport(config, 9600);
    this.simulatorEnd = simulatorEnd;
    this.simulator = simulatorEnd ? new BxScreenSimulator() : undefined;
    this.simulated = this.simulator !== undefined;
    this.tracker = new HealthTracker(config, this.simulated, deps.onHealth);
    this.windowNumber = config.options.ledscreen?.windowNumber ?? 1;
    this.transport = transport;
    this.screen = new BxLedScreen(transport, { address: config.options.ledscreen?.address ?? 1 });
  }

  health(): DeviceHealth {
    return this.tracker.value;
  }

  async start(): Promise<void> {
    if (this.simulator && this.simulatorEnd) await this.simulator.attach(this.simulatorEnd);
    await this.transport.open().catch(() => undefined);
    await this.show(this.idleLines());
    this.unsubscribe = this.deps.bus.subscribe((event) => void this.onHallEvent(event));
  }

  async stop(): Promise<void> {
    this.unsubscribe?.();
    await this.transport.close();
    this.simulator?.detach();
  }

  async test(action: DeviceTestAction, text?: string): Promise<DeviceTestResult> {
    if (action !== 'show-text') return unsupported(action, 'LED screen');
    const ok = await this.show([text ?? '测试 TEST', `${this.windowNumber}号窗口`]);
    return ok ? { ok: true, detail: 'shown' } : { ok: false, detail: this.tracker.value.lastError ?? 'no answer' };
  }

  private idleLines(): string[] {
    return [`${this.windowNumber}号窗口`, '欢迎光临'];
  }

  private async onHallEvent(event: HallEvent): Promise<void> {
    if (
      (event.type === 'ticket.called' || event.type === 'ticket.recalled' || event.type === 'ticket.resumed') &&
      event.call.windowNumber === this.windowNumber
    ) {
      await this.show([`请${event.call.ticketNumber}号`, `${this.windowNumber}号窗口`]);
    } else if (event.type === 'window.paused' && event.windowNumber === this.windowNumber) {
      await this.show(event.paused ? [`${this.windowNumber}号窗口`, '暂停服务'] : this.idleLines());
    }
  }

  /** Sends lines to the screen; health follows whether the screen acknowledged. */
  private async show(lines: string[]): Promise<boolean> {
    try {
      await this.screen.showText(lines);
      this.tracker.update('ok', this.errors);
      return true;
    } catch (error) {
      this.errors += 1;
      this.tracker.update(
        this.transport.status.state === 'open' ? 'error' : 'no-device',
        this.errors,
        error instanceof Error ? error.message : String(error),
      );
      return false;
    }
  }
}
