import type { DeviceConfig } from '../../contracts/config';
import type { DeviceTestAction, DeviceTestResult } from '../../contracts/devices';
import type { HallEvent } from '../../contracts/events';
import type { DeviceHealth } from '../../contracts/health';
import { CallerKeypadDriver, defaultKeypadModel, KeypadSimulator, type KeypadKey, type KeypadModel } from '../../hardware/caller';
import type { Transport } from '../../hardware/transport/types';
import { HostError } from '../errors/host-error';
import type { EventBus } from '../events/event-bus';
import type { Actor, QueueService } from '../queue/queue-service';
import { type DeviceHandle, HealthTracker, unsupported } from './device-handle';
import { createDeviceTransport } from './transport-factory';

/**
 * Caller keypads (呼叫器) on one serial line: each address sits at a window. A
 * key drives the same queue action as the counter page, on behalf of the staff
 * member signed in at that window; the keypad shows the number being served and
 * beeps when the action is refused.
 */
export class KeypadDevice implements DeviceHandle {
  readonly simulated: boolean;
  readonly simulator: KeypadSimulator | undefined;
  private readonly driver: CallerKeypadDriver;
  private readonly simulatorEnd: Transport | undefined;
  private readonly tracker: HealthTracker;
  private readonly windowByAddress = new Map<number, number>();
  private unsubscribe: (() => void) | undefined;

  constructor(
    readonly config: DeviceConfig,
    private readonly deps: {
      queue: QueueService;
      bus: EventBus;
      onHealth: (health: DeviceHealth) => void;
      /** Told of a key whose queue action the database refused (disk full, read-only): true when it was that. */
      onStorageFailure?: ((error: unknown) => boolean) | undefined;
    },
  ) {
    const { transport, simulatorEnd } = createDeviceTransport(config, 9600);
    this.simulatorEnd = simulatorEnd;
    this.simulator = simulatorEnd ? new KeypadSimulator({ model: keypadModel(config) }) : undefined;
    this.simulated = this.simulator !== undefined;
    this.tracker = new HealthTracker(config, this.simulated, deps.onHealth);
    for (const b of config.options.caller?.bindings ?? []) this.windowByAddress.set(b.address, b.windowNumber);
    this.driver = new CallerKeypadDriver(transport, { model: keypadModel(config) });
    this.driver.on('health', (h) => this.tracker.update(h.state, h.errorCount, h.lastError));
    this.driver.on('key', (e) => void this.onKey(e.address, e.key));
  }

  health(): DeviceHealth {
    return this.tracker.value;
  }

  async start(): Promise<void> {
    if (this.simulator && this.simulatorEnd) await this.simulator.attach(this.simulatorEnd);
    await this.driver.start();
    this.unsubscribe = this.deps.bus.subscribe((event) => void this.onHallEvent(event));
  }

  async stop(): Promise<void> {
    this.unsubscribe?.();
    await this.driver.stop();
    this.simulator?.detach();
  }

  async test(action: DeviceTestAction, text?: string): Promise<DeviceTestResult> {
    const addresses = [...this.windowByAddress.keys()];
    if (action !== 'beep' && action !== 'show-text') return unsupported(action, 'caller keypad');
    if (addresses.length === 0)
      return { ok: false, code: 'keypad_unbound', params: {}, detail: 'no keypad address is bound to a window' };
    try {
      if (action === 'beep') for (const a of addresses) await this.driver.beep(a);
      else for (const a of addresses) await this.driver.showNumber(a, (text ?? '888888').slice(0, 6));
      return { ok: true, code: 'keypad_sent', params: { addresses }, detail: `sent to keypad address ${addresses.join(', ')}` };
    } catch (error) {
      return { ok: false, code: 'keypad_failed', params: {}, detail: error instanceof Error ? error.message : String(error) };
    }
  }

  private windowIdOf(windowNumber: number): number | undefined {
    return this.deps.queue.windows().find((w) => w.number === windowNumber)?.id;
  }

  private async onKey(address: number, key: KeypadKey): Promise<void> {
    const windowNumber = this.windowByAddress.get(address);
    const windowId = windowNumber === undefined ? undefined : this.windowIdOf(windowNumber);
    if (windowId === undefined) return void (await this.safely(() => this.driver.beep(address)));
    try {
      const staffId = this.deps.queue.signedInStaff(windowId);
      // A keypad acts for the person signed in at its window, never anonymously.
      if (staffId === null) throw new HostError('unauthorized', `no staff signed in at window ${windowNumber}`);
      this.act(windowId, key, { staffId });
    } catch (error) {
      // Refused by the queue, or by a database that takes no writes (reported, so screens say so):
      // the keypad beeps either way. Anything else is a bug and is thrown.
      if (!(error instanceof HostError) && !this.deps.onStorageFailure?.(error)) throw error;
      await this.safely(() => this.driver.beep(address));
    }
  }

  private act(windowId: number, key: KeypadKey, actor: Actor): void {
    const q = this.deps.queue;
    switch (key) {
      case 'call':
        q.callNext(windowId, actor);
        return;
      case 'recall':
        q.recall(windowId, actor);
        return;
      case 'skip':
        q.skip(windowId, actor);
        return;
      case 'hold':
        q.hold(windowId, actor);
        return;
      case 'resume': {
        const held = q.window(windowId).held[0];
        if (!held) throw new HostError('invalid_state', 'nothing is on hold');
        q.resume(windowId, held.id, actor);
        return;
      }
      case 'pause':
        q.setPaused(windowId, !q.window(windowId).paused, actor);
        return;
      case 'evaluate':
        q.requestEvaluation(windowId, actor);
        return;
      case 'transfer':
        // A transfer needs a target, which a keypad cannot enter: it is done on the counter page.
        throw new HostError('invalid_state', 'transfer from the counter page');
    }
  }

  /** Keeps each keypad's display on the number its window is serving (blank when none). */
  private async onHallEvent(event: HallEvent): Promise<void> {
    if (event.type === 'ticket.called' || event.type === 'ticket.recalled' || event.type === 'ticket.resumed') {
      for (const [address, number] of this.windowByAddress) {
        if (number === event.call.windowNumber) await this.safely(() => this.driver.showNumber(address, event.call.ticketNumber));
      }
    } else if (
      event.type === 'ticket.finished' ||
      event.type === 'ticket.skipped' ||
      event.type === 'ticket.held' ||
      event.type === 'ticket.transferred' ||
      event.type === 'ticket.returned'
    ) {
      for (const [address, number] of this.windowByAddress) {
        const id = this.windowIdOf(number);
        if (id !== undefined && this.deps.queue.window(id).current === null)
          await this.safely(() => this.driver.showNumber(address, ''));
      }
    }
  }

  /** A keypad that does not answer must not break the queue action that already committed. */
  private async safely(send: () => Promise<void>): Promise<void> {
    try {
      await send();
    } catch {
      // The driver counts the failure in its health.
    }
  }
}

/** The generic FF 68 keypad with this device's model overrides applied. */
function keypadModel(config: DeviceConfig): KeypadModel {
  const o = config.options.caller?.model;
  if (!o) return defaultKeypadModel;
  const keys = o.keys
    ? Object.fromEntries(Object.entries(o.keys).map(([code, key]) => [Number(code), key]))
    : defaultKeypadModel.keys;
  return {
    ...defaultKeypadModel,
    ...(o.name !== undefined ? { name: o.name } : {}),
    ...(o.keyCommand !== undefined ? { keyCommand: o.keyCommand } : {}),
    ...(o.showCommand !== undefined ? { showCommand: o.showCommand } : {}),
    ...(o.beepCommand !== undefined ? { beepCommand: o.beepCommand } : {}),
    keys,
  };
}
