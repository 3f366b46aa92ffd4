import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DeviceConfig, HostConfig } from '../../../contracts/config';
import { openDatabase, type Db } from '../../../db/open';
import { insertStaff } from '../../../db/repositories/staff';
import { DeviceAdministration } from '../../../host/devices/device-administration';
import { DeviceManager } from '../../../host/devices/device-manager';
import { HostError } from '../../../host/errors/host-error';
import { EventBus } from '../../../host/events/event-bus';
import { IdentityKeyer } from '../../../host/identity/identity-key';
import { IdentitySessions } from '../../../host/identity/identity-sessions';
import { QueueService } from '../../../host/queue/queue-service';
import { ALL_DAY_HOURS, migrationsDir } from '../../support/test-host';
import { waitFor } from '../../support/wait';

const clock = { now: () => new Date() };

const printer = (id: string, extra: Partial<DeviceConfig> = {}) =>
  DeviceConfig.parse({ id, kind: 'printer', transport: { type: 'simulated' }, ...extra });

/** The technician's device changes: each device row with its audit row, the driver after the commit. */
describe('DeviceAdministration', () => {
  let db: Db;
  let manager: DeviceManager;
  let admin: DeviceAdministration;
  let technician: number;

  function build(allowSimulators: boolean): void {
    const bus = new EventBus();
    const config = HostConfig.parse({ hours: ALL_DAY_HOURS });
    const queue = new QueueService({ db, bus, clock, timeZone: config.timeZone, hours: config.hours, policy: config.queue });
    const identity = new IdentitySessions({
      bus,
      clock,
      timeZone: config.timeZone,
      keyer: IdentityKeyer.ephemeral(),
      maxAgeMs: 60_000,
    });
    manager = new DeviceManager({ db, clock, bus, identity, queue, seeds: [printer('printer-1')], allowSimulators });
    admin = new DeviceAdministration({ db, clock, devices: manager });
  }

  beforeEach(async () => {
    db = openDatabase(':memory:', { migrationsDir });
    technician = insertStaff(db, { staffNo: '8001', name: '王工', role: 'technician', pinHash: 'scrypt$test' }).id;
    build(true);
    await manager.start();
  });
  afterEach(async () => {
    await manager.stop();
    db.close();
  });

  const deviceRows = () =>
    db.prepare('SELECT id, config_json AS configJson FROM devices ORDER BY id').all() as { id: string; configJson: string }[];
  const auditRows = () =>
    (
      db.prepare("SELECT staff_id AS staffId, action, details FROM audit_log WHERE action LIKE 'device.%' ORDER BY id").all() as {
        staffId: number;
        action: string;
        details: string;
      }[]
    ).map((r) => ({ ...r, details: JSON.parse(r.details) as unknown }));
  const failure = async (work: Promise<unknown>) =>
    work.then(
      () => null,
      (e: unknown) => e,
    );

  it('saves a device with its audit row, then runs its driver', async () => {
    await admin.save(printer('printer-2'), technician);
    expect(deviceRows().map((r) => r.id)).toEqual(['printer-1', 'printer-2']);
    expect(auditRows()).toEqual([
      { staffId: technician, action: 'device.save', details: { deviceId: 'printer-2', kind: 'printer', transport: 'simulated' } },
    ]);
    expect(manager.isRunning('printer-2')).toBe(true);
  });

  it('a save whose write fails leaves no device row, no audit row, and the running driver as it was', async () => {
    const running = manager.printer();
    // The database refuses writes (as on a read-only mount): the whole transaction fails.
    db.pragma('query_only = ON');
    const error = await failure(admin.save(printer('printer-1', { enabled: false }), technician));
    db.pragma('query_only = OFF');
    expect(error).toBeInstanceOf(Error);
    expect(auditRows()).toEqual([]);
    expect(JSON.parse(deviceRows()[0]?.configJson ?? '{}')).toMatchObject({ id: 'printer-1', enabled: true });
    // The driver was never stopped: the hall still prints.
    expect(manager.printer()).toBe(running);
    expect(manager.list().devices.find((d) => d.config.id === 'printer-1')?.config.enabled).toBe(true);
  });

  it('an audit row that cannot be written rolls the device row back with it', async () => {
    // Nobody with this id: the audit row's staff reference fails, inside the save's transaction.
    const error = await failure(admin.save(printer('printer-3'), 999_999));
    expect(error).toBeInstanceOf(Error);
    expect(deviceRows().map((r) => r.id)).toEqual(['printer-1']);
    expect(manager.isRunning('printer-3')).toBe(false);
    expect(manager.list().devices.map((d) => d.config.id)).toEqual(['printer-1']);
  });

  it('refuses a simulated device in production before writing anything', async () => {
    await manager.stop();
    build(false);
    const error = await failure(admin.save(printer('printer-4'), technician));
    expect(error).toBeInstanceOf(HostError);
    expect((error as HostError).code).toBe('invalid_request');
    expect(deviceRows().map((r) => r.id)).toEqual(['printer-1']);
    expect(auditRows()).toEqual([]);
  });

  it('removes a device with its audit row, then stops its driver; an unknown one is not_found and writes nothing', async () => {
    await admin.remove('printer-1', technician);
    expect(deviceRows()).toEqual([]);
    expect(manager.isRunning('printer-1')).toBe(false);
    expect(manager.list().devices).toEqual([]);
    expect(auditRows().map((r) => r.action)).toEqual(['device.remove']);
    const error = await failure(admin.remove('printer-1', technician));
    expect((error as HostError).code).toBe('not_found');
    expect(auditRows().map((r) => r.action)).toEqual(['device.remove']);
  });

  it('audits a test action with its outcome, a failed one too', async () => {
    await waitFor(() => (manager.health()[0]?.state === 'ok' ? true : undefined), 'printer ok');
    const printed = await admin.test('printer-1', 'print-test', undefined, technician);
    expect(printed.ok).toBe(true);
    const wrong = await admin.test('printer-1', 'beep', undefined, technician);
    expect(wrong.ok).toBe(false);
    expect(auditRows().map((r) => r.details)).toEqual([
      { deviceId: 'printer-1', action: 'print-test', ok: true },
      { deviceId: 'printer-1', action: 'beep', ok: false },
    ]);
  });
});
