import { DeviceConfig } from '../../contracts/config';
import type { DeviceList, DeviceTestAction, DeviceTestResult, DiscoveryResult, PrintPreview } from '../../contracts/devices';
import type { DeviceHealth } from '../../contracts/health';
import type { Db } from '../../db/open';
import { countDevices, deleteDevice, listDevices, upsertDevice } from '../../db/repositories/devices';
import { discoverDevices } from '../../hardware/transport/discovery';
import type { Clock } from '../clock/clock';
import { HostError } from '../errors/host-error';
import type { EventBus } from '../events/event-bus';
import type { IdentitySessions } from '../identity/identity-sessions';
import type { QueueService } from '../queue/queue-service';
import type { DeviceHandle } from './device-handle';
import { IdCardDevice, simulatedCardEntries, type SimulatedCardEntry } from './idcard-device';
import { KeypadDevice } from './keypad-device';
import { LedScreenDevice } from './ledscreen-device';
import { PrinterDevice } from './printer-device';
import { ScannerDevice } from './scanner-device';

export interface DeviceManagerOptions {
  db: Db;
  clock: Clock;
  bus: EventBus;
  identity: IdentitySessions;
  queue: QueueService;
  /** The config file's devices: written to the device table on first boot only. */
  seeds: readonly DeviceConfig[];
  /** False in production: a simulated device is a demo value there (host/config/environment.ts). */
  allowSimulators: boolean;
  /** Told of a device-driven write (a keypad's call) the database refused; true when it was a storage failure. */
  onStorageFailure?: (error: unknown) => boolean;
}

/**
 * The devices of this host: configs in SQLite (the technician console edits
 * them), one running driver (or simulator) per enabled device, their health
 * and events, discovery of what is plugged in, and the technician's tests.
 */
export class DeviceManager {
  private readonly handles = new Map<string, DeviceHandle>();
  private readonly configs = new Map<string, DeviceConfig>();

  constructor(private readonly o: DeviceManagerOptions) {
    if (countDevices(o.db) === 0) {
      for (const seed of o.seeds)
        upsertDevice(o.db, { id: seed.id, kind: seed.kind, configJson: JSON.stringify(seed) }, o.clock.now().toISOString());
    }
    for (const row of listDevices(o.db)) {
      const parsed = DeviceConfig.safeParse(JSON.parse(row.configJson));
      // A row this build cannot read is skipped, not fatal: the rest of the hall still works.
      if (parsed.success) this.configs.set(parsed.data.id, parsed.data);
    }
    for (const config of this.configs.values()) if (config.enabled) this.handles.set(config.id, this.create(config));
  }

  async start(): Promise<void> {
    await Promise.all([...this.handles.values()].map((h) => h.start()));
  }

  async stop(): Promise<void> {
    await Promise.all([...this.handles.values()].map((h) => h.stop()));
  }

  health(): DeviceHealth[] {
    return [...this.configs.values()].map((c) => this.healthOf(c));
  }

  list(): DeviceList {
    return { devices: [...this.configs.values()].map((config) => ({ config, health: this.healthOf(config) })) };
  }

  /**
   * Refuses a config this host must not run: a simulated device in production. Checked before
   * anything is written (host/devices/device-administration.ts).
   */
  checkSavable(config: DeviceConfig): void {
    if (config.transport.type === 'simulated' && !this.o.allowSimulators)
      throw new HostError('invalid_request', '生产环境不能使用模拟设备，请选择串口或 HID 连接');
  }

  /**
   * Writes a device's row (added or replaced); call it inside the caller's transaction, then
   * `apply` the config after the commit. The running driver is not touched here.
   */
  store(config: DeviceConfig): void {
    upsertDevice(
      this.o.db,
      { id: config.id, kind: config.kind, configJson: JSON.stringify(config) },
      this.o.clock.now().toISOString(),
    );
  }

  /** Restarts a stored device's driver with its new config (stopped for good when disabled). */
  async apply(config: DeviceConfig): Promise<void> {
    const old = this.handles.get(config.id);
    if (old) {
      this.handles.delete(config.id);
      await old.stop();
    }
    this.configs.set(config.id, config);
    if (config.enabled) {
      const handle = this.create(config);
      this.handles.set(config.id, handle);
      await handle.start();
    }
  }

  /** Whether a driver runs for this id. */
  isRunning(id: string): boolean {
    return this.handles.has(id);
  }

  /** Deletes a device's row inside the caller's transaction; false when there was none. Then `detach` it. */
  unstore(id: string): boolean {
    return deleteDevice(this.o.db, id);
  }

  /** Stops a removed device's driver and forgets its config (after the commit of `unstore`). */
  async detach(id: string): Promise<void> {
    const handle = this.handles.get(id);
    this.handles.delete(id);
    await handle?.stop();
    this.configs.delete(id);
  }

  /**
   * Brings the running drivers in line with the device table after someone else wrote it in
   * their own transaction (a configuration import): removed devices stop, changed ones restart.
   */
  async reload(): Promise<void> {
    const stored = new Map<string, DeviceConfig>();
    for (const row of listDevices(this.o.db)) {
      const parsed = DeviceConfig.safeParse(JSON.parse(row.configJson));
      if (parsed.success) stored.set(parsed.data.id, parsed.data);
    }
    const same = (a: DeviceConfig | undefined, b: DeviceConfig | undefined) => JSON.stringify(a) === JSON.stringify(b);
    for (const id of new Set([...this.configs.keys(), ...stored.keys()])) {
      const next = stored.get(id);
      if (same(this.configs.get(id), next)) continue;
      const old = this.handles.get(id);
      this.handles.delete(id);
      await old?.stop();
      if (next === undefined) {
        this.configs.delete(id);
        continue;
      }
      this.configs.set(id, next);
      if (next.enabled) {
        const handle = this.create(next);
        this.handles.set(id, handle);
        await handle.start();
      }
    }
  }

  discover(): Promise<DiscoveryResult> {
    return discoverDevices();
  }

  async test(id: string, action: DeviceTestAction, text?: string): Promise<DeviceTestResult> {
    const handle = this.handles.get(id);
    if (!handle) throw new HostError('not_found', `no running device ${id}`);
    return handle.test(action, text);
  }

  /** This host's ticket printer: the first enabled one. */
  printer(): PrinterDevice | null {
    for (const h of this.handles.values()) if (h instanceof PrinterDevice) return h;
    return null;
  }

  previews(id: string): PrintPreview[] {
    const handle = this.handles.get(id);
    if (!(handle instanceof PrinterDevice)) throw new HostError('not_found', `no printer ${id}`);
    return handle.previews();
  }

  hasSimulators(): boolean {
    return [...this.handles.values()].some((h) => h.simulated);
  }

  /** Simulated devices of one kind, for the demo panel and tests. */
  simulatorsOf<T extends DeviceHandle>(type: abstract new (...args: never[]) => T): T[] {
    return [...this.handles.values()].filter((h): h is T => h instanceof type && h.simulated);
  }

  simulatedCards(): SimulatedCardEntry[] {
    return this.simulatorsOf(IdCardDevice).length > 0 ? simulatedCardEntries() : [];
  }

  /** Lays an invented card on (or, with null, takes it off) every simulated reader. */
  placeSimulatedCard(cardId: string | null): boolean {
    const entry = cardId === null ? null : simulatedCardEntries().find((c) => c.id === cardId);
    if (entry === undefined) return false;
    for (const device of this.simulatorsOf(IdCardDevice)) {
      if (entry === null) device.simulator?.removeCard();
      else device.simulator?.placeCard(entry.card);
    }
    return true;
  }

  private healthOf(config: DeviceConfig): DeviceHealth {
    const handle = this.handles.get(config.id);
    if (handle) return handle.health();
    return {
      id: config.id,
      kind: config.kind,
      simulated: config.transport.type === 'simulated',
      state: 'disabled',
      errorCount: 0,
    };
  }

  private create(config: DeviceConfig): DeviceHandle {
    const onHealth = (h: DeviceHealth) => this.o.bus.publish({ type: 'device.status', deviceId: h.id, state: h.state });
    switch (config.kind) {
      case 'idcard':
        return new IdCardDevice(config, {
          onCard: (card) => this.o.identity.begin(card),
          onRemoved: () => this.o.identity.cardRemoved(),
          onHealth,
        });
      case 'printer':
        return new PrinterDevice(config, onHealth);
      case 'caller':
        return new KeypadDevice(config, {
          queue: this.o.queue,
          bus: this.o.bus,
          onHealth,
          onStorageFailure: this.o.onStorageFailure,
        });
      case 'ledscreen':
        return new LedScreenDevice(config, { bus: this.o.bus, onHealth });
      case 'scanner':
        return new ScannerDevice(config, { bus: this.o.bus, onHealth });
    }
  }
}
