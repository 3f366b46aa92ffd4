import type { DeviceConfig } from '../../contracts/config';
import type { DeviceTestAction, DeviceTestResult } from '../../contracts/devices';
import type { Db } from '../../db/open';
import { audit } from '../audit/audit';
import type { Clock } from '../clock/clock';
import { HostError } from '../errors/host-error';
import type { DeviceManager } from './device-manager';

export interface DeviceAdministrationOptions {
  db: Db;
  clock: Clock;
  devices: DeviceManager;
}

/**
 * The technician's changes to this host's devices, each audited. A save or a removal writes the
 * device row and its audit row in one transaction, so neither exists without the other; the
 * driver is restarted (or stopped) only after the commit, since a driver's start is slow I/O that
 * must not hold the write lock, and a refused write must leave the running driver as it was.
 */
export class DeviceAdministration {
  constructor(private readonly o: DeviceAdministrationOptions) {}

  /** Adds or replaces a device: stored and audited together, then its driver restarted with the new config. */
  async save(config: DeviceConfig, staffId: number): Promise<void> {
    const { db, clock, devices } = this.o;
    devices.checkSavable(config);
    db.transaction(() => {
      devices.store(config);
      audit(db, clock, 'device.save', {
        staffId,
        details: { deviceId: config.id, kind: config.kind, transport: config.transport.type },
      });
    })();
    await devices.apply(config);
  }

  /** Removes a device (its row, or only its driver when the row is already gone), audited; then stops its driver. */
  async remove(id: string, staffId: number): Promise<void> {
    const { db, clock, devices } = this.o;
    const running = devices.isRunning(id);
    db.transaction(() => {
      if (!devices.unstore(id) && !running) throw new HostError('not_found', `no device ${id}`);
      audit(db, clock, 'device.remove', { staffId, details: { deviceId: id } });
    })();
    await devices.detach(id);
  }

  /** Runs a technician's test action and audits it with its outcome (a failed test too). */
  async test(id: string, action: DeviceTestAction, text: string | undefined, staffId: number): Promise<DeviceTestResult> {
    const result = await this.o.devices.test(id, action, text);
    audit(this.o.db, this.o.clock, 'device.test', { staffId, details: { deviceId: id, action, ok: result.ok } });
    return result;
  }
}
