import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DeviceConfig, HostConfig } from '../../../contracts/config';
import { openDatabase, type Db } from '../../../db/open';
import { insertStaff } from '../../../db/repositories/staff';
import { DeviceAdministration } from '../../../host/devices/device-administration';
import { DeviceManager } from '../../../host/devices/device-manager';
import { EventBus } from '../../../host/events/event-bus';
import { IdentityKeyer } from '../../../host/identity/identity-key';
import { IdentitySessions } from '../../../host/identity/identity-sessions';
import { QueueService } from '../../../host/queue/queue-service';
import { ALL_DAY_HOURS, migrationsDir } from '../../support/test-host';
import { waitFor } from '../../support/wait';

const clock = { now: () => new Date() };
const dirs: string[] = [];
const managers: DeviceManager[] = [];
const dbs: Db[] = [];

function boot(file: string, seeds: DeviceConfig[]) {
  const db = openDatabase(file, { migrationsDir });
  dbs.push(db);
  const bus = new EventBus();
  const config = HostConfig.parse({ hours: ALL_DAY_HOURS });
  const queue = new QueueService({ db, bus, clock, timeZone: config.timeZone, hours: config.hours, policy: config.queue });
  queue.seed(config.services, config.windows);
  const identity = new IdentitySessions({
    bus,
    clock,
    timeZone: config.timeZone,
    keyer: IdentityKeyer.ephemeral(),
    maxAgeMs: 60_000,
  });
  const manager = new DeviceManager({ db, clock, bus, identity, queue, seeds, allowSimulators: true });
  managers.push(manager);
  // Saves and removals go through the technician's audited service, as the console's do.
  const admin = new DeviceAdministration({ db, clock, devices: manager });
  const technician = insertStaff(db, { staffNo: `T${dbs.length}`, name: '王工', role: 'technician', pinHash: 'scrypt$test' }).id;
  return { manager, bus, admin, technician };
}

afterEach(async () => {
  for (const m of managers.splice(0)) await m.stop();
  dbs.splice(0).forEach((d) => d.close());
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
});

const device = (id: string, kind: DeviceConfig['kind'], extra: Partial<DeviceConfig> = {}) =>
  DeviceConfig.parse({ id, kind, transport: { type: 'simulated' }, ...extra });

describe('DeviceManager', () => {
  it('takes the config file’s devices on first boot only; afterwards the device table rules', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'devices-'));
    dirs.push(dir);
    const file = join(dir, 'hall.sqlite');
    const first = boot(file, [device('printer-1', 'printer'), device('scanner-1', 'scanner')]);
    await first.manager.start();
    await first.admin.remove('scanner-1', first.technician);
    await first.manager.stop();
    const second = boot(file, [device('printer-1', 'printer'), device('scanner-1', 'scanner'), device('led-9', 'ledscreen')]);
    expect(second.manager.list().devices.map((d) => d.config.id)).toEqual(['printer-1']);
  });

  it('saves a device, restarts it with the new config, and shows a disabled one as disabled', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'devices-'));
    dirs.push(dir);
    const { manager, bus, admin, technician } = boot(join(dir, 'hall.sqlite'), []);
    await manager.start();
    const states: string[] = [];
    bus.subscribe((e) => {
      if (e.type === 'device.status') states.push(`${e.deviceId}:${e.state}`);
    });
    await admin.save(
      device('printer-2', 'printer', { options: { printer: { paperWidth: 58, header: [], footer: [] } } }),
      technician,
    );
    await waitFor(() => (manager.health().find((h) => h.id === 'printer-2')?.state === 'ok' ? true : undefined), 'printer ok');
    expect(manager.printer()?.paperWidth).toBe(58);
    await admin.save(device('printer-2', 'printer', { enabled: false }), technician);
    expect(manager.health().find((h) => h.id === 'printer-2')?.state).toBe('disabled');
    expect(manager.printer()).toBeNull();
    expect(states).toContain('printer-2:ok');
  });

  it('lists what discovery finds without failing when a bus cannot be read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'devices-'));
    dirs.push(dir);
    const { manager } = boot(join(dir, 'hall.sqlite'), []);
    const found = await manager.discover();
    expect(Array.isArray(found.devices)).toBe(true);
    for (const e of found.errors) expect(['serial', 'hid']).toContain(e.bus);
  });
});
