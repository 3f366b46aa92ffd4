import type { DeviceConfig } from '../../contracts/config';
import type { DeviceTestAction, DeviceTestResult } from '../../contracts/devices';
import type { HallEvent } from '../../contracts/events';
import type { DeviceHealth } from '../../contracts/health';
import { BxLedScreen, BxScreenSimulator, type LedScreenFailure } from '../../hardware/ledscreen';
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
  private unsubscribeStatus: (() => void) | undefined;
  /** What the screen should show: sent again when its cable comes back. */
  private lines: string[];
  private unplugged = false;

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
    this.lines = this.idleLines();
    // Failed commands and garbled bytes on the line, counted by the driver.
    this.screen.on('health', (h) => this.tracker.update(h.state, h.errorCount, h.lastError && describe(h.lastError)));
  }

  health(): DeviceHealth {
    return this.tracker.value;
  }

  async start(): Promise<void> {
    if (this.simulator && this.simulatorEnd) await this.simulator.attach(this.simulatorEnd);
    // Unplugged: no-device at once (not only at the next call); replugged: the text goes up again.
    this.unsubscribeStatus = this.transport.onStatus((status) => {
      if (status.state === 'open') {
        if (!this.unplugged) return;
        this.unplugged = false;
        void this.show(this.lines);
      } else if (status.state !== 'opening') {
        this.unplugged = true;
        this.tracker.update('no-device', this.screen.health.errorCount, status.lastError ?? `transport ${status.state}`);
      }
    });
    await this.transport.open().catch(() => undefined);
    await this.show(this.lines);
    this.unsubscribe = this.deps.bus.subscribe((event) => void this.onHallEvent(event));
  }

  async stop(): Promise<void> {
    this.unsubscribe?.();
    this.unsubscribeStatus?.();
    await this.transport.close();
    this.simulator?.detach();
  }

  async test(action: DeviceTestAction, text?: string): Promise<DeviceTestResult> {
    if (action !== 'show-text') return unsupported(action, 'LED screen');
    const ok = await this.show([text ?? '测试 TEST', `${this.windowNumber}号窗口`]);
    if (ok) return { ok: true, code: 'screen_shown', params: {}, detail: 'shown' };
    return {
      ok: false,
      code: 'screen_failed',
      params: { failure: this.screen.health.lastError?.kind ?? null },
      detail: this.tracker.value.lastError ?? 'no answer',
    };
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
    this.lines = lines;
    try {
      await this.screen.showText(lines);
      this.tracker.update('ok', this.screen.health.errorCount);
      return true;
    } catch {
      const h = this.screen.health;
      this.tracker.update(
        this.transport.status.state === 'open' ? h.state : 'no-device',
        h.errorCount,
        h.lastError && describe(h.lastError),
      );
      return false;
    }
  }
}

function describe(failure: LedScreenFailure): string {
  switch (failure.kind) {
    case 'timeout':
      return `timeout after ${failure.timeoutMs} ms`;
    case 'refused':
      return `refused (status ${failure.status})`;
    case 'frame':
      return `frame: ${failure.detail}`;
    case 'transport':
      return `transport: ${failure.message}`;
    case 'closed':
      return 'closed';
  }
}
