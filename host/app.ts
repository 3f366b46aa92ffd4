import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifyWebsocket from '@fastify/websocket';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { API_PREFIX, operations } from '../contracts/api';
import type { HostConfig, HostEnvironment } from '../contracts/config';
import { openDatabase, type Db } from '../db/open';
import { installStaffRequest } from './api/auth-guard';
import { frameworkErrors, installErrorHandling, notFoundBody } from './api/errors';
import { router } from './api/route';
import { authRoutes } from './api/routes-auth';
import { statsRoutes } from './api/routes-stats';
import { seedStaff } from './auth/seed-staff';
import { StaffAuth } from './auth/staff-auth';
import { ensureFirstSupervisor } from './auth/first-supervisor';
import { recentServiceTimes } from '../db/repositories/stats';
import { eventRoutes } from './api/routes-events';
import { healthRoutes } from './api/routes-health';
import { identityRoutes } from './api/routes-identity';
import { queueRoutes } from './api/routes-queue';
import { deviceRoutes } from './api/routes-devices';
import { simulatorRoutes } from './api/routes-simulator';
import { TicketPrinting } from './printing/ticket-printing';
import { caseRoutes } from './api/routes-cases';
import { syncRoutes } from './api/routes-sync';
import { pairingRoutes } from './api/routes-pairing';
import { installLanGuard } from './lan/lan-guard';
import { installShellGuard } from './lan/shell-guard';
import { rendererCsp } from './api/content-security-policy';
import { Pairing } from './lan/pairing';
import { noticeRoutes } from './api/routes-notices';
import { terminalSettingsRoutes } from './api/routes-terminal-settings';
import { TerminalSettingsStore } from './settings/terminal-settings';
import { HallLink } from './hall-link/hall-link';
import { RemoteQueue } from './hall-link/remote-queue';
import { installHallRelay } from './hall-link/relay';
import { hallLinkRoutes } from './api/routes-hall-link';
import { terminalQueueRoutes } from './api/routes-terminal-queue';
import { announceRoutes } from './api/routes-announce';
import { SpeechRenderer } from './announce/speech-renderer';
import { NoticeBoard } from './notices/notice-board';
import { CaseService } from './cases/case-service';
import { StewardDesk } from './cases/steward-desk';
import { CaseReceiptPrinting } from './printing/case-receipt-printing';
import { CatalogCache } from './cases/catalog-cache';
import { AppointmentBook } from './appointments/appointment-book';
import { appointmentRoutes } from './api/routes-appointments';
import { CentralExtrasClient, hallCentralClient } from './cases/central-extras';
import { EvaluationService } from './cases/evaluation-service';
import { CentralClient } from './sync/central-client';
import { hallSenders } from './sync/senders';
import { SyncEngine } from './sync/sync-engine';
import { QueueStatsReporter } from './sync/queue-stats-report';
import { type Clock, systemClock } from './clock/clock';
import { DeviceManager } from './devices/device-manager';
import { EventBus } from './events/event-bus';
import { IdentityKeyer } from './identity/identity-key';
import { IdentitySessions } from './identity/identity-sessions';
import { KioskSeat } from './identity/kiosk-seat';
import { hostLoggerOptions } from './log/logger-options';
import { LogRing } from './log/log-ring';
import { logRoutes } from './api/routes-logs';
import { diagnosticsRoutes } from './api/routes-diagnostics';
import { listenAddresses } from './diagnostics/host-info';
import { QueueService } from './queue/queue-service';
import { businessDay } from './queue/schedule';
import { HallSettingsStore } from './settings/hall-settings';
import { hallSeedOf, liveHallConfig } from './settings/live-config';
import { assertEnvironment } from './config/environment';
import { ConfigTransfer } from './settings/config-transfer';
import { hallSettingsRoutes } from './api/routes-hall-settings';
import { configTransferRoutes } from './api/routes-config-transfer';
import { StorageMonitor } from './storage/storage-monitor';

/** How long closing waits for requests under way before cutting every connection. */
const CLOSE_GRACE_MS = 2_000;

export interface HostOptions {
  config: HostConfig;
  /** demo (npm start), test, or production (refuses demo values, no simulator routes, JSON logs). */
  environment: HostEnvironment;
  /** Folder of db/migrations (resolved by the entry point: source and bundle differ). */
  migrationsDir: string;
  /** Built renderer (dist/renderer); the API runs without it. */
  rendererDir?: string;
  /** SQLite file; ':memory:' in tests. Defaults to <dataDir>/hall.sqlite. */
  dbFile: string;
  /** Where the install secret lives; omitted in tests (an ephemeral key is used). */
  secretFile?: string;
  clock?: Clock;
  version?: string;
  logLevel?: 'silent' | 'error' | 'warn' | 'info' | 'debug';
  /** Base URL of the ticket progress page in printed QR codes (default: the listen address). */
  publicUrl?: string;
  /** Where log lines go (stdout by default); tests capture them to prove no personal data leaks. */
  logStream?: NodeJS.WritableStream;
  /** The espeak-ng binary behind the display's fallback voice (`espeak-ng` on the PATH by default). */
  espeakCommand?: string;
  /**
   * Set by the Electron shell (env HALL_SHELL_TOKEN): loopback requests must then carry it in
   * `x-hall-shell` (or a staff or terminal token). Unset: the loopback stays open (Chromium fallback).
   */
  shellToken?: string;
  /** How often a database that refused a write is probed for recovery (default 5 s; tests go faster). */
  storageProbeMs?: number;
}

export interface Host {
  app: FastifyInstance;
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
  /** The once-a-minute housekeeping (expiry at the reset hour, sessions, case purge, day figures), run now. */
  housekeeping(): void;
  close(): Promise<void>;
}

/** Builds the host (not listening): database, queue, identity, devices and the HTTP/WS API. */
export async function createHost(options: HostOptions): Promise<Host> {
  const clock = options.clock ?? systemClock;
  const db = openDatabase(options.dbFile, { migrationsDir: options.migrationsDir, synchronous: 'FULL' });
  const bus = new EventBus(2000, () => clock.now());
  // Disk full, read-only or failing storage: every write that hits it is reported here (see errors.ts).
  const storage = new StorageMonitor({ db, clock, bus, probeIntervalMs: options.storageProbeMs });
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
    seed: { role: config.role, name: config.terminalId, hallUrl: config.hallUrl, kiosk: config.kiosk },
  });
  const queue = new QueueService({ db, bus, clock, timeZone: config.timeZone, hours: config.hours, policy: config.queue });
  queue.expireOldTickets();
  queue.estimator.seedFrom(
    recentServiceTimes(db, { since: new Date(clock.now().getTime() - 7 * 86_400_000).toISOString(), limit: 500 }),
  );
  seedStaff(db, config.staff, clock);
  const auth = new StaffAuth({ db, clock, sessionHours: timeouts().staffSessionHours });
  const firstSupervisor = options.secretFile ? await ensureFirstSupervisor(db, clock, dirname(options.secretFile)) : null;
  const keyer = options.secretFile ? IdentityKeyer.fromSecretFile(options.secretFile) : IdentityKeyer.ephemeral();
  // A secondary kiosk of this hall (terminal settings `hallUrl`) uses the hall's queue through this link.
  const link = new HallLink({ db, clock, bus, settings: terminalSettings });
  /** Queue keys: this hall's (handed to its paired kiosks), or the hall's this host is a kiosk of. */
  const ownQueueKeyer = keyer.derive('queue');
  const queueKeyer = () => link.queueKeyer() ?? ownQueueKeyer;
  const identity = new IdentitySessions({
    bus,
    clock,
    timeZone: config.timeZone,
    keyer,
    queueKeyer,
    maxAgeMs: timeouts().identitySessionMinutes * 60_000,
  });
  /** Which kiosk page of this host is the kiosk (a second page must not end its visits). */
  const kioskSeat = new KioskSeat();
  // A settings change reaches the running queue, card sessions and sign-ins at once.
  hallSettings.onChange((hall) => {
    queue.setRules({ hours: config.hours, policy: config.queue });
    identity.setMaxAge(hall.timeouts.identitySessionMinutes * 60_000);
    auth.setSessionHours(hall.timeouts.staffSessionHours);
  });
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
  const publicBase = options.publicUrl ?? `http://${config.listen.host}:${config.listen.port}`;
  /** The unguessable part of a ticket's progress link (printed in its QR). */
  const ticketTag = (ticketId: number) => keyer.tag('ticket', String(ticketId));
  const ticketUrl = (ticketId: number) => `${publicBase}/ticket/${ticketId}?k=${ticketTag(ticketId)}`;
  const printing = new TicketPrinting({
    queue,
    // Read at each print: the hall's name can change in the technician console.
    get hallName() {
      return config.hallName;
    },
    timeZone: config.timeZone,
    printer: () => devices.printer(),
    progressUrl: (ticket) => ticketUrl(ticket.id),
  });

  // Cases and evaluations: written locally with their outbox entry, delivered by the sync engine.
  const centralOptions = {
    baseUrl: config.centralApi.url,
    token: config.centralApi.token,
    timeoutMs: config.centralApi.timeoutMs,
  };
  const extras = new CentralExtrasClient(centralOptions);
  const catalog = new CatalogCache({ db, source: extras, clock });
  const appointments = new AppointmentBook({
    db,
    source: extras,
    queue,
    clock,
    hallId: config.hallId,
    timeZone: config.timeZone,
    keyOf: (idNumber) => queueKeyer().keyOf(idNumber),
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
    timeZone: config.timeZone,
    // Read at each deadline: holidays are edited in the technician console.
    get calendar() {
      return config.calendar;
    },
  });
  const steward = new StewardDesk({ queue, printing, serviceCode: config.stewardService });
  const remote = new RemoteQueue({ link, printing, identity });
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
    progressUrl: (localCase) => `${publicBase}/case/${localCase.id}`,
  });
  const evaluations = new EvaluationService({ db, clock, hallId, terminalId });
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
    senders: hallSenders,
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

  const logs = new LogRing({ maxEntries: 2000, maxBytes: 1_000_000 });
  const app = Fastify({
    // One logger, two destinations: the output stream and the console's masked in-memory ring.
    logger: hostLoggerOptions({
      level: options.logLevel ?? 'info',
      stream: options.logStream,
      ring: logs,
      // Someone watching `npm start` reads lines; a hall's log collector reads JSON.
      format: options.environment === 'demo' ? 'lines' : 'json',
    }),
    // Request lines carry no personal data, but a kiosk logs little: only at debug.
    logController: new LogController({ disableRequestLogging: options.logLevel !== 'debug' }),
    // URLs the router cannot read (bad percent-encoding, over-long parameters) answer in the envelope too.
    frameworkErrors,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app, { storage });
  installStaffRequest(app);
  const pairing = new Pairing({ db, clock });
  if (config.lan.enabled) installLanGuard(app, pairing);
  if (options.shellToken)
    installShellGuard(app, {
      token: options.shellToken,
      isStaffToken: (token) => auth.verify(token) !== null,
      isTerminalToken: (token) => pairing.verify(token) !== undefined,
    });

  await app.register(fastifySwagger, {
    openapi: { info: { title: 'Hall Kiosk host API', version: options.version ?? '0.0.0' } },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifyWebsocket, { options: { maxPayload: 64 * 1024 } });

  await app.register(
    async (api) => {
      // First, so the queue routes registered below answer from the hall on a secondary terminal.
      installHallRelay(api, { link, remote });
      await api.register(
        healthRoutes({
          config,
          version: options.version ?? '0.0.0',
          devices,
          queue,
          terminal: () => terminalSettings.get(),
          hallLink: () => link.current(),
          storage: () => storage.current(),
        }),
      );
      await api.register(identityRoutes(identity, kioskSeat));
      await api.register(authRoutes({ auth, db, clock }));
      await api.register(queueRoutes({ queue, identity, auth, printing, ticketTag }));
      await api.register(deviceRoutes({ devices, auth, db, clock }));
      await api.register(statsRoutes({ db, clock, timeZone: config.timeZone, resetHour: config.queue.dailyResetHour, auth }));
      await api.register(caseRoutes({ cases, evaluations, catalog, identity, steward: stewardRequests, receipts }));
      await api.register(syncRoutes({ sync, auth }));
      await api.register(
        pairingRoutes({
          pairing,
          auth,
          hallIdentity: () => ({ hallId, hallName: config.hallName, queueKey: ownQueueKeyer.exportSecret() }),
        }),
      );
      await api.register(terminalQueueRoutes({ pairing, queue, steward, appointments, progressUrl: ticketUrl }));
      await api.register(hallLinkRoutes({ link, auth }));
      await api.register(appointmentRoutes({ appointments, identity, auth, printing }));
      await api.register(noticeRoutes({ notices, auth }));
      await api.register(hallSettingsRoutes({ store: hallSettings, auth }));
      await api.register(
        configTransferRoutes({
          transfer: new ConfigTransfer({ db, clock, hallId, hall: hallSettings, devices, terminal: terminalSettings, auth }),
          auth,
          clock,
          timeZone: config.timeZone,
        }),
      );
      await api.register(logRoutes({ logs, auth }));
      await api.register(
        diagnosticsRoutes({
          auth,
          db,
          clock,
          sources: {
            config,
            version: options.version ?? '0.0.0',
            clock,
            db,
            logs,
            terminal: () => terminalSettings.get(),
            businessDay: () => queue.businessDay(),
            devices: () => devices.list(),
            syncStatus: () => sync.status(),
            terminals: () => pairing.list(),
            listening: () => listenAddresses(app.addresses()),
          },
        }),
      );
      await api.register(terminalSettingsRoutes({ store: terminalSettings, auth }));
      await api.register(
        announceRoutes({ config, clock, speech: new SpeechRenderer({ command: options.espeakCommand ?? 'espeak-ng' }) }),
      );
      await api.register(eventRoutes(bus, kioskSeat));
      if (options.environment !== 'production' && devices.hasSimulators()) await api.register(simulatorRoutes(devices));
      router(api)(operations.openApi, async () => app.swagger());
    },
    { prefix: API_PREFIX },
  );

  const rendererDir = options.rendererDir;
  if (rendererDir && existsSync(join(rendererDir, 'index.html'))) {
    // serve: false — only reply.sendFile. Letting the plugin route each file itself (wildcard:
    // false) globbed ~430 font subsets at boot and added two routes per file: ~300 ms of the
    // host's start, which a kiosk pays at every boot. Assets go through the one route below, pages through notFound.
    await app.register(fastifyStatic, { root: rendererDir, serve: false });
    app.get('/assets/*', async (req, reply) => {
      const file = (req.params as { '*': string })['*'];
      return reply.sendFile(`assets/${file}`, { maxAge: '365d', immutable: true });
    });
  }
  // The start page is this terminal's role (technician console setting), read at each visit.
  app.get('/', { schema: { hide: true } }, async (_req, reply) => reply.redirect(`/${terminalSettings.get().role}`));
  app.setNotFoundHandler(async (req, reply) => {
    const wantsPage = req.method === 'GET' && !req.url.startsWith(API_PREFIX) && !req.url.startsWith('/assets/');
    if (wantsPage && rendererDir && existsSync(join(rendererDir, 'index.html'))) {
      return reply
        .type('text/html')
        .header('cache-control', 'no-cache')
        .header('x-frame-options', 'DENY')
        .header('content-security-policy', rendererCsp({ host: req.headers.host }))
        .sendFile('index.html');
    }
    return reply.code(404).send(notFoundBody(req.url));
  });

  bus.subscribe((event) => {
    if (event.type === 'device.status') app.log.info({ device: event.deviceId, state: event.state }, 'device status');
    if (event.type === 'identity.read' || event.type === 'identity.ended') app.log.info({ session: event.sessionId }, event.type);
    if (event.type === 'storage.status') app.log.warn({ state: event.state }, 'storage status');
  });
  await devices.start();
  catalog.start();
  // A hall switched off overnight reports yesterday's figures as soon as it boots.
  queueStats.enqueueFinishedDays();
  appointments.start();
  notices.start();
  sync.start();
  link.start();
  if (firstSupervisor)
    app.log.warn(
      `no staff accounts yet: created supervisor ${firstSupervisor.staffNo}; its one-time PIN is in ${firstSupervisor.pinFile}`,
    );
  // The business day turns over at the reset hour even when nobody acts: expire
  // yesterday's open tickets and expired staff sessions once a minute.
  const runHousekeeping = () => {
    try {
      queue.expireOldTickets();
      auth.purgeExpired();
      cases.purge();
      queueStats.enqueueFinishedDays();
    } catch (error) {
      // A full or read-only disk must not take the host down: it is reported, and retried next minute.
      if (!storage.observe(error)) throw error;
    }
  };
  const housekeeping = setInterval(runHousekeeping, 60_000);
  housekeeping.unref();
  let closed = false;
  return {
    app,
    db,
    bus,
    queue,
    identity,
    devices,
    appointments,
    notices,
    terminalSettings,
    hallSettings,
    storage,
    housekeeping: runHousekeeping,
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(housekeeping);
      storage.stop();
      identity.end();
      link.stop();
      catalog.stop();
      appointments.stop();
      notices.stop();
      await sync.stop();
      await devices.stop();
      // Requests under way get a moment to finish; then every connection is cut. Fastify closes
      // idle keep-alive sockets itself, but a browser's half-open one (a request never finished)
      // held close() for Node's 60 s header timeout: a restart must not wait on a browser.
      const cutOff = setTimeout(() => app.server.closeAllConnections(), CLOSE_GRACE_MS);
      try {
        await app.close();
      } finally {
        clearTimeout(cutOff);
      }
      db.close();
    },
  };
}
