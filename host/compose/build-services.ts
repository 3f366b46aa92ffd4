import { dirname, join } from 'node:path';
import { buildVersion, openDatabase } from '../../db/open';
import { seedStaff } from '../auth/seed-staff';
import { StaffAuth } from '../auth/staff-auth';
import { ensureFirstSupervisor } from '../auth/first-supervisor';
import { PinPepper } from '../auth/pin-pepper';
import { recentServiceTimes } from '../../db/repositories/stats';
import { TicketPrinting } from '../printing/ticket-printing';
import { Pairing } from '../lan/pairing';
import { EvaluatorBinding } from '../lan/evaluator-binding';
import { TerminalSettingsStore } from '../settings/terminal-settings';
import { CameraChoiceStore } from '../settings/camera-choice';
import { HallLink } from '../hall-link/hall-link';
import { RemoteQueue } from '../hall-link/remote-queue';
import { NoticeBoard } from '../notices/notice-board';
import { ScreenNotices } from '../notices/screen-notices';
import { operations } from '../../contracts/api';
import { CaseService } from '../cases/case-service';
import { StewardDesk } from '../cases/steward-desk';
import { CaseReceiptPrinting } from '../printing/case-receipt-printing';
import { CatalogCache } from '../cases/catalog-cache';
import { AppointmentBook } from '../appointments/appointment-book';
import { AppointmentMatchingKey } from '../appointments/matching-key';
import { CentralExtrasClient, hallCentralClient } from '../cases/central-extras';
import { EvaluationService } from '../cases/evaluation-service';
import { ReviewService } from '../reviews/review-service';
import { CentralClient } from '../sync/central-client';
import { hallSenders } from '../sync/senders';
import { pageChunkSender } from '../sync/page-chunk-sender';
import { SyncEngine } from '../sync/sync-engine';
import { QueueStatsReporter } from '../sync/queue-stats-report';
import { LiveClient } from '../sync/live-client';
import { LivePush } from '../sync/live-push';
import { liveSnapshot } from '../sync/live-snapshot';
import { NearbyHalls } from '../sync/nearby-halls';
import { systemClock } from '../clock/clock';
import { DeviceManager } from '../devices/device-manager';
import { EventBus } from '../events/event-bus';
import { IdentityKeyer } from '../identity/identity-key';
import { IdentitySessions } from '../identity/identity-sessions';
import { KioskSeat } from '../identity/kiosk-seat';
import { LogRing } from '../log/log-ring';
import { QueueService } from '../queue/queue-service';
import { HourExtensions } from '../queue/hour-extensions';
import { businessDay } from '../queue/schedule';
import { HallSettingsStore } from '../settings/hall-settings';
import { hallSeedOf, liveHallConfig } from '../settings/live-config';
import { assertEnvironment } from '../config/environment';
import { StorageMonitor } from '../storage/storage-monitor';
import { centralFetch } from '../lan/ca-file';
import { currentServerNames } from '../lan/server-names';
import { TlsIdentityStore } from '../lan/tls-identity';
import { LinkThrottle } from '../lan/link-throttle';
import { PrintedLinks } from '../lan/printed-links';
import { AuditLog } from '../audit/audit-log';
import { AuditSearch } from '../audit/audit-search';
import { StewardWorkList } from '../cases/steward-work-list';
import { StaffAccounts } from '../auth/staff-accounts';
import { MaterialPages } from '../cases/material-pages';
import { CaseSubmission } from '../cases/case-submission';
import { DeviceAdministration } from '../devices/device-administration';
import { QueueStatistics } from '../queue/statistics';
import { DeviceStateSince } from '../manager/device-state-since';
import { FloorService } from '../manager/floor';
import { FloorWatch } from '../manager/floor-watch';
import { HallReports } from '../reports/hall-reports';
import type { HostOptions } from './host-options';
import { finishPendingRestore } from '../backup/pending-restore';
import { BackupService } from '../backup/backup-service';
import { recordHallIdentity } from '../backup/hall-identity';
import { NumberHighWater } from '../queue/number-high-water';
import { raiseNumbering } from '../queue/raise-numbering';
import { addDays } from '../queue/schedule';
import { audit } from '../audit/audit';
import { RestartSignal } from './restart-signal';

/**
 * The host's services, built in dependency order over one database and event bus: settings,
 * queue, staff, identity, devices, printing, cases, sync. Nothing here listens or starts a
 * timer a caller must stop, except what the lifecycle (host/compose/lifecycle.ts) stops.
 */
export async function buildServices(options: HostOptions) {
  const clock = options.clock ?? systemClock;
  // Read before anything is opened: a missing or unreadable CA file stops the start, naming the setting.
  const centralTls = centralFetch(options.config.centralApi.caFile);
  const inMemory = options.dbFile === ':memory:';
  // A restore asked for before this start is put in place before the database opens (docs/backup.md).
  const restored = inMemory
    ? null
    : finishPendingRestore({ dbFile: options.dbFile, migrationsDir: options.migrationsDir, now: clock.now() });
  const db = openDatabase(options.dbFile, { migrationsDir: options.migrationsDir, synchronous: 'FULL' });
  const bus = new EventBus(2000, () => clock.now());
  // Disk full, read-only or failing storage: every write that hits it is reported here (see errors.ts).
  const storage = new StorageMonitor({ db, clock, bus, probeIntervalMs: options.storageProbeMs });
  /**
   * A damaged database must not keep the host from starting (a technician restores it from the
   * console): what the start writes or reads of the queue is tried, and a storage failure recorded
   * (storage `corrupt`, kiosks out of service) instead of thrown.
   */
  const tolerated = (work: () => void) => {
    try {
      work();
    } catch (error) {
      if (!storage.observe(error)) throw error;
    }
  };
  const today = businessDay(clock.now(), options.config.timeZone, options.config.queue.dailyResetHour);
  // The numbers printed today, outside the database: the counters are raised to them at every open,
  // so numbering after a restore to an older copy follows the highest number ever issued today.
  const numbers = inMemory
    ? NumberHighWater.inMemory()
    : NumberHighWater.open(join(dirname(options.dbFile), 'ticket-numbers'), { keepFrom: addDays(today, -1) });
  tolerated(() => raiseNumbering(db, numbers.entries()));
  tolerated(() => recordHallIdentity(db, options.config.hallId, clock.now()));
  if (restored?.result === 'restored')
    tolerated(() =>
      audit(db, clock, 'backup.restored', {
        details: {
          backup: restored.backupName,
          keptAs: restored.keptAs,
          carriedOver: restored.carriedOver,
          by: restored.staffNo,
        },
      }),
    );
  // Services, windows, hours, queue rules, display and timeouts: seeded from the config file on
  // first boot, then owned by the technician console and applied live (host/settings/).
  const hallSettings = new HallSettingsStore({
    db,
    clock,
    bus,
    seed: hallSeedOf(options.config),
    businessDay: () => businessDay(clock.now(), options.config.timeZone, options.config.queue.dailyResetHour),
  });
  /** The config, its hall-owned fields read from the hall settings at each use. */
  const config = liveHallConfig(options.config, hallSettings);
  const timeouts = () => hallSettings.get().timeouts;
  const terminalSettings = new TerminalSettingsStore({
    db,
    clock,
    bus,
    seed: { role: config.role, name: config.terminalId, hallUrl: config.hallUrl, kiosk: config.kiosk, backup: config.backup },
  });
  /** The kiosk's document camera (高拍仪), chosen by label in the technician console. */
  const cameraChoice = new CameraChoiceStore({ db, clock, bus });
  const keyer = options.secretFile ? IdentityKeyer.fromSecretFile(options.secretFile) : IdentityKeyer.ephemeral();
  /**
   * A ticket's evaluation token: what the window evaluator receives when the clerk asks for the
   * rating, and proves the service with (POST /evaluations `serviceToken`). Derived, never stored.
   */
  const evaluationToken = (ticketId: number) => keyer.tag('evaluation-token', String(ticketId));
  const queue = new QueueService({
    db,
    bus,
    clock,
    timeZone: config.timeZone,
    hours: config.hours,
    policy: config.queue,
    calendar: config.calendar,
    evaluationToken,
    numbers,
  });
  tolerated(() => queue.expireOldTickets());
  tolerated(() =>
    queue.estimator.seedFrom(
      recentServiceTimes(db, { since: new Date(clock.now().getTime() - 7 * 86_400_000).toISOString(), limit: 500 }),
    ),
  );
  // Staff PIN hashes are sealed with a pepper from the install secret: the database alone guesses no PIN.
  const pepper = PinPepper.fromSecret(keyer.derive('staff-pin-pepper').exportSecret());
  seedStaff(db, config.staff, clock, pepper);
  const auth = new StaffAuth({ db, clock, pepper, sessionHours: timeouts().staffSessionHours });
  const firstSupervisor = options.secretFile ? await ensureFirstSupervisor(db, clock, dirname(options.secretFile), pepper) : null;
  // A secondary kiosk of this hall (terminal settings `hallUrl`) uses the hall's queue through this link.
  const link = new HallLink({ db, clock, bus, settings: terminalSettings });
  /** Queue keys: this hall's (handed to its paired kiosks), or the hall's this host is a kiosk of. */
  const ownQueueKeyer = keyer.derive('queue');
  const queueKeyer = () => link.queueKeyer() ?? ownQueueKeyer;
  /** Which kiosk page of this host is the kiosk (a second page must not end its visits). */
  const kioskSeat = new KioskSeat();
  const identity = new IdentitySessions({
    bus,
    clock,
    timeZone: config.timeZone,
    keyer,
    queueKeyer,
    maxAgeMs: timeouts().identitySessionMinutes * 60_000,
    seatHolder: () => kioskSeat.holderPage(),
  });
  // The card belongs to the page that held the seat when it was read, and follows the seat on.
  kioskSeat.onVacated((pageId) => identity.seatPassed(pageId, kioskSeat.holderPage()));
  // A settings change reaches the running queue, card sessions and sign-ins at once.
  hallSettings.onChange((hall) => {
    queue.setRules({ hours: config.hours, policy: config.queue, calendar: config.calendar });
    identity.setMaxAge(hall.timeouts.identitySessionMinutes * 60_000);
    auth.setSessionHours(hall.timeouts.staffSessionHours);
  });
  // Before the devices start: the floor says since when a printer has been out of paper.
  const deviceSince = new DeviceStateSince(bus, clock);
  const devices = new DeviceManager({
    db,
    clock,
    bus,
    identity,
    queue,
    seeds: config.devices,
    allowSimulators: options.environment !== 'production',
    onStorageFailure: (error) => storage.observe(error),
  });
  // A production hall that forgot a setting must not run on demo values without a word.
  try {
    assertEnvironment(
      options.environment,
      config,
      devices.list().devices.map((d) => d.config),
    );
  } catch (error) {
    db.close();
    throw error;
  }
  /**
   * Where a phone reaches this host (hall settings `publicUrl`, read at each link made): the base
   * of every printed and shown QR. Unset: the start option, else the loopback listener's address.
   */
  const publicBase = () =>
    hallSettings.get().publicUrl ?? options.publicUrl ?? `http://${config.listen.host}:${config.listen.port}`;
  /** The unguessable part of a ticket's progress link (printed in its QR). */
  const ticketTag = (ticketId: number) => keyer.tag('ticket', String(ticketId));
  /** Likewise for a case's receipt. */
  const caseTag = (caseId: string) => keyer.tag('case-link', caseId);
  const links = new PrintedLinks({
    publicBase,
    ticketTag,
    caseTag,
    ticket: (ticketId) => queue.ticket(ticketId),
    caseProgress: (caseId) => cases.progressById(caseId),
    hall: () => ({ hallName: config.hallName, timeZone: config.timeZone }),
    throttle: new LinkThrottle(clock),
  });
  const ticketUrl = (ticketId: number) => links.ticketUrl(ticketId);
  const printing = new TicketPrinting({
    queue,
    // Read at each print: the hall's name can change in the technician console.
    get hallName() {
      return config.hallName;
    },
    timeZone: config.timeZone,
    printer: () => devices.printer(),
    progressUrl: (ticket) => ticketUrl(ticket.id),
    skipRule: () => config.queue.skipRequeue,
  });

  // Cases and evaluations: written locally with their outbox entry, delivered by the sync engine.
  const centralOptions = {
    baseUrl: config.centralApi.url,
    token: config.centralApi.token,
    timeoutMs: config.centralApi.timeoutMs,
    ...(centralTls ? { fetch: centralTls } : {}),
  };
  const extras = new CentralExtrasClient(centralOptions);
  /** The key the central API tags this hall's bookings with (the demo key when the config has none: production refuses that). */
  const matchingKey =
    config.centralApi.matchingKey === undefined
      ? AppointmentMatchingKey.demo(config.hallId)
      : AppointmentMatchingKey.fromBase64Url(config.centralApi.matchingKey);
  const catalog = new CatalogCache({ db, source: extras, clock });
  const appointments = new AppointmentBook({
    db,
    source: extras,
    queue,
    clock,
    hallId: config.hallId,
    timeZone: config.timeZone,
    keyOf: (idNumber) => queueKeyer().keyOf(idNumber),
    tagOf: (idNumber) => matchingKey.tagOf(idNumber),
    catalog,
  });
  const { hallId, terminalId } = config;
  const notices = new NoticeBoard({ db, source: extras, hallId, clock, bus });
  const cases = new CaseService({
    db,
    catalog,
    clock,
    keyOf: (idNumber) => keyer.keyOf(idNumber),
    hallId,
    terminalId,
    // Read at each purge: the technician console sets it.
    undeliveredRetentionDays: () => hallSettings.get().timeouts.personalDataRetentionDays,
    timeZone: config.timeZone,
    // Read at each deadline: holidays are edited in the technician console.
    get calendar() {
      return config.calendar;
    },
  });
  const steward = new StewardDesk({ queue, printing, serviceCode: config.stewardService });
  const remote = new RemoteQueue({ link, printing, identity });
  // A secondary kiosk's screens show the notices its hall aims at it (the hall tells it by its token).
  const screenNotices = new ScreenNotices({
    board: notices,
    clock,
    hall: { linked: () => link.linked(), notices: () => link.call((hall) => hall.call(operations.notices, {})) },
  });
  /** Steward tickets come from the hall this host belongs to: itself, or its hall through the link. */
  const stewardRequests = {
    request: (caller: Parameters<StewardDesk['request']>[0]) => (link.linked() ? remote.steward() : steward.request(caller)),
    ticketsAreLocal: () => !link.linked(),
  };
  const receipts = new CaseReceiptPrinting({
    get hallName() {
      return config.hallName;
    },
    timeZone: config.timeZone,
    printer: () => devices.printer(),
    catalogItem: (code) => catalog.item(code),
    progressUrl: (localCase) => links.caseUrl(localCase.id),
  });
  // 差评整改回访: each 差评's follow-up, opened in the rating's own transaction.
  const reviews = new ReviewService({
    db,
    clock,
    bus,
    hallId,
    timeZone: config.timeZone,
    calendar: () => config.calendar,
    rectifyWorkingDays: () => hallSettings.get().reviews.rectifyWorkingDays,
  });
  const evaluations = new EvaluationService({
    db,
    clock,
    bus,
    hallId,
    terminalId,
    ticketKey: ticketTag,
    serviceToken: evaluationToken,
    cardCaseNumbers: () => {
      const key = identity.identityKey();
      return key === null ? null : cases.casesForCard(key).flatMap((c) => (c.caseNumber === null ? [] : [c.caseNumber]));
    },
    followups: reviews,
  });
  const queueStats = new QueueStatsReporter({
    db,
    clock,
    hallId,
    timeZone: config.timeZone,
    resetHour: config.queue.dailyResetHour,
  });
  const sync = new SyncEngine({
    db,
    client: hallCentralClient(new CentralClient(centralOptions), extras),
    clock,
    // Material pages' chunks read their bytes from this host's database at each attempt.
    senders: { ...hallSenders, 'case-page-chunk': pageChunkSender(db) },
    batchSize: config.sync.batchSize,
    backoff: config.sync.backoff,
    breaker: config.sync.breaker,
    pullIntervalMs: config.sync.pullIntervalMs,
    onDelivered: (entry, response) => {
      cases.onDelivered(entry, response);
      evaluations.onDelivered(entry, response);
    },
    onChange: (change) => {
      cases.applyChange(change);
    },
  });

  // The live district (就近办): the hall's queue now, to the platform every minute (never through
  // the outbox: a lost one is replaced), and the other halls' waiting for the kiosk's tiles.
  const live = new LiveClient(centralOptions);
  const livePush = new LivePush({
    clock,
    snapshot: () => liveSnapshot({ db, clock, queue, hallId, hallName: () => config.hallName, timeZone: config.timeZone }),
    send: (snapshot) => live.putLive(snapshot),
    // A secondary kiosk's queue is its hall's: the hall's host sends it.
    enabled: () => !link.linked(),
    intervalMs: config.sync.liveIntervalMs,
  });
  const nearbyHalls = new NearbyHalls({ clock, hallId, ask: (hall, service) => live.nearby(hall, service) });

  const pairing = new Pairing({ db, clock });
  const evaluatorBinding = new EvaluatorBinding({ db, clock, listed: (id) => pairing.terminal(id) });
  // The LAN listener's TLS: the hall's own CA, created at the first boot with the LAN on, kept in
  // the data folder (keys 0600), and a server certificate for this machine's names, renewed when due.
  const lanTls = config.lan.enabled
    ? new TlsIdentityStore({
        dir: options.secretFile ? join(dirname(options.secretFile), 'lan-tls') : null,
        hallId: config.hallId,
        names: () => currentServerNames(config.lan.names),
      })
    : null;
  const lanIdentity = lanTls ? await lanTls.current(clock.now()) : null;
  /** The technician console's log lines: the last 2,000 (≤ 1 MB), masked, in memory only. */
  const logs = new LogRing({ maxEntries: 2000, maxBytes: 1_000_000 });
  // What the route handlers call: the rules, transactions and audit rows live in these services.
  const accounts = new StaffAccounts({ db, clock, auth });
  const auditLog = new AuditLog(db);
  const auditSearch = new AuditSearch({ db, timeZone: config.timeZone });
  const stewardWork = new StewardWorkList({
    db,
    clock,
    timeZone: config.timeZone,
    resetHour: config.queue.dailyResetHour,
    serviceCode: () => config.stewardService,
  });
  const deviceAdmin = new DeviceAdministration({ db, clock, devices });
  // Captured pages are held for their card session: gone with it if no case took them, and at
  // startup, when no session can be alive (a crash mid-visit leaves none behind).
  const materialPages = new MaterialPages({ db, clock, sessionId: () => identity.sessionId() });
  materialPages.sweepAbandoned();
  bus.subscribe((event) => {
    if (event.type === 'identity.ended') materialPages.sessionEnded(event.sessionId);
  });
  const caseSubmission = new CaseSubmission({
    cases,
    identity,
    pages: materialPages,
    steward: stewardRequests,
    progressUrl: (localCase) => links.caseUrl(localCase.id),
  });
  const statistics = new QueueStatistics({ db, clock, timeZone: config.timeZone, resetHour: config.queue.dailyResetHour });
  const reports = new HallReports({
    db,
    clock,
    hallId,
    timeZone: config.timeZone,
    hallName: () => config.hallName,
    resetHour: () => config.queue.dailyResetHour,
  });
  // 延时服务: supervisors' extensions of today's hours (the hall's weekly hours and calendar read live).
  const hourExtensions = new HourExtensions({
    db,
    clock,
    bus,
    queue,
    timeZone: config.timeZone,
    hours: () => config.hours,
    calendar: () => config.calendar,
  });
  /** Asked for by a restore: whoever runs the host (host/main.ts) builds it again on the restored file. */
  const restart = new RestartSignal();
  const backups = new BackupService({
    db,
    clock,
    bus,
    settings: () => terminalSettings.get().backup,
    hallId,
    timeZone: config.timeZone,
    madeBy: keyer.tag('backup-host', 'made-by'),
    dbFile: options.dbFile,
    buildVersion: buildVersion(options.migrationsDir),
    version: options.version ?? '0.0.0',
    businessDay: () => queue.businessDay(),
    numbering: () => numbers.entries(),
    onDamaged: () => storage.markCorrupt(),
    restart: (reason) => restart.request(reason),
  });
  // The manager's live floor (现场) and the once-a-minute check of what no event announces.
  const floor = new FloorService({
    db,
    clock,
    bus,
    timeZone: config.timeZone,
    resetHour: config.queue.dailyResetHour,
    thresholds: () => hallSettings.get().alerts,
    devices: () => devices.health(),
    deviceSince,
    breaker: () => sync.breakerStatus(),
  });
  const floorWatch = new FloorWatch({ floor, bus });
  return {
    clock,
    db,
    bus,
    storage,
    hallSettings,
    config,
    terminalSettings,
    cameraChoice,
    queue,
    auth,
    firstSupervisor,
    link,
    ownQueueKeyer,
    matchingKey,
    identity,
    kioskSeat,
    devices,
    ticketTag,
    ticketUrl,
    links,
    printing,
    catalog,
    appointments,
    notices,
    screenNotices,
    cases,
    steward,
    remote,
    stewardRequests,
    receipts,
    evaluations,
    reviews,
    queueStats,
    sync,
    livePush,
    nearbyHalls,
    hallId,
    pairing,
    evaluatorBinding,
    lanTls,
    lanIdentity,
    logs,
    accounts,
    auditLog,
    auditSearch,
    stewardWork,
    deviceAdmin,
    caseSubmission,
    statistics,
    hourExtensions,
    numbers,
    backups,
    restart,
    restored,
    floor,
    floorWatch,
    reports,
  };
}

/** Everything the HTTP layer and the lifecycle are given. */
export type HostServices = Awaited<ReturnType<typeof buildServices>>;
