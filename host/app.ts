import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/open';
import { buildHttp, closeHttp } from './compose/build-http';
import { buildServices } from './compose/build-services';
import type { HostOptions } from './compose/host-options';
import { Lifecycle } from './compose/lifecycle';
import { LanListener } from './lan/lan-listener';
import type { AppointmentBook } from './appointments/appointment-book';
import type { DeviceManager } from './devices/device-manager';
import type { EventBus } from './events/event-bus';
import type { IdentitySessions } from './identity/identity-sessions';
import type { NoticeBoard } from './notices/notice-board';
import type { QueueService } from './queue/queue-service';
import type { HallSettingsStore } from './settings/hall-settings';
import type { TerminalSettingsStore } from './settings/terminal-settings';
import type { StorageMonitor } from './storage/storage-monitor';
import type { BackupService } from './backup/backup-service';
import type { LivePush } from './sync/live-push';

export type { HostOptions } from './compose/host-options';

export interface Host {
  /** The Fastify app; `app.listen` is the plain-http listener of this machine (loopback). */
  app: FastifyInstance;
  /** The LAN's HTTPS listener over the same app (config `lan`), or null with the LAN off; `lan.listen()` starts it. */
  lan: LanListener | null;
  db: Db;
  bus: EventBus;
  queue: QueueService;
  identity: IdentitySessions;
  devices: DeviceManager;
  /** Today's appointments (cached from the central API) and check-in. */
  appointments: AppointmentBook;
  notices: NoticeBoard;
  /** This terminal's role, hall link and kiosk options (technician-owned after first boot). */
  terminalSettings: TerminalSettingsStore;
  /** The hall's services, windows, hours, rules and timeouts (technician-owned after first boot, applied live). */
  hallSettings: HallSettingsStore;
  /** Whether the database takes writes (disk full, read-only, I/O errors), and its recovery probe. */
  storage: StorageMonitor;
  /** The once-a-minute housekeeping (expiry at the reset hour, sessions, case purge, day figures, overdue 差评, floor alerts), run now. */
  housekeeping(): void;
  /** Nightly backups, the list, the dry run of a restore and the restore (docs/backup.md). */
  backups: BackupService;
  /** The hall's queue now, sent to the district platform every minute (`pushNow` sends one at once). */
  livePush: LivePush;
  /**
   * Resolves when the host asks to be built again on its files (a restore was staged): the caller
   * closes this host and calls `createHost` with the same options (host/main.ts does).
   */
  restartRequested: Promise<string>;
  close(): Promise<void>;
}

/**
 * Builds the host (not listening): its services (host/compose/build-services.ts), its HTTP and
 * WebSocket API (build-http.ts), then starts the running parts in order (lifecycle.ts).
 */
export async function createHost(options: HostOptions): Promise<Host> {
  const services = await buildServices(options);
  const app = await buildHttp(services, options);
  const {
    db,
    bus,
    storage,
    queue,
    auth,
    identity,
    devices,
    catalog,
    appointments,
    notices,
    cases,
    queueStats,
    sync,
    livePush,
    link,
    reviews,
    numbers,
    backups,
    restart,
    floorWatch,
  } = services;

  /** The floor's check: a read that fails is logged, never the end of the host (the kiosk must boot). */
  const checkFloor = () => {
    try {
      floorWatch.check();
    } catch (error) {
      // The floor is read again next minute, and by each manager screen meanwhile.
      app.log.error({ err: error }, 'floor check failed');
    }
  };
  // The business day turns over at the reset hour even when nobody acts: expire
  // yesterday's open tickets and expired staff sessions once a minute.
  const runHousekeeping = () => {
    try {
      queue.expireOldTickets();
      auth.purgeExpired();
      cases.purge();
      queueStats.enqueueFinishedDays();
      // 差评 not rectified by their due date: marked and announced once each.
      reviews.tick();
    } catch (error) {
      // A full or read-only disk must not take the host down: it is reported, and retried next minute.
      if (!storage.observe(error)) throw error;
    }
    // Alerts that time raises (a long pause, a wait past target, a stuck sync) reach the manager's floor.
    checkFloor();
  };
  const lanTls = services.lanTls;
  const lan = lanTls
    ? new LanListener({
        app,
        host: services.config.lan.host,
        port: services.config.lan.port,
        identity: () => lanTls.current(services.clock.now()),
        onRenewalError: (error) => app.log.error({ err: error }, 'LAN certificate renewal failed'),
      })
    : null;
  let housekeeping: NodeJS.Timeout | undefined;
  // Started in this order, stopped in the reverse one: each part stops before what it uses.
  const lifecycle = new Lifecycle([
    {
      name: 'database',
      stop: () => {
        db.close();
      },
    },
    // The numbering guard's file closes just before the database: nothing issues by then.
    { name: 'numbering guard', stop: () => numbers.close() },
    { name: 'storage monitor', stop: () => storage.stop() },
    // Stopped after the app: closing the app ends the WebSockets the LAN listener upgraded, at once.
    { name: 'lan listener', stop: () => lan?.close() },
    { name: 'http', stop: () => closeHttp(app) },
    { name: 'identity sessions', stop: () => identity.end() },
    { name: 'devices', start: () => devices.start(), stop: () => devices.stop() },
    { name: 'catalog', start: () => catalog.start(), stop: () => catalog.stop() },
    // A hall switched off overnight reports yesterday's figures as soon as it boots.
    {
      name: 'queue figures',
      start: () => {
        try {
          queueStats.enqueueFinishedDays();
        } catch (error) {
          // A damaged database must not keep the host from starting: it is reported (storage
          // `corrupt`), and a technician restores a backup from the console.
          if (!storage.observe(error)) throw error;
        }
      },
    },
    // 差评 rated before their follow-up existed get one; those already late are announced.
    {
      name: 'review follow-ups',
      start: () => {
        try {
          reviews.sweep();
          reviews.tick();
        } catch (error) {
          // As in housekeeping: a full or read-only disk is reported, and the sweep waits for the next start.
          if (!storage.observe(error)) throw error;
        }
      },
    },
    { name: 'appointments', start: () => appointments.start(), stop: () => appointments.stop() },
    { name: 'notices', start: () => notices.start(), stop: () => notices.stop() },
    { name: 'sync', start: () => sync.start(), stop: () => sync.stop() },
    { name: 'live push', start: () => livePush.start(), stop: () => livePush.stop() },
    { name: 'hall link', start: () => link.start(), stop: () => link.stop() },
    { name: 'backups', start: () => backups.start(), stop: () => backups.stop() },
    // What the floor looks like at boot: the first housekeeping tells screens only what changed since.
    { name: 'floor watch', start: checkFloor },
    {
      name: 'housekeeping',
      start: () => {
        housekeeping = setInterval(runHousekeeping, 60_000);
        housekeeping.unref();
      },
      stop: () => clearInterval(housekeeping),
    },
  ]);
  await lifecycle.start();
  if (services.firstSupervisor)
    app.log.warn(
      `no staff accounts yet: created supervisor ${services.firstSupervisor.staffNo}; its one-time PIN is in ${services.firstSupervisor.pinFile}`,
    );
  return {
    app,
    lan,
    db,
    bus,
    queue,
    identity,
    devices,
    appointments,
    notices,
    terminalSettings: services.terminalSettings,
    hallSettings: services.hallSettings,
    storage,
    housekeeping: runHousekeeping,
    backups,
    livePush,
    restartRequested: restart.requested,
    close: () => lifecycle.stop(),
  };
}
