import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifyWebsocket from '@fastify/websocket';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { HostConfig } from '../contracts/config';
import { openDatabase, type Db } from '../db/open';
import { installStaffRequest } from './api/auth-guard';
import { installErrorHandling, notFoundBody } from './api/errors';
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
import { Pairing } from './lan/pairing';
import { noticeRoutes } from './api/routes-notices';
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
import { logRedactPaths } from './log/redact';
import { QueueService } from './queue/queue-service';

export interface HostOptions {
  config: HostConfig;
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
  close(): Promise<void>;
}

const API_PREFIX = '/api/v1';

/** Builds the host (not listening): database, queue, identity, devices and the HTTP/WS API. */
export async function createHost(options: HostOptions): Promise<Host> {
  const { config } = options;
  const clock = options.clock ?? systemClock;
  const db = openDatabase(options.dbFile, { migrationsDir: options.migrationsDir, synchronous: 'FULL' });
  const bus = new EventBus(2000, () => clock.now());
  const queue = new QueueService({ db, bus, clock, timeZone: config.timeZone, hours: config.hours, policy: config.queue });
  queue.seed(config.services, config.windows);
  queue.expireOldTickets();
  queue.estimator.seedFrom(
    recentServiceTimes(db, { since: new Date(clock.now().getTime() - 7 * 86_400_000).toISOString(), limit: 500 }),
  );
  seedStaff(db, config.staff, clock);
  const auth = new StaffAuth({ db, clock });
  const firstSupervisor = options.secretFile ? await ensureFirstSupervisor(db, clock, dirname(options.secretFile)) : null;
  const keyer = options.secretFile ? IdentityKeyer.fromSecretFile(options.secretFile) : IdentityKeyer.ephemeral();
  const identity = new IdentitySessions({ bus, clock, timeZone: config.timeZone, keyer, maxAgeMs: 5 * 60_000 });
  const devices = new DeviceManager({ db, clock, bus, identity, queue, seeds: config.devices });
  const publicBase = options.publicUrl ?? `http://${config.listen.host}:${config.listen.port}`;
  /** The unguessable part of a ticket's progress link (printed in its QR). */
  const ticketTag = (ticketId: number) => keyer.tag('ticket', String(ticketId));
  const printing = new TicketPrinting({
    queue,
    hallName: config.hallName,
    timeZone: config.timeZone,
    printer: () => devices.printer(),
    progressUrl: (ticket) => `${publicBase}/ticket/${ticket.id}?k=${ticketTag(ticket.id)}`,
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
    keyOf: (idNumber) => keyer.keyOf(idNumber),
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
    calendar: config.calendar,
  });
  const steward = new StewardDesk({ queue, printing, serviceCode: config.stewardService });
  const receipts = new CaseReceiptPrinting({
    hallName: config.hallName,
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

  const app = Fastify({
    logger: {
      level: options.logLevel ?? 'info',
      redact: { paths: logRedactPaths, censor: '[redacted]' },
      ...(options.logStream ? { stream: options.logStream } : {}),
    },
    // Request lines carry no personal data, but a kiosk logs little: only at debug.
    logController: new LogController({ disableRequestLogging: options.logLevel !== 'debug' }),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app);
  installStaffRequest(app);
  const pairing = new Pairing({ db, clock });
  if (config.lan.enabled) installLanGuard(app, pairing);

  await app.register(fastifySwagger, {
    openapi: { info: { title: 'Hall Kiosk host API', version: options.version ?? '0.0.0' } },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifyWebsocket, { options: { maxPayload: 64 * 1024 } });

  await app.register(
    async (api) => {
      await api.register(healthRoutes({ config, version: options.version ?? '0.0.0', devices, queue }));
      await api.register(identityRoutes(identity));
      await api.register(authRoutes({ auth, db, clock }));
      await api.register(queueRoutes({ queue, identity, auth, printing, ticketTag }));
      await api.register(deviceRoutes({ devices, auth, db, clock }));
      await api.register(statsRoutes({ db, clock, timeZone: config.timeZone, resetHour: config.queue.dailyResetHour, auth }));
      await api.register(caseRoutes({ cases, evaluations, catalog, identity, steward, receipts }));
      await api.register(syncRoutes({ sync, auth }));
      await api.register(pairingRoutes({ pairing, auth }));
      await api.register(appointmentRoutes({ appointments, identity, auth, printing }));
      await api.register(noticeRoutes({ notices, auth }));
      await api.register(
        announceRoutes({ config, clock, speech: new SpeechRenderer({ command: options.espeakCommand ?? 'espeak-ng' }) }),
      );
      await api.register(eventRoutes(bus));
      if (devices.hasSimulators()) await api.register(simulatorRoutes(devices));
      api.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
    },
    { prefix: API_PREFIX },
  );

  const rendererDir = options.rendererDir;
  if (rendererDir && existsSync(join(rendererDir, 'index.html'))) {
    await app.register(fastifyStatic, { root: rendererDir, wildcard: false, index: false });
    app.get('/', async (_req, reply) => reply.redirect('/kiosk'));
    app.get('/assets/*', async (req, reply) => {
      const file = (req.params as { '*': string })['*'];
      return reply.sendFile(`assets/${file}`, { maxAge: '365d', immutable: true });
    });
  }
  app.setNotFoundHandler(async (req, reply) => {
    const wantsPage = req.method === 'GET' && !req.url.startsWith(API_PREFIX) && !req.url.startsWith('/assets/');
    if (wantsPage && rendererDir && existsSync(join(rendererDir, 'index.html'))) {
      return reply
        .type('text/html')
        .header('cache-control', 'no-cache')
        .header('x-frame-options', 'DENY')
        .header('content-security-policy', "frame-ancestors 'none'")
        .sendFile('index.html');
    }
    return reply.code(404).send(notFoundBody(req.url));
  });

  bus.subscribe((event) => {
    if (event.type === 'device.status') app.log.info({ device: event.deviceId, state: event.state }, 'device status');
    if (event.type === 'identity.read' || event.type === 'identity.ended') app.log.info({ session: event.sessionId }, event.type);
  });
  await devices.start();
  catalog.start();
  // A hall switched off overnight reports yesterday's figures as soon as it boots.
  queueStats.enqueueFinishedDays();
  appointments.start();
  notices.start();
  sync.start();
  if (firstSupervisor)
    app.log.warn(
      `no staff accounts yet: created supervisor ${firstSupervisor.staffNo}; its one-time PIN is in ${firstSupervisor.pinFile}`,
    );
  // The business day turns over at the reset hour even when nobody acts: expire
  // yesterday's open tickets and expired staff sessions once a minute.
  const housekeeping = setInterval(() => {
    queue.expireOldTickets();
    auth.purgeExpired();
    cases.purge();
    queueStats.enqueueFinishedDays();
  }, 60_000);
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
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(housekeeping);
      identity.end();
      catalog.stop();
      appointments.stop();
      notices.stop();
      await sync.stop();
      await devices.stop();
      await app.close();
      db.close();
    },
  };
}
